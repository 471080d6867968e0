package org.scalefreebench.reference.anagram;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.graph.ElementWiseVertex;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.graph.MergeVertex;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BaseOutputLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.params.BatchNormalizationParamInitializer;
import org.deeplearning4j.nn.params.ConvolutionParamInitializer;
import org.deeplearning4j.nn.params.DefaultParamInitializer;
import org.deeplearning4j.util.ConvolutionUtils;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.activations.impl.ActivationSigmoid;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.memory.conf.WorkspaceConfiguration;
import org.nd4j.linalg.api.memory.enums.AllocationPolicy;
import org.nd4j.linalg.api.memory.enums.LearningPolicy;
import org.nd4j.linalg.api.memory.enums.SpillPolicy;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.OpContext;
import org.nd4j.linalg.api.ops.impl.broadcast.BroadcastDivOp;
import org.nd4j.linalg.api.ops.impl.broadcast.BroadcastMulOp;
import org.nd4j.linalg.api.ops.impl.broadcast.BroadcastSubOp;
import org.nd4j.linalg.api.ops.impl.layers.convolution.Conv2DDerivative;
import org.nd4j.linalg.convolution.Convolution;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.nd4j.linalg.lossfunctions.impl.LossBinaryXENT;
import org.nd4j.linalg.lossfunctions.impl.LossL2;
import org.nd4j.linalg.lossfunctions.impl.LossMSE;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Per-sample Jacobians of a DL4J {@link ComputationGraph}'s outputs with respect to all of its
 * parameters: J with one row per (output unit, sample) and one column per entry of
 * {@link ComputationGraph#params()}, in that vector's order.
 *
 * <p>DL4J's backward pass sums parameter gradients over the batch; ANaGRAM needs them per sample.
 * This class runs DL4J's forward pass (every vertex's activations), then its own backward pass for
 * each output unit: input gradients of convolutions by libnd4j's {@code conv2d_bp}, as DL4J's own
 * backward pass computes them, and the weight gradients per sample, as batched matrix products with
 * the im2col patches, written into J's columns. Batch
 * normalisation is linearised with its statistics held fixed: the batch's in training mode (the
 * usual Gauss–Newton treatment, as in K-FAC), the running estimates in inference mode, where the
 * result is the exact Jacobian of the network's output. Its running estimates get zero columns.
 *
 * <p>The row quantity of an output is what its loss is convex in: the logit for a sigmoid with
 * binary cross-entropy, the output itself for squared error. Supported vertices are those of the
 * reference CNNs: 2D convolutions (NCHW, identity activation, no dilation), batch normalisation,
 * ReLU activation layers, element-wise sums, merges, global average and max pooling, dense layers
 * (ReLU or identity) and output layers; anything else is rejected with the vertex named.
 */
public final class PerSampleJacobian implements AutoCloseable {

    /**
     * The workspace of {@link #compute}'s temporaries (normalised inputs, slopes, the backward pass's
     * gradients: several hundred MB per call at the reference CNN's size). Without it they are freed
     * only when the garbage collector finds them, and resident memory grew by about 1.3 GiB every 5 s.
     * The workspace learns its size in the first call and is reused by every later one on the thread.
     */
    private static final WorkspaceConfiguration WORKSPACE = WorkspaceConfiguration.builder()
            .policyAllocation(AllocationPolicy.OVERALLOCATE)
            .overallocationLimit(0.1)
            .policyLearning(LearningPolicy.FIRST_LOOP)
            .policySpill(SpillPolicy.REALLOCATE)
            .build();
    /** Its id: one workspace per thread, shared by the instances that thread uses one after another. */
    private static final String WORKSPACE_ID = "PerSampleJacobian";

    /** How an output's loss reads its row quantity. */
    public enum Head {
        /** Sigmoid with binary cross-entropy: the row quantity is the logit z; g = σ(z) − y, h = σ(z)(1 − σ(z)). */
        LOGIT_CROSS_ENTROPY,
        /** Squared error w·(f − t)²/nOut on the output f: g = 2w(f − t)/nOut, h = 2w/nOut. */
        SQUARED_ERROR
    }

