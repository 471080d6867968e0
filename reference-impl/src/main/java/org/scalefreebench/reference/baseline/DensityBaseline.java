package org.scalefreebench.reference.baseline;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import org.hipparchus.exception.MathIllegalArgumentException;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.QRDecomposition;
import org.hipparchus.linear.RealVector;
import org.scalefreebench.datasets.load.SplitData;
import org.scalefreebench.datasets.model.BenchmarkModel;
import org.scalefreebench.datasets.model.FitOptions;
import org.scalefreebench.datasets.model.MapBatch;
import org.scalefreebench.datasets.model.TrainingData;
import org.scalefreebench.datasets.task.Task;
import org.scalefreebench.datasets.task.Tier;

/**
 * The density baseline: a model that sees nothing of a map but its occupied fraction ρ. Spanning
 * is a one-dimensional logistic regression P(spanning) = σ(a + b·ρ), fitted by Newton's method;
 * the largest-cluster fraction is a least-squares cubic in ρ, clipped to [0, 1]. Both are fitted
 * on the train split only (the validation split is not needed: there is nothing to tune). There
 * is no randomness: the seed is ignored and the same data give the same coefficients bit for bit.
 *
 * <p>At the training size ρ is close to p, so this baseline reaches the accuracy that p alone
 * allows; whatever a network scores above it, it has learnt from the geometry of the clusters.
 */
public final class DensityBaseline implements BenchmarkModel {

    /** The public id. */
    public static final String ID = "density-baseline";
    /** Degree of the largest-cluster polynomial. */
    static final int DEGREE = 3;
    /** Newton steps after which the logistic fit gives up. */
    static final int MAX_NEWTON_STEPS = 100;
    /** A Newton step this small, relative to the parameters, is convergence. */
    private static final double STEP_TOLERANCE = 1e-10;
    /**
     * A rise of the mean loss this small, relative to it, is rounding, not a bad step: near the
     * optimum the loss is flat to double precision while the Newton step still converges.
     */
    private static final double LOSS_ROUNDING = 1e-13;
    /** Step halvings tried when a full Newton step would raise the loss. */
    private static final int MAX_HALVINGS = 40;

