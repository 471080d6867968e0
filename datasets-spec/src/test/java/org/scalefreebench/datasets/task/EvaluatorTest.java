package org.scalefreebench.datasets.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.scalefreebench.datasets.generate.LabelledMapStream;
import org.scalefreebench.datasets.load.SplitData;
import org.scalefreebench.datasets.spec.DatasetSpec;
import org.scalefreebench.datasets.spec.SpecCatalogue;
import org.scalefreebench.datasets.spec.SplitSpec;

/** The Evaluator's scores on hand-computed examples and its refusal of every malformed prediction. */
class EvaluatorTest {

    private static final String TEST_SET = HandMadeSplits.TEST_SET;

    private static SplitData spanningSplit(byte... spanning) {
        double[] p = new double[spanning.length];
        Arrays.fill(p, 0.5);
        return HandMadeSplits.split(2, p, spanning, null, null);
    }

    /** Four maps of 2×2 with largest clusters of 4, 2, 0 and 2 sites: fractions 1, 1/2, 0, 1/2. */
    private static SplitData maxClusterSplit() {
        return HandMadeSplits.split(2, new double[] {0.5, 0.5, 0.5, 0.5}, null, new int[] {4, 2, 0, 2}, null);
    }

    /** The smoke spec's test split, generated and labelled in memory. */
    private static SplitData smokeTestSplit() throws IOException {
        DatasetSpec spec = SpecCatalogue.published().get("percolation-L32-smoke-v1");
        SplitSpec s = spec.split("test");
        double[] p = spec.pOfSamples(s);
        int sites = spec.size() * spec.size();
        byte[] maps = new byte[p.length * sites];
        byte[] masks = new byte[p.length * sites];
        int[] maxCluster = new int[p.length];
        byte[] spanning = new byte[p.length];
        new LabelledMapStream(spec.rng(), s.seed(), spec.size(), 1).run(p, true, block -> {
            for (int i = 0; i < block.count(); i++) {
                int k = (int) block.first() + i;
                System.arraycopy(block.maps()[i], 0, maps, k * sites, sites);
                System.arraycopy(block.masks()[i], 0, masks, k * sites, sites);
                maxCluster[k] = block.labels()[i].maxCluster();
                spanning[k] = (byte) (block.labels()[i].spanning() ? 1 : 0);
            }
        });
        return SplitData.ofSitePercolation(spec, s, maps, p, maxCluster, spanning, masks);
    }

    @Test
    void spanningAccuracyRocAucAndAccuracyByPOnAHandExample() {
        SplitData truth =
                HandMadeSplits.split(2, new double[] {0.4, 0.4, 0.7, 0.7}, new byte[] {1, 0, 1, 0}, null, null);
        Evaluation e = Evaluator.evaluate(Task.SPANNING, truth, new float[] {0.8f, 0.3f, 0.3f, 0.1f});
        // predicted classes 1, 0, 0, 0 against 1, 0, 1, 0: maps 0, 1 and 3 right
        assertEquals(0.75, e.score(Metric.ACCURACY));
        // spanning {0.8, 0.3} vs not {0.3, 0.1}: pairs won 1 + 1 + 1/2 (tie) + 1 of 4
        assertEquals(0.875, e.score(Metric.ROC_AUC));
        assertEquals(List.of(0.4, 0.7), List.copyOf(e.accuracyByP().keySet()));
        assertEquals(1.0, e.accuracyByP().get(0.4));
        assertEquals(0.5, e.accuracyByP().get(0.7));
        assertEquals(Task.SPANNING, e.task());
        assertEquals("evaluator-test-v1", e.testSpec());
        assertEquals("test", e.testSplit());
        assertEquals(TEST_SET, e.testSet());
        assertEquals(2, e.size());
        assertEquals(4, e.samples());
        assertEquals(
                List.of(Metric.ACCURACY, Metric.ROC_AUC), List.copyOf(e.scores().keySet()));
    }