    /**
     * One output unit: a row block of J.
     *
     * @param output name of the output layer
     * @param unit   index of the unit in that layer
     * @param head   how its loss reads it
     * @param weight the loss's weight on this unit (1 unless the loss is weighted)
     * @param outputIndex position of the output among the graph's outputs (and labels)
     */
    public record Row(String output, int unit, Head head, double weight, int outputIndex) {}

    /**
     * J and what the Gauss–Newton step needs beside it.
     *
     * @param matrix    J, [rows × samples, parameters], row {@code r·S + i} for row block r and sample i;
     *                  a buffer of this object, overwritten by the next {@link #compute}
     * @param quantity  the row quantities, same row order: logits or outputs
     * @param batchMean per batch-normalisation layer, the statistics J was linearised at (training mode only)
     * @param batchVar  per batch-normalisation layer, the batch's (biased) variance (training mode only)
     */
    public record Jacobian(
            INDArray matrix, double[] quantity, Map<String, INDArray> batchMean, Map<String, INDArray> batchVar) {}

    private enum Kind {
        CONVOLUTION,
        BATCH_NORM,
        RELU,
        IDENTITY,
        SUM,
        MERGE,
        AVG_POOL,
        MAX_POOL,
        DENSE,
        OUTPUT
    }

    private record Node(String name, Kind kind, List<String> inputs, Layer conf) {}

    private final ComputationGraph net;
    private final String input;
    private final List<Node> nodes = new ArrayList<>();
    private final Map<String, Node> byName = new HashMap<>();
    private final List<Row> rows = new ArrayList<>();
    /** Parameter (layer/key) → {offset, length} of its columns in J (its view in {@link ComputationGraph#params()}). */
    private final Map<String, long[]> columns = new HashMap<>();

    private final DataType dataType;
    /** J's buffer, reused while the batch size stays the same. */
    private INDArray buffer;
    /** Parameters (layer/key) whose columns the current row block has written. */
    private final Set<String> written = new HashSet<>();
    /** im2col buffers by convolution, reused across steps. */
    private final Map<String, INDArray> colsBuffers = new HashMap<>();

    /**
     * @param net an initialised graph of supported vertices, one input
     * @throws IllegalArgumentException naming the first vertex, activation or loss that is not supported
     */
    public PerSampleJacobian(ComputationGraph net) {
        this.net = net;
        ComputationGraphConfiguration conf = net.getConfiguration();
        if (conf.getNetworkInputs().size() != 1) {
            throw new IllegalArgumentException(
                    "ANaGRAM's Jacobian needs a graph with one input, got " + conf.getNetworkInputs());
        }
        this.input = conf.getNetworkInputs().get(0);
        this.dataType = net.params().dataType();
        Map<String, List<String>> inputs = conf.getVertexInputs();
        for (int index : net.topologicalSortOrder()) {
            String name = net.getVertices()[index].getVertexName();
            if (name.equals(input)) {
                continue;
            }
            Node node = node(name, conf.getVertices().get(name), inputs.get(name));
            nodes.add(node);
            byName.put(name, node);
        }
        List<String> outputs = conf.getNetworkOutputs();
        for (int o = 0; o < outputs.size(); o++) {
            Node out = byName.get(outputs.get(o));
            if (out == null || out.kind() != Kind.OUTPUT) {
                throw new IllegalArgumentException(
                        "ANaGRAM's Jacobian needs output layers; output '" + outputs.get(o) + "' is not one");
            }
            BaseOutputLayer layer = (BaseOutputLayer) out.conf();
            Head head = head(out.name(), layer);
            INDArray w = layer.getLossFn() instanceof LossL2 l2 ? l2.getWeights() : null;
            for (int u = 0; u < layer.getNOut(); u++) {
                rows.add(new Row(out.name(), u, head, w == null ? 1 : w.getDouble(w.length() == 1 ? 0 : u), o));
            }
        }
        long base = net.params().offset();
        for (Node node : nodes) {
            if (node.conf() == null) {
                continue;
            }
            for (Map.Entry<String, INDArray> p :
                    net.getLayer(node.name()).paramTable().entrySet()) {
                columns.put(
                        node.name() + "/" + p.getKey(),
                        new long[] {p.getValue().offset() - base, p.getValue().length()});
            }
        }
    }

