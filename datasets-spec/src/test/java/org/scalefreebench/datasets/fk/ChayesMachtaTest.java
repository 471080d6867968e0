package org.scalefreebench.datasets.fk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.hipparchus.distribution.continuous.ChiSquaredDistribution;
import org.hipparchus.distribution.discrete.BinomialDistribution;
import org.hipparchus.stat.inference.AlternativeHypothesis;
import org.hipparchus.stat.inference.BinomialTest;
import org.hipparchus.stat.inference.ChiSquareTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.scalefreebench.datasets.generate.Sha256;

/**
 * The Chayes–Machta chain: reproducible bytes, refusals, and the Q = 1 reduction to independent
 * bonds of probability ½ (brief §2.1, §7.1 gate 1). At Q = 1 every sweep draws every bond afresh, so
 * the samples of every sweep are independent and exact tests apply directly; each passes if its
 * p-value is at least 1e-4 (about a 3.7σ threshold).
 */
class ChayesMachtaTest {

    private static final double ALPHA = 1e-4;

    private static ChayesMachta chain(double q, int size, long seed) {
        return new ChayesMachta(q, BondConfiguration.full(size), RandomSource.XO_RO_SHI_RO_128_PP.create(seed));
    }

    @Test
    void sameSeedGivesTheSameBytesAndAnotherSeedOtherBytes() {
        ChayesMachta a = chain(2.5, 16, 42L);
        ChayesMachta b = chain(2.5, 16, 42L);
        ChayesMachta c = chain(2.5, 16, 43L);
        a.sweep(50);
        b.sweep(50);
        c.sweep(50);
        assertEquals(a.configuration(), b.configuration());
        assertNotEquals(a.configuration(), c.configuration());
    }

    /**
     * Frozen reference vector (in the manner of the percolation ReferenceVectorTest): the SHA-256 of
     * the two planes after 1, 10 and 100 sweeps from the full torus. A change here changes every
     * critical-FK map a seed gives.
     */
    @Test
    void referenceVectorXoRoShiRo128PlusPlusL16() {
        ChayesMachta integer = chain(3, 16, 20261202L);
        ChayesMachta real = chain(2.5, 16, 20261202L);
        StringBuilder got = new StringBuilder();
        for (int step : new int[] {1, 9, 90}) {
            integer.sweep(step);
            real.sweep(step);
            got.append(Sha256.of(integer.configuration().toPlanes()), 0, 16)
                    .append(' ')
                    .append(Sha256.of(real.configuration().toPlanes()), 0, 16)
                    .append('\n');
        }
        assertEquals(REFERENCE, got.toString());
    }

    private static final String REFERENCE = """
            00c617ad71b35f12 7bed2fc33cee4c91
            07e6e1adb3231eec 40d5052cc3f24da1
            85abfeeb2f49e4b4 d0843f97ee8bb198
            """;

    @ParameterizedTest
    @ValueSource(doubles = {0.999, 0, -1, Double.NaN, Double.POSITIVE_INFINITY})
    void refusesQBelowOneOrNotFiniteNamingTheValue(double q) {
        BondConfiguration start = BondConfiguration.empty(4);
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(1L);
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> new ChayesMachta(q, start, rng));
        assertTrue(e.getMessage().contains("Q = " + q), e.getMessage());
    }

    @Test
    void startIsCopiedAndParametersAreTheSelfDualOnes() {
        BondConfiguration start = BondConfiguration.full(5);
        ChayesMachta cm = new ChayesMachta(3.7, start, RandomSource.XO_RO_SHI_RO_128_PP.create(3L));
        cm.sweep();
        assertEquals(BondConfiguration.full(5), start);
        assertEquals(3, cm.activeColours());
        assertEquals(3.7, cm.q());
        assertEquals(FkParameters.of(3.7).bondProbability(), cm.bondProbability(), 0);
    }

    @Test
    void atQOneBondCountsAreBinomialHalf() {
        int size = 8;
        int edges = 2 * size * size;
        int sweeps = 4000;
        ChayesMachta cm = chain(1, size, 11L);
        long[] histogram = new long[edges + 1];
        long occupied = 0;
        for (int t = 0; t < sweeps; t++) {
            cm.sweep();
            int b = cm.configuration().bondCount();
            histogram[b]++;
            occupied += b;
        }
        BinomialDistribution law = new BinomialDistribution(edges, 0.5);
        double[] expected = new double[edges + 1];
        for (int b = 0; b <= edges; b++) {
            expected[b] = sweeps * law.probability(b);
        }
        double p = pooledChiSquare(expected, histogram);
        assertTrue(p >= ALPHA, "bond-count histogram against Binomial(2N, 1/2): p = " + p);
        double pTotal = new BinomialTest()
                .binomialTest((int) ((long) edges * sweeps), (int) occupied, 0.5, AlternativeHypothesis.TWO_SIDED);
        assertTrue(pTotal >= ALPHA, "total occupation: p = " + pTotal);
    }

    @Test
    void atQOneEveryEdgeIsHalfAndIndependentOfItsNeighbourAndOfItsPast() {
        int size = 8;
        int n = size * size;
        int sweeps = 4000;
        ChayesMachta cm = chain(1, size, 12L);
        long[] perEdge = new long[2 * n];
        long[] pair = new long[4]; // (horizontal, vertical) edges at one site
        long[] lag = new long[4]; // one edge at sweeps t and t + 1
        byte[] previous = cm.configuration().toPlanes();
        for (int t = 0; t < sweeps; t++) {
            cm.sweep();
            byte[] planes = cm.configuration().toPlanes();
            for (int e = 0; e < 2 * n; e++) {
                perEdge[e] += planes[e];
                lag[2 * previous[e] + planes[e]]++;
            }
            for (int i = 0; i < n; i++) {
                pair[2 * planes[i] + planes[n + i]]++;
            }
            previous = planes;
        }
        double chi2 = 0;
        for (long c : perEdge) {
            double z = (c - sweeps / 2.0) / Math.sqrt(sweeps / 4.0);
            chi2 += z * z;
        }
        double pEdges = 1 - new ChiSquaredDistribution(2 * n).cumulativeProbability(chi2);
        assertTrue(pEdges >= ALPHA, "per-edge occupation, sum of z^2 over 2N edges: p = " + pEdges);
        double pPair = new ChiSquareTest().chiSquareTest(new double[] {1, 1, 1, 1}, pair);
        assertTrue(pPair >= ALPHA, "neighbouring edges: p = " + pPair);
        double pLag = new ChiSquareTest().chiSquareTest(new double[] {1, 1, 1, 1}, lag);
        assertTrue(pLag >= ALPHA, "one edge at consecutive sweeps: p = " + pLag);
    }

    /** χ² p-value with bins of expected count below 5 pooled into one. */
    static double pooledChiSquare(double[] expected, long[] observed) {
        java.util.List<double[]> bins = new java.util.ArrayList<>();
        double pooledExpected = 0;
        long pooledObserved = 0;
        for (int i = 0; i < expected.length; i++) {
            if (expected[i] < 5) {
                pooledExpected += expected[i];
                pooledObserved += observed[i];
            } else {
                bins.add(new double[] {expected[i], observed[i]});
            }
        }
        if (pooledExpected > 0) {
            bins.add(new double[] {pooledExpected, pooledObserved});
        }
        return new ChiSquareTest()
                .chiSquareTest(
                        bins.stream().mapToDouble(b -> b[0]).toArray(),
                        bins.stream().mapToLong(b -> (long) b[1]).toArray());
    }
}
