package org.scalefreebench.datasets.fk;

/**
 * The integrated autocorrelation time of a stationary series, with the automatic windowing rule
 * of Madras and Sokal (J. Stat. Phys. 50, 109 (1988); Sokal, "Monte Carlo methods in statistical
 * mechanics", Cargèse lectures 1996, §3).
 *
 * <p>Convention: τ_int = ½ + Σ_{t≥1} ρ(t), so that the variance of the mean of n correlated
 * samples is 2τ_int·Var(x)/n (τ_int = ½ for independent samples, (1 + φ)/(2(1 − φ)) for an AR(1)
 * series of coefficient φ). The sum is cut at the window M, the smallest M with M ≥ c·τ̂_int(M),
 * where τ̂_int(M) = ½ + Σ_{t=1}^{M} ρ̂(t) and ρ̂ is the empirical autocorrelation (mean
 * subtracted, normalised by n at every lag). With c = 6 (Sokal's choice for roughly exponential
 * decay) the cut-off bias is below e^{−6} ≈ 0.25 % of τ for a pure exponential; the statistical
 * error is σ(τ̂) ≈ τ̂ √(2(2M + 1)/n).
 */
public final class IntegratedAutocorrelation {

    /** Sokal's window factor c: the window M is the smallest M ≥ c·τ̂(M). */
    public static final double DEFAULT_WINDOW_FACTOR = 6;

    private IntegratedAutocorrelation() {}

    /**
     * The estimate and its uncertainty.
     *
     * @param tau    τ̂_int at the chosen window
     * @param window the window M
     * @param error  the Madras–Sokal statistical error τ̂ √(2(2M + 1)/n)
     * @param length the series length n
     */
    public record Estimate(double tau, int window, double error, int length) {

        /** @return the effective number of independent samples n / (2τ̂) */
        public double effectiveSamples() {
            return length / (2 * tau);
        }

        /**
         * @param variance the series' variance
         * @return the τ-corrected standard error of the series mean, √(2τ̂·variance/n)
         */
        public double standardErrorOfMean(double variance) {
            return Math.sqrt(2 * tau * variance / length);
        }
    }

    /**
     * @param series the stationary series, at least 2 values, not constant
     * @return τ̂_int with the window factor {@link #DEFAULT_WINDOW_FACTOR}
     */
    public static Estimate estimate(double[] series) {
        return estimate(series, DEFAULT_WINDOW_FACTOR);
    }

    /**
     * @param series       the stationary series, at least 2 values, not constant
     * @param windowFactor Sokal's c, &gt; 0
     * @return τ̂_int at the first window M ≥ c·τ̂(M) (or at M = n − 1 if none is reached: then the
     *     series is too short for its τ, and the error says so)
     */
    public static Estimate estimate(double[] series, double windowFactor) {
        int n = series.length;
        if (n < 2) {
            throw new IllegalArgumentException("a series of " + n + " values has no autocorrelation; need at least 2");
        }
        if (!(windowFactor > 0)) {
            throw new IllegalArgumentException("window factor c = " + windowFactor + " must be > 0");
        }
        double mean = 0;
        for (double x : series) {
            mean += x;
        }
        mean /= n;
        double[] centred = new double[n];
        double c0 = 0;
        for (int i = 0; i < n; i++) {
            centred[i] = series[i] - mean;
            c0 += centred[i] * centred[i];
        }
        if (!(c0 > 0)) {
            throw new IllegalArgumentException("a constant series has no autocorrelation time");
        }
        double tau = 0.5;
        int window = 0;
        while (window < n - 1 && window < windowFactor * tau) {
            window++;
            double ct = 0;
            for (int i = 0; i + window < n; i++) {
                ct += centred[i] * centred[i + window];
            }
            tau += ct / c0;
        }
        double error = tau * Math.sqrt(2.0 * (2 * window + 1) / n);
        return new Estimate(tau, window, error, n);
    }
}
