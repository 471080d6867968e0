package org.scalefreebench.datasets.fk;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The exact torus duality identities of the brief §3.1, for any real Q and L at the self-dual
 * point: P(cross) = Q·P(no wrap), and E[|ω| | one-direction wrap] = N, that is E[(|ω| − N)·1_one] = 0.
 * They test the weights of the chain and the topology classifier together (§7.1 gate 2).
 *
 * <p>Each identity is the vanishing of the mean of a series measured after every sweep: x_t = 1_cross −
 * Q·1_none and y_t = (|ω| − N)·1_one. Consecutive sweeps are correlated, so the standard error of a
 * mean is τ-corrected, √(2τ_int·Var/n), with τ_int measured on the series itself by Sokal's windowing
 * ({@link IntegratedAutocorrelation}). Pass: |mean| &lt; 4σ. Power: the same samples must reject the
 * first identity with Q replaced by Q − ½ (|mean| &gt; 4σ).
 */
class DualityIdentityTest {

    private static final double K = 4;

    @ParameterizedTest
    @CsvSource({"2.5, 4", "2.5, 8", "1.5, 8", "3.5, 4"})
    void crossIsQTimesNoWrapAndBondsGivenOneDirectionAverageN(double q, int size) {
        int n = size * size;
        int sweeps = 150_000;
        ChayesMachta chain = new ChayesMachta(
                q,
                BondConfiguration.empty(size),
                RandomSource.XO_RO_SHI_RO_128_PP.create(size * 1000L + (long) (q * 10)));
        FkClusterMeasurer measurer = new FkClusterMeasurer(size);
        chain.sweep(1000);
        double[] ratio = new double[sweeps];
        double[] wrongRatio = new double[sweeps];
        double[] bonds = new double[sweeps];
        for (int t = 0; t < sweeps; t++) {
            chain.sweep();
            FkMeasures m = measurer.measure(chain.configuration(), null);
            double none = m.wrapping() == WrappingClass.NONE ? 1 : 0;
            double cross = m.wrapping() == WrappingClass.CROSS ? 1 : 0;
            ratio[t] = cross - q * none;
            wrongRatio[t] = cross - (q - 0.5) * none;
            bonds[t] = m.wrapping() == WrappingClass.ONE_DIRECTION ? m.bondCount() - n : 0;
        }
        double[] z = zScore(ratio);
        assertTrue(Math.abs(z[0]) < K, "P(cross) - Q P(none) = " + z[1] + " is " + z[0] + " sigma from 0");
        double[] zb = zScore(bonds);
        assertTrue(Math.abs(zb[0]) < K, "E[(|w| - N) 1_one] = " + zb[1] + " is " + zb[0] + " sigma from 0");
        double[] zw = zScore(wrongRatio);
        assertTrue(Math.abs(zw[0]) > K, "Q - 1/2 not rejected: " + zw[0] + " sigma");
    }

    /** @return {mean / its τ-corrected standard error, mean} */
    private static double[] zScore(double[] series) {
        double mean = 0;
        for (double x : series) {
            mean += x;
        }
        mean /= series.length;
        double variance = 0;
        for (double x : series) {
            variance += (x - mean) * (x - mean);
        }
        variance /= series.length - 1;
        double se = IntegratedAutocorrelation.estimate(series).standardErrorOfMean(variance);
        return new double[] {mean / se, mean};
    }
}
