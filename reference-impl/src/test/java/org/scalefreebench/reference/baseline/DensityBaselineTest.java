package org.scalefreebench.reference.baseline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
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

/** The density baseline's two fits, on generated percolation maps and on synthetic points. */
class DensityBaselineTest {

    /** The site-percolation threshold of the square lattice. */
    private static final double P_C = 0.59274605;

    private static final List<String> P = List.of("0.50", "0.55", "0.575", "0.59274605", "0.61", "0.635", "0.68");

    private static SplitData train;
    private static SplitData test;

    @BeforeAll
    static void generate() {
        train = GeneratedSplit.of("train", 32, P, 60, 101L);
        test = GeneratedSplit.of("test", 32, P, 60, 202L);
    }

    private static FitOptions options(long seed) {
        return new FitOptions(seed, Duration.ofMinutes(1), TrainingListener.NONE);
    }

    private static DensityBaseline.Fitted fitBoth(long seed) {
        return new DensityBaseline()
                .fit(new TrainingData(Set.of(Task.SPANNING, Task.MAX_CLUSTER), train, train), options(seed));
    }

    private static MapBatch batch(SplitData data) {
        return new MapBatch(data.samples(), data.size(), data.maps());
    }

    private static double density(byte[] sites, int from, int count) {
        int occupied = 0;
        for (int i = from; i < from + count; i++) {
            occupied += sites[i];
        }
        return (double) occupied / count;
    }

    @Test
    void logisticFitBeatsTheMajorityClassOnHeldOutMaps() {
        DensityBaseline.Fitted fitted = fitBoth(1L);
        assertTrue(fitted.spanningSlope() > 0, "P(spanning) must rise with density: b = " + fitted.spanningSlope());
        Evaluation e = Evaluator.evaluate(Task.SPANNING, test, fitted.predict(Task.SPANNING, batch(test)));
        int spanning = 0;
        for (byte s : test.spanning()) {
            spanning += s;
        }
        double majority = Math.max(spanning, test.samples() - spanning) / (double) test.samples();
        assertTrue(
                e.score(Metric.ACCURACY) >= majority + 0.15,
                "accuracy " + e.score(Metric.ACCURACY) + " vs majority-class rate " + majority);
        double halfway = -fitted.spanningIntercept() / fitted.spanningSlope();
        assertTrue(Math.abs(halfway - P_C) < 0.02, "P(spanning) = 1/2 at ρ = " + halfway + ", expected near p_c");
    }

    /** At the maximum of the likelihood the score equations hold: Σ(y − P) = 0 and Σ(y − P)·ρ = 0. */
    @Test
    void logisticFitSolvesTheScoreEquations() {
        double[] rho = DensityBaseline.densities(train.maps(), train.samples(), train.size());
        DensityBaseline.SpanningCurve curve = DensityBaseline.fitSpanning(rho, train.spanning());
        double g0 = 0;
        double g1 = 0;
        for (int i = 0; i < rho.length; i++) {
            double r = train.spanning()[i] - curve.probability(rho[i]);
            g0 += r;
            g1 += r * rho[i];
        }
        assertEquals(0, g0 / rho.length, 1e-12);
        assertEquals(0, g1 / rho.length, 1e-12);
        DensityBaseline.Fitted fitted = fitBoth(1L);
        assertEquals(curve.intercept(), fitted.spanningIntercept());
        assertEquals(curve.slope(), fitted.spanningSlope());
    }

    /**
     * Two densities, 1 of 4 maps spanning at ρ = 0.4 and 3 of 4 at ρ = 0.6: the fit is saturated,
     * σ(a + 0.4 b) = 1/4 and σ(a + 0.6 b) = 3/4, so b = 10 ln 3 and a = −5 ln 3.
     */
    @Test
    void logisticFitMatchesTheSaturatedTwoDensityCase() {
        double[] rho = {0.4, 0.4, 0.4, 0.4, 0.6, 0.6, 0.6, 0.6};
        byte[] spanning = {1, 0, 0, 0, 1, 1, 0, 1};
        DensityBaseline.SpanningCurve curve = DensityBaseline.fitSpanning(rho, spanning);
        assertEquals(10 * Math.log(3), curve.slope(), 1e-9);
        assertEquals(-5 * Math.log(3), curve.intercept(), 1e-9);
        assertEquals(0.25, curve.probability(0.4), 1e-12);
        assertEquals(0.75, curve.probability(0.6), 1e-12);
    }

