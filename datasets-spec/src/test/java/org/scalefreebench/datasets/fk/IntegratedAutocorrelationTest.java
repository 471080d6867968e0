package org.scalefreebench.datasets.fk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * τ_int of AR(1) series x_t = φ x_{t−1} + ε_t, whose autocorrelation is ρ(t) = φ^t, so that τ_int = ½
 * + φ/(1 − φ) = (1 + φ)/(2(1 − φ)) exactly. Tolerance: 4σ with σ the Madras–Sokal error
 * τ√(2(2M + 1)/n) the estimator reports, plus the window's cut-off bias Σ_{t>M} φ^t = φ^{M+1}/(1 − φ)
 * (below 0.3 % of τ here).
 */
class IntegratedAutocorrelationTest {

    private static double[] ar1(double phi, int n, long seed) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        ZigguratSampler.NormalizedGaussian gauss = ZigguratSampler.NormalizedGaussian.of(rng);
        double[] x = new double[n];
        double prev = gauss.sample() / Math.sqrt(1 - phi * phi); // stationary start
        for (int t = 0; t < n; t++) {
            prev = phi * prev + gauss.sample();
            x[t] = prev;
        }
        return x;
    }

    @ParameterizedTest
    @ValueSource(doubles = {0, 0.5, 0.8, 0.95})
    void recoversTheExactTauOfAnAr1Series(double phi) {
        int n = 200_000;
        IntegratedAutocorrelation.Estimate e = IntegratedAutocorrelation.estimate(ar1(phi, n, 99L));
        double exact = (1 + phi) / (2 * (1 - phi));
        double bias = Math.pow(phi, e.window() + 1) / (1 - phi);
        assertEquals(exact, e.tau(), 4 * e.error() + bias, "phi = " + phi + ", window " + e.window());
        assertTrue(e.window() >= IntegratedAutocorrelation.DEFAULT_WINDOW_FACTOR * e.tau());
        assertEquals(n, e.length());
        assertEquals(n / (2 * e.tau()), e.effectiveSamples(), 1e-9);
        assertEquals(Math.sqrt(2 * e.tau() * 3.0 / n), e.standardErrorOfMean(3.0), 1e-15);
    }

    @Test
    void aShortSeriesStopsAtItsLastLag() {
        IntegratedAutocorrelation.Estimate e = IntegratedAutocorrelation.estimate(new double[] {0, 1, 0, 1, 1}, 100);
        assertEquals(4, e.window());
    }

    @Test
    void refusesSeriesWithoutAnAutocorrelation() {
        assertThrows(IllegalArgumentException.class, () -> IntegratedAutocorrelation.estimate(new double[] {1}));
        assertThrows(IllegalArgumentException.class, () -> IntegratedAutocorrelation.estimate(new double[] {2, 2, 2}));
        assertThrows(IllegalArgumentException.class, () -> IntegratedAutocorrelation.estimate(new double[] {1, 2}, 0));
    }
}
