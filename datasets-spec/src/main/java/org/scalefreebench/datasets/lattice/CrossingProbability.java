package org.scalefreebench.datasets.lattice;

import org.hipparchus.analysis.solvers.BrentSolver;
import org.hipparchus.distribution.discrete.BinomialDistribution;

/**
 * The top–bottom crossing probability R(p) of site percolation on the open L×L square, from a
 * sample of Newman–Ziff sweeps: R(p) = Σ_n B(N, n, p) R_n, where R_n is the fraction of sweeps that
 * cross with n occupied sites (the canonical-to-grand-canonical convolution of Newman and Ziff).
 */
public final class CrossingProbability {

    private final int sites;
    private final double[] crossedAt;

    /**
     * @param sites               the number of sites N = L²
     * @param crossingOccupations one {@link NewmanZiffSweep#crossingOccupation} per sweep
     */
    public CrossingProbability(int sites, int[] crossingOccupations) {
        if (crossingOccupations.length == 0) {
            throw new IllegalArgumentException("no sweeps");
        }
        this.sites = sites;
        int[] count = new int[sites + 1];
        for (int n : crossingOccupations) {
            if (n < 1 || n > sites) {
                throw new IllegalArgumentException("crossing occupation " + n + " is outside [1, " + sites + "]");
            }
            count[n]++;
        }
        crossedAt = new double[sites + 1];
        double cumulative = 0;
        for (int n = 0; n <= sites; n++) {
            cumulative += count[n];
            crossedAt[n] = cumulative / crossingOccupations.length;
        }
    }

    /**
     * @param n occupation number
     * @return R_n, the fraction of sweeps crossing with n sites occupied
     */
    public double atOccupation(int n) {
        return crossedAt[n];
    }

    /**
     * @param p occupation probability
     * @return R(p), the binomial convolution of R_n
     */
    public double at(double p) {
        if (p <= 0) {
            return crossedAt[0];
        }
        if (p >= 1) {
            return crossedAt[sites];
        }
        BinomialDistribution b = new BinomialDistribution(sites, p);
        double mean = sites * p;
        // Beyond 12 standard deviations the binomial weight is below 1e-30: it cannot move R(p).
        double width = 12 * Math.sqrt(sites * p * (1 - p)) + 1;
        int lo = (int) Math.max(0, Math.floor(mean - width));
        int hi = (int) Math.min(sites, Math.ceil(mean + width));
        double sum = 0;
        for (int n = lo; n <= hi; n++) {
            sum += b.probability(n) * crossedAt[n];
        }
        return sum;
    }

    /**
     * @param level a crossing probability in (0, 1)
     * @return the p at which R(p) = level, found by Brent's method
     */
    public double inverse(double level) {
        return new BrentSolver(1e-12).solve(200, p -> at(p) - level, 0, 1);
    }
}
