package org.scalefreebench.scaleout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalefreebench.bench.Benchmark;
import org.scalefreebench.bench.BenchmarkSettings;
import org.scalefreebench.bench.ModelRegistry;
import org.scalefreebench.bench.ResultRows;
import org.scalefreebench.bench.TierData;
import org.scalefreebench.bench.result.ResultRow;
import org.scalefreebench.bench.result.ResultRun;
import org.scalefreebench.bench.result.ResultStore;
import org.scalefreebench.datasets.task.Task;
import org.scalefreebench.datasets.task.Tier;

/**
 * A two-fit sweep on the smoke tier ({@code density-baseline}, task spanning, seeds 1 and 2) on an
 * embedded Spark with one fit per task: the merged row holds both seeds, the same scores as the
 * harness's own run of both seeds in one JVM, the executor's host, and the results folder reads as
 * the leaderboard reads it.
 */
class FitSweepTest {

    private static final Path DATA = Path.of(System.getProperty("scalefree.data.dir", "data"));

    @Test
    void twoSeedsAsTwoSparkTasksMakeTheHarnessRowOverBothSeeds(@TempDir Path results) throws IOException {
        List<FitSweep.Fit> grid = FitSweep.grid(Tier.SMOKE, "density-baseline", "spanning", List.of(1L, 2L));
        assertEquals(
                List.of(
                        new FitSweep.Fit("density-baseline", "spanning", 1),
                        new FitSweep.Fit("density-baseline", "spanning", 2)),
                grid);
        FitSweep.prepareData(Tier.SMOKE, grid, DATA);

        FitSweep.Outcome r;
        try (SparkJobs.Started spark = SparkJobs.start("local[2]", "FitSweepTest", Map.of(FitSweep.TASK_CPUS, "1"))) {
            r = FitSweep.run(spark.context(), Tier.SMOKE, grid, Duration.ofMinutes(10), DATA, results);
        }

        assertEquals(2, r.fits().size(), "one Spark task per fit");
        List<ResultRun> sweeps = ResultRun.all(results);
        assertEquals(1, sweeps.size(), "the sweep has its own run folder");
        assertEquals("spark sweep", sweeps.get(0).source());
        assertEquals(List.of(1L, 2L), sweeps.get(0).seeds());
        assertEquals(sweeps.get(0).rowsDir(results), r.rowsDir());
        ResultStore.Contents stored = new ResultStore(r.rowsDir()).readAll();
        assertEquals(List.of(), stored.unreadable());
        assertEquals(1, stored.rows().size(), "one row: smoke's spanning has one test set");
        ResultRow row = stored.rows().get(0);
        assertTrue(row.ok(), row::error);
        assertEquals(List.of(1L, 2L), row.seeds());
        assertEquals(ExecutorHost.name(), row.hardware().get("host"));

        ResultRow harness = harnessRow();
        assertEquals(harness.seeds(), row.seeds());
        assertEquals(harness.metrics().keySet(), row.metrics().keySet());
        harness.metrics()
                .forEach((metric, stat) ->
                        assertEquals(stat.values(), row.metrics().get(metric).values(), metric));
        assertEquals(harness.perP(), row.perP());
        assertEquals(harness.datasetSha256(), row.datasetSha256());
    }

    @Test
    void aModelThatDoesNoneOfTheTasksIsRefusedBeforeAnythingRuns() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> FitSweep.grid(Tier.SMOKE, "density-baseline", "max-cluster-mask", List.of(1L)));
        assertTrue(e.getMessage().contains("density-baseline does none of the chosen tasks"), e.getMessage());
    }

    /** The harness's row for both seeds fitted one after the other in this JVM, as `run` does. */
    private static ResultRow harnessRow() throws IOException {
        BenchmarkSettings settings = new BenchmarkSettings(
                Tier.SMOKE,
                List.of(1L, 2L),
                "density-baseline",
                EnumSet.of(Task.SPANNING),
                Duration.ofMinutes(10),
                DATA,
                DATA);
        TierData data =
                TierData.loadAll(Tier.SMOKE, EnumSet.of(Task.SPANNING), DATA).get(0);
        Benchmark benchmark = new Benchmark(settings, data, line -> {});
        List<ResultRow> rows =
                ResultRows.of(benchmark.run(ModelRegistry.load().get("density-baseline")), data, Map.of(), Map.of());
        assertEquals(1, rows.size());
        return rows.get(0);
    }
}
