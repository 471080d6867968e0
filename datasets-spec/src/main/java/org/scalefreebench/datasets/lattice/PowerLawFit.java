package org.scalefreebench.datasets.lattice;

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
 * A finite-size power law ⟨X⟩(L) ∝ L^a fitted by weighted least squares of ln⟨X⟩ against ln L
 * (Hipparchus' Levenberg–Marquardt on the straight line), each point weighted by 1/σ² with σ the
 * relative standard error of its mean (the error of ln⟨X⟩ to first order). The fractal dimension of
 * the largest cluster and the hull dimension are read this way.
 *
 * @param exponent      the fitted exponent a
 * @param standardError its standard error from the fit's covariance
 * @param chiSquare     the weighted sum of squared residuals, for k − 2 degrees of freedom
 */
public record PowerLawFit(double exponent, double standardError, double chiSquare) {

    /**
     * @param sizes          the sizes L, at least two
     * @param means          the means ⟨X⟩(L), positive
     * @param relativeErrors the standard error of each mean divided by the mean, positive
     * @return the fit
     */
    public static PowerLawFit of(double[] sizes, double[] means, double[] relativeErrors) {
        int k = sizes.length;
        double[] x = new double[k];
        double[] y = new double[k];
        double[] w = new double[k];
        for (int i = 0; i < k; i++) {
            x[i] = Math.log(sizes[i]);
            y[i] = Math.log(means[i]);
            w[i] = 1 / (relativeErrors[i] * relativeErrors[i]);
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
        return new PowerLawFit(fit.getPoint().getEntry(1), fit.getSigma(1e-14).getEntry(1), fit.getChiSquare());
    }
}
