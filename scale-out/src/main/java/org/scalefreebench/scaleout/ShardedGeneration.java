package org.scalefreebench.scaleout;

import java.io.IOException;
import java.io.Serializable;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.util.SerializableConfiguration;
import org.scalefreebench.datasets.generate.DatasetGenerator;
import org.scalefreebench.datasets.generate.Manifest;
import org.scalefreebench.datasets.generate.Shard;
import org.scalefreebench.datasets.spec.DatasetSpec;
import org.scalefreebench.datasets.spec.SpecJson;
import org.scalefreebench.datasets.spec.SplitSpec;

/**
 * Generates a dataset as shards in parallel, one Spark task per shard, then merges them into the
 * dataset {@code generate} writes, checked against the spec's pins.
 *
 * <p>The output is a local path or a URI. A path must be a folder every executor sees (the driver's
 * disk for {@code local[...]}, a shared folder on a cluster): each task writes its shard there with
 * {@link DatasetGenerator#generateShard}, whose per-shard {@code SHA256SUMS} is written last, so a
 * task that dies midway leaves a shard that its retry regenerates and the merge refuses. A URI with
 * a scheme ({@code hdfs://}, {@code s3a://}, {@code file://}) goes through Hadoop's
 * {@link FileSystem}: a task generates its shard into a local temporary folder and uploads it with
 * {@link HadoopFolders#upload} (temporary names, renamed when whole, {@code SHA256SUMS} last); the
 * driver downloads the shards, merges them locally and uploads the dataset with its
 * {@code manifest.json} last.
 */
public final class ShardedGeneration {

    private ShardedGeneration() {}

    /**
     * One shard's task as it ended.
     *
     * @param index   the shard's index
     * @param attempt Spark's attempt number of the task that finished it (0 = first try)
     * @param kept    whether the shard was complete already and kept
     * @param host    the host it ran on
     * @param seconds wall-clock seconds of the task
     */
    public record ShardRun(int index, int attempt, boolean kept, String host, double seconds) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    /**
     * What a sharded generation did.
     *
     * @param dataset         where the dataset is (a path or URI)
     * @param shards          each shard's task, by index
     * @param generateSeconds wall-clock seconds of the Spark job that generated the shards
     * @param mergeSeconds    wall-clock seconds of the merge (with the downloads and upload for a URI)
     */
    public record Outcome(String dataset, List<ShardRun> shards, double generateSeconds, double mergeSeconds) {}

    /**
     * Generates the shards and merges them.
     *
     * @param spark       the Spark context
     * @param spec        the spec (published or ad hoc)
     * @param count       number of shards, at least 1
     * @param out         the root folder (path or URI); the dataset goes to {@code out/<spec-id>}
     * @param threads     worker threads of each task's generator (the bytes do not depend on it)
     * @param failMidway  a shard whose first attempt throws midway (a drill of a dying task), or -1
     * @return what was done
     * @throws IOException if a shard cannot be written, or the merge finds a missing or corrupt shard
     *     or bytes that differ from the spec's pins
     */
    public static Outcome run(
            JavaSparkContext spark, DatasetSpec spec, int count, String out, int threads, int failMidway)
            throws IOException {
        if (count < 1) {
            throw new IllegalArgumentException("--shards " + count + " is outside the allowed range [1, ∞)");
        }
        URI target = location(out);
        boolean direct = !hasScheme(out);
        String specJson = SpecJson.mapper().writeValueAsString(SpecJson.toJson(spec));
        SerializableConfiguration hadoop = new SerializableConfiguration(spark.hadoopConfiguration());
        ShardTask task =
                new ShardTask(specJson, spec.id(), count, target.toString(), direct, threads, failMidway, hadoop);
        long t0 = System.nanoTime();
        List<ShardRun> runs = new ArrayList<>(
                spark.parallelize(IntStream.range(0, count).boxed().toList(), count)
                        .map(task)
                        .collect());
        runs.sort(Comparator.comparingInt(ShardRun::index));
        long t1 = System.nanoTime();
        DatasetGenerator merger = new DatasetGenerator(threads, DatasetGenerator.Progress.NONE);
        String dataset;
        if (direct) {
            dataset = merger.mergeShards(spec, count, Path.of(target)).toString();
        } else {
            dataset = mergeRemote(merger, spec, count, target, hadoop.value());
        }
        return new Outcome(dataset, List.copyOf(runs), (t1 - t0) / 1e9, (System.nanoTime() - t1) / 1e9);
    }

