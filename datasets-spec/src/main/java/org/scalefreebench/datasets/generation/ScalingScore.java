package org.scalefreebench.datasets.generation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.DiagonalMatrix;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.RealVector;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresBuilder;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresOptimizer;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LevenbergMarquardtOptimizer;
import org.hipparchus.util.Pair;

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
        double[] x = new double[k];
        double[] y = new double[k];
        double[] w = new double[k];
        for (int i = 0; i < k; i++) {
            double m = mean.applyAsDouble(scores.get(i));
            if (!(m > 0)) {
                return new PowerLaw(Double.NaN, Double.NaN);
            }
            double sigma = Math.max(se.applyAsDouble(scores.get(i)) / m, 1e-9);
            x[i] = Math.log(scores.get(i).size());
            y[i] = Math.log(m);
            w[i] = 1 / (sigma * sigma);
        }
        LeastSquaresOptimizer.Optimum fit = new LevenbergMarquardtOptimizer()
                .optimize(new LeastSquaresBuilder()
                        .start(new double[] {0, 2})
                        .target(y)
                        .weight(new DiagonalMatrix(w))
                        .model(params -> {
                            RealVector value = new ArrayRealVector(k);
                            RealMatrix jacobian = new Array2DRowRealMatrix(k, 2);
                            for (int i = 0; i < k; i++) {
                                value.setEntry(i, params.getEntry(0) + params.getEntry(1) * x[i]);
                                jacobian.setEntry(i, 0, 1);
                                jacobian.setEntry(i, 1, x[i]);
                            }
                            return new Pair<>(value, jacobian);
                        })
                        .maxEvaluations(1000)
                        .maxIterations(1000)
                        .build());
        return new PowerLaw(fit.getPoint().getEntry(1), fit.getSigma(1e-14).getEntry(1));
    }
}
