package org.scalefreebench.datasets.generation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.stream.Collectors;

/**
 * The scores of one generated set against an exact reference set at one size L, as computed by
 * {@link GenerationEvaluator#score}.
 *
 * @param size           L
 * @param generatedCount generated maps
 * @param referenceCount exact reference maps
 * @param permutations   random re-splits of the exact maps behind each noise floor
 * @param metrics        every metric, in a fixed order (see {@link GenerationEvaluator})
 * @param mass           ⟨M⟩ and its standard error, generated and exact (for the d_f fit across L)
 * @param hull           ⟨H⟩ and its standard error, generated and exact (for the hull fit across L)
 */
public record GenerationScore(
        int size,
        int generatedCount,
        int referenceCount,
        int permutations,
        List<GenerationMetric> metrics,
        MeanPair mass,
        MeanPair hull) {

    /**
     * A mean on the generated and on the exact set, with standard errors.
     *
     * @param generated   the generated set's mean
     * @param generatedSe its standard error
     * @param exact       the reference set's mean
     * @param exactSe     its standard error
     */
    public record MeanPair(double generated, double generatedSe, double exact, double exactSe) {}

    /** Immutable copy of the metrics. */
    public GenerationScore {
        metrics = List.copyOf(metrics);
    }

    /**
     * The physics score: the largest {@link GenerationMetric#ratio() distance / noise floor} over
     * the metrics marked {@link GenerationMetric#inScore()}. Lower is better; an exact sampler scores
     * about 1 to 3 (the largest of a dozen noisy ratios near 1).
     *
     * @return the score
     */
    public double physicsScore() {
        return metrics.stream()
                .filter(GenerationMetric::inScore)
                .mapToDouble(GenerationMetric::ratio)
                .max()
                .orElse(Double.NaN);
    }

    /** @return the id of the metric that sets the physics score */
    public String worstMetric() {
        GenerationMetric worst = null;
        for (GenerationMetric m : metrics) {
            if (m.inScore() && (worst == null || m.ratio() > worst.ratio())) {
                worst = m;
            }
        }
        return worst == null ? "" : worst.id();
    }

    /** @return the physics score the held-out exact set gets: the score's own noise level */
    public double exactPhysicsScore() {
        return metrics.stream()
                .filter(GenerationMetric::inScore)
                .mapToDouble(GenerationMetric::exactRatio)
                .max()
                .orElse(Double.NaN);
    }

    /**
     * @param id a metric id
     * @return that metric
     * @throws NoSuchElementException naming the ids present if it is absent
     */
    public GenerationMetric metric(String id) {
        for (GenerationMetric m : metrics) {
            if (m.id().equals(id)) {
                return m;
            }
        }
        throw new NoSuchElementException("no metric '" + id + "'; the metrics are "
                + metrics.stream().map(GenerationMetric::id).collect(Collectors.joining(", ")));
    }

    /**
     * The scores as named values for a result row: {@code physics_score}, {@code
     * exact_physics_score}, and per metric {@code <id>.distance}, {@code <id>.floor}, {@code
     * <id>.ratio}, plus {@code <id>.generated} and {@code <id>.exact} for statistics and {@code
     * <id>.exact_vs_exact} where there is one (absent values are left out).
     *
     * @return the values, in metric order
     */
    public Map<String, Double> row() {
        Map<String, Double> row = new LinkedHashMap<>();
        row.put("physics_score", physicsScore());
        row.put("exact_physics_score", exactPhysicsScore());
        for (GenerationMetric m : metrics) {
            put(row, m.id() + ".generated", m.generated());
            put(row, m.id() + ".exact", m.exact());
            put(row, m.id() + ".distance", m.distance());
            put(row, m.id() + ".floor", m.floor());
            put(row, m.id() + ".ratio", m.ratio());
            put(row, m.id() + ".exact_vs_exact", m.exactVsExact());
        }
        return row;
    }

    private static void put(Map<String, Double> row, String key, double value) {
        if (!Double.isNaN(value)) {
            row.put(key, value);
        }
    }
}