    /**
     * @return per column of J, whether it is a trained parameter: false for the running estimates of
     *         batch normalisation, which training moves by averaging, not by gradient (their columns are zero)
     */
    public boolean[] trainableColumns() {
        boolean[] trainable = new boolean[(int) net.numParams()];
        Arrays.fill(trainable, true);
        columns.forEach((param, c) -> {
            String key = param.substring(param.indexOf('/') + 1);
            if (byName.get(param.substring(0, param.indexOf('/'))).kind() == Kind.BATCH_NORM
                    && !key.equals(BatchNormalizationParamInitializer.GAMMA)
                    && !key.equals(BatchNormalizationParamInitializer.BETA)) {
                Arrays.fill(trainable, (int) c[0], (int) (c[0] + c[1]), false);
            }
        });
        return trainable;
    }

    /**
     * Batch statistics of every batch-normalisation layer's input.
     *
     * @param mean layer → per-channel mean over the batch (and positions)
     * @param var  layer → per-channel biased variance
     */
    public record Statistics(Map<String, INDArray> mean, Map<String, INDArray> var) {}

    /**
     * @param features a batch
     * @return the batch statistics each batch-normalisation layer sees in a training-mode forward pass
     */
    public Statistics batchStatistics(INDArray features) {
        Map<String, INDArray> acts = net.feedForward(new INDArray[] {features.castTo(dataType)}, true, false);
        Map<String, INDArray> mean = new LinkedHashMap<>();
        Map<String, INDArray> var = new LinkedHashMap<>();
        for (Node node : nodes) {
            if (node.kind() == Kind.BATCH_NORM) {
                INDArray in = acts.get(node.inputs().get(0));
                mean.put(node.name(), in.mean(statisticsDims(in)));
                var.put(node.name(), in.var(false, statisticsDims(in)));
            }
        }
        return new Statistics(mean, var);
    }

    /** Dimensions batch normalisation averages over: the batch, and the positions of a feature map. */
    private static int[] statisticsDims(INDArray in) {
        return in.rank() == 4 ? new int[] {0, 2, 3} : new int[] {0};
    }

    /**
     * @param layer a batch-normalisation layer
     * @return its running variance estimate, whether stored as variance or as log₁₀ of the standard deviation
     */
    static INDArray runningVariance(org.deeplearning4j.nn.api.Layer layer) {
        INDArray log10Std = layer.paramTable().get(BatchNormalizationParamInitializer.GLOBAL_LOG_STD);
        return log10Std != null
                ? Transforms.exp(log10Std.mul(2 * Math.log(10)))
                : layer.getParam(BatchNormalizationParamInitializer.GLOBAL_VAR).dup();
    }

    /** @return the row blocks of J, in order: one per output unit */
    public List<Row> rows() {
        return List.copyOf(rows);
    }

