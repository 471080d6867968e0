package org.scalefreebench.bench.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalefreebench.bench.Benchmark;
import org.scalefreebench.bench.BenchmarkSettings;
import org.scalefreebench.bench.ModelRun;
import org.scalefreebench.bench.ResultRows;
import org.scalefreebench.bench.RunEnvironment;
import org.scalefreebench.bench.TierData;
import org.scalefreebench.bench.result.ResultRow;
import org.scalefreebench.datasets.model.BenchmarkModel;
import org.scalefreebench.datasets.model.FitOptions;
import org.scalefreebench.datasets.model.MapBatch;
import org.scalefreebench.datasets.model.TrainingData;
import org.scalefreebench.datasets.task.Task;
import org.scalefreebench.datasets.task.Tier;

/**
 * A model whose tasks train on two families' data is run once per data group; its record bundle
 * collects both groups' rows and checksums, and a bundle of another run is never mixed in.
 */
class RecordBundleTest {

    private static final Set<Task> TASKS = EnumSet.of(Task.SPANNING, Task.CENTRAL_CHARGE);
    private static final List<Long> SEEDS = List.of(1L, 2L);
    private static final String CODE = "https://example.org/test/tree/0123abc";

    /** Constant predictions for one percolation task and one critical-FK task. */
    private static final class TwoFamilies implements BenchmarkModel {
        @Override
        public String id() {
            return "two-families";
        }

        @Override
        public String description() {
            return "a constant for spanning and for the central charge";
        }

        @Override
        public Set<Task> tasks() {
            return TASKS;
        }

        @Override
        public FittedModel fit(TrainingData data, FitOptions options) {
            return new FittedModel() {
                @Override
                public long parameterCount() {
                    return data.tasks().contains(Task.SPANNING) ? 1 : 2;
                }

                @Override
                public float[] predict(Task task, MapBatch maps) {
                    float[] p = new float[maps.count()];
                    Arrays.fill(p, 0.5f);
                    return p;
                }
            };
        }
    }

    /** Runs every data group of the smoke tier and writes each into the bundle folder, as {@code run --record-dir} does. */
    private static Path writeAll(Path root, String code) throws IOException {
        BenchmarkModel model = new TwoFamilies();
        BenchmarkSettings settings = new BenchmarkSettings(
                Tier.SMOKE, SEEDS, model.id(), TASKS, Duration.ofMinutes(5), RecordFixture.DATA, root);
        Path dir = null;
        for (TierData data : TierData.loadAll(Tier.SMOKE, TASKS, RecordFixture.DATA)) {
            ModelRun run = new Benchmark(settings, data, line -> {}).run(model);
            List<ResultRow> rows = ResultRows.of(run, data, RunEnvironment.hardware(), RunEnvironment.versions());
            dir = RecordBundle.write(
                    root,
                    run,
                    rows,
                    RunEnvironment.hardware(),
                    RunEnvironment.versions(),
                    code,
                    RecordFixture.REVISION);
        }
        return dir;
    }

    @Test
    void bothFamiliesLandInOneBundleThatPassesTheCheck(@TempDir Path root) throws IOException {
        Path dir = writeAll(root, CODE);
        RecordCheck c = new RecordChecker(RecordFixture.DATA, false).check(dir, RecordChecker.Mode.RESCORE);
        assertTrue(c.passed(), c.problems().toString());
        assertEquals(
                Set.of("spanning", "central-charge"),
                Set.copyOf(c.rows().stream().map(r -> r.row().task()).toList()));
        Submission s = Submission.read(dir);
        assertTrue(s.datasetSha256().keySet().stream().anyMatch(k -> k.startsWith("percolation-")), s.toString());
        assertTrue(s.datasetSha256().keySet().stream().anyMatch(k -> k.startsWith("critical-fk-")), s.toString());
        assertEquals(2, s.parameterCount(), "the larger network's count");
        assertTrue(
                c.rows().stream().allMatch(r -> r.provenance() == Provenance.RE_SCORED),
                c.rows().toString());
    }

    @Test
    void aBundleOfAnotherRunIsNotMixedIn(@TempDir Path root) throws IOException {
        writeAll(root, CODE);
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> writeAll(root, CODE + "-other"));
        assertTrue(e.getMessage().contains("already holds a bundle of another run"), e.getMessage());
    }
}
