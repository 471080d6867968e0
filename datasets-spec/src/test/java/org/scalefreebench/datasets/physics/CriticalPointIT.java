package org.scalefreebench.datasets.physics;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.rng.JumpableUniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.scalefreebench.datasets.lattice.CriticalExponents;
import org.scalefreebench.datasets.lattice.CrossingProbability;
import org.scalefreebench.datasets.lattice.NewmanZiffSweep;

/**
 * p_c from Newman–Ziff sweeps at L = 128: the p where the crossing probability R(p), the binomial
 * convolution of the sweeps' crossing events, equals 1/2 must lie within 0.002 of 0.592746.
 * Its statistical error follows from the delta method: σ_R = √(R(1−R)/M) = 1/(2√M) at R = 1/2, and
 * σ_p = σ_R / R'(p*), with R' from the convolved curve. The test also requires 4σ_p ≤ 0.002, so the
 * bound is at least a 4σ test and not looser than the statistics.
 */
class CriticalPointIT {

    private static final int SIZE = 128;
    private static final int SWEEPS = 4000;
    private static final double BOUND = 0.002;

    @Test
    void crossingProbabilityAtLHundredTwentyEightCrossesOneHalfAtTheThreshold() {
        JumpableUniformRandomProvider rng =
                (JumpableUniformRandomProvider) RandomSource.XO_RO_SHI_RO_128_PP.create(4242L);
        NewmanZiffSweep sweep = new NewmanZiffSweep(SIZE);
        int[] crossing = new int[SWEEPS];
        for (int m = 0; m < SWEEPS; m++) {
            crossing[m] = sweep.crossingOccupation(rng.jump());
        }
        CrossingProbability r = new CrossingProbability(SIZE * SIZE, crossing);
        double pStar = r.inverse(0.5);
        double h = 1e-4;
        double slope = (r.at(pStar + h) - r.at(pStar - h)) / (2 * h);
        double sigmaP = 0.5 / Math.sqrt(SWEEPS) / slope;
        Measurement.report("p* (L=%d, %d sweeps) = %.5f ± %.5f; R'(p*) = %.1f%n", SIZE, SWEEPS, pStar, sigmaP, slope);
        assertTrue(4 * sigmaP <= BOUND, "too few sweeps: 4σ_p = " + 4 * sigmaP + " exceeds the bound " + BOUND);
        assertTrue(
                Math.abs(pStar - CriticalExponents.SITE_P_C) <= BOUND,
                "R(p) = 1/2 at p = " + pStar + " ± " + sigmaP + ", expected within " + BOUND + " of "
                        + CriticalExponents.SITE_P_C);
    }
}
