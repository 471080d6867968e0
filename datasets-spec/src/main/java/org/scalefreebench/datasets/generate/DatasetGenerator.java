package org.scalefreebench.datasets.generate;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.scalefreebench.datasets.family.DataColumn;
import org.scalefreebench.datasets.npy.NpyDtype;
import org.scalefreebench.datasets.npy.NpyWriter;
import org.scalefreebench.datasets.spec.DatasetSpec;
import org.scalefreebench.datasets.spec.SpecJson;
import org.scalefreebench.datasets.spec.SplitSpec;

/**
 * Generates a dataset from its spec into {@code <out>/<spec-id>/}, streaming maps to disk.
 *
 * <p>Atomic and resumable: every file is written to {@code <name>.part} and renamed into place
 * when whole; a split is complete when its {@code SHA256SUMS} file exists and every file matches
 * it (and the spec's pins); the {@code manifest.json} is written last. A run killed half-way
 * leaves no manifest, which {@code verify} rejects; running again keeps the complete splits and
 * regenerates the rest. A pinned spec whose output differs from its pins is an error.
 */
public final class DatasetGenerator {

    /** Receives progress of long work; every method does nothing unless overridden. */
    public interface Progress {
        /**
         * A split starts.
         *
         * @param spec  the spec
         * @param split the split
         * @param maps  number of maps it will generate
         */
        default void start(DatasetSpec spec, SplitSpec split, long maps) {}

        /** @param maps maps finished since the last call */
        default void advance(long maps) {}

        /** The split is done. */
        default void finish() {}

        /**
         * A split was already complete and is kept.
         *
         * @param spec  the spec
         * @param split the split
         */
        default void reused(DatasetSpec spec, SplitSpec split) {}

        /** Progress that reports nothing. */
        Progress NONE = new Progress() {};
    }

    /** Name of the per-split checksum file, in {@code sha256sum} format. */
    public static final String SPLIT_SUMS = "SHA256SUMS";
    /** Name of the file recording which spec a dataset folder holds. */
    public static final String SPEC_FILE = "spec.json";

    private final int threads;
    private final Progress progress;

    /**
     * @param threads  worker threads (the output does not depend on it)
     * @param progress receives progress
     */
    public DatasetGenerator(int threads, Progress progress) {
        this.threads = threads;
        this.progress = progress;
    }

    /**
     * Generates, or completes, a dataset.
     *
     * @param spec the spec
     * @param out  the root folder; the dataset goes to {@code out/<spec-id>}
     * @return the dataset folder
     * @throws IOException on a write failure or a checksum that differs from the spec's pins
     */
    public Path generate(DatasetSpec spec, Path out) throws IOException {
        Path dir = out.resolve(spec.id());
        Files.createDirectories(dir);
        claimFolder(spec, dir);
        Map<String, String> sums = new LinkedHashMap<>();
        for (SplitSpec split : spec.splits()) {
            Map<String, String> kept = completeSplit(spec, dir, split);
            if (kept != null) {
                progress.reused(spec, split);
                sums.putAll(kept);
                continue;
            }
            Files.deleteIfExists(dir.resolve(Manifest.FILE_NAME));
            sums.putAll(generateSplit(spec, dir, split));
        }
        if (!manifestDescribes(dir, spec, sums)) {
            new Manifest(spec, sums).write(dir);
        }
        return dir;
    }