    /**
     * @param out a folder path or a URI with a scheme
     * @return an absolute {@code file:} URI for a path (so executors in another working folder agree), the URI otherwise
     */
    static URI location(String out) {
        if (hasScheme(out)) {
            return URI.create(out.endsWith("/") ? out : out + "/");
        }
        return Path.of(out).toAbsolutePath().normalize().toUri();
    }

    /** Whether the output is a URI with a scheme (written through Hadoop), not a plain path (written directly). */
    static boolean hasScheme(String out) {
        return out.matches("^[A-Za-z][A-Za-z0-9+.-]*:/.*");
    }

    private static String mergeRemote(
            DatasetGenerator merger, DatasetSpec spec, int count, URI target, Configuration conf) throws IOException {
        Path staging = Files.createTempDirectory("scalefree-merge-");
        try {
            FileSystem fs = FileSystem.get(target, conf);
            org.apache.hadoop.fs.Path root = new org.apache.hadoop.fs.Path(target);
            org.apache.hadoop.fs.Path remoteDataset = new org.apache.hadoop.fs.Path(root, spec.id());
            org.apache.hadoop.fs.Path remoteShards =
                    new org.apache.hadoop.fs.Path(remoteDataset, DatasetGenerator.SHARDS_DIR);
            if (!fs.exists(remoteShards)) {
                throw new IOException(remoteShards + ": no shards to merge");
            }
            HadoopFolders.download(fs, remoteShards, staging.resolve(spec.id()).resolve(DatasetGenerator.SHARDS_DIR));
            Path merged = merger.mergeShards(spec, count, staging);
            HadoopFolders.upload(
                    merged,
                    fs,
                    remoteDataset,
                    Manifest.FILE_NAME,
                    DatasetGenerator.SHARDS_DIR + "/",
                    HadoopFolders.Copied.NONE);
            return remoteDataset.toString();
        } finally {
            deleteTree(staging);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** The task of one shard, run on an executor. */
    private record ShardTask(
            String specJson,
            String specId,
            int count,
            String target,
            boolean direct,
            int threads,
            int failMidway,
            SerializableConfiguration hadoop)
            implements Function<Integer, ShardRun> {

        private static final long serialVersionUID = 1L;

        @Override
        public ShardRun call(Integer index) throws IOException {
            long t0 = System.nanoTime();
            DatasetSpec spec = SpecJson.parse(specJson, "the driver's spec", specId);
            Shard shard = new Shard(index, count);
            TaskContext ctx = TaskContext.get();
            int attempt = ctx == null ? 0 : ctx.attemptNumber();
            boolean drill = index == failMidway && attempt == 0;
            URI uri = URI.create(target);
            boolean kept;
            if (direct) {
                kept = generate(spec, shard, Path.of(uri), drill);
            } else {
                kept = generateRemote(spec, shard, uri, drill);
            }
            return new ShardRun(index, attempt, kept, ExecutorHost.name(), (System.nanoTime() - t0) / 1e9);
        }

        /** @return whether the shard was complete already and kept */
        private boolean generate(DatasetSpec spec, Shard shard, Path out, boolean drill) throws IOException {
            boolean[] kept = {false};
            DatasetGenerator.Progress progress = new DatasetGenerator.Progress() {
                @Override
                public void advance(long maps) {
                    if (drill) {
                        throw new IllegalStateException(
                                "drill: the first attempt of shard " + shard + " dies midway, after " + maps + " maps");
                    }
                }

                @Override
                public void reused(DatasetSpec s, SplitSpec split) {
                    kept[0] = true;
                }
            };
            new DatasetGenerator(threads, progress).generateShard(spec, shard, out);
            return kept[0];
        }

        private boolean generateRemote(DatasetSpec spec, Shard shard, URI uri, boolean drill) throws IOException {
            FileSystem fs = FileSystem.get(uri, hadoop.value());
            String rel = spec.id() + "/" + DatasetGenerator.SHARDS_DIR + "/" + shard.folderName();
            org.apache.hadoop.fs.Path remote = new org.apache.hadoop.fs.Path(new org.apache.hadoop.fs.Path(uri), rel);
            if (fs.exists(new org.apache.hadoop.fs.Path(remote, DatasetGenerator.SPLIT_SUMS))) {
                return true;
            }
            Path local = Files.createTempDirectory("scalefree-shard-");
            try {
                generate(spec, shard, local, false);
                HadoopFolders.upload(local.resolve(rel), fs, remote, DatasetGenerator.SPLIT_SUMS, null, file -> {
                    if (drill) {
                        throw new IOException("drill: the first attempt of shard " + shard
                                + " dies midway through its upload, after " + file);
                    }
                });
                return false;
            } finally {
                deleteTree(local);
            }
        }
    }
}
