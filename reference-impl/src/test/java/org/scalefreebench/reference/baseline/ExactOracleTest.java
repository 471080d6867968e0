package org.scalefreebench.reference.baseline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.scalefreebench.datasets.load.SplitData;
import org.scalefreebench.datasets.model.BenchmarkModel;
import org.scalefreebench.datasets.model.FitOptions;
import org.scalefreebench.datasets.model.MapBatch;
import org.scalefreebench.datasets.model.TrainingData;
import org.scalefreebench.datasets.model.TrainingListener;
import org.scalefreebench.datasets.task.Evaluation;
import org.scalefreebench.datasets.task.Evaluator;
import org.scalefreebench.datasets.task.Metric;
import org.scalefreebench.datasets.task.Task;

/** The exact oracle scores perfectly on every task, at the training size and others. */
class ExactOracleTest {

    private static final FitOptions OPTIONS = new FitOptions(0L, Duration.ofMinutes(1), TrainingListener.NONE);

    private static BenchmarkModel.FittedModel fitAll() {
        SplitData train = GeneratedSplit.of("train", 16, List.of("0.6"), 2, 11L);
        return new ExactOracle().fit(new TrainingData(Set.of(Task.values()), train, train), OPTIONS);
    }

    /** The oracle's predictions on generated maps, fed to the Evaluator against the stream's labels. */
    @ParameterizedTest(name = "L={0}")
    @ValueSource(ints = {16, 33, 64})
    void scoresPerfectlyOnEveryTask(int size) throws Exception {
        SplitData test = GeneratedSplit.of("test", size, List.of("0.5", "0.59274605", "0.7"), 12, 500L + size);
        int spanning = 0;
        for (byte s : test.spanning()) {
            spanning += s;
        }
        assertTrue(spanning > 0 && spanning < test.samples(), "the test maps hold both classes");
        BenchmarkModel.FittedModel oracle = fitAll();
        MapBatch maps = new MapBatch(test.samples(), size, test.maps());

        Evaluation s = Evaluator.evaluate(Task.SPANNING, test, oracle.predict(Task.SPANNING, maps));
        assertEquals(1.0, s.score(Metric.ACCURACY));
        assertEquals(1.0, s.score(Metric.ROC_AUC));
        s.accuracyByP().values().forEach(a -> assertEquals(1.0, a));

        Evaluation c = Evaluator.evaluate(Task.MAX_CLUSTER, test, oracle.predict(Task.MAX_CLUSTER, maps));
        assertEquals(1.0, c.score(Metric.R2));
        assertEquals(0.0, c.score(Metric.MAE));

        Evaluation m = Evaluator.evaluate(Task.MAX_CLUSTER_MASK, test, oracle.predict(Task.MAX_CLUSTER_MASK, maps));
        assertEquals(1.0, m.score(Metric.MEAN_IOU));
    }

    /**
     * Two 3×3 maps: a bar down column 0 beside a lone site (spanning, largest 3/9), and a diagonal
     * whose sites do not touch (not spanning, largest 1/9, the tie going to the lowest site, 0).
     */
    @Test
    void labelsHandMadeMaps() throws Exception {
        byte[] sites = {
            1, 0, 0,
            1, 0, 1,
            1, 0, 0,
            1, 0, 0,
            0, 1, 0,
            0, 0, 1
        };
        MapBatch maps = new MapBatch(2, 3, sites);
        BenchmarkModel.FittedModel oracle = fitAll();
        assertArrayEquals(new float[] {1f, 0f}, oracle.predict(Task.SPANNING, maps));
        assertArrayEquals(new float[] {3 / 9f, 1 / 9f}, oracle.predict(Task.MAX_CLUSTER, maps));
        assertArrayEquals(
                new float[] {
                    1, 0, 0,
                    1, 0, 0,
                    1, 0, 0,
                    1, 0, 0,
                    0, 0, 0,
                    0, 0, 0
                },
                oracle.predict(Task.MAX_CLUSTER_MASK, maps));
    }

    @Test
    void isAnUnrankedRuleWithoutParameters() {
        ExactOracle model = new ExactOracle();
        assertEquals("exact-oracle", model.id());
        assertFalse(model.ranked());
        assertEquals(
                Set.of(Task.SPANNING, Task.MAX_CLUSTER, Task.MAX_CLUSTER_MASK),
                model.tasks(),
                "every predictive site-percolation task");
        assertEquals(0, fitAll().parameterCount());
        assertTrue(ServiceLoader.load(BenchmarkModel.class).stream()
                .anyMatch(provider -> provider.type() == ExactOracle.class));
    }

    @Test
    void refusesATaskItWasNotFittedFor() {
        SplitData train = GeneratedSplit.of("train", 8, List.of("0.6"), 2, 11L);
        BenchmarkModel.FittedModel oracle =
                new ExactOracle().fit(new TrainingData(Set.of(Task.SPANNING), train, train), OPTIONS);
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> oracle.predict(Task.MAX_CLUSTER_MASK, new MapBatch(1, 8, new byte[64])));
        assertTrue(e.getMessage().contains("not fitted for task max-cluster-mask"), e.getMessage());
    }

    @Test
    void emptyBatchGivesAnEmptyPrediction() throws Exception {
        assertEquals(0, fitAll().predict(Task.MAX_CLUSTER_MASK, new MapBatch(0, 1, new byte[0])).length);
    }

    @Test
    void refusesMapsOfTwoChannelsAtFitAndPredict() {
        String expected = "model exact-oracle reads 1 channel(s) per map, got 2 (a family it was not built for)";
        SplitData twoPlanes = GeneratedSplit.twoPlanes(8, 3);
        IllegalArgumentException atFit = assertThrows(
                IllegalArgumentException.class,
                () -> new ExactOracle().fit(new TrainingData(Set.of(Task.SPANNING), twoPlanes, twoPlanes), OPTIONS));
        assertEquals(expected, atFit.getMessage());
        IllegalArgumentException atPredict = assertThrows(
                IllegalArgumentException.class,
                () -> fitAll().predict(Task.SPANNING, new MapBatch(3, 2, 8, twoPlanes.maps())));
        assertEquals(expected, atPredict.getMessage());
    }
}