    @Test
    void probabilityOfExactlyOneHalfCountsAsSpanning() {
        Evaluation e =
                Evaluator.evaluate(Task.SPANNING, spanningSplit((byte) 1, (byte) 0), new float[] {0.5f, 0.4999f});
        assertEquals(1.0, e.score(Metric.ACCURACY));
        assertEquals(1.0, e.score(Metric.ROC_AUC));
    }

    @Test
    void predictionsRankedBackwardsHaveRocAucZero() {
        Evaluation e = Evaluator.evaluate(
                Task.SPANNING, spanningSplit((byte) 1, (byte) 1, (byte) 0), new float[] {0.2f, 0.1f, 0.9f});
        assertEquals(0.0, e.score(Metric.ROC_AUC));
        assertEquals(0.0, e.score(Metric.ACCURACY));
    }

    /**
     * The sorted rank-sum AUC equals the O(N²) count of (spanning, non-spanning) pairs won, ties
     * one half, on random labels and predictions; {@code levels} > 0 rounds predictions to
     * multiples of 1/levels so that many tie, including ±0.
     */
    @ParameterizedTest(name = "levels={0}")
    @ValueSource(ints = {0, 2, 16, 1000})
    void rocAucEqualsThePairwiseCountOnRandomData(int levels) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(20240611L + levels);
        int n = 1500;
        byte[] spanning = new byte[n];
        float[] prediction = new float[n];
        for (int i = 0; i < n; i++) {
            spanning[i] = (byte) (rng.nextDouble() < 0.4 ? 1 : 0);
            float v = (float) Math.min(1, Math.max(0, rng.nextDouble() * 0.8 + 0.3 * spanning[i] - 0.05));
            prediction[i] = levels == 0 ? v : Math.round(v * levels) / (float) levels;
            if (prediction[i] == 0f && rng.nextBoolean()) {
                prediction[i] = -0f;
            }
        }
        long doubledWins = 0;
        long pairs = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (spanning[i] == 1 && spanning[j] == 0) {
                    pairs++;
                    doubledWins += prediction[i] > prediction[j] ? 2 : prediction[i] == prediction[j] ? 1 : 0;
                }
            }
        }
        double expected = doubledWins / (2.0 * pairs);
        Evaluation e = Evaluator.evaluate(Task.SPANNING, spanningSplit(spanning), prediction);
        assertEquals(expected, e.score(Metric.ROC_AUC), 0.0);
        assertTrue(
                expected > 0.6 && expected < 0.95,
                "the random example should be neither trivial nor perfect: " + expected);
    }

    @Test
    void rocAucIsLeftOutWhenTheTestSetHoldsOneClass() {
        Evaluation e = Evaluator.evaluate(
                Task.SPANNING, spanningSplit((byte) 1, (byte) 1, (byte) 1), new float[] {0.9f, 0.2f, 0.6f});
        assertEquals(List.of(Metric.ACCURACY), List.copyOf(e.scores().keySet()));
        assertEquals(2.0 / 3, e.score(Metric.ACCURACY));
        NoSuchElementException x = assertThrows(NoSuchElementException.class, () -> e.score(Metric.ROC_AUC));
        assertTrue(x.getMessage().contains("roc_auc") && x.getMessage().contains(TEST_SET), x.getMessage());
        assertFalse(e.scores().containsValue(Double.NaN));
    }

    @Test
    void maxClusterR2AndMaeOnAHandExample() {
        // targets 1, 1/2, 0, 1/2 (mean 1/2, SS_tot 1/2); residuals 1/8, 0, −1/4, 0 (SS_res 5/64)
        Evaluation e = Evaluator.evaluate(Task.MAX_CLUSTER, maxClusterSplit(), new float[] {0.875f, 0.5f, 0.25f, 0.5f});
        assertEquals(1 - (5.0 / 64) / 0.5, e.score(Metric.R2));
        assertEquals(0.84375, e.score(Metric.R2));
        assertEquals((0.125 + 0.25) / 4, e.score(Metric.MAE));
        assertEquals(List.of(Metric.R2, Metric.MAE), List.copyOf(e.scores().keySet()));
        assertTrue(e.accuracyByP().isEmpty());
    }

    @Test
    void maxClusterAcceptsAnyFiniteFraction() {
        // residuals −1/2, 0, 1/2, 0: SS_res = SS_tot = 1/2
        Evaluation e = Evaluator.evaluate(Task.MAX_CLUSTER, maxClusterSplit(), new float[] {1.5f, 0.5f, -0.5f, 0.5f});
        assertEquals(0.0, e.score(Metric.R2));
        assertEquals(0.25, e.score(Metric.MAE));
    }

    @Test
    void maxClusterR2IsLeftOutWhenEveryTargetIsTheSame() {
        SplitData truth = HandMadeSplits.split(2, new double[] {0.5, 0.5}, null, new int[] {2, 2}, null);
        Evaluation e = Evaluator.evaluate(Task.MAX_CLUSTER, truth, new float[] {0.5f, 0.75f});
        assertEquals(List.of(Metric.MAE), List.copyOf(e.scores().keySet()));
        assertEquals(0.125, e.score(Metric.MAE));
    }

    @Test
    void meanIouOnAHandExample() {
        byte[] mask = {
            1, 1, 0, 0,
            0, 0, 0, 0,
            1, 1, 1, 1,
            0, 0, 0, 0
        };
        float[] prediction = {
            0.9f, 0.4f, 0.6f, 0f, // predicted {0, 2}, true {0, 1}: 1/3
            0.1f, 0.49f, 0f, 0.3f, // both empty: 1
            0.5f, 0.5f, 0.5f, 0.49f, // predicted 3 of the 4 true sites: 3/4
            0f, 0f, 0.7f, 0f
        }; // true empty, predicted one site: 0
        SplitData truth = HandMadeSplits.split(2, new double[] {0.5, 0.5, 0.5, 0.5}, null, null, mask);
        Evaluation e = Evaluator.evaluate(Task.MAX_CLUSTER_MASK, truth, prediction);
        assertEquals((1.0 / 3 + 1 + 0.75 + 0) / 4, e.score(Metric.MEAN_IOU), 1e-15);
        assertEquals(List.of(Metric.MEAN_IOU), List.copyOf(e.scores().keySet()));
        assertTrue(e.accuracyByP().isEmpty());
    }

    @Test
    void exactTargetsScorePerfectlyOnGeneratedMaps() throws IOException {
        SplitData truth = smokeTestSplit();
        int spanningMaps = 0;
        for (byte s : truth.spanning()) {
            spanningMaps += s;
        }
        assertTrue(spanningMaps > 0 && spanningMaps < truth.samples(), "the smoke test split holds both classes");

        Evaluation spanning = Evaluator.evaluate(Task.SPANNING, truth, Task.SPANNING.target(truth));
        assertEquals(1.0, spanning.score(Metric.ACCURACY));
        assertEquals(1.0, spanning.score(Metric.ROC_AUC));
        assertEquals(3, spanning.accuracyByP().size());
        spanning.accuracyByP().values().forEach(a -> assertEquals(1.0, a));
        assertEquals(30, spanning.samples());
        assertEquals(32, spanning.size());
        assertEquals("percolation-L32-smoke-v1/test", spanning.testSet());

        Evaluation maxCluster = Evaluator.evaluate(Task.MAX_CLUSTER, truth, Task.MAX_CLUSTER.target(truth));
        assertEquals(1.0, maxCluster.score(Metric.R2));
        assertEquals(0.0, maxCluster.score(Metric.MAE));

        Evaluation mask = Evaluator.evaluate(Task.MAX_CLUSTER_MASK, truth, Task.MAX_CLUSTER_MASK.target(truth));
        assertEquals(1.0, mask.score(Metric.MEAN_IOU));
    }

    @Test
    void wrongLengthIsRejectedWithTheExpectedCount() {
        EvaluationException e = assertThrows(
                EvaluationException.class, () -> Evaluator.evaluate(Task.MAX_CLUSTER, maxClusterSplit(), new float[3]));
        assertEquals("task max-cluster on " + TEST_SET + ": expected 4 values (one per map), got 3", e.getMessage());
    }

    @Test
    void maskOfOneValuePerMapIsRejectedWithTheSiteCount() {
        SplitData truth = HandMadeSplits.split(2, new double[] {0.5, 0.5, 0.5}, null, null, null);
        EvaluationException e = assertThrows(
                EvaluationException.class, () -> Evaluator.evaluate(Task.MAX_CLUSTER_MASK, truth, new float[3]));
        assertEquals(
                "task max-cluster-mask on " + TEST_SET
                        + ": expected 12 values (one per site: 3 maps of 2×2, map-major, row-major), got 3",
                e.getMessage());
    }

    @Test
    void nanIsRejectedNamingTheFirstBadMap() {
        float[] prediction = {0.5f, 0.2f, Float.NaN, Float.NaN};
        EvaluationException e = assertThrows(
                EvaluationException.class,
                () -> Evaluator.evaluate(
                        Task.SPANNING, spanningSplit((byte) 1, (byte) 0, (byte) 1, (byte) 0), prediction));
        assertEquals(
                "task spanning on " + TEST_SET + ": value 2 (map 2) is NaN: expected P(spanning) in [0, 1]",
                e.getMessage());
    }

    @Test
    void infinityIsRejectedEvenWhereAnyFiniteValueIsAllowed() {
        EvaluationException plus = assertThrows(
                EvaluationException.class,
                () -> Evaluator.evaluate(
                        Task.MAX_CLUSTER, maxClusterSplit(), new float[] {0.5f, Float.POSITIVE_INFINITY, 0f, 0f}));
        assertEquals(
                "task max-cluster on " + TEST_SET
                        + ": value 1 (map 1) is +Infinity: expected a finite largest-cluster fraction max_cluster / L²",
                plus.getMessage());
        EvaluationException minus = assertThrows(
                EvaluationException.class,
                () -> Evaluator.evaluate(
                        Task.MAX_CLUSTER, maxClusterSplit(), new float[] {0.5f, 0.5f, 0.5f, Float.NEGATIVE_INFINITY}));
        assertTrue(minus.getMessage().contains("value 3 (map 3) is -Infinity"), minus.getMessage());
        EvaluationException nan = assertThrows(
                EvaluationException.class,
                () -> Evaluator.evaluate(
                        Task.MAX_CLUSTER, maxClusterSplit(), new float[] {Float.NaN, 0.5f, 0.5f, 0.5f}));
        assertTrue(nan.getMessage().contains("value 0 (map 0) is NaN"), nan.getMessage());
    }

    @Test
    void probabilityOutsideTheUnitIntervalIsRejected() {
        SplitData truth = spanningSplit((byte) 1, (byte) 0);
        EvaluationException above = assertThrows(
                EvaluationException.class, () -> Evaluator.evaluate(Task.SPANNING, truth, new float[] {1.5f, 0.5f}));
        assertEquals(
                "task spanning on " + TEST_SET
                        + ": value 0 (map 0) is 1.5, outside [0, 1]: expected P(spanning) in [0, 1]",
                above.getMessage());
        EvaluationException below = assertThrows(
                EvaluationException.class, () -> Evaluator.evaluate(Task.SPANNING, truth, new float[] {1f, -0.25f}));
        assertTrue(below.getMessage().contains("value 1 (map 1) is -0.25, outside [0, 1]"), below.getMessage());
        EvaluationException inf = assertThrows(
                EvaluationException.class,
                () -> Evaluator.evaluate(Task.SPANNING, truth, new float[] {Float.POSITIVE_INFINITY, 0f}));
        assertTrue(inf.getMessage().contains("value 0 (map 0) is +Infinity"), inf.getMessage());
    }

    @Test
    void badMaskValueIsRejectedNamingTheMapAndSite() {
        SplitData truth = HandMadeSplits.split(2, new double[] {0.5, 0.5, 0.5}, null, null, null);
        float[] prediction = new float[12];
        prediction[7] = 1.01f;
        prediction[9] = Float.NaN;
        EvaluationException e = assertThrows(
                EvaluationException.class, () -> Evaluator.evaluate(Task.MAX_CLUSTER_MASK, truth, prediction));
        assertEquals(
                "task max-cluster-mask on " + TEST_SET + ": value 7 (map 1, row 1, column 1) is 1.01, outside"
                        + " [0, 1]: expected P(site in the largest cluster) in [0, 1]",
                e.getMessage());
        prediction[7] = 1f;
        EvaluationException nan = assertThrows(
                EvaluationException.class, () -> Evaluator.evaluate(Task.MAX_CLUSTER_MASK, truth, prediction));
        assertTrue(nan.getMessage().contains("value 9 (map 2, row 0, column 1) is NaN"), nan.getMessage());
    }

    @Test
    void nullArgumentsAreRejected() {
        SplitData truth = spanningSplit((byte) 1, (byte) 0);
        EvaluationException noTask =
                assertThrows(EvaluationException.class, () -> Evaluator.evaluate(null, truth, new float[2]));
        assertEquals("no task given for test set " + TEST_SET + ": expected one of " + Task.ids(), noTask.getMessage());
        EvaluationException noTruth =
                assertThrows(EvaluationException.class, () -> Evaluator.evaluate(Task.SPANNING, null, new float[2]));
        assertTrue(
                noTruth.getMessage().startsWith("task spanning on <no test set>: no test set given"),
                noTruth.getMessage());
        EvaluationException noPrediction =
                assertThrows(EvaluationException.class, () -> Evaluator.evaluate(Task.SPANNING, truth, null));
        assertEquals(
                "task spanning on " + TEST_SET + ": no prediction given: expected 2 values (one per map)",
                noPrediction.getMessage());
    }

    @Test
    void testSetWithoutTheTasksLabelsIsRejected() {
        SplitData truth = spanningSplit((byte) 1, (byte) 0);
        SplitData noLabels = SplitData.ofSitePercolation(
                truth.spec(), truth.split(), truth.maps(), truth.p(), truth.maxCluster(), null, truth.maxClusterMask());
        EvaluationException e = assertThrows(
                EvaluationException.class, () -> Evaluator.evaluate(Task.SPANNING, noLabels, new float[2]));
        assertEquals(
                "task spanning on " + TEST_SET + ": the test set's spanning labels are missing: expected 2"
                        + " (one per map)",
                e.getMessage());
    }

    @Test
    void scoresAreUnmodifiable() {
        Evaluation e = Evaluator.evaluate(Task.SPANNING, spanningSplit((byte) 1, (byte) 0), new float[] {1f, 0f});
        assertThrows(UnsupportedOperationException.class, () -> e.scores().put(Metric.ACCURACY, 0.0));
        assertThrows(UnsupportedOperationException.class, () -> e.accuracyByP().put(0.1, 0.0));
    }

    @Test
    void scoreOfAnotherTasksMetricIsRefusedNamingIt() {
        Evaluation e = Evaluator.evaluate(Task.SPANNING, spanningSplit((byte) 1, (byte) 0), new float[] {1f, 0f});
        NoSuchElementException x = assertThrows(NoSuchElementException.class, () -> e.score(Metric.MEAN_IOU));
        assertTrue(x.getMessage().startsWith("no mean_iou score for task spanning on " + TEST_SET), x.getMessage());
    }
}
