package org.scalefreebench.bench.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalefreebench.bench.Benchmark;
import org.scalefreebench.bench.BenchmarkSettings;
import org.scalefreebench.bench.ModelRun;
import org.scalefreebench.bench.OccupiedFraction;
import org.scalefreebench.bench.ResultRows;
import org.scalefreebench.bench.RunEnvironment;
import org.scalefreebench.bench.TierData;
import org.scalefreebench.bench.result.ResultRow;
import org.scalefreebench.bench.result.Stat;
import org.scalefreebench.datasets.model.BenchmarkModel;
import org.scalefreebench.datasets.model.FitOptions;
import org.scalefreebench.datasets.model.MapBatch;
import org.scalefreebench.datasets.model.TrainingData;
import org.scalefreebench.datasets.task.Task;
import org.scalefreebench.datasets.task.Tier;
import org.scalefreebench.reference.baseline.DensityBaseline;

/**
 * {@code check-record --mode rerun}: a record made by the harness is re-run and agrees; a record
 * whose self-reported mean was moved beyond what its seeds' spread explains is refused, naming the
 * metric; a move the spread does explain is not; a model that is not on the class path is named.
 */
class RecordRerunTest {

    private static final Duration BUDGET = Duration.ofMinutes(5);
    private static final List<Long> SEEDS = List.of(1L, 2L, 3L);

    private final RecordChecker checker = new RecordChecker(RecordFixture.DATA, false, BUDGET, line -> {});

    /**
     * A spanning rule with seed noise: P = ½ + (the map's density − p_c) + a per-seed offset, so its
     * accuracy at P ≥ ½ varies over seeds (its ranking, the AUC, does not) and a re-run with the same
     * seeds reproduces it.
     */
    private static final class NoisyDensity implements BenchmarkModel {
        @Override
        public String id() {
            return "noisy-density";
        }

        @Override
        public String description() {
            return "the map's density plus a per-seed offset";
        }

        @Override
        public Set<Task> tasks() {
            return EnumSet.of(Task.SPANNING);
        }

        @Override
        public FittedModel fit(TrainingData data, FitOptions options) {
            float offset = 0.015f * (options.seed() % 3) - 0.015f;
            return new FittedModel() {
                @Override
                public long parameterCount() {
                    return 1;
                }

                @Override
                public float[] predict(Task task, MapBatch maps) {
                    return OccupiedFraction.of(maps.sites(), maps.count(), maps.size(), 0.5f - 0.5927f + offset);
                }
            };
        }
    }

    /** Runs the model in the smoke tier on spanning and writes its bundle below {@code root}. */
    private static Path record(Path root, BenchmarkModel model) throws IOException {
        BenchmarkSettings settings = new BenchmarkSettings(
                Tier.SMOKE, SEEDS, model.id(), EnumSet.of(Task.SPANNING), BUDGET, RecordFixture.DATA, root);
        TierData data = TierData.loadAll(Tier.SMOKE, EnumSet.of(Task.SPANNING), RecordFixture.DATA)
                .get(0);
        ModelRun run = new Benchmark(settings, data, line -> {}).run(model);
        Map<String, String> hardware = RunEnvironment.hardware();
        Map<String, String> versions = RunEnvironment.versions();
        List<ResultRow> rows = ResultRows.of(run, data, hardware, versions);
        return RecordBundle.write(
                root, run, rows, hardware, versions, "https://example.org/test/tree/0123abc", RecordFixture.REVISION);
    }

    /** Removes the predictions (the rows become self-reported) and moves metric {@code m}'s mean by {@code by}. */
    private static void moveMean(Path record, String metric, double by) throws IOException {
        try (Stream<Path> s = Files.walk(record.resolve(RecordChecker.PREDICTIONS))) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
        Path file = RecordFixture.rowFile(record);
        ObjectNode row = RecordFixture.tree(file);
        ObjectNode stat = (ObjectNode) row.get("metrics").get(metric);
        stat.put("mean", stat.get("mean").asDouble() + by);
        RecordFixture.save(file, row);
    }

    private static Stat stat(Path record, String metric) throws IOException {
        var node =
                RecordFixture.tree(RecordFixture.rowFile(record)).get("metrics").get(metric);
        List<Double> values = new ArrayList<>();
        node.get("values").forEach(v -> values.add(v.asDouble()));
        return new Stat(node.get("mean").asDouble(), node.get("std").asDouble(), values);
    }

