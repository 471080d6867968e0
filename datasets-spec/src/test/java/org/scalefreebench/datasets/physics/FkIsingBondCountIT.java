package org.scalefreebench.datasets.physics;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.scalefreebench.datasets.fk.BondConfiguration;
import org.scalefreebench.datasets.fk.ChayesMachta;
import org.scalefreebench.datasets.fk.IntegratedAutocorrelation;
import org.scalefreebench.datasets.fk.IsingTorusExact;

/**
 * Swendsen–Wang at Q = 2 (the Chayes–Machta chain at integer Q) against the exact finite-size Ising
 * torus (Kaufman; brief §3.3, §7.1 gate 3): the mean and the variance of the FK bond count |ω| at
 * the self-dual point of the L×L torus, L = 32, 64, 128, after a burn-in of 1000 sweeps (over 100
 * τ_int; the brief's τ_int of |ω| is 3.4–5.4 sweeps at these L).
 *
 * <p><b>Mean.</b> One value of |ω| per sweep; the standard error of its mean is τ-corrected,
 * √(2τ̂_int·s²/n), with τ̂_int measured on the series itself by Sokal's windowing ({@link
 * IntegratedAutocorrelation}); z = (mean − E|ω|)/SE.
 *
 * <p><b>Variance.</b> The series is cut into B = 20 consecutive batches of n/B ≥ 400 sweeps (more
 * than 70 τ_int, so batches are nearly independent); each batch gives the mean of (|ω| − mean)²
 * about the global mean, their average is the sample variance, and its standard error is the
 * batches' standard deviation / √B. z = (variance − Var|ω|)/SE. (The global mean's own bias of the
 * variance, −2τ·Var/n, is about 0.1 % of it, a few percent of the SE.)
 *
 * <p>Pass: |z| &lt; 4 for both. For the mean this is a two-sided normal tail of 6·10⁻⁵; for the
 * batch variance, with 19 degrees of freedom, a Student tail of about 8·10⁻⁴; six checks in all.
 * The exact excess of the density over ½ is 0.0911541/L, so the data also say how far the sampler
 * sits from the naive ½ (reported, not asserted).
 */
class FkIsingBondCountIT {

    private static final double K = 4;
    private static final int BATCHES = 20;
    private static final int BURN_IN = 1000;

    @ParameterizedTest(name = "L = {0}")
    @CsvSource({"32, 30000", "64, 16000", "128, 8000"})
    void bondCountMeanAndVarianceEqualTheExactIsingTorus(int size, int sweeps) {
        IsingTorusExact exact = IsingTorusExact.critical(size);
        ChayesMachta chain = new ChayesMachta(
                2, BondConfiguration.empty(size), RandomSource.XO_RO_SHI_RO_128_PP.create(20261202L + size));
        chain.sweep(BURN_IN);
        double[] bonds = new double[sweeps];
        for (int t = 0; t < sweeps; t++) {
            chain.sweep();
            bonds[t] = chain.configuration().bondCount();
        }
        double mean = 0;
        for (double b : bonds) {
            mean += b;
        }
        mean /= sweeps;
        double[] squared = new double[sweeps];
        double variance = 0;
        for (int t = 0; t < sweeps; t++) {
            squared[t] = (bonds[t] - mean) * (bonds[t] - mean);
            variance += squared[t];
        }
        variance /= sweeps;
        IntegratedAutocorrelation.Estimate tau = IntegratedAutocorrelation.estimate(bonds);
        double meanError = tau.standardErrorOfMean(variance * sweeps / (sweeps - 1));
        double zMean = (mean - exact.bondCountMean()) / meanError;

        int batch = sweeps / BATCHES;
        double[] batchVariance = new double[BATCHES];
        for (int b = 0; b < BATCHES; b++) {
            for (int t = b * batch; t < (b + 1) * batch; t++) {
                batchVariance[b] += squared[t];
            }
            batchVariance[b] /= batch;
        }
        double batchMean = 0;
        for (double v : batchVariance) {
            batchMean += v;
        }
        batchMean /= BATCHES;
        double spread = 0;
        for (double v : batchVariance) {
            spread += (v - batchMean) * (v - batchMean);
        }
        double varianceError = Math.sqrt(spread / (BATCHES - 1) / BATCHES);
        double zVariance = (batchMean - exact.bondCountVariance()) / varianceError;

        int n = size * size;
        double zHalf = (mean - n) / meanError;
        Measurement.report(
                "Q=2 L=%d, %d sweeps, tau_int(|w|) = %.2f ± %.2f: density %.7f ± %.7f vs exact %.7f (z = %.2f;"
                        + " z against 1/2: %.1f); Var/N %.4f ± %.4f vs exact %.4f (z = %.2f)%n",
                size,
                sweeps,
                tau.tau(),
                tau.error(),
                mean / (2.0 * n),
                meanError / (2.0 * n),
                exact.bondDensity(),
                zMean,
                zHalf,
                batchMean / n,
                varianceError / n,
                exact.bondCountVariance() / n,
                zVariance);
        assertTrue(
                Math.abs(zMean) < K,
                "mean bond count " + mean + " is " + zMean + " sigma from " + exact.bondCountMean());
        assertTrue(
                Math.abs(zVariance) < K,
                "bond count variance " + batchMean + " is " + zVariance + " sigma from " + exact.bondCountVariance());
    }
}
