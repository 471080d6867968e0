package org.scalefreebench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalefreebench.bench.result.ResultRow;
import org.scalefreebench.bench.result.ResultStore;
import org.scalefreebench.datasets.generate.ChecksumMismatchException;
import org.scalefreebench.datasets.generate.DatasetGenerator;
import org.scalefreebench.datasets.generate.DatasetVerifier;
import org.scalefreebench.datasets.generate.Manifest;
import org.scalefreebench.datasets.model.BenchmarkModel;
import org.scalefreebench.datasets.model.FitOptions;
import org.scalefreebench.datasets.model.MapBatch;
import org.scalefreebench.datasets.model.TrainingData;
import org.scalefreebench.datasets.spec.DatasetSpec;
import org.scalefreebench.datasets.spec.SpecCatalogue;
import org.scalefreebench.datasets.spec.SplitSpec;
import org.scalefreebench.datasets.task.Task;
import org.scalefreebench.datasets.task.Tier;

/**
 * Bad models and bad input: a model that throws, returns NaN, returns the wrong length or hangs
 * fails with the reason in its rows while the others still run; unknown ids are errors listing the
 * known ones; a corrupt dataset stops the run before any training, naming the file.
 */
class BenchmarkFailureTest {

    private static final List<Thread> FIT_THREADS = new CopyOnWriteArrayList<>();

    private static BenchmarkSettings defaults;
    private static TierData smoke;

    @BeforeAll
    static void loadSmokeData() {
        defaults = SmokeTier.DEFAULTS;
        smoke = SmokeTier.data();
    }

    /** A stand-in model whose fit or predictions misbehave in a chosen way. */
    private record Faulty(String id, String fault) implements BenchmarkModel {

        @Override
        public String description() {
            return "test model that " + fault;
        }

        @Override
        public Set<Task> tasks() {
            return EnumSet.of(Task.SPANNING, Task.MAX_CLUSTER);
        }

        @Override
        public FittedModel fit(TrainingData data, FitOptions options) throws Exception {
            if (fault.equals("throws in fit")) {
                throw new IllegalStateException("boom in fit");
            }
            if (fault.equals("hangs in fit")) {
                Thread.sleep(Long.MAX_VALUE);
            }
            if (fault.equals("reads two channels")) {
                data.requireChannels(id, 2);
            }
            if (fault.equals("records its thread")) {
                FIT_THREADS.add(Thread.currentThread());
            }
            return new FittedModel() {
                @Override
                public long parameterCount() {
                    return 1;
                }

                @Override
                public float[] predict(Task task, MapBatch maps) {
                    if (fault.equals("predicts two channels")) {
                        maps.requireChannels(id, 2);
                    }
                    float[] p = new float[maps.count()];
                    java.util.Arrays.fill(p, 0.5f);
                    if (fault.equals("returns NaN for spanning") && task == Task.SPANNING) {
                        p[3] = Float.NaN;
                    }
                    if (fault.equals("returns too few values")) {
                        return new float[maps.count() - 1];
                    }
                    return p;
                }
            };
        }
    }

    private static ModelRun run(BenchmarkModel model, Duration budget) {
        BenchmarkSettings s = new BenchmarkSettings(
                Tier.SMOKE,
                List.of(1L, 2L),
                "",
                EnumSet.allOf(Task.class),
                budget,
                defaults.dataDir(),
                defaults.resultsDir());
        return new Benchmark(s, smoke, line -> {}).run(model);
    }

    @Test
    void modelRefusingTheChannelCountFailsWithTheReason() {
        ModelRun atFit = run(new Faulty("two-planes", "reads two channels"), Duration.ofSeconds(30));
        assertEquals(Set.of(Task.SPANNING, Task.MAX_CLUSTER), atFit.failures().keySet());
        assertTrue(
                atFit.failures()
                        .get(Task.SPANNING)
                        .contains("seed 1: fit threw java.lang.IllegalArgumentException: model two-planes reads 2"
                                + " channel(s) per map, got 1"),
                atFit.failures().toString());
        ModelRun atPredict = run(new Faulty("two-planes-late", "predicts two channels"), Duration.ofSeconds(30));
        assertEquals(
                Set.of(Task.SPANNING, Task.MAX_CLUSTER), atPredict.failures().keySet());
        assertTrue(
                atPredict
                        .failures()
                        .get(Task.MAX_CLUSTER)
                        .contains("threw java.lang.IllegalArgumentException: model two-planes-late reads 2 channel(s)"
                                + " per map, got 1"),
                atPredict.failures().toString());
    }

