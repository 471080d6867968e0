package org.scalefreebench.reference.anagram;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.params.BatchNormalizationParamInitializer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * ANaGRAM (Schwencke &amp; Furtlehner, ICLR 2025) for a DL4J graph: a natural-gradient step
 * Δθ = −η·J̃⁺r̃ in the generalised Gauss–Newton form, without momentum. J̃ is the per-sample
 * Jacobian of the row quantities (logits of cross-entropy heads, outputs of squared-error heads),
 * each row scaled by √h for the loss's curvature h in that quantity, and r̃ = g/√h for its gradient
 * g: the least-squares problem whose solution is the Gauss–Newton step (for squared error it is
 * J⁺(f − y), for a sigmoid cross-entropy the Fisher-weighted step). η is the first of
 * 1, ½, ¼, … ½³⁰ that lowers the batch loss; a step that lowers it for no η (or gives NaN) is
 * rejected, the parameters left as they were, and counted.
 */
public final class Anagram {

    /** Line-search step sizes: 0.5^k for k = 0 … 30. */
    public static final int LINE_SEARCH_STEPS = 31;

    /**
     * Settings.
     *
     * @param rcond           relative cut-off of J's singular values; NaN for the default √(ε·P)
     * @param route           how (J̃J̃ᵀ)⁺ is computed
     * @param damping         Levenberg–Marquardt damping relative to σ_max² (0: none)
     * @param jacobianSamples samples of each batch J is computed on (its first ones; 0: all); the line search uses the whole batch
     * @param maxRejected     consecutive rejected steps after which training stops
     */
    public record Options(
            double rcond, NaturalGradient.Route route, double damping, int jacobianSamples, int maxRejected) {

        /** The defaults: rcond √(ε·P), eigen route, no damping, J on the whole batch, stop after 10 rejected steps in a row. */
        public static final Options DEFAULT = new Options(Double.NaN, NaturalGradient.Route.EIGEN, 0, 0, 10);

        /** Checked. */
        public Options {
            if (!(Double.isNaN(rcond) || (rcond > 0 && rcond < 1))
                    || !(damping >= 0)
                    || jacobianSamples < 0
                    || maxRejected < 1) {
                throw new IllegalArgumentException("ANaGRAM options out of range: rcond " + rcond + ", damping "
                        + damping + ", jacobianSamples " + jacobianSamples + ", maxRejected " + maxRejected);
            }
        }
    }

    /**
     * What one step did.
     *
     * @param lossBefore batch loss before
     * @param lossAfter  batch loss after (= before if rejected)
     * @param eta        the accepted step size; 0 if rejected
     * @param rank       singular values of J̃ kept
     * @param rows       rows of J̃
     * @param accepted   whether the parameters moved
     * @param evaluations batch losses computed in the line search
     * @param seconds    wall-clock seconds of the step: Jacobian, solve (Gram matrix and its decomposition), line search
     */
    public record Step(
            double lossBefore,
            double lossAfter,
            double eta,
            int rank,
            int rows,
            boolean accepted,
            int evaluations,
            Seconds seconds) {}

    /**
     * Where a step's time went.
     *
     * @param jacobian   forward pass and per-sample Jacobian
     * @param solve      Gram matrix, decomposition and Jᵀc
     * @param lineSearch the batch losses before and along the line search
     */
    public record Seconds(double jacobian, double solve, double lineSearch) {

        /** @return the whole step */
        public double total() {
            return jacobian + solve + lineSearch;
        }
    }

    private final ComputationGraph net;
    private final PerSampleJacobian jacobian;
    private final Options options;
    private final double rcond;
    private final List<Step> steps = new ArrayList<>();
    private int rejectedInARow;

    /**
     * @param net     the network; its parameters are updated in place
     * @param options settings
     */
    public Anagram(ComputationGraph net, Options options) {
        this.net = net;
        this.jacobian = new PerSampleJacobian(net);
        this.options = options;
        double eps = net.params().dataType() == DataType.DOUBLE ? Math.ulp(1.0) : Math.ulp(1.0f);
        this.rcond =
                Double.isNaN(options.rcond()) ? NaturalGradient.defaultRcond(eps, net.numParams()) : options.rcond();
    }