    /** Creates the model; it holds no state. */
    public DensityBaseline() {}

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "sees density only: logistic P(spanning) = σ(a + b·ρ) and a cubic in ρ for the largest-cluster"
                + " fraction, from the occupied fraction ρ; shows how much a model sees beyond density";
    }

    /** @return every tier: the rows every other model is measured against */
    @Override
    public Set<Tier> tiers() {
        return EnumSet.allOf(Tier.class);
    }

    @Override
    public Set<Task> tasks() {
        return Set.of(Task.SPANNING, Task.MAX_CLUSTER);
    }

    /**
     * Fits the asked tasks on the train split; the seed, budget and listener are not used.
     *
     * @param data    the tasks and the train split
     * @param options ignored: the fit is deterministic and takes milliseconds
     * @return the fitted curves
     * @throws IllegalArgumentException if a task is not one of {@link #tasks()}, or the train split
     *                                  cannot determine a curve (one class only, too few densities)
     * @throws IllegalStateException    if Newton's method does not converge
     */
    @Override
    public Fitted fit(TrainingData data, FitOptions options) {
        data.requireChannels(ID, 1);
        for (Task t : data.tasks()) {
            if (!tasks().contains(t)) {
                throw new IllegalArgumentException(ID + " cannot fit task " + t.id() + "; its tasks are "
                        + Task.SPANNING.id() + ", " + Task.MAX_CLUSTER.id());
            }
        }
        SplitData train = data.train();
        double[] density = densities(train.maps(), train.samples(), train.size());
        SpanningCurve spanning = null;
        if (data.tasks().contains(Task.SPANNING)) {
            spanning = fitSpanning(density, train.spanning());
        }
        LargestClusterCurve largestCluster = null;
        if (data.tasks().contains(Task.MAX_CLUSTER)) {
            float[] target = Task.MAX_CLUSTER.target(train);
            double[] fraction = new double[target.length];
            for (int i = 0; i < fraction.length; i++) {
                fraction[i] = target[i];
            }
            largestCluster = fitLargestCluster(density, fraction, DEGREE);
        }
        return new Fitted(spanning, largestCluster);
    }

    /**
     * The occupied fraction of each map.
     *
     * @param sites N·L·L values, map-major, nonzero = occupied
     * @param count number of maps N
     * @param size  linear size L
     * @return ρ of each map, the number of occupied sites over L²
     */
    static double[] densities(byte[] sites, int count, int size) {
        int perMap = size * size;
        double[] rho = new double[count];
        for (int m = 0; m < count; m++) {
            int occupied = 0;
            for (int i = m * perMap, end = i + perMap; i < end; i++) {
                if (sites[i] != 0) {
                    occupied++;
                }
            }
            rho[m] = (double) occupied / perMap;
        }
        return rho;
    }

    /**
     * Maximum-likelihood logistic regression of spanning on density by Newton's method, on the
     * standardised density z = (ρ − mean) / sd, starting from the constant model; a step that would
     * raise the loss (beyond rounding) is halved. Convergence is a full Newton step below 1e-10
     * relative to the parameters. The result is mapped back to a + b·ρ.
     *
     * @param density  ρ of each map
     * @param spanning 1 if the map spans
     * @return the fitted curve
     * @throws IllegalArgumentException if the maps are all of one class or all of one density
     * @throws IllegalStateException    if Newton's method does not converge, as on a split that
     *                                  density alone separates (no finite maximum exists)
     */
    static SpanningCurve fitSpanning(double[] density, byte[] spanning) {
        int n = density.length;
        int positives = 0;
        for (byte s : spanning) {
            positives += s != 0 ? 1 : 0;
        }
        if (positives == 0 || positives == n) {
            throw new IllegalArgumentException(ID + ": the train split's " + n + " maps are all "
                    + (positives == 0 ? "non-spanning" : "spanning")
                    + "; the logistic fit of spanning needs both classes");
        }
        double centre = mean(density);
        double scale = standardDeviation(density, centre);
        if (scale == 0) {
            throw new IllegalArgumentException(ID + ": every map of the train split has density " + centre
                    + "; the logistic fit of spanning needs at least two densities");
        }
        double[] z = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            z[i] = (density[i] - centre) / scale;
            y[i] = spanning[i] != 0 ? 1 : 0;
        }
        double rate = (double) positives / n;
        double alpha = Math.log(rate / (1 - rate));
        double beta = 0;
        double loss = logLoss(z, y, alpha, beta);
        for (int step = 1; step <= MAX_NEWTON_STEPS; step++) {
            double g0 = 0;
            double g1 = 0;
            double h00 = 0;
            double h01 = 0;
            double h11 = 0;
            for (int i = 0; i < n; i++) {
                double p = sigmoid(alpha + beta * z[i]);
                double r = p - y[i];
                double w = p * (1 - p);
                g0 += r;
                g1 += r * z[i];
                h00 += w;
                h01 += w * z[i];
                h11 += w * z[i] * z[i];
            }
            double det = h00 * h11 - h01 * h01;
            if (!(det > 0) || !Double.isFinite(det)) {
                throw new IllegalStateException(ID + ": the logistic fit of spanning has a singular Hessian after "
                        + (step - 1) + " Newton steps (b·sd(ρ) = " + beta
                        + "): density alone separates the train split's spanning maps, so no finite fit exists");
            }
            double d0 = (h11 * g0 - h01 * g1) / det;
            double d1 = (h00 * g1 - h01 * g0) / det;
            double newtonStep = Math.max(Math.abs(d0), Math.abs(d1));
            double nextAlpha = alpha - d0;
            double nextBeta = beta - d1;
            double nextLoss = logLoss(z, y, nextAlpha, nextBeta);
            double allowedRise = LOSS_ROUNDING * (1 + loss);
            for (int h = 0; h < MAX_HALVINGS && !(nextLoss <= loss + allowedRise); h++) {
                d0 /= 2;
                d1 /= 2;
                nextAlpha = alpha - d0;
                nextBeta = beta - d1;
                nextLoss = logLoss(z, y, nextAlpha, nextBeta);
            }
            alpha = nextAlpha;
            beta = nextBeta;
            loss = nextLoss;
            if (newtonStep <= STEP_TOLERANCE * (1 + Math.max(Math.abs(alpha), Math.abs(beta)))) {
                return new SpanningCurve(alpha - beta * centre / scale, beta / scale);
            }
        }
        throw new IllegalStateException(ID + ": the logistic fit of spanning did not converge in " + MAX_NEWTON_STEPS
                + " Newton steps (b·sd(ρ) = " + beta + "): density alone (nearly) separates the train split's"
                + " spanning maps, so no finite fit exists");
    }

    /** Mean cross-entropy of σ(α + β·z) against y, computed without overflow. */
    private static double logLoss(double[] z, double[] y, double alpha, double beta) {
        double sum = 0;
        for (int i = 0; i < z.length; i++) {
            double t = alpha + beta * z[i];
            sum += Math.max(t, 0) + Math.log1p(Math.exp(-Math.abs(t))) - y[i] * t;
        }
        return sum / z.length;
    }

    private static double sigmoid(double t) {
        return t >= 0 ? 1 / (1 + Math.exp(-t)) : Math.exp(t) / (1 + Math.exp(t));
    }

    /**
     * Least-squares polynomial of the largest-cluster fraction in density, solved by Householder
     * QR on the standardised density z = (ρ − mean) / sd.
     *
     * @param density  ρ of each map
     * @param fraction the largest-cluster fraction of each map
     * @param degree   the polynomial's degree
     * @return the fitted curve
     * @throws IllegalArgumentException if there are fewer distinct densities than coefficients
     */
    static LargestClusterCurve fitLargestCluster(double[] density, double[] fraction, int degree) {
        int n = density.length;
        long distinct = Arrays.stream(density).distinct().count();
        if (distinct <= degree) {
            throw new IllegalArgumentException(ID + ": the train split has " + distinct + " distinct densities; a"
                    + " polynomial of degree " + degree + " in ρ needs at least " + (degree + 1));
        }
        double centre = mean(density);
        double scale = standardDeviation(density, centre);
        double[][] powers = new double[n][degree + 1];
        for (int i = 0; i < n; i++) {
            double z = (density[i] - centre) / scale;
            double zk = 1;
            for (int k = 0; k <= degree; k++) {
                powers[i][k] = zk;
                zk *= z;
            }
        }
        RealVector coefficients;
        try {
            coefficients = new QRDecomposition(new Array2DRowRealMatrix(powers, false))
                    .getSolver()
                    .solve(new ArrayRealVector(fraction, false));
        } catch (MathIllegalArgumentException e) {
            throw new IllegalArgumentException(
                    ID + ": the least-squares polynomial of degree " + degree + " in ρ is singular on the train split: "
                            + e.getMessage(),
                    e);
        }
        return new LargestClusterCurve(centre, scale, coefficients.toArray());
    }

    private static double mean(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s / x.length;
    }

    private static double standardDeviation(double[] x, double mean) {
        double s = 0;
        for (double v : x) {
            s += (v - mean) * (v - mean);
        }
        return Math.sqrt(s / x.length);
    }

    /**
     * The fitted spanning curve P(spanning) = σ(a + b·ρ).
     *
     * @param intercept a
     * @param slope     b, per unit of density
     */
    record SpanningCurve(double intercept, double slope) {

        /**
         * @param density ρ
         * @return P(spanning) at that density
         */
        double probability(double density) {
            return sigmoid(intercept + slope * density);
        }
    }

    /** The fitted largest-cluster polynomial, held in the standardised density it was solved in. */
    static final class LargestClusterCurve {

        private final double centre;
        private final double scale;
        private final double[] coefficients;

        /**
         * @param centre       mean density of the fit
         * @param scale        standard deviation of the density of the fit
         * @param coefficients c_k of z^k, z = (ρ − centre) / scale, k = 0 … degree
         */
        LargestClusterCurve(double centre, double scale, double[] coefficients) {
            this.centre = centre;
            this.scale = scale;
            this.coefficients = coefficients.clone();
        }

        /**
         * @param density ρ
         * @return the polynomial at ρ, not clipped
         */
        double value(double density) {
            double z = (density - centre) / scale;
            double v = 0;
            for (int k = coefficients.length - 1; k >= 0; k--) {
                v = v * z + coefficients[k];
            }
            return v;
        }

        /**
         * @param density ρ
         * @return the predicted largest-cluster fraction, clipped to [0, 1]
         */
        double fraction(double density) {
            return Math.min(1, Math.max(0, value(density)));
        }

        /** @return the coefficients of ρ^0 … ρ^degree, expanded from the standardised form */
        double[] coefficientsOfDensity() {
            int degree = coefficients.length - 1;
            double[] out = new double[degree + 1];
            for (int k = 0; k <= degree; k++) {
                double ck = coefficients[k] / Math.pow(scale, k);
                double binomial = 1;
                for (int j = 0; j <= k; j++) {
                    out[j] += ck * binomial * Math.pow(-centre, k - j);
                    binomial = binomial * (k - j) / (j + 1);
                }
            }
            return out;
        }
    }

    /** The fitted density baseline: its spanning curve, its largest-cluster curve, or both. */
    public static final class Fitted implements FittedModel {

        private final SpanningCurve spanning;
        private final LargestClusterCurve largestCluster;

        private Fitted(SpanningCurve spanning, LargestClusterCurve largestCluster) {
            this.spanning = spanning;
            this.largestCluster = largestCluster;
        }

        /** @return 2 for the logistic curve, if fitted, plus DEGREE + 1 for the polynomial, if fitted */
        @Override
        public long parameterCount() {
            return (spanning == null ? 0L : 2L) + (largestCluster == null ? 0L : DEGREE + 1L);
        }

        /**
         * @return a of P(spanning) = σ(a + b·ρ)
         * @throws IllegalStateException if spanning was not fitted
         */
        public double spanningIntercept() {
            return fittedSpanning().intercept();
        }

        /**
         * @return b of P(spanning) = σ(a + b·ρ), per unit of density
         * @throws IllegalStateException if spanning was not fitted
         */
        public double spanningSlope() {
            return fittedSpanning().slope();
        }

        /**
         * @return the coefficients of ρ^0 … ρ^3 of the largest-cluster polynomial (before clipping)
         * @throws IllegalStateException if the largest cluster was not fitted
         */
        public double[] maxClusterCoefficients() {
            if (largestCluster == null) {
                throw new IllegalStateException(ID + " was not fitted for task " + Task.MAX_CLUSTER.id());
            }
            return largestCluster.coefficientsOfDensity();
        }

        /**
         * @param task {@link Task#SPANNING} or {@link Task#MAX_CLUSTER}, as fitted
         * @param maps maps of any size
         * @return P(spanning) or the largest-cluster fraction in [0, 1], one per map
         * @throws IllegalArgumentException if the task was not fitted, or the maps have more than one channel
         */
        @Override
        public float[] predict(Task task, MapBatch maps) {
            maps.requireChannels(ID, 1);
            if (task != Task.SPANNING && task != Task.MAX_CLUSTER) {
                throw new IllegalArgumentException(ID + " does not predict task " + task.id());
            }
            SpanningCurve s = task == Task.SPANNING ? spanningCurve() : null;
            LargestClusterCurve c = task == Task.MAX_CLUSTER ? largestClusterCurve() : null;
            double[] density = densities(maps.sites(), maps.count(), maps.size());
            float[] out = new float[density.length];
            for (int i = 0; i < out.length; i++) {
                out[i] = (float) (s != null ? s.probability(density[i]) : c.fraction(density[i]));
            }
            return out;
        }

        private SpanningCurve fittedSpanning() {
            if (spanning == null) {
                throw new IllegalStateException(ID + " was not fitted for task " + Task.SPANNING.id());
            }
            return spanning;
        }

        private SpanningCurve spanningCurve() {
            if (spanning == null) {
                throw new IllegalArgumentException(ID + " was not fitted for task " + Task.SPANNING.id());
            }
            return spanning;
        }

        private LargestClusterCurve largestClusterCurve() {
            if (largestCluster == null) {
                throw new IllegalArgumentException(ID + " was not fitted for task " + Task.MAX_CLUSTER.id());
            }
            return largestCluster;
        }
    }
}
