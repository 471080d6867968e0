package org.scalefreebench.scaleout;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.scalefreebench.datasets.generate.AtomicFiles;

/**
 * Copies whole folders between the local disk and a Hadoop file system (HDFS, S3A, {@code file:}, any
 * scheme the class path provides) so that a reader never takes a half-copied folder as complete:
 * every file is written under a temporary name and renamed into place when whole, and the folder's
 * completion marker (a {@code SHA256SUMS} or {@code manifest.json}) is copied last, after every other
 * file is in place. A copy that dies midway leaves at most temporary files and no marker.
 */
public final class HadoopFolders {

    /** The infix of a file being copied: {@code <name>.part-<uuid>}; never read as data. */
    public static final String PART_INFIX = AtomicFiles.PART_SUFFIX + "-";

    private HadoopFolders() {}

    /**
     * Called after each file is in place; lets a test stop a copy midway.
     */
    @FunctionalInterface
    public interface Copied {
        /**
         * @param file the file's path relative to the folder
         * @throws IOException to abandon the copy
         */
        void copied(String file) throws IOException;

        /** Does nothing. */
        Copied NONE = file -> {};
    }

    /**
     * Uploads a local folder.
     *
     * @param local  the local folder
     * @param fs     the target file system
     * @param remote the target folder
     * @param marker the path, relative to the folder, of the file copied last (it must exist)
     * @param skip   a relative-path prefix not to copy, or null
     * @param after  called after each file is in place
     * @throws IOException if a copy or rename fails
     */
    public static void upload(
            Path local, FileSystem fs, org.apache.hadoop.fs.Path remote, String marker, String skip, Copied after)
            throws IOException {
        List<String> files = new ArrayList<>();
        try (Stream<Path> s = Files.walk(local)) {
            s.filter(Files::isRegularFile)
                    .map(p -> local.relativize(p).toString().replace('\\', '/'))
                    .filter(rel -> !rel.endsWith(AtomicFiles.PART_SUFFIX) && !rel.contains(PART_INFIX))
                    .filter(rel -> skip == null || !rel.startsWith(skip))
                    .sorted()
                    .forEach(files::add);
        }
        if (!files.remove(marker)) {
            throw new IOException(
                    local.resolve(marker) + ": the completion marker is missing; the folder is not whole");
        }
        fs.delete(new org.apache.hadoop.fs.Path(remote, marker), false);
        files.add(marker);
        for (String rel : files) {
            org.apache.hadoop.fs.Path target = new org.apache.hadoop.fs.Path(remote, rel);
            org.apache.hadoop.fs.Path part =
                    new org.apache.hadoop.fs.Path(remote, rel + PART_INFIX + UUID.randomUUID());
            try (InputStream in = Files.newInputStream(local.resolve(rel));
                    FSDataOutputStream out = fs.create(part, true)) {
                in.transferTo(out);
                out.hsync();
            }
            fs.delete(target, false);
            if (!fs.rename(part, target)) {
                fs.delete(part, false);
                throw new IOException("could not rename " + part + " to " + target);
            }
            after.copied(rel);
        }
    }

    /**
     * Downloads a remote folder, leaving out files being copied ({@link #PART_INFIX}).
     *
     * @param fs     the source file system
     * @param remote the source folder
     * @param local  the local folder (created)
     * @throws IOException if the folder is missing or a copy fails
     */
    public static void download(FileSystem fs, org.apache.hadoop.fs.Path remote, Path local) throws IOException {
        Files.createDirectories(local);
        for (FileStatus st : fs.listStatus(remote)) {
            String name = st.getPath().getName();
            if (st.isDirectory()) {
                download(fs, st.getPath(), local.resolve(name));
            } else if (!name.contains(PART_INFIX)) {
                Path target = local.resolve(name);
                try (InputStream in = fs.open(st.getPath());
                        OutputStream out = AtomicFiles.openPart(target)) {
                    in.transferTo(out);
                }
                AtomicFiles.commit(target);
            }
        }
    }
}
