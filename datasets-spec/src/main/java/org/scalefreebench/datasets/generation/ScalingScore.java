package org.scalefreebench.datasets.generation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.scalefreebench.datasets.lattice.PowerLawFit;

/**
 * A generated set scored at several sizes: the per-size scores, the effective fractal dimension
 * d_f and hull dimension of the generated and the exact maps, and the worst physics score.
 *
 * <p>An effective dimension is the weighted-least-squares slope of ln⟨X⟩ against ln L (X = M or
 * H), each size weighted by 1/σ², σ = (standard error of ⟨X⟩)/⟨X⟩, fitted with Hipparchus'
 * Levenberg–Marquardt optimiser; its standard error is √((JᵀWJ)⁻¹)₁₁. Compare the generated slope
 * with the exact sets' slope, not with 91/48: at L ≤ 1024 the exact effective slope sits about
 * 0.01 below 91/48 (corrections to scaling).
 *
 * @param bySize        the scores, by increasing L
 * @param massGenerated effective d_f of the generated sets
 * @param massExact     effective d_f of the exact reference sets
 * @param hullGenerated effective hull dimension of the generated sets
 * @param hullExact     effective hull dimension of the exact reference sets
 */
public record ScalingScore(
        List<GenerationScore> bySize,
        PowerLaw massGenerated,
        PowerLaw massExact,
        PowerLaw hullGenerated,
        PowerLaw hullExact) {

    /**
     * A fitted power law ⟨X⟩ ∝ L^exponent.
     *
     * @param exponent      the slope of ln⟨X⟩ against ln L (NaN if a mean is not positive)
     * @param standardError its standard error
     */
    public record PowerLaw(double exponent, double standardError) {}

    /** Immutable copy, by increasing L. */
    public ScalingScore {
        bySize = List.copyOf(bySize);
    }

    static ScalingScore of(List<GenerationScore> scores) {
        List<GenerationScore> sorted = new ArrayList<>(scores);
        sorted.sort(Comparator.comparingInt(GenerationScore::size));
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).size() == sorted.get(i - 1).size()) {
                throw new IllegalArgumentException(
                        "two scores at L = " + sorted.get(i).size());
            }
        }
        if (sorted.size() < 2) {
            throw new IllegalArgumentException(
                    "a fit across sizes needs scores at 2 or more sizes, got " + sorted.size());
        }
        return new ScalingScore(
                sorted,
                fit(sorted, s -> s.mass().generated(), s -> s.mass().generatedSe()),
                fit(sorted, s -> s.mass().exact(), s -> s.mass().exactSe()),
                fit(sorted, s -> s.hull().generated(), s -> s.hull().generatedSe()),
                fit(sorted, s -> s.hull().exact(), s -> s.hull().exactSe()));
    }

    /** @return the worst physics score over the sizes */
    public double physicsScore() {
        return bySize.stream().mapToDouble(GenerationScore::physicsScore).max().orElse(Double.NaN);
    }

    /** @return |d_f(generated) − d_f(exact)| in units of their combined standard error */
    public double fractalDimensionSigmas() {
        return sigmas(massGenerated, massExact);
    }

    /** @return |hull dimension (generated) − (exact)| in units of their combined standard error */
    public double hullDimensionSigmas() {
        return sigmas(hullGenerated, hullExact);
    }

    private static double sigmas(PowerLaw a, PowerLaw b) {
        return Math.abs(a.exponent() - b.exponent())
                / Math.sqrt(a.standardError() * a.standardError() + b.standardError() * b.standardError());
    }

    private static PowerLaw fit(
            List<GenerationScore> scores,
            ToDoubleFunction<GenerationScore> mean,
            ToDoubleFunction<GenerationScore> se) {
        int k = scores.size();
        double[] sizes = new double[k];
        double[] means = new double[k];
        double[] errors = new double[k];
        for (int i = 0; i < k; i++) {
            double m = mean.applyAsDouble(scores.get(i));
            if (!(m > 0)) {
                return new PowerLaw(Double.NaN, Double.NaN);
            }
            sizes[i] = scores.get(i).size();
            means[i] = m;
            errors[i] = Math.max(se.applyAsDouble(scores.get(i)) / m, 1e-9);
        }
        PowerLawFit fit = PowerLawFit.of(sizes, means, errors);
        return new PowerLaw(fit.exponent(), fit.standardError());
    }
}
