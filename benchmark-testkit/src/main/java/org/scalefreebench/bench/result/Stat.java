package org.scalefreebench.bench.result;

import java.util.List;
import java.util.Locale;

/**
 * A score over seeds: mean, sample standard deviation (n − 1; 0 for one seed) and every value in
 * seed order.
 *
 * @param mean   the mean
 * @param std    the sample standard deviation
 * @param values one value per seed
 */
public record Stat(double mean, double std, List<Double> values) {

    /** The text of a score that is not there. */
    public static final String NONE = "–";

    /** Immutable copy. */
    public Stat {
        values = List.copyOf(values);
    }

    /**
     * @param values one value per seed, at least one
     * @return their mean and standard deviation
     */
    public static Stat of(List<Double> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("a Stat needs at least one value");
        }
        double mean = values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        double ss = values.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum();
        return new Stat(mean, values.size() > 1 ? Math.sqrt(ss / (values.size() - 1)) : 0.0, values);
    }

    /**
     * @param s a score over seeds, may be null
     * @return mean ± std with 4 decimals, e.g. {@code 0.9512 ± 0.0031}; {@link #NONE} when null
     */
    public static String text(Stat s) {
        return s == null ? NONE : String.format(Locale.ROOT, "%.4f ± %.4f", s.mean(), s.std());
    }
}
