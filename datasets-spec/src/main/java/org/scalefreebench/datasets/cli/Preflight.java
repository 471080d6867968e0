package org.scalefreebench.datasets.cli;

import java.io.PrintWriter;
import java.nio.charset.Charset;

/**
 * The {@code preflight} command as Maven's exec plugin runs it inside the build's JVM: it never
 * calls {@code System.exit}, and fails the build with one message when something is missing.
 */
public final class Preflight {

    private Preflight() {}

    /**
     * @param args the {@code preflight} command's options
     * @throws IllegalStateException if anything the run needs is missing (listed on standard error)
     */
    public static void main(String[] args) {
        String[] all = new String[args.length + 1];
        all[0] = "preflight";
        System.arraycopy(args, 0, all, 1, args.length);
        int code = ScaleFreeCli.run(
                new PrintWriter(System.out, true, Charset.defaultCharset()),
                new PrintWriter(System.err, true, Charset.defaultCharset()),
                all);
        if (code != 0) {
            throw new IllegalStateException("preflight failed (exit " + code + "): see the MISSING lines above");
        }
    }
}