    /**
     * Computes J for a batch.
     *
     * @param features the batch, [S, channels, H, W] (or [S, features] for a dense graph)
     * @param training whether batch normalisation uses the batch's statistics (as in training) or its running estimates
     * @return J and the row quantities
     */
    @SuppressWarnings("try") // the try-with-resources scopes an ND4J workspace; its variable is not used
    public Jacobian compute(INDArray features, boolean training) {
        INDArray x = features.castTo(dataType);
        Map<String, INDArray> acts = net.feedForward(new INDArray[] {x}, training, false);
        int samples = (int) x.size(0);
        long p = net.numParams();
        long r = (long) rows.size() * samples;
        if (buffer == null || buffer.size(0) != r) {
            if (buffer != null) {
                buffer.close();
            }
            buffer = Nd4j.create(dataType, r, p);
        }
        Jacobian result;
        try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().getAndActivateWorkspace(WORKSPACE, WORKSPACE_ID)) {
            result = computeInWorkspace(x, acts, training, samples);
        }
        Set<INDArray> owned = Collections.newSetFromMap(new IdentityHashMap<>());
        owned.addAll(acts.values());
        owned.add(x);
        owned.remove(features);
        for (INDArray a : owned) {
            if (!a.isView() && a.closeable() && !a.wasClosed()) {
                a.close();
            }
        }
        return result;
    }

    /**
     * Frees J's buffer, the im2col buffers and this thread's workspace of temporaries at once, rather
     * than when the garbage collector finds them; the instance must not be used afterwards.
     */
    @Override
    public void close() {
        if (buffer != null) {
            buffer.close();
            buffer = null;
        }
        colsBuffers.values().forEach(INDArray::close);
        colsBuffers.clear();
        if (Nd4j.getWorkspaceManager().checkIfWorkspaceExists(WORKSPACE_ID)) {
            Nd4j.getWorkspaceManager()
                    .getWorkspaceForCurrentThread(WORKSPACE_ID)
                    .destroyWorkspace();
        }
    }

    /** {@link #compute(INDArray, boolean)} inside the workspace: what it returns is allocated outside it. */
    private Jacobian computeInWorkspace(INDArray x, Map<String, INDArray> forward, boolean training, int samples) {
        Map<String, INDArray> acts = new HashMap<>(forward);
        acts.put(input, x);
        INDArray jac = buffer;
        double[] quantity = new double[rows.size() * samples];
        Map<String, INDArray> mean = new LinkedHashMap<>();
        Map<String, INDArray> var = new LinkedHashMap<>();
        Map<String, INDArray> stdev = new HashMap<>();
        Map<String, INDArray> xHat = new HashMap<>();
        for (Node node : nodes) {
            if (node.kind() == Kind.BATCH_NORM) {
                normalised(node, acts.get(node.inputs().get(0)), training, mean, var, stdev, xHat);
            }
        }
        Map<String, INDArray> cols = new HashMap<>();
        Map<String, INDArray> slopes = new HashMap<>();
        for (Node node : nodes) {
            if (node.kind() == Kind.CONVOLUTION) {
                cols.put(node.name(), im2col(node, acts.get(node.inputs().get(0)), acts.get(node.name())));
            } else if (node.kind() == Kind.RELU) {
                slopes.put(node.name(), acts.get(node.name()).gt(0).castTo(dataType));
            } else if (node.kind() == Kind.BATCH_NORM) {
                INDArray gamma = net.getLayer(node.name()).getParam(BatchNormalizationParamInitializer.GAMMA);
                slopes.put(node.name(), gamma.reshape(-1).div(stdev.get(node.name())));
            }
        }
        for (int b = 0; b < rows.size(); b++) {
            written.clear();
            backward(rows.get(b), b, samples, acts, jac, quantity, xHat, cols, slopes);
            long rowFrom = (long) b * samples;
            columns.forEach((param, c) -> {
                if (!written.contains(param)) {
                    jac.get(NDArrayIndex.interval(rowFrom, rowFrom + samples), NDArrayIndex.interval(c[0], c[0] + c[1]))
                            .assign(0);
                }
            });
        }
        return new Jacobian(jac, quantity, mean, var);
    }

    private void normalised(
            Node node,
            INDArray in,
            boolean training,
            Map<String, INDArray> mean,
            Map<String, INDArray> var,
            Map<String, INDArray> stdev,
            Map<String, INDArray> xHat) {
        BatchNormalization bn = (BatchNormalization) node.conf();
        INDArray mu;
        INDArray v;
        if (training) {
            mu = in.mean(statisticsDims(in));
            v = in.var(false, statisticsDims(in));
            mean.put(node.name(), mu.detach());
            var.put(node.name(), v.detach());
        } else {
            org.deeplearning4j.nn.api.Layer layer = net.getLayer(node.name());
            mu = layer.getParam(BatchNormalizationParamInitializer.GLOBAL_MEAN).reshape(-1);
            v = runningVariance(layer).reshape(-1);
        }
        INDArray sd = Transforms.sqrt(v.add(bn.getEps()), false);
        stdev.put(node.name(), sd);
        INDArray centred = Nd4j.createUninitialized(dataType, in.shape());
        Nd4j.getExecutioner().exec(new BroadcastSubOp(in, mu.reshape(mu.length()), centred, 1));
        xHat.put(node.name(), broadcast(centred, sd, true));
    }

    private void backward(
            Row row,
            int block,
            int samples,
            Map<String, INDArray> acts,
            INDArray jac,
            double[] quantity,
            Map<String, INDArray> xHat,
            Map<String, INDArray> cols,
            Map<String, INDArray> slopes) {
        Map<String, INDArray> eps = new HashMap<>();
        long rowFrom = (long) block * samples;
        for (int n = nodes.size() - 1; n >= 0; n--) {
            Node node = nodes.get(n);
            INDArray e = eps.remove(node.name());
            if (node.kind() == Kind.OUTPUT) {
                if (!node.name().equals(row.output())) {
                    continue;
                }
                accumulate(eps, node.inputs().get(0), outputSeed(node, row, acts, jac, rowFrom, samples, quantity));
                continue;
            }
            if (e == null) {
                continue;
            }
            INDArray in = acts.get(node.inputs().get(0));
            INDArray out = acts.get(node.name());
            switch (node.kind()) {
                case RELU -> accumulate(eps, node.inputs().get(0), e.mul(slopes.get(node.name())));
                case IDENTITY -> accumulate(eps, node.inputs().get(0), e);
                case SUM -> node.inputs().forEach(i -> accumulate(eps, i, e));
                case MERGE -> {
                    long from = 0;
                    for (String i : node.inputs()) {
                        long width = acts.get(i).size(1);
                        accumulate(
                                eps,
                                i,
                                e.get(NDArrayIndex.all(), NDArrayIndex.interval(from, from + width))
                                        .dup());
                        from += width;
                    }
                }
                case AVG_POOL -> {
                    double area = (double) in.size(2) * in.size(3);
                    accumulate(
                            eps,
                            node.inputs().get(0),
                            e.reshape(e.size(0), e.size(1), 1, 1).div(area).broadcast(in.shape()));
                }
                case MAX_POOL -> {
                    INDArray max = in.max(2, 3).reshape(in.size(0), in.size(1), 1, 1);
                    INDArray argMax = in.eq(max.broadcast(in.shape())).castTo(dataType);
                    accumulate(
                            eps,
                            node.inputs().get(0),
                            argMax.muli(e.reshape(e.size(0), e.size(1), 1, 1).broadcast(in.shape())));
                }
                case DENSE -> {
                    INDArray delta = e.mul(derivative(((DenseLayer) node.conf()).getActivationFn(), out));
                    accumulate(eps, node.inputs().get(0), dense(node, delta, in, jac, rowFrom, samples));
                }
                case BATCH_NORM -> {
                    int[] spatial = e.rank() == 4 ? new int[] {2, 3} : new int[0];
                    INDArray dGamma = spatial.length == 0
                            ? e.mul(xHat.get(node.name()))
                            : e.mul(xHat.get(node.name())).sum(spatial);
                    INDArray dBeta = spatial.length == 0 ? e : e.sum(spatial);
                    put(jac, rowFrom, samples, node.name(), BatchNormalizationParamInitializer.GAMMA, dGamma);
                    put(jac, rowFrom, samples, node.name(), BatchNormalizationParamInitializer.BETA, dBeta);
                    accumulate(eps, node.inputs().get(0), broadcast(e, slopes.get(node.name()), false));
                }
                case CONVOLUTION -> {
                    INDArray back = convolution(
                            node,
                            e,
                            in,
                            cols.get(node.name()),
                            jac,
                            rowFrom,
                            samples,
                            !node.inputs().get(0).equals(input));
                    if (back != null) {
                        accumulate(eps, node.inputs().get(0), back);
                    }
                }
                default -> throw new IllegalStateException(node.kind().toString());
            }
        }
    }

    /** The output layer's part of J and the gradient of the row quantity with respect to the layer's input. */
    private INDArray outputSeed(
            Node node,
            Row row,
            Map<String, INDArray> acts,
            INDArray jac,
            long rowFrom,
            int samples,
            double[] quantity) {
        BaseOutputLayer conf = (BaseOutputLayer) node.conf();
        INDArray in = acts.get(node.inputs().get(0));
        org.deeplearning4j.nn.api.Layer layer = net.getLayer(node.name());
        INDArray w = layer.getParam(DefaultParamInitializer.WEIGHT_KEY);
        INDArray b = layer.paramTable().get(DefaultParamInitializer.BIAS_KEY);
        INDArray z = in.mmul(w.getColumn(row.unit()).reshape(-1, 1)).reshape(-1);
        if (b != null) {
            z.addi(b.getDouble(row.unit()));
        }
        INDArray slope;
        if (row.head() == Head.LOGIT_CROSS_ENTROPY || conf.getActivationFn() instanceof ActivationIdentity) {
            slope = Nd4j.ones(dataType, samples);
            for (int i = 0; i < samples; i++) {
                quantity[(int) rowFrom + i] = z.getDouble(i);
            }
        } else {
            INDArray f = acts.get(node.name()).getColumn(row.unit()).reshape(-1).dup();
            slope = f.mul(f.rsub(1));
            for (int i = 0; i < samples; i++) {
                quantity[(int) rowFrom + i] = f.getDouble(i);
            }
        }
        long nIn = in.size(1);
        long nOut = conf.getNOut();
        INDArray dW = Nd4j.zeros(dataType, samples, nIn, nOut);
        dW.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.point(row.unit()))
                .assign(in.mulColumnVector(slope.reshape(-1, 1)));
        put(jac, rowFrom, samples, node.name(), DefaultParamInitializer.WEIGHT_KEY, dW);
        if (b != null) {
            INDArray dB = Nd4j.zeros(dataType, samples, nOut);
            dB.getColumn(row.unit()).assign(slope);
            put(jac, rowFrom, samples, node.name(), DefaultParamInitializer.BIAS_KEY, dB);
        }
        return slope.reshape(-1, 1).mmul(w.getColumn(row.unit()).reshape(1, -1));
    }

    /** Per-sample gradients of a dense layer from its pre-activation gradient; returns its input gradient. */
    private INDArray dense(Node node, INDArray delta, INDArray in, INDArray jac, long rowFrom, int samples) {
        org.deeplearning4j.nn.api.Layer layer = net.getLayer(node.name());
        INDArray w = layer.getParam(DefaultParamInitializer.WEIGHT_KEY);
        long nIn = in.size(1);
        long nOut = delta.size(1);
        INDArray dW = Nd4j.matmul(in.reshape(samples, nIn, 1), delta.reshape(samples, 1, nOut));
        put(jac, rowFrom, samples, node.name(), DefaultParamInitializer.WEIGHT_KEY, dW);
        if (layer.paramTable().containsKey(DefaultParamInitializer.BIAS_KEY)) {
            put(jac, rowFrom, samples, node.name(), DefaultParamInitializer.BIAS_KEY, delta);
        }
        return delta.mmul(w.transpose());
    }

    /** A convolution's patches of its input, [S, C·kH·kW, outH·outW], in a buffer reused across steps. */
    @SuppressWarnings("try") // the try-with-resources leaves the ND4J workspaces; its variable is not used
    private INDArray im2col(Node node, INDArray in, INDArray out) {
        ConvolutionLayer conf = (ConvolutionLayer) node.conf();
        int kH = conf.getKernelSize()[0];
        int kW = conf.getKernelSize()[1];
        int[] stride = conf.getStride();
        int[] pad = padding(conf, in, out);
        long samples = in.size(0);
        long[] shape = {samples, in.size(1), kH, kW, out.size(2), out.size(3)};
        INDArray cols = colsBuffers.get(node.name());
        if (cols == null || !Arrays.equals(cols.shape(), shape)) {
            if (cols != null) {
                cols.close();
            }
            try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
                cols = Nd4j.createUninitialized(dataType, shape);
            }
            colsBuffers.put(node.name(), cols);
        }
        Convolution.im2col(
                in,
                kH,
                kW,
                stride[0],
                stride[1],
                pad[0],
                pad[1],
                1,
                1,
                conf.getConvolutionMode() == ConvolutionMode.Same,
                cols);
        return cols.reshape(samples, shape[1] * kH * kW, shape[4] * shape[5]);
    }

    private static int[] padding(ConvolutionLayer conf, INDArray in, INDArray out) {
        return conf.getConvolutionMode() == ConvolutionMode.Same
                ? ConvolutionUtils.getSameModeTopLeftPadding(
                        new int[] {(int) out.size(2), (int) out.size(3)},
                        new int[] {(int) in.size(2), (int) in.size(3)},
                        conf.getKernelSize(),
                        conf.getStride(),
                        conf.getDilation())
                : conf.getPadding();
    }

    /**
     * Per-sample gradients of a convolution's weights (and bias) from its output gradient: one
     * batched matrix product with the input's patches. Returns its input gradient, computed by
     * libnd4j's {@code conv2d_bp} (oneDNN in float, as DL4J's own backward pass), or null if not needed.
     */
    private INDArray convolution(
            Node node,
            INDArray delta,
            INDArray in,
            INDArray cols3,
            INDArray jac,
            long rowFrom,
            int samples,
            boolean inputGradient) {
        ConvolutionLayer conf = (ConvolutionLayer) node.conf();
        INDArray w = net.getLayer(node.name()).getParam(ConvolutionParamInitializer.WEIGHT_KEY);
        long cOut = delta.size(1);
        INDArray delta3 = delta.reshape(samples, cOut, delta.size(2) * delta.size(3));
        INDArray dW =
                Nd4j.matmul(delta3, cols3, false, true, false).reshape(samples, cOut, in.size(1), w.size(2), w.size(3));
        put(jac, rowFrom, samples, node.name(), ConvolutionParamInitializer.WEIGHT_KEY, dW);
        dW.close();
        if (conf.hasBias()) {
            put(jac, rowFrom, samples, node.name(), ConvolutionParamInitializer.BIAS_KEY, delta3.sum(2));
        }
        if (!inputGradient) {
            return null;
        }
        int[] pad = padding(conf, in, delta);
        OpContext context = Nd4j.getExecutioner().buildContext();
        context.setIArguments(
                conf.getKernelSize()[0],
                conf.getKernelSize()[1],
                conf.getStride()[0],
                conf.getStride()[1],
                pad[0],
                pad[1],
                1,
                1,
                conf.getConvolutionMode() == ConvolutionMode.Same ? 1 : 0,
                0,
                1);
        INDArray back = Nd4j.createUninitialized(dataType, in.shape());
        INDArray scratch = Nd4j.createUninitialized(dataType, w.shape());
        INDArray[] inputs = conf.hasBias()
                ? new INDArray[] {in, w, net.getLayer(node.name()).getParam(ConvolutionParamInitializer.BIAS_KEY), delta
                }
                : new INDArray[] {in, w, delta};
        for (int i = 0; i < inputs.length; i++) {
            context.setInputArray(i, inputs[i]);
        }
        context.setOutputArray(0, back);
        context.setOutputArray(1, scratch);
        if (conf.hasBias()) {
            context.setOutputArray(2, Nd4j.createUninitialized(dataType, cOut));
        }
        Nd4j.exec(new Conv2DDerivative(), context);
        scratch.close();
        try {
            context.close();
        } catch (Exception e) {
            throw new IllegalStateException("closing a libnd4j op context", e);
        }
        return back;
    }

    /**
     * Writes per-sample gradients [S, d1, …, dn] of a parameter of shape [d1, …, dn] into J's block,
     * flattened in the order of the parameter's view in {@link ComputationGraph#params()} ('c' for
     * convolution weights, 'f' for dense weights).
     */
    private void put(INDArray jac, long rowFrom, int samples, String layer, String key, INDArray grad) {
        written.add(layer + "/" + key);
        long offset = columns.get(layer + "/" + key)[0];
        INDArray view = net.getLayer(layer).getParam(key);
        long n = view.length();
        if (grad.length() != n * samples) {
            throw new IllegalStateException("gradient of " + layer + "/" + key + " has " + grad.length()
                    + " values for " + samples + " samples of " + n + " parameters");
        }
        INDArray flat = grad;
        if (view.ordering() == 'f' && grad.rank() > 2) {
            int[] reversed = new int[grad.rank()];
            for (int d = 1; d < reversed.length; d++) {
                reversed[d] = reversed.length - d;
            }
            flat = grad.permute(reversed);
        }
        jac.get(NDArrayIndex.interval(rowFrom, rowFrom + samples), NDArrayIndex.interval(offset, offset + n))
                .assign(flat.reshape('c', samples, n));
    }

    private INDArray derivative(IActivation activation, INDArray out) {
        if (activation instanceof ActivationReLU) {
            return out.gt(0).castTo(dataType);
        }
        if (activation instanceof ActivationIdentity) {
            return Nd4j.ones(dataType, out.shape());
        }
        if (activation instanceof ActivationSigmoid) {
            return out.mul(out.rsub(1));
        }
        throw new IllegalArgumentException("activation " + activation + " is not supported by ANaGRAM's Jacobian");
    }

    private static void accumulate(Map<String, INDArray> eps, String vertex, INDArray e) {
        eps.merge(vertex, e, INDArray::add);
    }

    /** {@code a} times (or divided by) a per-channel vector, along dimension 1. */
    private static INDArray broadcast(INDArray a, INDArray perChannel, boolean divide) {
        INDArray z = Nd4j.createUninitialized(a.dataType(), a.shape());
        INDArray v = perChannel.reshape(perChannel.length()).castTo(a.dataType());
        return Nd4j.getExecutioner().exec(divide ? new BroadcastDivOp(a, v, z, 1) : new BroadcastMulOp(a, v, z, 1));
    }

    private Node node(String name, Object vertex, List<String> inputs) {
        if (vertex instanceof ElementWiseVertex ew && ew.getOp() == ElementWiseVertex.Op.Add) {
            return new Node(name, Kind.SUM, inputs, null);
        }
        if (vertex instanceof MergeVertex) {
            return new Node(name, Kind.MERGE, inputs, null);
        }
        if (!(vertex instanceof LayerVertex lv) || inputs.size() != 1 || lv.getPreProcessor() != null) {
            throw new IllegalArgumentException("vertex '" + name + "' ("
                    + vertex.getClass().getSimpleName() + ") is not supported by ANaGRAM's Jacobian");
        }
        Layer layer = lv.getLayerConf().getLayer();
        Kind kind;
        if (layer instanceof OutputLayer out) {
            derivative(out.getActivationFn(), Nd4j.zeros(1));
            kind = Kind.OUTPUT;
        } else if (layer instanceof DenseLayer dense) {
            derivative(dense.getActivationFn(), Nd4j.zeros(1));
            kind = Kind.DENSE;
        } else if (layer instanceof ConvolutionLayer conv
                && conv.getClass() == ConvolutionLayer.class
                && conv.getActivationFn() instanceof ActivationIdentity
                && conv.getCnn2dDataFormat() == CNN2DFormat.NCHW
                && conv.getDilation()[0] == 1
                && conv.getDilation()[1] == 1) {
            kind = Kind.CONVOLUTION;
        } else if (layer instanceof BatchNormalization bn
                && !bn.isLockGammaBeta()
                && bn.getCnn2DFormat() == CNN2DFormat.NCHW) {
            kind = Kind.BATCH_NORM;
        } else if (layer instanceof ActivationLayer act && act.getActivationFn() instanceof ActivationReLU) {
            kind = Kind.RELU;
        } else if (layer instanceof ActivationLayer act && act.getActivationFn() instanceof ActivationIdentity) {
            kind = Kind.IDENTITY;
        } else if (layer instanceof GlobalPoolingLayer pool
                && pool.isCollapseDimensions()
                && (pool.getPoolingType() == PoolingType.AVG || pool.getPoolingType() == PoolingType.MAX)) {
            kind = pool.getPoolingType() == PoolingType.AVG ? Kind.AVG_POOL : Kind.MAX_POOL;
        } else {
            throw new IllegalArgumentException(
                    "layer '" + name + "' (" + layer.getClass().getSimpleName()
                            + ") is not supported by ANaGRAM's Jacobian (convolutions must be NCHW with identity activation"
                            + " and no dilation; activation layers ReLU or identity; pooling global average or max)");
        }
        return new Node(name, kind, inputs, layer);
    }

    private static Head head(String name, BaseOutputLayer layer) {
        ILossFunction loss = layer.getLossFn();
        if (loss instanceof LossBinaryXENT xent && layer.getActivationFn() instanceof ActivationSigmoid) {
            if (xent.getWeights() != null) {
                throw new IllegalArgumentException("output '" + name + "': weighted cross-entropy is not supported");
            }
            return Head.LOGIT_CROSS_ENTROPY;
        }
        if ((loss instanceof LossMSE || loss.getClass() == LossL2.class)
                && (layer.getActivationFn() instanceof ActivationSigmoid
                        || layer.getActivationFn() instanceof ActivationIdentity)) {
            return Head.SQUARED_ERROR;
        }
        throw new IllegalArgumentException("output '" + name + "': loss " + loss + " with activation "
                + layer.getActivationFn() + " is not supported (sigmoid + binary cross-entropy, or squared error"
                + " on a sigmoid or identity output)");
    }
}
