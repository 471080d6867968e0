package org.scalefreebench.scaleout;

import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;

/** The name of the host a task runs on, recorded beside its work. */
final class ExecutorHost {

    private ExecutorHost() {}

    /** @return this JVM's host name */
    static String name() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            throw new UncheckedIOException(e);
        }
    }
}
