package org.scalefreebench.reference.fk;

import java.util.EnumSet;
import java.util.Set;
import java.util.TreeMap;
import org.hipparchus.stat.descriptive.StreamingStatistics;
import org.hipparchus.stat.regression.OLSMultipleLinearRegression;
import org.scalefreebench.datasets.fk.BondConfiguration;
import org.scalefreebench.datasets.fk.FkClusterMeasurer;
import org.scalefreebench.datasets.fk.FkLabel;
import org.scalefreebench.datasets.fk.FkParameters;
import org.scalefreebench.datasets.load.SplitData;
import org.scalefreebench.datasets.model.BenchmarkModel;
import org.scalefreebench.datasets.model.FitOptions;
import org.scalefreebench.datasets.model.MapBatch;
import org.scalefreebench.datasets.model.TrainingData;
import org.scalefreebench.datasets.task.Task;
import org.scalefreebench.datasets.task.Tier;

/**
 * The floor of {@code central-charge}, as density is for spanning: the Bayes estimate of c from
 * the sufficient statistic of the self-dual FK law, T = k(ω) + |ω|/2 (clusters plus half the bonds).
 *
 * <p>Why it is the floor: at p = √Q/(1 + √Q) the law is P_Q(ω) ∝ Q^{T(ω)} on a fixed lattice, a
 * one-parameter exponential family in ln Q, so the posterior of Q given a whole bond map depends
 * on T alone, and no model can beat the posterior mean of c in mean squared error (for the same
 * prior). A model that does not reach it has not learnt to count.
 *
 * <p>Fit: per training value of Q, the mean and the variance of t = T/N (N = L² sites), then
 * cubic and quadratic least-squares polynomials in ln Q through them for the mean μ(Q) and for
 * N·Var(t) = Var(T)/N. Prediction: t ~ Normal(μ(Q), Var(T)/N at L / N) on a grid of {@value
 * #GRID} values of Q uniform in [1, 4], and the posterior mean of c(Q). Maps of another L use the
 * same curves (E[T]/N has O(1/N) corrections on the torus; Var(T)/N grows slowly with L for Q &gt;
 * 2, so the posterior there is somewhat overconfident).
 */
public final class FkCountBaseline implements BenchmarkModel {

    /** Points of the Q grid the posterior is taken on. */
    static final int GRID = 601;

    /** Floor of the fitted Var(T)/N curve, so that a curve dipping below zero cannot give a negative variance. */
    private static final double MIN_SPREAD = 1e-3;

    @Override
    public String id() {
        return "fk-count-baseline";
    }

    @Override
    public String description() {
        return "posterior mean of c from T = clusters + bonds/2, the FK law's sufficient statistic (uniform prior"
                + " on Q in [1, 4], Gaussian likelihood fitted per training Q): the floor of central-charge";
    }

    @Override
    public Set<Task> tasks() {
        return EnumSet.of(Task.CENTRAL_CHARGE);
    }

    @Override
    public Set<Tier> tiers() {
        return EnumSet.allOf(Tier.class);
    }

    @Override
    public FittedModel fit(TrainingData data, FitOptions options) {
        data.requireChannels(id(), 2);
        data.requireFamily(id(), Task.CENTRAL_CHARGE.family());
        SplitData train = data.train();
        double[] t = perSite(Task.CENTRAL_CHARGE.input(train));
        double[] q = train.column("q").float64();
        TreeMap<Double, StreamingStatistics> byQ = new TreeMap<>();
        for (int i = 0; i < q.length; i++) {
            byQ.computeIfAbsent(q[i], k -> new StreamingStatistics()).addValue(t[i]);
        }
        if (byQ.size() < 4) {
            throw new IllegalArgumentException(
                    id() + " needs at least 4 training values of Q for its cubic mean curve," + " got " + byQ.keySet());
        }
        double sites = (double) train.size() * train.size();
        int values = byQ.size();
        double[] x = new double[values];
        double[] mean = new double[values];
        double[] spread = new double[values];
        int v = 0;
        for (var e : byQ.entrySet()) {
            StreamingStatistics s = e.getValue();
            if (s.getN() < 2) {
                throw new IllegalArgumentException(
                        id() + " needs at least 2 training maps per Q, got " + s.getN() + " at Q = " + e.getKey());
            }
            x[v] = Math.log(e.getKey());
            mean[v] = s.getMean();
            spread[v] = s.getVariance() * sites;
            v++;
        }
        double[] meanCurve = polynomialFit(x, mean, 3);
        double[] spreadCurve = polynomialFit(x, spread, 2);
        return new Fitted(meanCurve, spreadCurve);
    }