    /**
     * The step direction J̃⁺r̃ at the current parameters, for a batch (the update is −η times it).
     *
     * @param batch    features and labels, in the network's output order
     * @param training batch statistics (training) or running estimates (inference) in batch normalisation
     * @param route    how the pseudo-inverse is computed
     * @return the direction, and the Jacobian's batch statistics
     */
    public Solved direction(MultiDataSet batch, boolean training, NaturalGradient.Route route) {
        INDArray x = batch.getFeatures(0);
        int all = (int) x.size(0);
        int samples = options.jacobianSamples() == 0 ? all : Math.min(all, options.jacobianSamples());
        INDArray xs =
                samples == all ? x : x.get(NDArrayIndex.interval(0, samples)).dup();
        long t0 = System.nanoTime();
        PerSampleJacobian.Jacobian jac = jacobian.compute(xs, training);
        long t1 = System.nanoTime();
        List<PerSampleJacobian.Row> rows = jacobian.rows();
        double[] sqrtH = new double[rows.size() * samples];
        double[] residual = new double[sqrtH.length];
        for (int r = 0; r < rows.size(); r++) {
            PerSampleJacobian.Row row = rows.get(r);
            INDArray labels = batch.getLabels(row.outputIndex());
            long nOut = labels.size(1);
            for (int i = 0; i < samples; i++) {
                int k = r * samples + i;
                double q = jac.quantity()[k];
                double y = labels.getDouble(i, row.unit());
                double g;
                double h;
                if (row.head() == PerSampleJacobian.Head.LOGIT_CROSS_ENTROPY) {
                    double p = 1 / (1 + Math.exp(-q));
                    g = p - y;
                    h = Math.max(Double.MIN_NORMAL, p / (1 + Math.exp(q)));
                } else {
                    g = 2 * row.weight() * (q - y) / nOut;
                    h = 2 * row.weight() / nOut;
                }
                sqrtH[k] = Math.sqrt(h);
                residual[k] = g / sqrtH[k];
            }
        }
        INDArray j = jac.matrix();
        j.muliColumnVector(Nd4j.create(sqrtH, new long[] {sqrtH.length, 1}).castTo(j.dataType()));
        NaturalGradient.Direction d = NaturalGradient.solve(j, residual, rcond, route, options.damping());
        return new Solved(d, jac.batchMean(), jac.batchVar(), (t1 - t0) / 1e9, (System.nanoTime() - t1) / 1e9);
    }

    /**
     * A direction and the batch statistics it was linearised at.
     *
     * @param direction J̃⁺r̃
     * @param batchMean batch-normalisation layer → batch mean
     * @param batchVar  batch-normalisation layer → batch variance
     * @param jacobianSeconds seconds spent on J
     * @param solveSeconds    seconds spent on the direction from J
     */
    public record Solved(
            NaturalGradient.Direction direction,
            Map<String, INDArray> batchMean,
            Map<String, INDArray> batchVar,
            double jacobianSeconds,
            double solveSeconds) {}

    /**
     * One ANaGRAM step on a batch: direction, line search, and the running estimates of batch
     * normalisation updated from the batch as DL4J's own training does.
     *
     * @param batch features and labels, in the network's output order
     * @return what the step did
     */
    public Step step(MultiDataSet batch) {
        Solved solved = direction(batch, true, options.route());
        long t0 = System.nanoTime();
        double before = net.score(batch, true);
        NaturalGradient.Direction d = solved.direction();
        updateRunningStatistics(solved);
        INDArray start = net.params().dup();
        boolean finite = Double.isFinite(d.step().sumNumber().doubleValue());
        double after = before;
        double eta = 0;
        int evaluations = 0;
        for (int k = 0; finite && k < LINE_SEARCH_STEPS; k++) {
            double trial = Math.pow(0.5, k);
            net.setParams(start.sub(d.step().mul(trial)));
            double loss = net.score(batch, true);
            evaluations++;
            if (Double.isFinite(loss) && loss < before) {
                after = loss;
                eta = trial;
                break;
            }
        }
        if (eta == 0) {
            net.setParams(start);
        }
        Step step = new Step(
                before,
                after,
                eta,
                d.rank(),
                d.rows(),
                eta > 0,
                evaluations,
                new Seconds(solved.jacobianSeconds(), solved.solveSeconds(), (System.nanoTime() - t0) / 1e9));
        start.close();
        d.step().close();
        rejectedInARow = step.accepted() ? 0 : rejectedInARow + 1;
        steps.add(step);
        return step;
    }

    /**
     * Frees the Jacobian's buffers and workspace at once (call on the training thread when training
     * ends); the instance must not take steps afterwards.
     */
    public void release() {
        jacobian.close();
    }