    @Test
    void modelThatThrowsFailsEveryTaskWithTheReason() {
        ModelRun run = run(new Faulty("throws", "throws in fit"), Duration.ofSeconds(30));
        assertEquals(Set.of(Task.SPANNING, Task.MAX_CLUSTER), run.failures().keySet());
        assertTrue(
                run.failures()
                        .get(Task.SPANNING)
                        .contains("seed 1: fit threw java.lang.IllegalStateException: boom in fit"),
                run.failures().toString());
        assertTrue(run.seeds().isEmpty());
    }

    @Test
    void nanPredictionFailsThatTaskOnly() {
        ModelRun run = run(new Faulty("nan", "returns NaN for spanning"), Duration.ofSeconds(30));
        assertEquals(Set.of(Task.SPANNING), run.failures().keySet());
        assertTrue(
                run.failures().get(Task.SPANNING).contains("NaN"),
                run.failures().toString());
        List<ResultRow> rows = ResultRows.of(run, smoke, RunEnvironment.hardware(), RunEnvironment.versions());
        ResultRow spanning = rows.stream()
                .filter(r -> r.task().equals("spanning"))
                .findFirst()
                .orElseThrow();
        ResultRow maxCluster = rows.stream()
                .filter(r -> r.task().equals("max-cluster"))
                .findFirst()
                .orElseThrow();
        assertEquals(ResultRow.FAILED, spanning.status());
        assertTrue(spanning.metrics().isEmpty());
        assertEquals(ResultRow.OK, maxCluster.status());
        assertNull(maxCluster.error());
        assertEquals(List.of(1L, 2L), maxCluster.seeds());
    }

    @Test
    void wrongLengthIsRejectedNamingTheExpectedLength() {
        ModelRun run = run(new Faulty("short", "returns too few values"), Duration.ofSeconds(30));
        assertTrue(
                run.failures()
                        .get(Task.MAX_CLUSTER)
                        .contains("expected " + smoke.testSets().get(0).samples()),
                run.failures().toString());
    }

    @Test
    void modelThatHangsIsAbandonedAtItsBudgetAndOthersStillRun() {
        ModelRun hung = run(new Faulty("hangs", "hangs in fit"), Duration.ofSeconds(2));
        assertTrue(
                hung.failures().get(Task.SPANNING).contains("exceeded its budget of 2 s"),
                hung.failures().toString());
        ModelRun after = run(ModelRegistry.load().get("density-baseline"), Duration.ofSeconds(30));
        assertTrue(after.failures().isEmpty(), after.failures().toString());
    }

    @Test
    void modelsShareOneThreadUntilOneHangs() {
        FIT_THREADS.clear();
        run(new Faulty("first", "records its thread"), Duration.ofSeconds(30));
        run(new Faulty("second", "records its thread"), Duration.ofSeconds(30));
        assertEquals(4, FIT_THREADS.size(), "two models, two seeds each");
        assertEquals(1, Set.copyOf(FIT_THREADS).size(), FIT_THREADS.toString());
        Thread shared = FIT_THREADS.get(0);
        run(new Faulty("hangs", "hangs in fit"), Duration.ofSeconds(2));
        run(new Faulty("third", "records its thread"), Duration.ofSeconds(30));
        assertEquals(6, FIT_THREADS.size());
        assertNotSame(shared, FIT_THREADS.get(5), "the hung model keeps its thread; the next model gets a new one");
        assertEquals(FIT_THREADS.get(4), FIT_THREADS.get(5));
    }

    @Test
    void failedRowsAreWrittenAndReadBack(@TempDir Path dir) throws IOException {
        ModelRun run = run(new Faulty("throws", "throws in fit"), Duration.ofSeconds(30));
        ResultStore store = new ResultStore(dir);
        for (ResultRow r : ResultRows.of(run, smoke, RunEnvironment.hardware(), RunEnvironment.versions())) {
            store.write(r);
        }
        ResultStore.Contents back = store.readAll();
        assertEquals(2, back.rows().size());
        assertTrue(back.unreadable().isEmpty());
        assertTrue(back.rows().stream()
                .allMatch(r -> r.status().equals(ResultRow.FAILED) && r.error().contains("boom")));
        try (Stream<Path> files = Files.list(dir)) {
            assertTrue(files.noneMatch(f -> f.toString().endsWith(".part")));
        }
    }

