package org.scalefreebench.bench.result;

import java.util.List;

/**
 * A score over seeds: mean, sample standard deviation (n − 1; 0 for one seed) and every value in
 * seed order.
 *
 * @param mean   the mean
 * @param std    the sample standard deviation
 * @param values one value per seed
 */
public record Stat(double mean, double std, List<Double> values) {

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
}
