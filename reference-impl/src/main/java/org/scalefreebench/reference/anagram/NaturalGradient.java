package org.scalefreebench.reference.anagram;

import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.hipparchus.linear.RealVector;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The minimum-norm least-squares direction J⁺r of ANaGRAM, in the dual form Jᵀ(JJᵀ)⁺r: with R
 * rows (samples × outputs) and P parameters, R ≪ P, so only the R × R Gram matrix JJᵀ (the
 * empirical neural tangent kernel) is decomposed. Singular values of J below rcond·σ_max are cut
 * (for the Gram matrix: eigenvalues below rcond²·λ_max), which is how a rank-deficient J (identical
 * samples, dead units) is handled: the step stays in J's well-determined row space.
 */
public final class NaturalGradient {

    /** How (JJᵀ)⁺ is computed. */
    public enum Route {
        /** Symmetric eigendecomposition (Hipparchus) of the Gram matrix JJᵀ, made exactly symmetric. */
        EIGEN,
        /**
         * LAPACK's SVD (gesvd) of Jᵀ, no left vectors: the singular values of J directly, more accurate
         * for small ones than the squared eigenvalues; slower, for checks.
         */
        SVD
    }

    /**
     * A solved direction.
     *
     * @param step     J⁺r, one entry per parameter, in the network's data type
     * @param rank     singular values kept
     * @param rows     rows of J
     * @param sigmaMax largest singular value of J
     * @param cutoff   singular values at or below this were cut (rcond·σ_max)
     */
    public record Direction(INDArray step, int rank, int rows, double sigmaMax, double cutoff) {}

    private NaturalGradient() {}

    /**
     * The default cut-off: √(ε·P) for machine epsilon ε of the data type and P parameters.
     *
     * @param epsilon    machine epsilon of J's data type
     * @param parameters P
     * @return rcond
     */
    public static double defaultRcond(double epsilon, long parameters) {
        return Math.sqrt(epsilon * parameters);
    }

    /**
     * @param jac      J, [R, P]; not modified
     * @param residual r, length R
     * @param rcond    relative cut-off of singular values, in (0, 1)
     * @param route    eigen or SVD
     * @param damping  μ ≥ 0: kept singular values are inverted as σ/(σ² + μ·σ_max²) (0: plain pseudo-inverse)
     * @return J⁺r
     */
    public static Direction solve(INDArray jac, double[] residual, double rcond, Route route, double damping) {
        int rows = (int) jac.size(0);
        if (residual.length != rows) {
            throw new IllegalArgumentException(
                    "residual of length " + residual.length + " for a Jacobian of " + rows + " rows");
        }
        if (!(rcond > 0 && rcond < 1) || !(damping >= 0)) {
            throw new IllegalArgumentException(
                    "rcond must be in (0, 1) and damping ≥ 0, got " + rcond + ", " + damping);
        }
        double[] sigma;
        double[][] vectors;
        if (route == Route.EIGEN) {
            double[][] gram = Nd4j.gemm(jac, jac, false, true).toDoubleMatrix();
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < i; j++) {
                    double m = 0.5 * (gram[i][j] + gram[j][i]);
                    gram[i][j] = m;
                    gram[j][i] = m;
                }
            }
            EigenDecompositionSymmetric eigen = new EigenDecompositionSymmetric(new Array2DRowRealMatrix(gram, false));
            double[] lambda = eigen.getEigenvalues();
            sigma = new double[rows];
            vectors = new double[rows][];
            for (int i = 0; i < rows; i++) {
                sigma[i] = Math.sqrt(Math.max(0, lambda[i]));
                RealVector v = eigen.getEigenvector(i);
                vectors[i] = v.toArray();
            }
        } else {
            long p = jac.size(1);
            int k = (int) Math.min(p, rows);
            INDArray a = jac.transpose().dup('f');
            INDArray s = Nd4j.create(jac.dataType(), k);
            INDArray vt = Nd4j.create(jac.dataType(), new long[] {rows, rows}, 'f');
            Nd4j.getBlasWrapper().lapack().gesvd(a, s, null, vt);
            a.close();
            sigma = s.toDoubleVector();
            double[][] w = vt.toDoubleMatrix();
            vectors = new double[k][];
            for (int i = 0; i < k; i++) {
                vectors[i] = w[i];
            }
        }
        double sigmaMax = 0;
        for (double s : sigma) {
            sigmaMax = Math.max(sigmaMax, s);
        }
        double cutoff = rcond * sigmaMax;
        double[] c = new double[rows];
        int rank = 0;
        for (int i = 0; i < sigma.length; i++) {
            double s = sigma[i];
            if (!(s > cutoff)) {
                continue;
            }
            rank++;
            double[] v = vectors[i];
            double dot = 0;
            for (int j = 0; j < rows; j++) {
                dot += v[j] * residual[j];
            }
            double scale = dot / (s * s + damping * sigmaMax * sigmaMax);
            for (int j = 0; j < rows; j++) {
                c[j] += scale * v[j];
            }
        }
        INDArray coefficients = Nd4j.create(c, new long[] {rows, 1}).castTo(jac.dataType());
        INDArray step = Nd4j.gemm(jac, coefficients, true, false).reshape(-1);
        return new Direction(step, rank, rows, sigmaMax, cutoff);
    }
}