    /** @return why training should stop now (too many rejected steps in a row), or null */
    public String stopReason() {
        if (rejectedInARow < options.maxRejected()) {
            return null;
        }
        return "stopped after " + rejectedInARow + " rejected steps in a row (no step size in 0.5^0…0.5^30 lowered"
                + " the batch loss) at step " + steps.size();
    }

    /** @return every step so far */
    public List<Step> steps() {
        return List.copyOf(steps);
    }

    /** @return one line: steps, rejected steps, median step size and kept rank */
    public String summary() {
        long rejected = steps.stream().filter(s -> !s.accepted()).count();
        double[] eta = steps.stream()
                .filter(Step::accepted)
                .mapToDouble(Step::eta)
                .sorted()
                .toArray();
        int[] rank = steps.stream().mapToInt(Step::rank).sorted().toArray();
        return String.format(
                "ANaGRAM: %d steps, %d rejected; median step size %s; median kept rank %s of %s rows;"
                        + " rcond %.3g%s",
                steps.size(),
                rejected,
                eta.length == 0 ? "–" : eta[eta.length / 2],
                rank.length == 0 ? "–" : rank[rank.length / 2],
                steps.isEmpty() ? "–" : steps.get(0).rows(),
                rcond,
                options.damping() > 0 ? ", damping " + options.damping() : "");
    }

    /**
     * Moves each batch-normalisation layer's running mean and variance towards the batch's, as
     * DL4J's training does: m ← d·m + (1 − d)·batch mean, the same for the variance (stored as
     * variance or as log₁₀ of the standard deviation).
     */
    private void updateRunningStatistics(Solved solved) {
        for (Map.Entry<String, INDArray> e : solved.batchMean().entrySet()) {
            BatchNormalization conf =
                    (BatchNormalization) net.getLayer(e.getKey()).conf().getLayer();
            setRunningStatistics(e.getKey(), e.getValue(), solved.batchVar().get(e.getKey()), conf.getDecay());
        }
    }

    /**
     * Sets each batch-normalisation layer's running mean and variance to the average of the batch
     * statistics over {@code batches} at the current parameters (training mode). ANaGRAM's steps
     * are large (η = 1 is the usual step size), so the moving averages, which remember about ten
     * steps, describe parameters the network no longer has: without this, inference (which uses
     * them) is not the network training optimised.
     *
     * @param batches feature batches of the training data
     */
    public void recalibrate(List<INDArray> batches) {
        Map<String, INDArray> meanSum = new java.util.LinkedHashMap<>();
        Map<String, INDArray> varSum = new java.util.LinkedHashMap<>();
        for (INDArray x : batches) {
            PerSampleJacobian.Statistics s = jacobian.batchStatistics(x);
            s.mean().forEach((k, v) -> meanSum.merge(k, v, INDArray::add));
            s.var().forEach((k, v) -> varSum.merge(k, v, INDArray::add));
        }
        for (String layer : meanSum.keySet()) {
            setRunningStatistics(
                    layer,
                    meanSum.get(layer).div(batches.size()),
                    varSum.get(layer).div(batches.size()),
                    0);
        }
    }

    /** running ← decay·running + (1 − decay)·batch, for the mean and the variance (stored as variance or log₁₀ std). */
    private void setRunningStatistics(String name, INDArray batchMeanIn, INDArray batchVarIn, double decay) {
        org.deeplearning4j.nn.api.Layer layer = net.getLayer(name);
        INDArray mean = layer.getParam(BatchNormalizationParamInitializer.GLOBAL_MEAN);
        INDArray batchMean = batchMeanIn.reshape(mean.shape()).castTo(mean.dataType());
        mean.muli(decay).addi(batchMean.mul(1 - decay));
        INDArray batchVar = batchVarIn.reshape(mean.shape()).castTo(mean.dataType());
        INDArray next = PerSampleJacobian.runningVariance(layer).muli(decay).addi(batchVar.mul(1 - decay));
        INDArray log10Std = layer.paramTable().get(BatchNormalizationParamInitializer.GLOBAL_LOG_STD);
        if (log10Std != null) {
            log10Std.assign(Transforms.log(next, false).muli(0.5 / Math.log(10)));
        } else {
            layer.getParam(BatchNormalizationParamInitializer.GLOBAL_VAR).assign(next);
        }
    }
}