    @Test
    void aDeterministicRecordIsReRunExactlyAndAnEditedMeanFailsNamingTheMetric(@TempDir Path dir) throws IOException {
        Path record = record(dir, new DensityBaseline());
        RecordCheck ok = checker.rerun(record, new DensityBaseline());
        assertTrue(ok.passed(), ok.problems().toString());
        assertEquals(RecordChecker.Mode.RERUN, ok.mode());
        assertFalse(ok.rows().isEmpty());
        assertTrue(
                ok.rows().stream().allMatch(r -> r.provenance() == Provenance.RE_RUN),
                ok.rows().toString());

        assertEquals(
                1,
                stat(record, "accuracy").values().stream().distinct().count(),
                "the density rule has no seed spread");
        moveMean(record, "accuracy", 1e-6);
        assertTrue(checker.check(record, RecordChecker.Mode.RESCORE).passed(), "self-reported now");
        RecordCheck moved = checker.rerun(record, new DensityBaseline());
        assertFalse(moved.passed());
        assertTrue(
                moved.problems().stream()
                        .anyMatch(p -> p.field().endsWith("metrics.accuracy")
                                && p.message().contains("no spread over seeds")),
                moved.problems().toString());
    }

    @Test
    void aNoisyRecordAgreesWithinItsSeedSpreadAndNotBeyond(@TempDir Path dir) throws IOException {
        Path record = record(dir, new NoisyDensity());
        RecordCheck ok = checker.rerun(record, new NoisyDensity());
        assertTrue(ok.passed(), ok.problems().toString());
        Stat auc = stat(record, "roc_auc");
        assertEquals(
                1, auc.values().stream().distinct().count(), "a constant offset does not change the ranking: " + auc);
        Stat acc = stat(record, "accuracy");
        assertTrue(acc.std() > 0, "the per-seed offsets spread the accuracy: " + acc);
        double se = acc.std() * Math.sqrt(2.0 / SEEDS.size());
        Path copy = dir.resolve("second");
        Path near = record(copy, new NoisyDensity());
        moveMean(near, "accuracy", 1.0 * se);
        RecordCheck within = checker.rerun(near, new NoisyDensity());
        assertTrue(within.passed(), "one standard error is seed noise: " + within.problems());
        moveMean(record, "accuracy", 40 * se);
        RecordCheck beyond = checker.rerun(record, new NoisyDensity());
        assertFalse(beyond.passed());
        assertTrue(
                beyond.problems().stream()
                        .anyMatch(p -> p.field().endsWith("metrics.accuracy")
                                && p.message().contains("Welch")),
                beyond.problems().toString());
    }

    @Test
    void aModelThatIsNotOnTheClassPathIsNamed(@TempDir Path dir) throws IOException {
        Path record = RecordFixture.write(dir);
        RecordCheck c = checker.check(record, RecordChecker.Mode.RERUN);
        assertFalse(c.passed());
        assertTrue(
                c.problems().stream()
                        .anyMatch(p -> p.field().equals(Submission.FILE + ": modelId")
                                && p.message().contains("unknown model id '" + RecordFixture.MODEL + "'")),
                c.problems().toString());
    }

    @Test
    void theToleranceIsWelchsTestWithBonferroni() {
        Stat a = Stat.of(List.of(0.5, 0.6, 0.7));
        assertNull(RerunTolerance.disagreement(a, a, 1), "a bit-equal re-run agrees");
        assertNull(RerunTolerance.disagreement(a, Stat.of(List.of(0.6, 0.7, 0.8)), 1), "t = 1.22, p = 0.29");
        Stat far = Stat.of(List.of(1.6, 1.7, 1.8));
        // t = 1.1 / √(2 · 0.01 / 3) = 13.47 with ν = 4: p = 1.8e-4, below 0.01 but above 0.01 / 100.
        assertTrue(RerunTolerance.disagreement(a, far, 1).contains("ν = 4.0"));
        assertNull(RerunTolerance.disagreement(a, far, 100), "Bonferroni over 100 metrics allows it");
        Stat exact = Stat.of(List.of(0.25, 0.25, 0.25));
        assertNull(RerunTolerance.disagreement(exact, Stat.of(List.of(0.25, 0.25, 0.25)), 1));
        assertTrue(RerunTolerance.disagreement(exact, Stat.of(List.of(0.2501, 0.2501, 0.2501)), 1)
                .contains("no spread"));
        assertEquals(4.604, RerunTolerance.allowedStandardErrors(3, 1), 1e-3, "t(0.995; ν = 4)");
    }
}
