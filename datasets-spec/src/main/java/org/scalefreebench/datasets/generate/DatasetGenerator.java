package org.scalefreebench.datasets.generate;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.scalefreebench.datasets.family.DataColumn;
import org.scalefreebench.datasets.npy.Npy;
import org.scalefreebench.datasets.npy.NpyDtype;
import org.scalefreebench.datasets.npy.NpyHeader;
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
         * A split, or a shard of it, starts.
         *
         * @param spec  the spec
         * @param split the split
         * @param maps  number of maps it will generate
         */
        default void start(DatasetSpec spec, SplitSpec split, long maps) {}

        /**
         * A split is being assembled from its shards.
         *
         * @param spec   the spec
         * @param split  the split
         * @param shards number of shards
         */
        default void merging(DatasetSpec spec, SplitSpec split, int shards) {}

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
    /** Folder of a dataset that holds its shards, {@code <k>-of-<N>} each. */
    public static final String SHARDS_DIR = "shards";

    /** Most shard problems a failed merge lists. */
    private static final int MAX_SHARD_PROBLEMS_SHOWN = 20;

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
        return fillSplits(spec, dir, split -> generateSplit(spec, dir, split));
    }

    /** Writes one split's files into the dataset folder and returns their checksums. */
    @FunctionalInterface
    private interface SplitWriter {
        Map<String, String> write(SplitSpec split) throws IOException;
    }

    /**
     * Claims the dataset folder for the spec, keeps every complete split, writes the others with
     * {@code writer}, and writes the manifest last (unless it already describes these files).
     */
    private Path fillSplits(DatasetSpec spec, Path dir, SplitWriter writer) throws IOException {
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
            sums.putAll(writer.write(split));
        }
        if (!manifestDescribes(dir, spec, sums)) {
            new Manifest(spec, sums).write(dir);
        }
        return dir;
    }

    /**
     * Generates, or keeps if it is complete, shard k of N of every split: the maps {@link
     * org.scalefreebench.datasets.family.Family#shardMaps} names, as NPY files of their own, into
     * {@code out/<spec-id>/shards/<k>-of-<N>/<split>/<column file>}, with the shard's {@code
     * spec.json} first and its {@code SHA256SUMS} (every file of every split) last: a shard folder
     * without it is incomplete and is regenerated whole. Each task of an array job runs one shard;
     * {@link #mergeShards} assembles them into the files {@link #generate} writes, byte for byte,
     * whatever N.
     *
     * @param spec  the spec, pinned or ad hoc
     * @param shard the shard k/N
     * @param out   the root folder, as for {@link #generate}
     * @return the shard folder
     * @throws IOException on a write failure, or if the folder holds a shard of another spec
     */
    public Path generateShard(DatasetSpec spec, Shard shard, Path out) throws IOException {
        Path dir = shardFolder(out, spec, shard);
        Files.createDirectories(dir);
        claimFolder(spec, dir);
        if (shardIsComplete(spec, dir)) {
            for (SplitSpec split : spec.splits()) {
                progress.reused(spec, split);
            }
            return dir;
        }
        Files.deleteIfExists(dir.resolve(SPLIT_SUMS));
        Map<String, String> sums = new LinkedHashMap<>();
        for (SplitSpec split : spec.splits()) {
            sums.putAll(generateShardOfSplit(spec, dir, split, shard));
        }
        writeSums(dir.resolve(SPLIT_SUMS), sums, "");
        return dir;
    }

    /**
     * @param out   the root folder
     * @param spec  the spec
     * @param shard the shard
     * @return {@code out/<spec-id>/shards/<k>-of-<N>}
     */
    public static Path shardFolder(Path out, DatasetSpec spec, Shard shard) {
        return out.resolve(spec.id()).resolve(SHARDS_DIR).resolve(shard.folderName());
    }

    /**
     * Whether a shard's SHA256SUMS exists and lists every file of every split, each present with
     * that SHA-256; if not, the shard must be (re)generated.
     */
    private static boolean shardIsComplete(DatasetSpec spec, Path dir) throws IOException {
        Path sumsFile = dir.resolve(SPLIT_SUMS);
        if (!Files.isRegularFile(sumsFile)) {
            return false;
        }
        Map<String, String> recorded = readSums(sumsFile, "");
        for (String rel : spec.files()) {
            String want = recorded.get(rel);
            Path file = dir.resolve(rel);
            if (want == null || !Files.isRegularFile(file) || !Sha256.of(file).equals(want)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Assembles the N shards of {@link #generateShard} into the dataset folder, leaving it exactly
     * as {@link #generate} would: each file is the full-length NPY header followed by the shards'
     * bodies in order, streamed (never held in memory), checked against the pins, then the split's
     * {@code SHA256SUMS}, {@code spec.json} and, last, {@code manifest.json}. Splits already complete
     * in the dataset folder are kept. Before anything is written, every shard must exist, hold this
     * spec and be complete, and every shard file must have the header its part of the split needs
     * (the error lists every shard that is not, up to 20); each shard file's bytes are checked
     * against its shard's {@code SHA256SUMS} as they are copied. A failed merge leaves no manifest,
     * and no file under its final name that is not complete. The shard folders are left in place.
     *
     * @param spec  the spec the shards were generated from
     * @param count the number of shards N
     * @param out   the root folder the shards were generated into
     * @return the dataset folder {@code out/<spec-id>}
     * @throws IllegalArgumentException if N < 1
     * @throws IOException              naming the shard folder or file and what is wrong with it (missing,
     *                                  incomplete, another spec, wrong header or length, SHA-256 mismatch),
     *                                  or a merged file that differs from the spec's pins
     */
    public Path mergeShards(DatasetSpec spec, int count, Path out) throws IOException {
        if (count < 1) {
            throw new IllegalArgumentException("shard count " + count + " is below 1");
        }
        Path dir = out.resolve(spec.id());
        List<Map<String, String>> shardSums = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            try {
                shardSums.add(checkShard(spec, new Shard(k, count), out));
            } catch (IOException e) {
                problems.add(e.getMessage());
            }
        }
        if (problems.size() == 1) {
            throw new IOException(problems.get(0));
        }
        if (!problems.isEmpty()) {
            int shown = Math.min(problems.size(), MAX_SHARD_PROBLEMS_SHOWN);
            throw new IOException(problems.size() + " of " + count + " shards are not ready to merge:\n  "
                    + String.join("\n  ", problems.subList(0, shown))
                    + (shown < problems.size() ? "\n  … and " + (problems.size() - shown) + " more" : ""));
        }
        return fillSplits(spec, dir, split -> mergeSplit(spec, split, count, shardSums, out));
    }

    /**
     * Checks that a shard folder exists, holds this spec, is complete, and that each of its files
     * has the NPY header (dtype, shape) and length its part of the split needs.
     *
     * @return its recorded checksums, keyed by path relative to the shard folder
     */
    private static Map<String, String> checkShard(DatasetSpec spec, Shard shard, Path out) throws IOException {
        Path dir = shardFolder(out, spec, shard);
        String redo = "; run: generate --spec " + spec.id() + " --shard " + shard + " --out " + out;
        if (!Files.isDirectory(dir)) {
            throw new IOException("shard " + shard + ": " + dir + " is missing" + redo);
        }
        Path specFile = dir.resolve(SPEC_FILE);
        if (!Files.isRegularFile(specFile)
                || !Files.readString(specFile, StandardCharsets.UTF_8).equals(specJson(spec))) {
            throw new IOException("shard " + shard + ": " + specFile
                    + (Files.isRegularFile(specFile)
                            ? " records another spec than "
                            : " is missing, so it is no shard of ")
                    + spec.id() + redo);
        }
        Path sumsFile = dir.resolve(SPLIT_SUMS);
        if (!Files.isRegularFile(sumsFile)) {
            throw new IOException("shard " + shard + ": " + dir + " is incomplete: it has no " + SPLIT_SUMS
                    + " (its task did not finish)" + redo);
        }
        Map<String, String> recorded = readSums(sumsFile, "");
        for (SplitSpec split : spec.splits()) {
            long maps = spec.family().shardMaps(spec, split, shard).count();
            for (DataColumn c : spec.family().columns()) {
                String rel = c.relativePath(split.name());
                Path file = dir.resolve(rel);
                if (!recorded.containsKey(rel)) {
                    throw new IOException("shard " + shard + ": " + sumsFile + " lists no " + rel + redo);
                }
                if (!Files.isRegularFile(file)) {
                    throw new IOException("shard " + shard + ": " + file + " is missing" + redo);
                }
                long[] shape = c.shape(maps, spec.size());
                NpyHeader header;
                try {
                    header = Npy.readHeader(file);
                } catch (IOException e) {
                    throw new IOException(
                            "shard " + shard + ": " + file + " is no NPY file of " + c.expectation() + " = "
                                    + NpyHeader.formatShape(shape) + ": " + e.getMessage() + redo,
                            e);
                }
                if (header.dtype() != c.dtype() || header.fortranOrder() || !Arrays.equals(header.shape(), shape)) {
                    throw new IOException("shard " + shard + ": " + file + " has the header " + header + "; expected "
                            + c.expectation() + " = " + NpyHeader.formatShape(shape) + " in C order" + redo);
                }
            }
        }
        return recorded;
    }

    /**
     * Writes each file of a split as the full-length header and the shards' bodies in order,
     * checking each shard file against its shard's checksums on the way, then the split's
     * checksums.
     */
    private Map<String, String> mergeSplit(
            DatasetSpec spec, SplitSpec split, int count, List<Map<String, String>> shardSums, Path out)
            throws IOException {
        Path dir = out.resolve(spec.id());
        Path splitDir = dir.resolve(split.name());
        Files.createDirectories(splitDir);
        Files.deleteIfExists(splitDir.resolve(SPLIT_SUMS));
        int n = spec.samples(split);
        Map<DataColumn, String> actual = new LinkedHashMap<>();
        byte[] buffer = new byte[1 << 20];
        progress.merging(spec, split, count);
        try {
            for (DataColumn c : spec.family().columns()) {
                String rel = c.relativePath(split.name());
                Path target = dir.resolve(rel);
                MessageDigest merged = Sha256.newDigest();
                try (OutputStream o = new DigestOutputStream(
                        new BufferedOutputStream(AtomicFiles.openPart(target), 1 << 20), merged)) {
                    o.write(NpyWriter.header(c.dtype(), c.shape(n, spec.size())));
                    for (int k = 0; k < count; k++) {
                        Shard shard = new Shard(k, count);
                        Path file = shardFolder(out, spec, shard).resolve(rel);
                        appendBody(file, shard, shardSums.get(k).get(rel), o, buffer);
                    }
                }
                actual.put(c, Sha256.hex(merged));
            }
            Map<String, String> sums = commitSplitFiles(spec, dir, split, actual, true);
            writeSums(splitDir.resolve(SPLIT_SUMS), sums, split.name() + "/");
            return sums;
        } finally {
            for (DataColumn c : spec.family().columns()) {
                Files.deleteIfExists(AtomicFiles.partOf(dir.resolve(c.relativePath(split.name()))));
            }
        }
    }

    /** Copies the body of one shard file (after its header) to {@code out}, checking the file's SHA-256. */
    private static void appendBody(Path file, Shard shard, String expected, OutputStream out, byte[] buffer)
            throws IOException {
        NpyHeader header = Npy.readHeader(file);
        long body = header.elementCount() * header.dtype().itemSize();
        MessageDigest digest = Sha256.newDigest();
        long copied = 0;
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            long skipped = in.readNBytes(header.dataOffset()).length;
            for (int r; (r = in.read(buffer)) > 0; ) {
                out.write(buffer, 0, r);
                copied += r;
            }
            if (skipped != header.dataOffset() || copied != body) {
                throw new IOException("shard " + shard + ": " + file + " changed while it was merged: " + copied
                        + " body bytes, expected " + body);
            }
        }
        String actual = Sha256.hex(digest);
        if (!actual.equals(expected)) {
            throw new ChecksumMismatchException(
                    file, expected, actual + " (shard " + shard + " is corrupt: generate it again)");
        }
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
        String json = specJson(spec);
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

    /** The text of a folder's {@code spec.json}: the spec without its pins. */
    private static String specJson(DatasetSpec spec) throws IOException {
        return SpecJson.mapper().writeValueAsString(SpecJson.toJson(spec.withSha256(Map.of()))) + "\n";
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
        Map<String, String> recorded = readSums(sumsFile, split.name() + "/");
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
        Map<String, String> sums = generateShardOfSplit(spec, dir, split, Shard.whole());
        writeSums(splitDir.resolve(SPLIT_SUMS), sums, split.name() + "/");
        return sums;
    }

    /**
     * Draws one shard of a split into {@code dir/<split>/}: every column's file, each named by its
     * column and renamed into place once every column is written (and matches the pins, for the
     * whole split of a pinned spec).
     *
     * @return the SHA-256 of each file, keyed by path relative to {@code dir}
     */
    private Map<String, String> generateShardOfSplit(DatasetSpec spec, Path dir, SplitSpec split, Shard shard)
            throws IOException {
        Path splitDir = dir.resolve(split.name());
        Files.createDirectories(splitDir);
        int n = spec.family().shardMaps(spec, split, shard).count();
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
                            shard,
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
            Map<DataColumn, String> actual = new LinkedHashMap<>();
            for (DataColumn c : columns) {
                DigestingFile f = files.get(c);
                if (f == null) {
                    throw new IllegalStateException("family " + spec.family().id() + " wrote no "
                            + c.relativePath(split.name()) + " for spec " + spec.id());
                }
                f.close();
                actual.put(c, f.sha256());
            }
            return commitSplitFiles(spec, dir, split, actual, shard.isWhole());
        } finally {
            progress.finish();
            for (DigestingFile f : files.values()) {
                f.abandon();
            }
        }
    }

    /**
     * Checks the finished part files of a split against the spec's pins (when asked to and the spec
     * pins any), then renames every one into place; nothing is renamed if one mismatches.
     *
     * @return the SHA-256 of each file, keyed by path relative to {@code dir}
     */
    private static Map<String, String> commitSplitFiles(
            DatasetSpec spec, Path dir, SplitSpec split, Map<DataColumn, String> actual, boolean checkPins)
            throws IOException {
        Map<String, String> sums = new LinkedHashMap<>();
        for (Map.Entry<DataColumn, String> e : actual.entrySet()) {
            String rel = e.getKey().relativePath(split.name());
            if (checkPins && spec.pinned() && !e.getValue().equals(spec.sha256().get(rel))) {
                throw new ChecksumMismatchException(
                        dir.resolve(rel),
                        spec.sha256().get(rel),
                        e.getValue() + " (the generator does not reproduce the spec's pinned bytes)");
            }
            sums.put(rel, e.getValue());
        }
        for (DataColumn c : actual.keySet()) {
            AtomicFiles.commit(dir.resolve(c.relativePath(split.name())));
        }
        return sums;
    }

    /**
     * Writes a checksum file in {@code sha256sum} format, atomically.
     *
     * @param file   the checksum file
     * @param sums   SHA-256 by path relative to the dataset (or shard) folder
     * @param prefix the prefix to strip from each path, so that the names are relative to the
     *               checksum file's folder ({@code <split>/} for a split's file, empty for a shard's)
     */
    private static void writeSums(Path file, Map<String, String> sums, String prefix) throws IOException {
        StringBuilder text = new StringBuilder();
        for (Map.Entry<String, String> e : sums.entrySet()) {
            text.append(e.getValue())
                    .append("  ")
                    .append(e.getKey().substring(prefix.length()))
                    .append('\n');
        }
        AtomicFiles.writeString(file, text.toString());
    }

    /**
     * Reads a checksum file in {@code sha256sum} format.
     *
     * @param file   the file
     * @param prefix prepended to each name, to key the result by path relative to the dataset folder
     * @return SHA-256 by path
     */
    private static Map<String, String> readSums(Path file, String prefix) throws IOException {
        Map<String, String> recorded = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String[] parts = line.split(" {2}", 2);
            if (parts.length == 2) {
                recorded.put(prefix + parts[1], parts[0]);
            }
        }
        return recorded;
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
