package org.scalefreebench.datasets.physics;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Predicate;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.scalefreebench.datasets.fk.BondConfiguration;
import org.scalefreebench.datasets.fk.ChayesMachta;
import org.scalefreebench.datasets.fk.FkClusterMeasurer;
import org.scalefreebench.datasets.fk.FkMeasures;
import org.scalefreebench.datasets.fk.WrappingClass;

/**
 * Q = 1 (bond percolation at p = ½, brief §3.6, §7.1 gate 1): the wrapping frequencies on the L×L
 * torus against the L → ∞ values of Pinson (1994) and Newman–Ziff, as reproduced by the brief's
 * Coulomb-gas table (§3.4, Q = 1 row): R_h (some cluster winds horizontally), R_v, R_both, R_either
 * = 1 − P(no wrap), and the topology classes P(none) = P(cross) and P(one direction).
 *
 * <p>At Q = 1 every Chayes–Machta sweep redraws every bond independently (ChayesMachtaTest), so the
 * n sweeps are n independent tori and each count is Binomial(n, P_L). Tolerance: |f − P_∞| &lt; 4σ
 * + a/L², σ = √(P_∞(1 − P_∞)/n) the binomial error, and a/L² the allowance for the O(L⁻²)
 * finite-size correction the brief names, with a = 1. How big a is: the exact 3×3 torus (§3.5, Q =
 * 1) sits |P₃ − P_∞|·3² = 0.195 (none, cross) and 0.390 (one direction) from the limit, so a = 1
 * covers the L⁻² term if its amplitude at L ≥ 32 is no larger than 2.5× the one at L = 3. At L = 32
 * and 64 the allowance is 1.0·10⁻³ and 2.4·10⁻⁴, against 4σ ≈ 1.4·10⁻² and 2.0·10⁻²: the check is
 * set by the binomial noise. Seven events at two sizes, each with a normal two-sided tail of 6·10⁻⁵:
 * a family-wise false alarm rate below 10⁻³.
 */
class FkPercolationWrappingIT {

    private static final double K = 4;
    private static final double FINITE_SIZE_AMPLITUDE = 1;

    /** One wrapping event and its L → ∞ probability at Q = 1 (brief §3.4). */
    private record Event(String name, double limit, Predicate<FkMeasures> holds) {}

    private static final Event[] EVENTS = {
        new Event("R_h", 0.521058289, FkMeasures::wrapsHorizontally),
        new Event("R_v", 0.521058289, FkMeasures::wrapsVertically),
        new Event("R_both", 0.351642854, m -> m.wrapsHorizontally() && m.wrapsVertically()),
        new Event("R_either", 0.690473725, m -> m.wrapsHorizontally() || m.wrapsVertically()),
        new Event("P(none)", 0.309526275, m -> m.wrapping() == WrappingClass.NONE),
        new Event("P(one direction)", 0.380947449, m -> m.wrapping() == WrappingClass.ONE_DIRECTION),
        new Event("P(cross)", 0.309526275, m -> m.wrapping() == WrappingClass.CROSS),
    };

    @ParameterizedTest(name = "L = {0}")
    @CsvSource({"32, 20000", "64, 10000"})
    void wrappingFrequenciesEqualPinsonsValues(int size, int samples) {
        ChayesMachta chain = new ChayesMachta(
                1, BondConfiguration.empty(size), RandomSource.XO_RO_SHI_RO_128_PP.create(1994L * size));
        FkClusterMeasurer measurer = new FkClusterMeasurer(size);
        long[] counts = new long[EVENTS.length];
        for (int t = 0; t < samples; t++) {
            chain.sweep();
            FkMeasures m = measurer.measure(chain.configuration(), null);
            for (int e = 0; e < EVENTS.length; e++) {
                if (EVENTS[e].holds().test(m)) {
                    counts[e]++;
                }
            }
        }
        double allowance = FINITE_SIZE_AMPLITUDE / ((double) size * size);
        StringBuilder failures = new StringBuilder();
        for (int e = 0; e < EVENTS.length; e++) {
            Event event = EVENTS[e];
            double frequency = (double) counts[e] / samples;
            double sigma = Math.sqrt(event.limit() * (1 - event.limit()) / samples);
            double z = (frequency - event.limit()) / sigma;
            Measurement.report(
                    "Q=1 L=%d, %d tori: %s = %.5f ± %.5f vs %.9f (z = %.2f, allowance %.1e)%n",
                    size, samples, event.name(), frequency, sigma, event.limit(), z, allowance);
            if (Math.abs(frequency - event.limit()) >= K * sigma + allowance) {
                failures.append(event.name())
                        .append(" = ")
                        .append(frequency)
                        .append(" (z = ")
                        .append(z)
                        .append(") ");
            }
        }
        assertTrue(failures.isEmpty(), "wrapping frequencies off Pinson's values at L = " + size + ": " + failures);
    }
}