    @Test
    void densitySeparatedSpanningFailsClearly() {
        double[] rho = {0.3, 0.4, 0.5, 0.6, 0.7, 0.8};
        byte[] spanning = {0, 0, 0, 1, 1, 1};
        IllegalStateException e =
                assertThrows(IllegalStateException.class, () -> DensityBaseline.fitSpanning(rho, spanning));
        assertTrue(e.getMessage().contains("density alone") && e.getMessage().contains("separates"), e.getMessage());
    }

    @Test
    void oneClassTrainSplitIsRejected() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> DensityBaseline.fitSpanning(new double[] {0.5, 0.6}, new byte[] {1, 1}));
        assertTrue(e.getMessage().contains("all spanning") && e.getMessage().contains("both classes"), e.getMessage());
    }

    @Test
    void polynomialReproducesAKnownCubic() {
        double[] c = {0.1, -2, 3, 5};
        double[] rho = new double[9];
        double[] y = new double[9];
        for (int i = 0; i < rho.length; i++) {
            rho[i] = 0.45 + 0.0375 * i;
            y[i] = c[0] + rho[i] * (c[1] + rho[i] * (c[2] + rho[i] * c[3]));
        }
        DensityBaseline.LargestClusterCurve curve = DensityBaseline.fitLargestCluster(rho, y, 3);
        assertArrayEquals(c, curve.coefficientsOfDensity(), 1e-9);
        double between = 0.6123;
        assertEquals(c[0] + between * (c[1] + between * (c[2] + between * c[3])), curve.value(between), 1e-12);
    }

    /** On noisy points the residuals are orthogonal to 1, ρ, ρ², ρ³: the normal equations hold. */
    @Test
    void polynomialIsTheLeastSquaresFit() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(7L);
        int n = 400;
        double[] rho = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            rho[i] = 0.5 + 0.2 * rng.nextDouble();
            y[i] = Math.tanh(20 * (rho[i] - 0.6)) / 2 + 0.5 + 0.05 * (rng.nextDouble() - 0.5);
        }
        DensityBaseline.LargestClusterCurve curve = DensityBaseline.fitLargestCluster(rho, y, 3);
        for (int k = 0; k <= 3; k++) {
            double dot = 0;
            for (int i = 0; i < n; i++) {
                dot += (y[i] - curve.value(rho[i])) * Math.pow(rho[i], k);
            }
            assertEquals(0, dot / n, 1e-14, "residuals against ρ^" + k);
        }
    }

    @Test
    void polynomialNeedsFourDistinctDensities() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> DensityBaseline.fitLargestCluster(new double[] {0.5, 0.6, 0.7, 0.7}, new double[4], 3));
        assertTrue(
                e.getMessage().contains("3 distinct densities")
                        && e.getMessage().contains("at least 4"),
                e.getMessage());
    }

    /**
     * 4×4 maps with k occupied sites, k = 4 … 12, and a largest cluster of 2k − 8 sites: the
     * fraction is 2ρ − 1/2, a polynomial of degree 1 that the cubic reproduces; predictions at
     * ρ = 0 and ρ = 1 (−1/2 and 3/2 before clipping) are clipped to [0, 1].
     */
    @Test
    void maxClusterPredictionIsClippedToTheUnitInterval() {
        int size = 4;
        int sites = size * size;
        int n = 9;
        byte[] maps = new byte[n * sites];
        int[] maxCluster = new int[n];
        for (int m = 0; m < n; m++) {
            int k = 4 + m;
            Arrays.fill(maps, m * sites, m * sites + k, (byte) 1);
            maxCluster[m] = 2 * k - 8;
        }
        SplitData base = GeneratedSplit.of("train", size, List.of("0.5"), n, 1L);
        SplitData synthetic = SplitData.ofSitePercolation(
                base.spec(), base.split(), maps, base.p(), maxCluster, base.spanning(), base.maxClusterMask());
        DensityBaseline.Fitted fitted = new DensityBaseline()
                .fit(new TrainingData(Set.of(Task.MAX_CLUSTER), synthetic, synthetic), options(0L));
        assertEquals(4, fitted.parameterCount());
        assertArrayEquals(new double[] {-0.5, 2, 0, 0}, fitted.maxClusterCoefficients(), 1e-12);

        int[] occupied = {0, 6, 8, 16};
        byte[] query = new byte[occupied.length * sites];
        for (int m = 0; m < occupied.length; m++) {
            Arrays.fill(query, m * sites, m * sites + occupied[m], (byte) 1);
        }
        float[] fraction = fitted.predict(Task.MAX_CLUSTER, new MapBatch(occupied.length, size, query));
        assertArrayEquals(new float[] {0f, 0.25f, 0.5f, 1f}, fraction, 1e-6f);

        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> fitted.predict(Task.SPANNING, new MapBatch(occupied.length, size, query)));
        assertTrue(e.getMessage().contains("not fitted for task spanning"), e.getMessage());
    }

    /** Fitted at L = 32, predicting at L = 64: σ(a + b·ρ) of each map's own density, whatever the seed. */
    @Test
    void predictsAtAnySizeAndIgnoresTheSeed() {
        DensityBaseline.Fitted fitted = fitBoth(1L);
        DensityBaseline.Fitted again = fitBoth(987654321L);
        assertEquals(fitted.spanningIntercept(), again.spanningIntercept());
        assertEquals(fitted.spanningSlope(), again.spanningSlope());
        assertArrayEquals(fitted.maxClusterCoefficients(), again.maxClusterCoefficients());
        assertEquals(6, fitted.parameterCount());

        SplitData large = GeneratedSplit.of("test", 64, List.of("0.5", "0.7"), 3, 303L);
        float[] spanning = fitted.predict(Task.SPANNING, batch(large));
        float[] fraction = fitted.predict(Task.MAX_CLUSTER, batch(large));
        assertEquals(6, spanning.length);
        double[] c = fitted.maxClusterCoefficients();
        for (int m = 0; m < large.samples(); m++) {
            double rho = density(large.maps(), m * 64 * 64, 64 * 64);
            double p = 1 / (1 + Math.exp(-(fitted.spanningIntercept() + fitted.spanningSlope() * rho)));
            assertEquals((float) p, spanning[m], 1e-6f, "map " + m);
            double cubic = c[0] + rho * (c[1] + rho * (c[2] + rho * c[3]));
            assertEquals((float) Math.min(1, Math.max(0, cubic)), fraction[m], 1e-6f, "map " + m);
        }
        assertTrue(spanning[0] < 0.5f && spanning[5] > 0.5f, "p = 0.5 maps below 1/2, p = 0.7 maps above");
    }

    @Test
    void maskTaskIsRefused() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> new DensityBaseline()
                        .fit(new TrainingData(Set.of(Task.MAX_CLUSTER_MASK), train, train), options(0L)));
        assertTrue(e.getMessage().contains("cannot fit task max-cluster-mask"), e.getMessage());
    }

    @Test
    void isRegisteredAsAService() {
        assertTrue(ServiceLoader.load(BenchmarkModel.class).stream()
                .anyMatch(provider -> provider.type() == DensityBaseline.class));
        DensityBaseline model = new DensityBaseline();
        assertEquals("density-baseline", model.id());
        assertEquals(Set.of(Task.SPANNING, Task.MAX_CLUSTER), model.tasks());
        assertTrue(model.ranked());
    }

    @Test
    void refusesMapsOfTwoChannelsAtFitAndPredict() {
        String expected = "model density-baseline reads 1 channel(s) per map, got 2 (a family it was not built for)";
        SplitData twoPlanes = GeneratedSplit.twoPlanes(8, 3);
        IllegalArgumentException atFit = assertThrows(
                IllegalArgumentException.class,
                () -> new DensityBaseline()
                        .fit(new TrainingData(Set.of(Task.SPANNING), twoPlanes, twoPlanes), options(1L)));
        assertEquals(expected, atFit.getMessage());
        IllegalArgumentException atPredict = assertThrows(
                IllegalArgumentException.class,
                () -> fitBoth(1L).predict(Task.SPANNING, new MapBatch(3, 2, 8, twoPlanes.maps())));
        assertEquals(expected, atPredict.getMessage());
    }
}
