package org.scalefreebench.datasets.fk;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.hipparchus.stat.inference.ChiSquareTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The Chayes–Machta chain on the 3×3 torus against the exact law of (|ω|, k, wrapping class) from
 * enumerating all 2^18 configurations (brief §3.5, §7.1 gate 4).
 *
 * <p>Samples come from one chain, thinned: a pilot run measures τ_int of the bond count and of the
 * cluster count (Sokal windowing), and samples are Δ = ⌈10·τ_max⌉ sweeps apart, so their residual
 * correlation (≈ e^{−10} for exponential decay) does not matter to the χ² statistic. Classes with
 * expected count below 5 are pooled into one bin (the usual validity rule of the χ² test). The
 * test passes if Hipparchus' χ² p-value is at least 1e-4 (about a 3.7σ one-sided threshold); to
 * show it has power, the same samples must be rejected (p &lt; 1e-4) against the exact law at a Q
 * half a unit away.
 */
class ChayesMachtaExactLawTest {

    private static final double ALPHA = 1e-4;
    private static final int SAMPLES = 40_000;

    @ParameterizedTest
    @CsvSource({"1.0, 1.5", "1.5, 2.0", "2.5, 2.0", "3.0, 3.5", "3.7, 3.2"})
    void sampledClassesFollowTheExactLaw(double q, double otherQ) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(Double.doubleToLongBits(q) ^ 0x5EED);
        ChayesMachta chain = new ChayesMachta(q, BondConfiguration.empty(ExactTorusLaw.SIZE), rng);
        FkClusterMeasurer measurer = new FkClusterMeasurer(ExactTorusLaw.SIZE);
        chain.sweep(200);
        int pilot = 20_000;
        double[] bonds = new double[pilot];
        double[] clusters = new double[pilot];
        for (int t = 0; t < pilot; t++) {
            chain.sweep();
            FkMeasures m = measurer.measure(chain.configuration(), null);
            bonds[t] = m.bondCount();
            clusters[t] = m.clusterCount();
        }
        double tau = Math.max(
                IntegratedAutocorrelation.estimate(bonds).tau(),
                IntegratedAutocorrelation.estimate(clusters).tau());
        int thinning = (int) Math.ceil(10 * tau);
        Map<ExactTorusLaw.Key, Long> observed = new HashMap<>();
        for (int s = 0; s < SAMPLES; s++) {
            chain.sweep(thinning);
            observed.merge(ExactTorusLaw.Key.of(measurer.measure(chain.configuration(), null)), 1L, Long::sum);
        }
        double p = pValue(ExactTorusLaw.law(q), observed);
        assertTrue(
                p >= ALPHA, "Q = " + q + ": chi-square p = " + p + " (tau = " + tau + ", thinning " + thinning + ")");
        double pOther = pValue(ExactTorusLaw.law(otherQ), observed);
        assertTrue(pOther < ALPHA, "Q = " + q + " samples not told from Q = " + otherQ + ": p = " + pOther);
    }

    private static double pValue(Map<ExactTorusLaw.Key, Double> law, Map<ExactTorusLaw.Key, Long> observed) {
        List<Double> expected = new ArrayList<>();
        List<Long> counts = new ArrayList<>();
        double pooledExpected = 0;
        long pooledCount = 0;
        long seen = 0;
        for (Map.Entry<ExactTorusLaw.Key, Double> e : law.entrySet()) {
            double exp = e.getValue() * SAMPLES;
            long obs = observed.getOrDefault(e.getKey(), 0L);
            seen += obs;
            if (exp < 5) {
                pooledExpected += exp;
                pooledCount += obs;
            } else {
                expected.add(exp);
                counts.add(obs);
            }
        }
        assertTrue(seen == SAMPLES, "a sampled class is missing from the exact law");
        if (pooledExpected > 0) {
            expected.add(pooledExpected);
            counts.add(pooledCount);
        }
        return new ChiSquareTest()
                .chiSquareTest(
                        expected.stream().mapToDouble(Double::doubleValue).toArray(),
                        counts.stream().mapToLong(Long::longValue).toArray());
    }
}
