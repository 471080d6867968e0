package org.scalefreebench.datasets.npy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * An NPY file that is malformed or does not hold the expected array. The message always starts
 * with the file and says what was expected and what was found.
 */
public final class NpyFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    private final String file;

    /**
     * @param file   the offending file
     * @param detail what was found and what was expected, e.g.
     *               {@code "dtype '<f4' (float32), expected '|u1' (uint8)"}
     */
    public NpyFormatException(Path file, String detail) {
        super(Objects.requireNonNull(file, "file") + ": " + detail);
        this.file = file.toString();
    }

    /** @return the offending file, as it was given to the reader */
    public String file() {
        return file;
    }
}
