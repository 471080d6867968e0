package org.scalefreebench.datasets.physics;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.scalefreebench.datasets.fk.BondConfiguration;
import org.scalefreebench.datasets.fk.ChayesMachta;
import org.scalefreebench.datasets.fk.FkClusterMeasurer;
import org.scalefreebench.datasets.fk.FkMeasures;
import org.scalefreebench.datasets.fk.IntegratedAutocorrelation;
import org.scalefreebench.datasets.fk.IsingTorusExact;
import org.scalefreebench.datasets.fk.WrappingClass;

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
 *
 * <p><b>Odd windings (L = 32).</b> Z_AP/Z_PP is the FK probability that no cluster has a cycle of
 * odd horizontal winding a, and Z_AA/Z_PP that none has one of odd a + b (brief §3.3). {@link
 * FkMeasures} gives the class (none, one direction, cross) and whether some cluster winds
 * horizontally (a ≠ 0) or vertically (b ≠ 0), not the parity of a. What that allows: a cross cluster
 * has every winding, (1, 0) and (0, 1) included (were its winding lattice a proper sublattice, the
 * cluster would lift to as many disjoint copies, each with cross topology, in the corresponding
 * cover of the torus, which disjoint clusters cannot have), and in one direction every cycle winds
 * along one primitive class ±(a, b) (cycles of the graph are simple closed curves, whose classes are
 * primitive). So "no odd a" is none, or one direction with a even: we count none, or one direction
 * with a = 0 (b ≠ 0 only), and miss the classes (2, ±1), (2, ±3), …; "no odd a + b" is none, or one
 * direction with a and b odd: we count none, or one direction with a, b ≠ 0, and wrongly include
 * (1, ±2), (2, ±1), …. The Coulomb-gas weights of §3.4 put a class (a, b) at exp(−πg(a² + b²)) of
 * the total, g = 3/4 at Q = 2, so each of these is about exp(−4πg) = 8·10⁻⁵ of P((1, 0)) = 0.146:
 * a bias near 5·10⁻⁵ (an L → ∞ estimate, not a bound), against a standard error of about 6·10⁻³.
 * These indicator series get the same τ-corrected error and |z| &lt; 4 as the mean bond count.
 */
class FkIsingBondCountIT {

    private static final double K = 4;
    private static final int BATCHES = 20;
    private static final int BURN_IN = 1000;

    @ParameterizedTest(name = "L = {0}")
    @CsvSource({"32, 20000, true", "64, 16000, false", "128, 8000, false"})
    void bondCountMeanAndVarianceEqualTheExactIsingTorus(int size, int sweeps, boolean windings) {
        IsingTorusExact exact = IsingTorusExact.critical(size);
        ChayesMachta chain = new ChayesMachta(
                2, BondConfiguration.empty(size), RandomSource.XO_RO_SHI_RO_128_PP.create(20261202L + size));
        chain.sweep(BURN_IN);
        double[] bonds = new double[sweeps];
        double[] noOddHorizontal = new double[windings ? sweeps : 0];
        double[] noOddSum = new double[windings ? sweeps : 0];
        FkClusterMeasurer measurer = windings ? new FkClusterMeasurer(size) : null;
        for (int t = 0; t < sweeps; t++) {
            chain.sweep();
            bonds[t] = chain.configuration().bondCount();
            if (windings) {
                FkMeasures m = measurer.measure(chain.configuration(), null);
                boolean none = m.wrapping() == WrappingClass.NONE;
                boolean one = m.wrapping() == WrappingClass.ONE_DIRECTION;
                noOddHorizontal[t] = none || (one && !m.wrapsHorizontally()) ? 1 : 0;
                noOddSum[t] = none || (one && m.wrapsHorizontally() && m.wrapsVertically()) ? 1 : 0;
            }
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
        if (windings) {
            assertFrequency(noOddHorizontal, exact.antiperiodicRatio(), size, "no odd horizontal winding, Z_AP/Z_PP");
            assertFrequency(noOddSum, exact.doublyAntiperiodicRatio(), size, "no odd winding sum, Z_AA/Z_PP");
        }
        assertTrue(
                Math.abs(zMean) < K,
                "mean bond count " + mean + " is " + zMean + " sigma from " + exact.bondCountMean());
        assertTrue(
                Math.abs(zVariance) < K,
                "bond count variance " + batchMean + " is " + zVariance + " sigma from " + exact.bondCountVariance());
    }

    private static void assertFrequency(double[] indicator, double exact, int size, String what) {
        int n = indicator.length;
        double mean = 0;
        for (double x : indicator) {
            mean += x;
        }
        mean /= n;
        double variance = mean * (1 - mean) * n / (n - 1);
        IntegratedAutocorrelation.Estimate tau = IntegratedAutocorrelation.estimate(indicator);
        double error = tau.standardErrorOfMean(variance);
        double z = (mean - exact) / error;
        Measurement.report(
                "Q=2 L=%d: P(%s) = %.5f ± %.5f (tau_int %.2f) vs exact %.6f (z = %.2f)%n",
                size, what, mean, error, tau.tau(), exact, z);
        assertTrue(Math.abs(z) < K, "P(" + what + ") = " + mean + " is " + z + " sigma from " + exact);
    }
}
