package org.scalefreebench.reference.rg;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.nd4j.autodiff.samediff.SDIndex;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.api.OutAndGrad;
import org.nd4j.autodiff.samediff.internal.InferenceSession;
import org.nd4j.autodiff.samediff.internal.memory.NoOpMemoryMgr;
import org.nd4j.enums.DataFormat;
import org.nd4j.enums.WeightsFormat;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The scale-shared encoder–decoder of Alvez et al., "Neural Renormalization Group Flow for
 * Percolation", as a SameDiff graph whose 14 weight arrays are created once and reused by every
 * level and every lattice size L = 2^K.
 *
 * <ul>
 *   <li>Lift (no parameters): h⁰ = [x, 1 − x, 0, …, 0], {@link #CHANNELS} channels per site.
 *   <li>Coarse-graining f, applied K = log₂L times with the same weights: a 3×3 convolution C → C
 *       with mirror (reflect) padding, ReLU, then the same MLP on every 2×2 block, 4C → 64 (ReLU)
 *       → C, as a 2×2 stride-2 convolution (W1 reshaped) and a 1×1 convolution: h^{l+1} = f(h^l), from
 *       L×L down to 1×1.
 *   <li>Spanning read-out g on h^K: C → 64 (ReLU) → 1 logit.
 *   <li>Fine-graining f′, applied K times with the same weights back down: z^K = h^K and z^l =
 *       ReLU(depthToSpace(W_f · [spaceToDepth(h^l), spaceToDepth(upsample(z^{l+1}))] + b_f)), W_f
 *       a linear map 8C → 4C of each 2×2 block.
 *   <li>Mask read-out g′ on the 2×2 blocks of concat(z⁰, x): 4(C + 1) → 4 logits, one per site.
 * </ul>
 *
 * That is {@link #PARAMETERS} = 55 189 parameters whatever L. Exact shortcuts keep the work down:
 * the graph reads only the two non-zero channels of h⁰ (in f and f′), and the upsampled half of f′'s
 * input, four copies of z^{l+1} per block, is one 1×1 convolution of z^{l+1} with the sum of the four
 * weight groups (f′'s 8C inputs are ordered as the 2×2 block of h^l, then that of upsample(z^{l+1}),
 * each with the block position outermost, as ND4J's space-to-depth lays them out). Every linear
 * map of a 2×2 block (W1, the h half of W_f, the mask read-out) runs as a 2×2 stride-2 convolution
 * whose kernel is the stored weight reshaped, which reads the block in that same order without
 * copying the maps through space-to-depth. The mirror
 * padding is built from slices and concatenation, because ND4J M2.1's {@code pad} op back-propagates
 * every mode as if it were zero padding (its gradient is a plain slice), which is wrong for REFLECT.
 *
 * <p>Not thread-safe: one fitted model uses it from one thread at a time.
 */
public final class RgFlowNetwork {

    /** Channels C of the hidden state at every level. */
    public static final int CHANNELS = 32;
    /** Hidden width of the 2×2-block MLP and of the spanning read-out. */
    public static final int HIDDEN = 64;
    /** Trained parameters, the same at every L. */
    public static final long PARAMETERS = 55_189;

    /** Placeholder: the maps, [b, 1, L, L]. */
    public static final String MAPS = "maps";
    /** Placeholder: spanning labels, [b, 1]. */
    public static final String SPANNING_LABEL = "spanning_label";
    /** Placeholder: largest-cluster masks, [b, 1, L, L]. */
    public static final String MASK_LABEL = "mask_label";
    /** Output: P(spanning), [b, 1]. */
    public static final String SPANNING = "spanning";
    /** Output: P(site in the largest cluster), [b, 1, L, L]. */
    public static final String MASK = "mask";
    /** Output: the training loss, a scalar. */
    public static final String LOSS = "loss";

    private static final int C = CHANNELS;
    /** How ND4J M2.1 starts the line it prints for every op it differentiates. */
    static final String GRAD_OP_LINE = "Added differentiated op ";

    private static final String CONV_W = "coarse_conv_w";
    private static final String CONV_B = "coarse_conv_b";
    private static final String BLOCK_W1 = "coarse_block_w1";
    private static final String BLOCK_B1 = "coarse_block_b1";
    private static final String BLOCK_W2 = "coarse_block_w2";
    private static final String BLOCK_B2 = "coarse_block_b2";
    private static final String SPAN_W1 = "spanning_w1";
    private static final String SPAN_B1 = "spanning_b1";
    private static final String SPAN_W2 = "spanning_w2";
    /** Name of the spanning logit's bias (tests shift it to check that every L shares the weights). */
    static final String SPAN_B2 = "spanning_b2";

    private static final String FINE_W = "fine_w";
    private static final String FINE_B = "fine_b";
    private static final String MASK_W = "mask_w";
    private static final String MASK_B = "mask_b";

    private final DataType dataType;
    private final double maskWeight;
    private final Map<String, INDArray> parameters;
    private final Map<Integer, SameDiff> graphs = new HashMap<>();
    private final Map<Integer, SameDiff> trainingGraphs = new HashMap<>();

    private RgFlowNetwork(DataType dataType, double maskWeight, Map<String, INDArray> parameters) {
        this.dataType = dataType;
        this.maskWeight = maskWeight;
        this.parameters = parameters;
    }

    /**
     * A freshly initialised network: He-normal weights (variance 2 / fan-in) before a ReLU,
     * variance 1 / fan-in before a logit, zero biases; the normal draws come from a Commons RNG
     * stream of the seed.
     *
     * @param seed       the seed
     * @param dataType   FLOAT for training, DOUBLE for gradient checks
     * @param maskWeight weight of the mask cross-entropy beside the spanning cross-entropy in the loss
     * @return the network
     */
    public static RgFlowNetwork initialise(long seed, DataType dataType, double maskWeight) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        ZigguratSampler.NormalizedGaussian normal = ZigguratSampler.NormalizedGaussian.of(rng);
        Map<String, INDArray> p = new LinkedHashMap<>();
        p.put(CONV_W, normal(normal, dataType, 2.0 / (9 * C), 3, 3, C, C));
        p.put(CONV_B, Nd4j.zeros(dataType, C));
        p.put(BLOCK_W1, normal(normal, dataType, 2.0 / (4 * C), 1, 1, 4 * C, HIDDEN));
        p.put(BLOCK_B1, Nd4j.zeros(dataType, HIDDEN));
        p.put(BLOCK_W2, normal(normal, dataType, 2.0 / HIDDEN, 1, 1, HIDDEN, C));
        p.put(BLOCK_B2, Nd4j.zeros(dataType, C));
        p.put(SPAN_W1, normal(normal, dataType, 2.0 / C, C, HIDDEN));
        p.put(SPAN_B1, Nd4j.zeros(dataType, HIDDEN));
        p.put(SPAN_W2, normal(normal, dataType, 1.0 / HIDDEN, HIDDEN, 1));
        p.put(SPAN_B2, Nd4j.zeros(dataType, 1));
        p.put(FINE_W, normal(normal, dataType, 2.0 / (8 * C), 1, 1, 8 * C, 4 * C));
        p.put(FINE_B, Nd4j.zeros(dataType, 4 * C));
        p.put(MASK_W, normal(normal, dataType, 1.0 / (4 * (C + 1)), 1, 1, 4 * (C + 1), 4));
        p.put(MASK_B, Nd4j.zeros(dataType, 4));
        return new RgFlowNetwork(dataType, maskWeight, Collections.unmodifiableMap(p));
    }

    private static INDArray normal(
            ZigguratSampler.NormalizedGaussian normal, DataType dataType, double variance, long... shape) {
        long n = 1;
        for (long s : shape) {
            n *= s;
        }
        double sd = Math.sqrt(variance);
        double[] v = new double[(int) n];
        for (int i = 0; i < v.length; i++) {
            v[i] = sd * normal.sample();
        }
        return Nd4j.create(v, shape, DataType.DOUBLE).castTo(dataType);
    }

    /**
     * @param size a lattice size
     * @return K = log₂ L, the number of coarse-graining steps from L×L to 1×1
     * @throws IllegalArgumentException naming L if it is not a power of two of at least 2
     */
    public static int levels(int size) {
        if (size < 2 || Integer.bitCount(size) != 1) {
            throw new IllegalArgumentException("rg-flow coarse-grains 2×2 blocks down to one site, so it needs L = 2^k"
                    + " with k ≥ 1; got L = " + size);
        }
        return Integer.numberOfTrailingZeros(size);
    }

    /** @return the weight arrays by name, shared by the graphs of every L (updated in place by training) */
    public Map<String, INDArray> parameters() {
        return parameters;
    }

    /** @return a copy of every weight array, by name, e.g. to keep a pass's weights */
    public Map<String, INDArray> copyOfParameters() {
        Map<String, INDArray> copy = new LinkedHashMap<>();
        parameters.forEach((name, weights) -> copy.put(name, weights.dup()));
        return copy;
    }

    /**
     * Puts copied weights back into the shared arrays in place, so every graph, cached or not, sees them.
     *
     * @param copy weights from {@link #copyOfParameters()}
     */
    public void restoreParameters(Map<String, INDArray> copy) {
        copy.forEach((name, weights) -> parameters.get(name).assign(weights));
    }

    /** @return the number of trained parameters, {@link #PARAMETERS} */
    public long parameterCount() {
        long n = 0;
        for (INDArray a : parameters.values()) {
            n += a.length();
        }
        return n;
    }

    /** @return the data type of the weights and of the graphs */
    public DataType dataType() {
        return dataType;
    }

    /**
     * The unrolled graph for maps of size L, built on first use and cached; its variables hold the
     * shared weight arrays themselves, so training at one L updates every L. Back-propagation and
     * inference use two graphs of the same weights: in ND4J M2.1 a graph that has run inference
     * fails in its next gradient calculation (a null input in the loss's mean).
     *
     * @param size     L
     * @param training true for the graph {@link #gradients} runs, false for inference and the loss
     * @return the graph, with placeholders {@link #MAPS}, {@link #SPANNING_LABEL}, {@link #MASK_LABEL}
     *         and outputs {@link #SPANNING}, {@link #MASK}, {@link #LOSS}
     * @throws IllegalArgumentException if L is not a power of two
     */
    @SuppressWarnings("ReferenceEquality") // is the graph's array the shared one itself, not an equal copy
    public SameDiff graph(int size, boolean training) {
        int k = levels(size);
        Map<Integer, SameDiff> cache = training ? trainingGraphs : graphs;
        SameDiff sd = cache.get(size);
        if (sd == null) {
            sd = build(size, k);
            if (training) {
                createGradFunctionQuietly(sd);
            }
            cache.put(size, sd);
        }
        for (Map.Entry<String, INDArray> e : parameters.entrySet()) {
            if (sd.getArrForVarName(e.getKey()) != e.getValue()) {
                sd.associateArrayWithVariable(e.getValue(), e.getKey());
            }
        }
        withoutArrayCache(sd);
        SameDiff backward = sd.getFunction("grad");
        if (backward != null) {
            withoutArrayCache(backward);
        }
        return sd;
    }

    /**
     * Builds the back-propagation function, as the first gradient calculation would, without the line
     * "Added differentiated op &lt;name&gt;" that ND4J M2.1's {@code SameDiff.createGradFunction} prints to
     * {@code System.out} for every op (448 lines for the four training sizes, into the CLI's output and
     * the build log). Only those lines are dropped; anything else printed meanwhile goes through.
     */
    private static void createGradFunctionQuietly(SameDiff sd) {
        PrintStream original = System.out;
        System.setOut(new PrintStream(original, true) {
            @Override
            public void println(String line) {
                if (line == null || !line.startsWith(GRAD_OP_LINE)) {
                    original.println(line);
                }
            }
        });
        try {
            sd.createGradFunction();
        } finally {
            System.setOut(original);
        }
    }

    /**
     * Makes this thread's session of a graph allocate fresh arrays: with ND4J M2.1's default array
     * cache, a float graph's second inference on the same inputs returned a different loss (1.61
     * instead of 1.46 at L = 8), as if a cached array were reused while still in use.
     */
    private static void withoutArrayCache(SameDiff sd) {
        InferenceSession session =
                sd.getSessions().computeIfAbsent(Thread.currentThread().getId(), t -> new InferenceSession(sd));
        if (!(session.getMmgr() instanceof NoOpMemoryMgr)) {
            session.setMmgr(new NoOpMemoryMgr());
        }
    }

    /**
     * The loss and its gradient with respect to every weight array.
     *
     * @param maps     [b, 1, L, L] of this network's data type
     * @param spanning [b, 1]
     * @param mask     [b, 1, L, L]
     * @return the loss and the gradients by weight name
     */
    public Gradients gradients(INDArray maps, INDArray spanning, INDArray mask) {
        if (maps.size(0) == 1) {
            // ND4J M2.1's back-propagation fails on a batch of one (a null input in a reduction); the
            // loss is a mean over the batch, so the same map twice has exactly the same loss and gradient.
            return gradients(
                    Nd4j.concat(0, maps, maps), Nd4j.concat(0, spanning, spanning), Nd4j.concat(0, mask, mask));
        }
        SameDiff sd = graph((int) maps.size(3), true);
        OutAndGrad og = sd.calculateGradientsAndOutputs(
                placeholders(maps, spanning, mask), List.of(LOSS), new ArrayList<>(parameters.keySet()));
        INDArray loss = og.getOutputs().get(LOSS);
        double value = loss.getDouble(0);
        loss.close();
        return new Gradients(value, og.getGradients());
    }

    /**
     * @param maps     [b, 1, L, L]
     * @param spanning [b, 1]
     * @param mask     [b, 1, L, L]
     * @return the loss on the batch
     */
    public double loss(INDArray maps, INDArray spanning, INDArray mask) {
        SameDiff sd = graph((int) maps.size(3), false);
        INDArray out = sd.outputSingle(placeholders(maps, spanning, mask), LOSS);
        double value = out.getDouble(0);
        out.close();
        return value;
    }

    /**
     * Inference: both heads in one pass.
     *
     * @param maps [b, 1, L, L]
     * @return {@link #SPANNING} [b, 1] and {@link #MASK} [b, 1, L, L] probabilities
     */
    public Map<String, INDArray> predict(INDArray maps) {
        SameDiff sd = graph((int) maps.size(3), false);
        return sd.output(Map.of(MAPS, maps), SPANNING, MASK);
    }

    private static Map<String, INDArray> placeholders(INDArray maps, INDArray spanning, INDArray mask) {
        return Map.of(MAPS, maps, SPANNING_LABEL, spanning, MASK_LABEL, mask);
    }

    /**
     * Multiply–accumulates of one forward pass of one map, as this graph computes it (h⁰'s two
     * non-zero channels only, the upsampled half of f′ as one 1×1 convolution of z).
     *
     * @param size L
     * @return MACs per map
     */
    public static long forwardMacs(int size) {
        int k = levels(size);
        long macs = 0;
        for (int l = 0; l < k; l++) {
            long n = size >> l;
            long half = n / 2;
            macs += n * n * 9L * (l == 0 ? 2 : C) * C;
            macs += half * half * (4L * C * HIDDEN + (long) HIDDEN * C);
            macs += half * half * ((l == 0 ? 8L : 4L * C) + C) * 4 * C;
        }
        macs += (long) C * HIDDEN + HIDDEN;
        long half = size / 2;
        macs += half * half * 4L * (C + 1) * 4;
        return macs;
    }

    private SameDiff build(int size, int k) {
        SameDiff sd = SameDiff.create();
        Map<String, SDVariable> w = new HashMap<>();
        for (Map.Entry<String, INDArray> e : parameters.entrySet()) {
            w.put(e.getKey(), sd.var(e.getKey(), e.getValue()));
        }
        SDVariable x = sd.placeHolder(MAPS, dataType, -1, 1, size, size);
        SDVariable spanLabel = sd.placeHolder(SPANNING_LABEL, dataType, -1, 1);
        SDVariable maskLabel = sd.placeHolder(MASK_LABEL, dataType, -1, 1, size, size);

        // Lift: h0 = [x, 1 - x, 0, ..., 0]; the graph carries only its two non-zero channels.
        SDVariable twoChannels = sd.concat(1, x, x.rsub(1.0));
        List<SDVariable> h = new ArrayList<>();
        h.add(twoChannels);

        // Coarse-graining, the same f at every level; the first level reads h0's two non-zero channels.
        SDVariable firstConvW = w.get(CONV_W).get(SDIndex.all(), SDIndex.all(), SDIndex.interval(0, 2), SDIndex.all());
        // The MLP on every 2x2 block reads the block's 4C values with the block position (dy, dx)
        // outermost, as space-to-depth lays them out; so it is a 2x2 stride-2 convolution whose
        // kernel [dy, dx, c, o] is W1 reshaped, with no space-to-depth copy of the maps.
        SDVariable blockW1 = blockKernel(sd, w.get(BLOCK_W1), C, HIDDEN);
        for (int l = 0; l < k; l++) {
            int n = size >> l;
            SDVariable local = sd.cnn()
                    .conv2d(mirrorPad(sd, h.get(l), n), l == 0 ? firstConvW : w.get(CONV_W), w.get(CONV_B), conv(3));
            SDVariable hidden =
                    sd.nn().relu(sd.cnn().conv2d(sd.nn().relu(local, 0), blockW1, w.get(BLOCK_B1), blockConv()), 0);
            h.add(sd.cnn().conv2d(hidden, w.get(BLOCK_W2), w.get(BLOCK_B2), conv(1)));
        }

        // Spanning read-out g on the 1x1 state.
        SDVariable top = sd.reshape(h.get(k), -1, C);
        SDVariable spanHidden = sd.nn().relu(sd.nn().linear(top, w.get(SPAN_W1), w.get(SPAN_B1)), 0);
        SDVariable spanLogit = sd.nn().linear(spanHidden, w.get(SPAN_W2), w.get(SPAN_B2));
        sd.nn().sigmoid(SPANNING, spanLogit);

        // Fine-graining f', the same at every level, back down to L x L. W_f's 8C inputs are the 2x2
        // block of h (4C, block position outermost) then that of upsample(z) (4C). The four positions of
        // upsample(z) in a block all hold z itself, so that half is one 1x1 convolution of z with the sum
        // of its four C-row groups; at l = 0 the h half reads only the two non-zero channels of h0.
        SDIndex all = SDIndex.all();
        SDVariable fineW = w.get(FINE_W);
        SDVariable fineH = fineW.get(all, all, SDIndex.interval(0, 4 * C), all);
        SDVariable fineZ = null;
        List<SDVariable> firstRows = new ArrayList<>();
        for (int b = 0; b < 4; b++) {
            SDVariable rows = fineW.get(all, all, SDIndex.interval(4 * C + b * C, 4 * C + (b + 1) * C), all);
            fineZ = fineZ == null ? rows : fineZ.add(rows);
            firstRows.add(fineH.get(all, all, SDIndex.interval(b * C, b * C + 2), all));
        }
        SDVariable fineFirst = blockKernel(sd, sd.concat(2, firstRows.toArray(new SDVariable[0])), 2, 4 * C);
        SDVariable fineHKernel = blockKernel(sd, fineH, C, 4 * C);
        SDVariable z = h.get(k);
        for (int l = k - 1; l >= 0; l--) {
            SDVariable fine = sd.cnn()
                    .conv2d(h.get(l), l == 0 ? fineFirst : fineHKernel, w.get(FINE_B), blockConv())
                    .add(sd.cnn().conv2d(z, fineZ, conv(1)));
            z = sd.nn().relu(sd.cnn().depthToSpace(fine, 2, DataFormat.NCHW), 0);
        }

        // Mask read-out g' on the 2x2 blocks of concat(z0, x), a 2x2 stride-2 convolution as above.
        SDVariable maskLogit = sd.cnn()
                .depthToSpace(
                        sd.cnn()
                                .conv2d(
                                        sd.concat(1, z, x),
                                        blockKernel(sd, w.get(MASK_W), C + 1, 4),
                                        w.get(MASK_B),
                                        blockConv()),
                        2,
                        DataFormat.NCHW);
        sd.nn().sigmoid(MASK, maskLogit);

        SDVariable loss = crossEntropy(sd, spanLogit, spanLabel)
                .add(crossEntropy(sd, maskLogit, maskLabel).mul(maskWeight));
        sd.identity(LOSS, loss);
        sd.setLossVariables(LOSS);
        return sd;
    }

    /** Mean binary cross-entropy of logits t against labels y, max(t, 0) − t·y + log(1 + e^{−|t|}). */
    private static SDVariable crossEntropy(SameDiff sd, SDVariable logit, SDVariable label) {
        SDVariable perSite = sd.nn()
                .relu(logit, 0)
                .sub(logit.mul(label))
                .add(sd.math().log1p(sd.math().exp(sd.math().abs(logit).neg())));
        return sd.mean(perSite);
    }

    /** Reflect padding by one site on both spatial axes: row 1 above row 0, row n − 2 below row n − 1. */
    private static SDVariable mirrorPad(SameDiff sd, SDVariable h, int n) {
        SDIndex all = SDIndex.all();
        SDVariable rows = sd.concat(
                2,
                h.get(all, all, SDIndex.interval(1, 2), all),
                h,
                h.get(all, all, SDIndex.interval(n - 2, n - 1), all));
        return sd.concat(
                3,
                rows.get(all, all, all, SDIndex.interval(1, 2)),
                rows,
                rows.get(all, all, all, SDIndex.interval(n - 2, n - 1)));
    }

    /**
     * A 1×1 weight [1, 1, 4·channels, out] over the space-to-depth channels of a 2×2 block (block
     * position outermost) as the kernel [2, 2, channels, out] of a 2×2 stride-2 convolution: the
     * same numbers, reshaped in row-major order.
     */
    static SDVariable blockKernel(SameDiff sd, SDVariable weight, int channels, int out) {
        return sd.reshape(weight, 2, 2, channels, out);
    }

    /** The 2×2 stride-2 convolution that applies one linear map to every 2×2 block. */
    static Conv2DConfig blockConv() {
        return conv(2, 2);
    }

    /** A k×k stride-1 convolution without padding (the mirror padding is explicit). */
    static Conv2DConfig conv(int kernel) {
        return conv(kernel, 1);
    }

    private static Conv2DConfig conv(int kernel, int stride) {
        return Conv2DConfig.builder()
                .kH(kernel)
                .kW(kernel)
                .sH(stride)
                .sW(stride)
                .pH(0)
                .pW(0)
                .dH(1)
                .dW(1)
                .paddingMode(PaddingMode.VALID)
                .dataFormat("NCHW")
                .weightsFormat(WeightsFormat.YXIO)
                .build();
    }

    /**
     * The loss of a batch and its gradient.
     *
     * @param loss      the loss
     * @param gradients d loss / d weight, by weight name
     */
    public record Gradients(double loss, Map<String, INDArray> gradients) {}
}
