package org.scalefreebench.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.scalefreebench.datasets.lattice.SitePercolation;
import org.scalefreebench.datasets.model.BenchmarkModel;
import org.scalefreebench.datasets.model.FitOptions;
import org.scalefreebench.datasets.model.MapBatch;
import org.scalefreebench.datasets.model.TrainingData;
import org.scalefreebench.datasets.model.TrainingListener;
import org.scalefreebench.datasets.task.Evaluation;
import org.scalefreebench.datasets.task.Task;
import org.scalefreebench.datasets.task.Tier;

/**
 * The one contract every registered model must pass, run on the seconds-long smoke tier: a
 * well-formed id and description, at least one task; fits and predicts every task it claims with
 * predictions the strict Evaluator accepts; the same seed gives the same predictions; and the
 * fitted model runs at an L it was not trained at.
 */
class ModelContractTest {

    private static BenchmarkSettings defaults;
    private static TierData smoke;

    @BeforeAll
    static void loadSmokeData() {
        defaults = SmokeTier.DEFAULTS;
        smoke = SmokeTier.data();
    }

    static Stream<BenchmarkModel> models() {
        return ModelRegistry.load().all().values().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void describesItself(BenchmarkModel model) {
        assertFalse(model.description() == null || model.description().isBlank(), model.id() + ": no description");
        assertFalse(model.tasks().isEmpty(), model.id() + ": no tasks");
        assertEquals(model.getClass(), ModelRegistry.load().get(model.id()).getClass(), "id lookup");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void fitsAndPredictsEveryTaskItClaims(BenchmarkModel model) {
        BenchmarkSettings settings = new BenchmarkSettings(
                Tier.SMOKE,
                List.of(1L),
                model.id(),
                model.tasks(),
                Duration.ofMinutes(2),
                defaults.dataDir(),
                defaults.resultsDir());
        ModelRun run = new Benchmark(settings, smoke, line -> {}).run(model);
        assertTrue(run.failures().isEmpty(), model.id() + " failed: " + run.failures());
        assertEquals(1, run.seeds().size());
        ModelRun.SeedRun seed = run.seeds().get(0);
        assertTrue(seed.params() >= 0, "negative parameter count");
        Map<Task, Evaluation> scores =
                seed.evaluations().get(smoke.testSets().get(0).spec().id());
        assertEquals(model.tasks(), scores.keySet());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void sameSeedSamePredictions(BenchmarkModel model) throws Exception {
        MapBatch test = new MapBatch(
                smoke.testSets().get(0).samples(),
                smoke.testSets().get(0).size(),
                smoke.testSets().get(0).maps());
        for (Task task : model.tasks()) {
            float[] first = fit(model, 7).predict(task, test);
            float[] second = fit(model, 7).predict(task, test);
            assertArrayEquals(first, second, model.id() + " on " + task.id() + ": two fits with seed 7 differ");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void runsAtAnotherSize(BenchmarkModel model) throws Exception {
        int size = 64;
        int count = 3;
        byte[] sites = new byte[count * size * size];
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(64L);
        byte[] map = new byte[size * size];
        for (int i = 0; i < count; i++) {
            SitePercolation.occupy(rng, 0.5 + 0.05 * i, map);
            System.arraycopy(map, 0, sites, i * map.length, map.length);
        }
        BenchmarkModel.FittedModel fitted = fit(model, 1);
        for (Task task : model.tasks()) {
            float[] p = fitted.predict(task, new MapBatch(count, size, sites));
            assertNotNull(p, model.id() + " on " + task.id() + " returned null");
            assertEquals(task.predictionLength(count, size), p.length, model.id() + " on " + task.id());
            for (float v : p) {
                assertTrue(Float.isFinite(v), model.id() + " on " + task.id() + " at L = 64: " + v);
            }
        }
    }

    private static BenchmarkModel.FittedModel fit(BenchmarkModel model, long seed) throws Exception {
        return model.fit(
                new TrainingData(Set.copyOf(model.tasks()), smoke.train(), smoke.val()),
                new FitOptions(seed, Duration.ofMinutes(2), TrainingListener.NONE));
    }
}
