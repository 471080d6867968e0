package org.scalefreebench.datasets.generate;

import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writing that never leaves a half-written file under its final name: data goes to
 * {@code <name>.part}, is synced, and is then renamed into place.
 */
public final class AtomicFiles {

    /** Suffix of files still being written. */
    public static final String PART_SUFFIX = ".part";

    private AtomicFiles() {}

    /**
     * @param target the final path
     * @return the path its data is written to before the rename
     */
    public static Path partOf(Path target) {
        return target.resolveSibling(target.getFileName() + PART_SUFFIX);
    }

    /**
     * Opens the part file of {@code target} for writing; closing the stream syncs it to disk.
     *
     * @param target the final path
     * @return a stream onto {@code partOf(target)}
     * @throws IOException if it cannot be created
     */
    public static FileOutputStream openPart(Path target) throws IOException {
        Files.createDirectories(target.toAbsolutePath().getParent());
        return new FileOutputStream(partOf(target).toFile()) {
            private boolean closed;

            @Override
            public void close() throws IOException {
                if (!closed) {
                    closed = true;
                    flush();
                    getFD().sync();
                }
                super.close();
            }
        };
    }

    /**
     * Renames the finished part file of {@code target} into place, replacing any older file.
     *
     * @param target the final path
     * @throws IOException if the rename fails
     */
    public static void commit(Path target) throws IOException {
        Path part = partOf(target);
        try {
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * Writes a small text file atomically.
     *
     * @param target the final path
     * @param text   the contents, written as UTF-8
     * @throws IOException if writing fails
     */
    public static void writeString(Path target, String text) throws IOException {
        try (FileOutputStream out = openPart(target)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        commit(target);
    }
}