    /** Whether the folder's manifest exists, reads and records exactly this spec and these checksums. */
    private static boolean manifestDescribes(Path dir, DatasetSpec spec, Map<String, String> sums) {
        if (!Files.isRegularFile(dir.resolve(Manifest.FILE_NAME))) {
            return false;
        }
        try {
            Manifest existing = Manifest.read(dir);
            return existing.sha256().equals(sums) && existing.spec().equals(spec);
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * Records the spec in {@code <dataset>/spec.json}, or checks that the folder holds this spec's
     * data: complete splits of another spec under the same id must never be kept.
     */
    private static void claimFolder(DatasetSpec spec, Path dir) throws IOException {
        Path specFile = dir.resolve(SPEC_FILE);
        String json = SpecJson.mapper().writeValueAsString(SpecJson.toJson(spec.withSha256(Map.of()))) + "\n";
        if (Files.isRegularFile(specFile)) {
            String existing = Files.readString(specFile, StandardCharsets.UTF_8);
            if (!existing.equals(json)) {
                throw new IOException(specFile + ": the folder holds data of another spec with the id '" + spec.id()
                        + "'; generate into another --out folder, or delete " + dir);
            }
            return;
        }
        AtomicFiles.writeString(specFile, json);
    }

    /**
     * Returns the checksums of a split whose files are all present and match its SHA256SUMS and the
     * spec's pins, or null if the split must be (re)generated.
     */
    private static Map<String, String> completeSplit(DatasetSpec spec, Path dir, SplitSpec split) throws IOException {
        Path splitDir = dir.resolve(split.name());
        Path sumsFile = splitDir.resolve(SPLIT_SUMS);
        if (!Files.isRegularFile(sumsFile)) {
            return null;
        }
        Map<String, String> recorded = new LinkedHashMap<>();
        for (String line : Files.readAllLines(sumsFile, StandardCharsets.UTF_8)) {
            String[] parts = line.split(" {2}", 2);
            if (parts.length == 2) {
                recorded.put(split.name() + "/" + parts[1], parts[0]);
            }
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (DataColumn f : spec.family().columns()) {
            String rel = f.relativePath(split.name());
            String want = recorded.get(rel);
            Path file = dir.resolve(rel);
            if (want == null || !Files.isRegularFile(file)) {
                return null;
            }
            if (spec.pinned() && !want.equals(spec.sha256().get(rel))) {
                return null;
            }
            if (!Sha256.of(file).equals(want)) {
                return null;
            }
            out.put(rel, want);
        }
        return out;
    }

    private Map<String, String> generateSplit(DatasetSpec spec, Path dir, SplitSpec split) throws IOException {
        Path splitDir = dir.resolve(split.name());
        Files.createDirectories(splitDir);
        Files.deleteIfExists(splitDir.resolve(SPLIT_SUMS));
        int n = spec.samples(split);
        int size = spec.size();
        List<DataColumn> columns = spec.family().columns();
        Map<DataColumn, DigestingFile> files = new LinkedHashMap<>();
        progress.start(spec, split, n);
        try {
            spec.family()
                    .generator()
                    .generate(
                            spec,
                            split,
                            threads,
                            column -> {
                                if (!columns.contains(column) || files.containsKey(column)) {
                                    throw new IllegalStateException(
                                            "family " + spec.family().id()
                                                    + " opened " + column.fileName()
                                                    + " twice or without declaring it; its files are " + spec.files());
                                }
                                DigestingFile f = DigestingFile.open(splitDir, column, n, size);
                                files.put(column, f);
                                return f.writer;
                            },
                            progress::advance);
            for (DataColumn c : columns) {
                DigestingFile f = files.get(c);
                if (f == null) {
                    throw new IllegalStateException("family " + spec.family().id() + " wrote no "
                            + c.relativePath(split.name()) + " for spec " + spec.id());
                }
                f.close();
            }

            Map<String, String> sums = new LinkedHashMap<>();
            for (DataColumn f : columns) {
                String rel = f.relativePath(split.name());
                String actual = files.get(f).sha256();
                if (spec.pinned() && !actual.equals(spec.sha256().get(rel))) {
                    throw new ChecksumMismatchException(
                            dir.resolve(rel),
                            spec.sha256().get(rel),
                            actual + " (the generator does not reproduce the spec's pinned bytes)");
                }
                sums.put(rel, actual);
            }
            StringBuilder sumsText = new StringBuilder();
            for (DataColumn f : columns) {
                AtomicFiles.commit(splitDir.resolve(f.fileName()));
                sumsText.append(sums.get(f.relativePath(split.name())))
                        .append("  ")
                        .append(f.fileName())
                        .append('\n');
            }
            AtomicFiles.writeString(splitDir.resolve(SPLIT_SUMS), sumsText.toString());
            return sums;
        } finally {
            progress.finish();
            for (DigestingFile f : files.values()) {
                f.abandon();
            }
        }
    }

    /** An NPY file being written to its part file, with the SHA-256 of every byte. */
    private static final class DigestingFile {
        private final Path target;
        private final MessageDigest digest;
        private final NpyWriter writer;
        private boolean closed;

        private DigestingFile(Path target, MessageDigest digest, NpyWriter writer) {
            this.target = target;
            this.digest = digest;
            this.writer = writer;
        }

        static DigestingFile open(Path splitDir, DataColumn file, long samples, int size) throws IOException {
            Path target = splitDir.resolve(file.fileName());
            MessageDigest digest = Sha256.newDigest();
            OutputStream out =
                    new DigestOutputStream(new BufferedOutputStream(AtomicFiles.openPart(target), 1 << 20), digest);
            NpyDtype dtype = file.dtype();
            return new DigestingFile(target, digest, NpyWriter.open(out, dtype, file.shape(samples, size)));
        }

        void close() throws IOException {
            closed = true;
            writer.close();
        }

        String sha256() {
            return Sha256.hex(digest);
        }

        /** Closes an unfinished file and removes its part file; a finished one was renamed already. */
        void abandon() {
            if (!closed) {
                try {
                    writer.close();
                } catch (IOException | RuntimeException e) {
                    // the file is incomplete by definition here; its part file is removed below
                }
            }
            try {
                Files.deleteIfExists(AtomicFiles.partOf(target));
            } catch (IOException e) {
                // a leftover .part file is never taken as complete; the next run overwrites it
            }
        }
    }
}
