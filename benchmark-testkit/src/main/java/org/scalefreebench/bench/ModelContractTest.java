package org.scalefreebench.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
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
 * The one contract every registered model must pass, run on the seconds-long smoke tier (the smoke
 * data of every family: site percolation, critical FK): a
 * well-formed id and description, at least one task; fits and predicts every task it claims with
 * predictions the strict Evaluator accepts; the same seed gives the same predictions; and the
 * fitted model runs at an L it was not trained at. This repository's build runs it on the reference
 * models; a model project made with the model archetype runs it from the testkit jar on its own.
 */
class ModelContractTest {

    private static BenchmarkSettings defaults;
    private static List<TierData> smoke;

    @BeforeAll
    static void loadSmokeData() {
        defaults = SmokeTier.DEFAULTS;
        smoke = SmokeTier.all();
    }

    /** Every registered model as ServiceLoader finds it, before any id check: a bad id fails one test, not all. */
    static Stream<BenchmarkModel> models() {
        return ServiceLoader.load(BenchmarkModel.class).stream().map(ServiceLoader.Provider::get);
    }

    @Test
    void findsAModel() {
        if (models().findAny().isEmpty()) {
            fail("no model registered: list the model class in META-INF/services/" + BenchmarkModel.class.getName());
        }
    }

    @Test
    void idsAreWellFormedAndUnique() {
        assertDoesNotThrow(ModelRegistry::load);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void describesItself(BenchmarkModel model) {
        assertTrue(
                ModelRegistry.isWellFormedId(model.id()),
                model.getClass().getName() + " has id '" + model.id()
                        + "'; ids are lower-case letters and digits in dash-separated words");
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
        Set<Task> scored = EnumSet.noneOf(Task.class);
        for (TierData data : smoke) {
            Benchmark benchmark = new Benchmark(settings, data, line -> {});
            Set<Task> tasks = benchmark.tasksOf(model);
            if (tasks.isEmpty()) {
                continue;
            }
            ModelRun run = benchmark.run(model);
            assertTrue(run.failures().isEmpty(), model.id() + " failed: " + run.failures());
            assertEquals(1, run.seeds().size());
            ModelRun.SeedRun seed = run.seeds().get(0);
            assertTrue(seed.params() >= 0, "negative parameter count");
            Map<Task, Evaluation> scores =
                    seed.evaluations().get(data.testSets().get(0).spec().id());
            assertEquals(tasks, scores.keySet());
            scored.addAll(scores.keySet());
        }
        assertEquals(model.tasks(), scored, model.id() + ": tasks scored over the smoke data of every family");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void sameSeedSamePredictions(BenchmarkModel model) throws Exception {
        for (TierData data : smoke) {
            Set<Task> tasks = tasks(model, data);
            for (Task task : tasks) {
                MapBatch test = task.input(data.testSets().get(0));
                float[] first = fit(model, data, tasks, 7).predict(task, test);
                float[] second = fit(model, data, tasks, 7).predict(task, test);
                assertArrayEquals(first, second, model.id() + " on " + task.id() + ": two fits with seed 7 differ");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void runsAtAnotherSize(BenchmarkModel model) throws Exception {
        int size = 64;
        int count = 3;
        for (TierData data : smoke) {
            Set<Task> tasks = tasks(model, data);
            if (tasks.isEmpty()) {
                continue;
            }
            BenchmarkModel.FittedModel fitted = fit(model, data, tasks, 1);
            for (Task task : tasks) {
                int channels = task.input(data.train()).channels();
                byte[] sites = new byte[count * channels * size * size];
                UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(64L);
                byte[] plane = new byte[size * size];
                for (int i = 0; i < count * channels; i++) {
                    SitePercolation.occupy(rng, 0.5 + 0.05 * (i / channels), plane);
                    System.arraycopy(plane, 0, sites, i * plane.length, plane.length);
                }
                float[] p = fitted.predict(task, new MapBatch(count, channels, size, sites));
                assertNotNull(p, model.id() + " on " + task.id() + " returned null");
                assertEquals(task.predictionLength(count, size), p.length, model.id() + " on " + task.id());
                for (float v : p) {
                    assertTrue(Float.isFinite(v), model.id() + " on " + task.id() + " at L = 64: " + v);
                }
            }
        }
    }

    /** @return the model's tasks that train on this smoke data */
    private static Set<Task> tasks(BenchmarkModel model, TierData data) {
        Set<Task> tasks = EnumSet.copyOf(data.tasks());
        tasks.retainAll(model.tasks());
        return tasks;
    }

    private static BenchmarkModel.FittedModel fit(BenchmarkModel model, TierData data, Set<Task> tasks, long seed)
            throws Exception {
        return model.fit(
                new TrainingData(tasks, data.train(), data.val()),
                new FitOptions(seed, Duration.ofMinutes(2), TrainingListener.NONE));
    }
}
