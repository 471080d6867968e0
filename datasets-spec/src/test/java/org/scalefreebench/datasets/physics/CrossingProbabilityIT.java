package org.scalefreebench.datasets.physics;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.scalefreebench.datasets.lattice.CriticalExponents;

/**
 * Top–bottom crossing probability of the open L×L square at p_c → 1/2 (Cardy 1992; square by
 * symmetry; finite-L site percolation is within 0.005 of it at L = 64 per PHYSICS.md). The fraction
 * of n spanning maps has binomial σ = √(R(1−R)/n) ≤ √(1/(4n)); n = 4000 gives σ ≤ 0.0079 ≤ 0.01.
 * The test accepts |fraction − 1/2| ≤ 4σ.
 */
class CrossingProbabilityIT {

    private static final int SAMPLES = 4000;

    @ParameterizedTest(name = "L = {0}")
    @ValueSource(ints = {64, 128, 256})
    void crossingAtTheThresholdIsOneHalf(int size) throws IOException {
        Ensemble e = Ensemble.of(size, CriticalExponents.SITE_P_C, SAMPLES, 20000 + size);
        double fraction = (double) e.spanning / SAMPLES;
        double r = CriticalExponents.CROSSING_AT_P_C;
        double sigma = Math.sqrt(r * (1 - r) / SAMPLES);
        assertTrue(sigma <= 0.01, "too few samples: sigma " + sigma);
        Measurement.report("crossing L=%d: %.4f ± %.4f (%d maps)%n", size, fraction, sigma, SAMPLES);
        assertTrue(
                Math.abs(fraction - r) <= 4 * sigma,
                "crossing fraction at L = " + size + " is " + fraction + ", expected 1/2 within 4σ = " + 4 * sigma);
    }
}
