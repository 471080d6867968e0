package org.scalefreebench.datasets.lattice;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.apache.commons.rng.JumpableUniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * The critical window of a finite lattice: the occupation probabilities p_low and p_high at which the
 * top–bottom crossing probability R(p, L) of site percolation on the open L×L square equals two
 * given levels (0.1 and 0.9 for the RG family's multi-size training specs). R is estimated from
 * Newman–Ziff sweeps ({@link CrossingProbability}); each end point carries its statistical error
 * by the delta method, σ_p = √(R(1−R)/M) / R'(p), with M sweeps. Sweep m draws from the m-th jump
 * of one XO_RO_SHI_RO_128_PP stream, so a (size, sweeps, seed) triple always gives the same window.
 *
 * @param size      L
 * @param sweeps    M, the number of Newman–Ziff sweeps
 * @param seed      the seed of the stream
 * @param low       the lower level of R
 * @param high      the upper level of R
 * @param pLow      the p at which R = low
 * @param pHigh     the p at which R = high
 * @param sigmaLow  the standard error of pLow
 * @param sigmaHigh the standard error of pHigh
 */
public record CrossingWindow(
        int size,
        int sweeps,
        long seed,
        double low,
        double high,
        double pLow,
        double pHigh,
        double sigmaLow,
        double sigmaHigh) {

    /**
     * Measures the window.
     *
     * @param size   L, at least {@link Lattice#MIN_SIZE}
     * @param sweeps M, at least 100
     * @param seed   the seed
     * @param low    the lower crossing level, in (0, high)
     * @param high   the upper crossing level, in (low, 1)
     * @return the window with its errors
     * @throws IllegalArgumentException naming the argument out of range
     */
    public static CrossingWindow measure(int size, int sweeps, long seed, double low, double high) {
        if (size < Lattice.MIN_SIZE || size > Lattice.MAX_SIZE) {
            throw new IllegalArgumentException(
                    "L = " + size + " is outside [" + Lattice.MIN_SIZE + ", " + Lattice.MAX_SIZE + "]");
        }
        if (sweeps < 100) {
            throw new IllegalArgumentException("sweeps = " + sweeps + ": at least 100 are needed");
        }
        if (!(low > 0 && low < high && high < 1)) {
            throw new IllegalArgumentException(
                    "crossing levels " + low + " and " + high + " must satisfy 0 < low < high < 1");
        }
        CrossingProbability r = curve(size, sweeps, seed);
        double pLow = r.inverse(low);
        double pHigh = r.inverse(high);
        return new CrossingWindow(
                size, sweeps, seed, low, high, pLow, pHigh, sigma(r, pLow, low, sweeps), sigma(r, pHigh, high, sweeps));
    }

    /**
     * @param size   L
     * @param sweeps M
     * @param seed   the seed of the stream
     * @return R(p, L) from M sweeps, sweep m drawing from the m-th jump of the stream
     */
    public static CrossingProbability curve(int size, int sweeps, long seed) {
        JumpableUniformRandomProvider rng =
                (JumpableUniformRandomProvider) RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        NewmanZiffSweep sweep = new NewmanZiffSweep(size);
        int[] crossing = new int[sweeps];
        for (int m = 0; m < sweeps; m++) {
            crossing[m] = sweep.crossingOccupation(rng.jump());
        }
        return new CrossingProbability(size * size, crossing);
    }

    /**
     * @param step the grid step, e.g. 0.001
     * @return the largest multiple of step at or below p_low, the first point of a grid covering the window
     */
    public BigDecimal gridFrom(BigDecimal step) {
        return BigDecimal.valueOf(pLow).divide(step, 0, RoundingMode.FLOOR).multiply(step);
    }

    /**
     * @param step the grid step
     * @return the smallest multiple of step at or above p_high, the last point of a grid covering the window
     */
    public BigDecimal gridTo(BigDecimal step) {
        return BigDecimal.valueOf(pHigh).divide(step, 0, RoundingMode.CEILING).multiply(step);
    }

    private static double sigma(CrossingProbability r, double p, double level, int sweeps) {
        double h = 1e-4;
        double slope = (r.at(Math.min(1, p + h)) - r.at(Math.max(0, p - h))) / (2 * h);
        return Math.sqrt(level * (1 - level) / sweeps) / slope;
    }
}
