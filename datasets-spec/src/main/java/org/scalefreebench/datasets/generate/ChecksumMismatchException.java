package org.scalefreebench.datasets.generate;

import java.io.IOException;
import java.nio.file.Path;

/** A data file whose SHA-256 is not the one its spec pins (or its manifest records). */
public final class ChecksumMismatchException extends IOException {

    private static final long serialVersionUID = 1L;

    /**
     * @param file     the file
     * @param expected the expected SHA-256
     * @param actual   the SHA-256 found, or a word saying why there is none (e.g. "missing")
     */
    public ChecksumMismatchException(Path file, String expected, String actual) {
        super(file + ": SHA-256 mismatch: expected " + expected + ", actual " + actual);
    }
}