    /**
     * @param maps bond maps, two planes each
     * @return T/N of each map
     */
    static double[] perSite(MapBatch maps) {
        MapBatch.requireChannels("fk-count-baseline", 2, maps.channels());
        int size = maps.size();
        int planes = 2 * size * size;
        FkClusterMeasurer measurer = new FkClusterMeasurer(size);
        double[] out = new double[maps.count()];
        byte[] map = new byte[planes];
        for (int i = 0; i < out.length; i++) {
            System.arraycopy(maps.sites(), i * planes, map, 0, planes);
            out[i] = measurer.measure(BondConfiguration.fromPlanes(size, map), null)
                            .sufficientStatistic()
                    / ((double) size * size);
        }
        return out;
    }

    /**
     * @param x      abscissae
     * @param y      values
     * @param degree the polynomial's degree, below the number of points
     * @return the least-squares coefficients, constant term first
     */
    static double[] polynomialFit(double[] x, double[] y, int degree) {
        double[][] powers = new double[x.length][degree];
        for (int i = 0; i < x.length; i++) {
            double p = 1;
            for (int k = 0; k < degree; k++) {
                p *= x[i];
                powers[i][k] = p;
            }
        }
        OLSMultipleLinearRegression ols = new OLSMultipleLinearRegression();
        ols.newSampleData(y, powers);
        return ols.estimateRegressionParameters();
    }

    private static double polynomial(double[] c, double x) {
        double v = 0;
        for (int k = c.length - 1; k >= 0; k--) {
            v = v * x + c[k];
        }
        return v;
    }

    /** The fitted curves: the posterior mean of c given t = T/N. */
    static final class Fitted implements FittedModel {

        private final double[] meanCurve;
        private final double[] spreadCurve;
        private final double[] gridQ = new double[GRID];
        private final double[] gridC = new double[GRID];

        Fitted(double[] meanCurve, double[] spreadCurve) {
            this.meanCurve = meanCurve.clone();
            this.spreadCurve = spreadCurve.clone();
            for (int g = 0; g < GRID; g++) {
                gridQ[g] = FkParameters.MIN_Q + (FkParameters.MAX_Q - FkParameters.MIN_Q) * g / (GRID - 1);
                gridC[g] = FkParameters.of(gridQ[g]).value(FkLabel.CENTRAL_CHARGE);
            }
        }

        @Override
        public long parameterCount() {
            return meanCurve.length + spreadCurve.length;
        }

        @Override
        public float[] predict(Task task, MapBatch maps) {
            if (task != Task.CENTRAL_CHARGE) {
                throw new IllegalArgumentException("fk-count-baseline predicts central-charge only, not " + task.id());
            }
            double[] t = perSite(maps);
            double sites = (double) maps.size() * maps.size();
            double[] mean = new double[GRID];
            double[] variance = new double[GRID];
            for (int g = 0; g < GRID; g++) {
                double x = Math.log(gridQ[g]);
                mean[g] = polynomial(meanCurve, x);
                variance[g] = Math.max(polynomial(spreadCurve, x), MIN_SPREAD) / sites;
            }
            float[] out = new float[t.length];
            double[] logLikelihood = new double[GRID];
            for (int i = 0; i < t.length; i++) {
                double best = Double.NEGATIVE_INFINITY;
                for (int g = 0; g < GRID; g++) {
                    double d = t[i] - mean[g];
                    logLikelihood[g] = -d * d / (2 * variance[g]) - 0.5 * Math.log(variance[g]);
                    best = Math.max(best, logLikelihood[g]);
                }
                double weight = 0;
                double sum = 0;
                for (int g = 0; g < GRID; g++) {
                    double w = Math.exp(logLikelihood[g] - best);
                    weight += w;
                    sum += w * gridC[g];
                }
                out[i] = (float) (sum / weight);
            }
            return out;
        }
    }
}
