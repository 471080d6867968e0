package org.scalefreebench.bench.record;

import java.util.Locale;
import org.hipparchus.distribution.continuous.TDistribution;
import org.scalefreebench.bench.result.Stat;

/**
 * When a re-run of a record's model agrees with the record, metric by metric.
 *
 * <p>The re-run uses the record's seeds, so on the same CPU and libraries it reproduces every
 * value to the bit; on another CPU a network's floating-point sums round differently and its
 * per-seed values move, by at most what a change of seed moves them. So a metric agrees when the
 * difference of the two means is within what the seed-to-seed spread explains: Welch's t-test of
 * the two sets of per-seed values, t = |m₁ − m₂| / √((s₁² + s₂²)/S) with Welch–Satterthwaite's ν,
 * and the metric disagrees when its two-sided p-value is below {@link #ALPHA} / m, m the number of
 * metrics compared in the record (Bonferroni: a faithful re-run of a record fails with probability
 * at most {@value #ALPHA}, whatever its number of metrics). A metric whose every seed gave the same
 * value in both runs (a deterministic rule, or one seed) must agree to {@link #DETERMINISTIC_RELATIVE} of its
 * size: there is no noise to hide behind. With three seeds ν is small and the t quantile large
 * (4.6 standard errors at m = 1, 10.3 at m = 20, {@link #allowedStandardErrors}), so a re-run shows that a record is the model's order of
 * magnitude, not its third digit: the bit-exact check is {@code rescore}'s.
 */
public final class RerunTolerance {

    /** Family-wise probability that a faithful re-run of a record is refused. */
    public static final double ALPHA = 0.01;
    /** Relative tolerance of a metric with no spread over seeds in either run: rounding across CPUs. */
    public static final double DETERMINISTIC_RELATIVE = 1e-9;

    private RerunTolerance() {}

    /**
     * @param recorded    the record's score over seeds
     * @param again       the re-run's score over the same seeds
     * @param comparisons how many metrics of the record are compared, at least 1
     * @return why they disagree, in words with the numbers; null if they agree
     */
    public static String disagreement(Stat recorded, Stat again, int comparisons) {
        if (comparisons < 1) {
            throw new IllegalArgumentException("at least one comparison, got " + comparisons);
        }
        if (recorded == null || again == null) {
            return recorded == null
                    ? "missing from the record, re-run " + Stat.text(again)
                    : "not produced by the re-run";
        }
        int seeds = recorded.values().size();
        if (again.values().size() != seeds) {
            return "has " + seeds + " seed values, the re-run " + again.values().size();
        }
        double diff = Math.abs(recorded.mean() - again.mean());
        if (Double.isNaN(recorded.mean()) || Double.isNaN(again.mean())) {
            return Double.isNaN(recorded.mean()) && Double.isNaN(again.mean())
                    ? null
                    : "mean is " + recorded.mean() + ", re-run " + again.mean();
        }
        if (spreadFree(recorded) && spreadFree(again)) {
            return diff <= DETERMINISTIC_RELATIVE * Math.max(1, Math.abs(recorded.mean()))
                    ? null
                    : String.format(
                            Locale.ROOT,
                            "mean is %s, re-run %s, with no spread over seeds in either run (allowed: %.0e relative)",
                            recorded.mean(),
                            again.mean(),
                            DETERMINISTIC_RELATIVE);
        }
        double v1 = recorded.std() * recorded.std() / seeds;
        double v2 = again.std() * again.std() / seeds;
        double se = Math.sqrt(v1 + v2);
        double dof = (v1 + v2) * (v1 + v2) / ((v1 * v1 + v2 * v2) / (seeds - 1));
        double t = diff / se;
        double p = 2 * new TDistribution(dof).cumulativeProbability(-t);
        double limit = ALPHA / comparisons;
        if (p >= limit) {
            return null;
        }
        return String.format(
                Locale.ROOT,
                "recorded %s, re-run %s: %.1f standard errors apart (Welch, ν = %.1f), p = %.2g below %.2g"
                        + " (%.2g over %d metric(s))",
                Stat.text(recorded),
                Stat.text(again),
                t,
                dof,
                p,
                limit,
                ALPHA,
                comparisons);
    }

    /** Whether every seed gave the same value (the std of equal values can round to 1e-16, not 0). */
    private static boolean spreadFree(Stat s) {
        return s.values().isEmpty()
                ? s.std() == 0
                : s.values().stream().distinct().count() == 1;
    }

    /**
     * @param seeds       seeds per run, at least 2
     * @param comparisons metrics compared
     * @return how many standard errors of the difference a re-run may lie from the record, when both
     *         runs have the same spread (ν = 2(S − 1)); for people and the README
     */
    public static double allowedStandardErrors(int seeds, int comparisons) {
        return new TDistribution(2.0 * (seeds - 1)).inverseCumulativeProbability(1 - ALPHA / comparisons / 2);
    }
}
