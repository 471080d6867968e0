package org.scalefreebench.datasets.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.scalefreebench.datasets.load.SplitData;

/**
 * The paired tests against frozen values of an independent implementation (numpy, DeLong's
 * structural components from their O(mn) definition), and their calibration: under the null, |z|
 * exceeds 1.96 in 5 % of test sets.
 */
class PairedDifferenceTest {

    private static SplitData spanning(byte... labels) {
        double[] p = new double[labels.length];
        Arrays.fill(p, 0.5);
        return HandMadeSplits.split(2, p, labels, null, null);
    }

    /** 2×2 maps with largest clusters of the given sizes: fractions size / 4. */
    private static SplitData maxCluster(int... sizes) {
        double[] p = new double[sizes.length];
        Arrays.fill(p, 0.5);
        return HandMadeSplits.split(2, p, null, sizes, null);
    }

    @Test
    void deLongMatchesItsDefinitionOnAHandMadeSet() {
        SplitData truth = spanning(new byte[] {1, 1, 1, 0, 0, 0, 0, 1});
        float[] a = {0.9f, 0.8f, 0.4f, 0.3f, 0.2f, 0.6f, 0.1f, 0.7f};
        float[] b = {0.6f, 0.5f, 0.5f, 0.2f, 0.4f, 0.5f, 0.3f, 0.4f};
        PairedDifference d = PairedDifference.of(Task.SPANNING, truth, a, b);
        assertEquals(Metric.ROC_AUC, d.metric());
        assertEquals(HandMadeSplits.TEST_SET, d.testSet());
        assertEquals(8, d.samples());
        assertEquals(0.9375, d.a(), 0);
        assertEquals(0.84375, d.b(), 0, "ties (0.5 against 0.5) count one half");
        assertEquals(0.12236812629657011, d.standardError(), 1e-15);
        assertEquals(0.7661308776828737, d.z(), 1e-12);
        assertEquals(0.4436, d.pTwoSided(), 1e-4);
    }

    @Test
    void theRegressionTestComparesR2ThroughPairedSquaredErrors() {
        SplitData truth = maxCluster(4, 2, 0, 2, 1, 3);
        float[] a = {0.9f, 0.6f, 0.1f, 0.4f, 0.3f, 0.7f};
        float[] b = {0.5f, 0.5f, 0.5f, 0.5f, 0.5f, 0.5f};
        PairedDifference d = PairedDifference.of(Task.MAX_CLUSTER, truth, a, b);
        assertEquals(Metric.R2, d.metric());
        assertEquals(0.9279999823570229, d.a(), 1e-15);
        assertEquals(0.0, d.b(), 0, "the mean of the targets scores R² = 0");
        assertEquals(0.4520955633703891, d.standardError(), 1e-15);
    }

    @Test
    void identicalPredictionsDifferByNothing() {
        SplitData truth = spanning(new byte[] {1, 0, 1, 0, 1});
        float[] a = {0.9f, 0.1f, 0.3f, 0.4f, 0.5f};
        PairedDifference d = PairedDifference.of(Task.SPANNING, truth, a, a.clone());
        assertEquals(0, d.difference(), 0);
        assertEquals(0, d.standardError(), 0);
        assertEquals(0, d.z(), 0);
        assertEquals(1, d.pTwoSided(), 1e-12);
    }

    /**
     * Two scores of the same quality (the label plus independent unit normal noise each; for R², the
     * target plus such noise) on 200 maps, 2 000 times: the share of |z| > 1.96 must be 0.05 within
     * 4 binomial σ (σ = √(0.05 · 0.95 / 2 000) = 0.0049), for each test.
     */
    @Test
    void underTheNullZExceedsTwoSigmaInFivePercentOfSets() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(20261203L);
        ZigguratSampler.NormalizedGaussian gauss = ZigguratSampler.NormalizedGaussian.of(rng);
        int sets = 2000;
        int n = 200;
        int rejectedAuc = 0;
        int rejectedR2 = 0;
        for (int s = 0; s < sets; s++) {
            byte[] labels = new byte[n];
            int[] sizes = new int[n];
            float[] a = new float[n];
            float[] b = new float[n];
            float[] ra = new float[n];
            float[] rb = new float[n];
            for (int i = 0; i < n; i++) {
                labels[i] = (byte) (rng.nextBoolean() ? 1 : 0);
                a[i] = prob(labels[i] + gauss.sample());
                b[i] = prob(labels[i] + gauss.sample());
                sizes[i] = rng.nextInt(5);
                ra[i] = (float) (sizes[i] / 4.0 + 0.3 * gauss.sample());
                rb[i] = (float) (sizes[i] / 4.0 + 0.3 * gauss.sample());
            }
            if (Math.abs(PairedDifference.of(Task.SPANNING, spanning(labels), a, b)
                            .z())
                    > 1.96) {
                rejectedAuc++;
            }
            if (Math.abs(PairedDifference.of(Task.MAX_CLUSTER, maxCluster(sizes), ra, rb)
                            .z())
                    > 1.96) {
                rejectedR2++;
            }
        }
        double sigma = Math.sqrt(0.05 * 0.95 / sets);
        assertEquals(0.05, rejectedAuc / (double) sets, 4 * sigma, "DeLong's size");
        assertEquals(0.05, rejectedR2 / (double) sets, 4 * sigma, "the paired squared errors' size");
    }

    /** A score in (0, 1), monotone in x, as the Evaluator requires of a probability. */
    private static float prob(double x) {
        return (float) (1 / (1 + Math.exp(-x)));
    }

    @Test
    void refusesWhatItCannotCompareNamingIt() {
        SplitData oneClass = spanning(new byte[] {1, 1, 1});
        float[] p = {0.1f, 0.2f, 0.3f};
        IllegalArgumentException x =
                assertThrows(IllegalArgumentException.class, () -> PairedDifference.of(Task.SPANNING, oneClass, p, p));
        assertTrue(x.getMessage().contains("one class only"), x.getMessage());

        SplitData truth = spanning(new byte[] {1, 0, 1});
        IllegalArgumentException mask = assertThrows(
                IllegalArgumentException.class,
                () -> PairedDifference.of(Task.MAX_CLUSTER_MASK, truth, new float[12], new float[12]));
        assertTrue(mask.getMessage().contains("max-cluster-mask has no paired test"), mask.getMessage());

        EvaluationException nan = assertThrows(
                EvaluationException.class,
                () -> PairedDifference.of(Task.SPANNING, truth, p, new float[] {0.1f, Float.NaN, 0.3f}));
        assertTrue(nan.getMessage().contains(HandMadeSplits.TEST_SET), nan.getMessage());
    }

    /** The tasks with a paired test are spanning (ROC AUC) and max-cluster (R²); the RMSE-only FK tasks, the mask and generation have none. */
    @Test
    void aPairedTestExistsForTheRankAndR2TasksOnly() {
        Set<Task> withTest = EnumSet.noneOf(Task.class);
        for (Task t : Task.values()) {
            if (PairedDifference.hasTest(t)) {
                withTest.add(t);
            }
        }
        assertEquals(EnumSet.of(Task.SPANNING, Task.MAX_CLUSTER), withTest);
    }
}