    @Test
    void taskAskedOfAModelThatDoesNotSupportItIsAFailedRowWithTheReason() {
        BenchmarkSettings s = new BenchmarkSettings(
                Tier.SMOKE,
                List.of(1L),
                "",
                EnumSet.of(Task.SPANNING, Task.MAX_CLUSTER_MASK),
                Duration.ofSeconds(30),
                defaults.dataDir(),
                defaults.resultsDir());
        Benchmark benchmark = new Benchmark(s, smoke, line -> {});
        BenchmarkModel model = new Faulty("fine", "works");
        assertEquals(Set.of(Task.SPANNING, Task.MAX_CLUSTER_MASK), benchmark.tasksOf(model));
        ModelRun run = benchmark.run(model);
        assertEquals(Set.of(Task.MAX_CLUSTER_MASK), run.failures().keySet());
        assertEquals(
                "fine does not support task max-cluster-mask (segmentation); it supports: max-cluster, spanning",
                run.failures().get(Task.MAX_CLUSTER_MASK));
        List<ResultRow> rows = ResultRows.of(run, smoke, RunEnvironment.hardware(), RunEnvironment.versions());
        assertEquals(
                List.of("spanning ok", "max-cluster-mask failed"),
                rows.stream().map(r -> r.task() + " " + r.status()).toList());
        Benchmark all = new Benchmark(defaults, smoke, line -> {});
        assertEquals(Set.of(Task.SPANNING, Task.MAX_CLUSTER), all.tasksOf(model), "no failed row unless asked");
    }

    @Test
    void modelNamedForATierItDoesNotRunInIsRefusedNamingItsTiers() {
        ModelRegistry registry = ModelRegistry.load();
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> registry.select("cnn-sgd-45s", Tier.DEFAULT));
        assertEquals("model cnn-sgd-45s does not run in tier default; its tiers: study, smoke", e.getMessage());
        assertTrue(registry.select("", Tier.DEFAULT).stream().noneMatch(m -> m.id().endsWith("-45s")));
        assertTrue(registry.select("", Tier.STUDY).stream()
                .map(BenchmarkModel::id)
                .toList()
                .containsAll(List.of("cnn-sgd-45s", "cnn-adam-45s", "cnn-anagram-45s", "density-baseline")));
        assertTrue(registry.select("", Tier.DEFAULT).stream().noneMatch(m -> m.id().equals("cnn-adam")));
        assertTrue(registry.select("", Tier.STUDY).stream()
                .map(BenchmarkModel::id)
                .toList()
                .containsAll(List.of("cnn-sgd", "cnn-adam", "cnn-anagram")));
    }

    @Test
    void unknownIdsListTheKnownOnes() {
        IllegalArgumentException m = assertThrows(
                IllegalArgumentException.class, () -> ModelRegistry.load().select("cnn-sgd,no-such-model"));
        assertTrue(
                m.getMessage().contains("unknown model id 'no-such-model'")
                        && m.getMessage().contains("density-baseline"),
                m.getMessage());
        IllegalArgumentException t = assertThrows(
                IllegalArgumentException.class, () -> BenchmarkSettings.parseTasks("spanning,percolation"));
        assertTrue(
                t.getMessage().contains("unknown task id 'percolation'")
                        && t.getMessage().contains("max-cluster-mask"),
                t.getMessage());
    }

    @Test
    void halfGeneratedDatasetIsCompletedNotRefused(@TempDir Path dir) throws IOException {
        DatasetSpec smoke = SpecCatalogue.published().get("percolation-L32-smoke-v1");
        class Stopped extends RuntimeException {
            private static final long serialVersionUID = 1L;
        }
        DatasetGenerator.Progress stopInVal = new DatasetGenerator.Progress() {
            private String split = "";

            @Override
            public void start(DatasetSpec spec, SplitSpec s, long maps) {
                split = s.name();
            }

            @Override
            public void advance(long maps) {
                if (split.equals("val")) {
                    throw new Stopped();
                }
            }
        };
        assertThrows(Stopped.class, () -> new DatasetGenerator(1, stopInVal).generate(smoke, dir));
        assertFalse(Files.exists(dir.resolve(smoke.id()).resolve(Manifest.FILE_NAME)), "stopped half-way");
        TierData.ensure(smoke.id(), dir);
        assertEquals(List.of(), DatasetVerifier.verify(smoke, dir.resolve(smoke.id())));
    }

    @Test
    void corruptDatasetStopsBeforeTrainingNamingTheFile(@TempDir Path dir) throws IOException {
        Path src = defaults.dataDir().resolve("percolation-L32-smoke-v1");
        Path dst = dir.resolve("percolation-L32-smoke-v1");
        try (Stream<Path> files = Files.walk(src)) {
            for (Path f : files.toList()) {
                Path t = dst.resolve(src.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(f, t);
                }
            }
        }
        Path maps = dst.resolve("val/maps.npy");
        try (FileChannel ch = FileChannel.open(maps, StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.wrap(new byte[] {7}), Files.size(maps) - 1);
        }
        ChecksumMismatchException e =
                assertThrows(ChecksumMismatchException.class, () -> TierData.load(Tier.SMOKE, dir));
        assertTrue(e.getMessage().contains("val/maps.npy"), e.getMessage());
    }
}
