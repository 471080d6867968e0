package org.scalefreebench.reference.rg.generator;

import java.util.Arrays;
import java.util.List;
import org.apache.commons.rng.JumpableUniformRandomProvider;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.scalefreebench.datasets.model.MaskGenerator;
import org.scalefreebench.reference.nn.NativeMemory;

/**
 * A fitted pyramid generator: draws masks top-down from the 1×1 root, refining every occupied parent
 * into one of the 15 non-empty child patterns (the softmax renormalised over patterns 1 … 15) in
 * {@code passes} colour passes per level, and gives the exact negative log-likelihood of a mask
 * along the same schedule. Map k of a call draws from the k-th {@link
 * JumpableUniformRandomProvider#jump()} copy of {@code XO_RO_SHI_RO_128_PP} seeded with the call's
 * seed, so its bytes do not depend on how maps are batched.
 */
final class FittedRgGenerator implements MaskGenerator.FittedGenerator {

    /** Sites per forward batch: 64 maps at L = 64, one map from L = 512 up. */
    static final long SITES_PER_BATCH = 64L * 64 * 64;

    /** Random source of the draws. */
    static final RandomSource SOURCE = RandomSource.XO_RO_SHI_RO_128_PP;

    /** Smallest probability taken in a logarithm (float softmax can underflow to 0). */
    private static final double TINY = Float.MIN_NORMAL;

    /** Top levels (coarse side 1 and 2) that an unshared generator keeps apart from the bulk. */
    static final int TOP_LEVELS = 2;

    private final List<ComputationGraph> nets;
    private final int trainedLevels;
    private final int passes;
    private final String note;

    /**
     * A generator with one network shared by every level.
     *
     * @param net    the trained conditional network
     * @param passes colour passes per level, 1 or 4
     * @param note   how training went, or null
     */
    FittedRgGenerator(ComputationGraph net, int passes, String note) {
        this(List.of(net), 1, passes, note);
    }

    /**
     * @param nets          one network shared by every level, or one per level of the largest training
     *                      pyramid (see {@link #weightSet})
     * @param trainedLevels K of the largest training size
     * @param passes        colour passes per level, 1 or 4
     * @param note          how training went, or null
     */
    FittedRgGenerator(List<ComputationGraph> nets, int trainedLevels, int passes, String note) {
        this.nets = List.copyOf(nets);
        this.trainedLevels = trainedLevels;
        this.passes = passes;
        this.note = note;
    }

    /**
     * Which weight set refines level l + 1 → l of a K-level pyramid when there is one set per level
     * of the largest training pyramid (K_t levels): the top {@value #TOP_LEVELS} levels take the sets
     * of the same depth below the root, the levels from the site level up take their own set while it
     * is a bulk set of training ({@code l < K_t − }{@value #TOP_LEVELS}), and the levels in between, which no
     * training pyramid had, reuse the last bulk set.
     *
     * @param level         l, 0 = the site-level refinement
     * @param levels        K of the pyramid being drawn
     * @param trainedLevels K_t
     * @param sets          weight sets: 1 (shared) or K_t
     * @return the index of the set
     */
    static int weightSet(int level, int levels, int trainedLevels, int sets) {
        if (sets == 1) {
            return 0;
        }
        int depth = levels - 1 - level;
        if (depth < TOP_LEVELS) {
            return Math.max(0, trainedLevels - 1 - depth);
        }
        int bulk = Math.max(1, trainedLevels - TOP_LEVELS);
        return Math.min(level, bulk - 1);
    }

    private ComputationGraph net(int level, int levels) {
        return nets.get(weightSet(level, levels, trainedLevels, nets.size()));
    }

    @Override
    public long parameterCount() {
        long sum = 0;
        for (ComputationGraph net : nets) {
            sum += net.numParams();
        }
        return sum;
    }

    @Override
    public String trainingNote() {
        return note;
    }

    @Override
    public byte[] generate(int n, int size, long seed) throws InterruptedException {
        BlockOrPyramid.levels(size);
        if (n < 0) {
            throw new IllegalArgumentException("cannot draw n = " + n + " masks");
        }
        int area = size * size;
        byte[] out = new byte[Math.multiplyExact(n, area)];
        generate(n, size, seed, (index, levels, drawnNll) -> System.arraycopy(levels[0], 0, out, index * area, area));
        return out;
    }

    /** Receives one drawn map with its whole pyramid. */
    interface DrawnMap {
        /**
         * @param index    the map's index in the call
         * @param levels   levels 0 (the L × L mask) … K (the 1×1 root)
         * @param drawnNll −Σ ln p of the renormalised pattern probabilities the sampler drew this map's
         *                 patterns with, in nats: its −ln P by the sampler's own arithmetic
         */
        void accept(int index, byte[][] levels, double drawnNll);
    }

    /**
     * Draws maps and hands on every level of each.
     *
     * @param n    how many
     * @param size L, a power of two
     * @param seed the seed
     * @param sink receives each map's pyramid, in order
     * @throws InterruptedException if interrupted between two forward passes
     */
    void generate(int n, int size, long seed, DrawnMap sink) throws InterruptedException {
        int k = BlockOrPyramid.levels(size);
        if (n < 0) {
            throw new IllegalArgumentException("cannot draw n = " + n + " masks");
        }
        JumpableUniformRandomProvider base = (JumpableUniformRandomProvider) SOURCE.create(seed);
        int batch = (int) Math.max(1, SITES_PER_BATCH / ((long) size * size));
        for (int from = 0; from < n; from += batch) {
            int count = Math.min(batch, n - from);
            UniformRandomProvider[] rngs = new UniformRandomProvider[count];
            byte[][][] levels = new byte[count][k + 1][];
            byte[][] parents = new byte[count][];
            double[] drawnNll = new double[count];
            for (int b = 0; b < count; b++) {
                rngs[b] = base.jump();
                parents[b] = new byte[] {1};
                levels[b][k] = parents[b];
            }
            for (int l = k - 1; l >= 0; l--) {
                parents = refine(net(l, k), parents, size >> (l + 1), l == 0, rngs, drawnNll);
                for (int b = 0; b < count; b++) {
                    levels[b][l] = parents[b];
                }
            }
            for (int b = 0; b < count; b++) {
                sink.accept(from + b, levels[b], drawnNll[b]);
            }
        }
    }

    /**
     * Draws the children of every occupied parent, pass by pass; returns the fine maps (side 2n) and
     * adds −ln p of every drawn pattern to its map's {@code drawnNll}.
     */
    private byte[][] refine(
            ComputationGraph net,
            byte[][] parents,
            int n,
            boolean siteLevel,
            UniformRandomProvider[] rngs,
            double[] drawnNll)
            throws InterruptedException {
        int count = parents.length;
        int fine = 2 * n;
        int area = n * n;
        byte[][] children = new byte[count][fine * fine];
        int[] pass = new int[count];
        for (int g = 0; g < passes; g++) {
            if (!LevelTensors.anyTarget(parents, n, g, passes)) {
                continue;
            }
            if (Thread.interrupted()) {
                throw new InterruptedException("generation interrupted");
            }
            Arrays.fill(pass, g);
            float[] p = probabilities(net, LevelTensors.features(parents, children, n, pass, passes, siteLevel));
            for (int b = 0; b < count; b++) {
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < n; j++) {
                        if (parents[b][i * n + j] != 0 && LevelTensors.passOf(i, j, passes) == g) {
                            int at = b * BlockOrPyramid.PATTERNS * area + i * n + j;
                            double total = nonEmptyTotal(p, at, area);
                            int kid = draw(p, at, area, total, rngs[b]);
                            drawnNll[b] -= Math.log(p[at + kid * area] / total);
                            BlockOrPyramid.writePattern(children[b], fine, i, j, kid);
                        }
                    }
                }
            }
        }
        return children;
    }

    /** The summed probability of patterns 1 … 15 at one site: the renormalisation of an occupied parent. */
    private static double nonEmptyTotal(float[] p, int at, int stride) {
        double total = 0;
        for (int k = 1; k < BlockOrPyramid.PATTERNS; k++) {
            total += p[at + k * stride];
        }
        return total;
    }

    /** One draw from the probabilities of patterns 1 … 15 at one site, renormalised by their total. */
    private static int draw(float[] p, int at, int stride, double total, UniformRandomProvider rng) {
        double u = rng.nextDouble() * total;
        double sum = 0;
        for (int k = 1; k < BlockOrPyramid.PATTERNS - 1; k++) {
            sum += p[at + k * stride];
            if (u < sum) {
                return k;
            }
        }
        return BlockOrPyramid.PATTERNS - 1;
    }

    private static float[] probabilities(ComputationGraph net, INDArray x) {
        INDArray out = net.output(false, x)[0];
        float[] p = out.ravel().toFloatVector();
        x.close();
        out.close();
        NativeMemory.collectIfDue();
        return p;
    }

    @Override
    public double[] negativeLogLikelihood(byte[] masks, int n, int size) throws InterruptedException {
        return likelihood(masks, n, size).perMap();
    }

    /**
     * The exact likelihood of given masks along the sampling schedule.
     *
     * @param perMap  −ln P(mask) per map, in nats (+∞ for an empty mask: the model's root is occupied)
     * @param parents occupied parents over all levels and maps (the number of terms)
     */
    record Likelihood(double[] perMap, long parents) {

        /** @return the mean nats per occupied parent over the maps with a finite likelihood */
        double perParent() {
            double sum = 0;
            for (double v : perMap) {
                if (Double.isFinite(v)) {
                    sum += v;
                }
            }
            return parents == 0 ? Double.NaN : sum / parents;
        }
    }

    /**
     * @param masks n·L·L values 0 or 1
     * @param n     how many
     * @param size  L, a power of two
     * @return −ln P per mask and the number of terms
     * @throws InterruptedException if interrupted between two forward passes
     */
    Likelihood likelihood(byte[] masks, int n, int size) throws InterruptedException {
        int k = BlockOrPyramid.levels(size);
        int area = size * size;
        if (masks.length != (long) n * area) {
            throw new IllegalArgumentException(
                    "masks hold " + masks.length + " values, expected n·L² = " + (long) n * area);
        }
        double[] nll = new double[n];
        long terms = 0;
        int batch = (int) Math.max(1, SITES_PER_BATCH / area);
        for (int from = 0; from < n; from += batch) {
            int count = Math.min(batch, n - from);
            byte[][][] pyramids = new byte[count][][];
            for (int b = 0; b < count; b++) {
                byte[] mask = new byte[area];
                System.arraycopy(masks, (from + b) * area, mask, 0, area);
                pyramids[b] = BlockOrPyramid.build(mask, size);
                if (pyramids[b][k][0] == 0) {
                    nll[from + b] = Double.POSITIVE_INFINITY;
                }
            }
            for (int l = k - 1; l >= 0; l--) {
                terms += levelTerms(net(l, k), pyramids, l, size >> (l + 1), nll, from);
            }
        }
        return new Likelihood(nll, terms);
    }

    private long levelTerms(ComputationGraph net, byte[][][] pyramids, int l, int n, double[] nll, int from)
            throws InterruptedException {
        int count = pyramids.length;
        int area = n * n;
        byte[][] parents = new byte[count][];
        byte[][] children = new byte[count][];
        for (int b = 0; b < count; b++) {
            parents[b] = pyramids[b][l + 1];
            children[b] = pyramids[b][l];
        }
        long terms = 0;
        int[] pass = new int[count];
        for (int g = 0; g < passes; g++) {
            if (!LevelTensors.anyTarget(parents, n, g, passes)) {
                continue;
            }
            if (Thread.interrupted()) {
                throw new InterruptedException("likelihood interrupted");
            }
            Arrays.fill(pass, g);
            float[] p = probabilities(net, LevelTensors.features(parents, children, n, pass, passes, l == 0));
            for (int b = 0; b < count; b++) {
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < n; j++) {
                        if (parents[b][i * n + j] != 0 && LevelTensors.passOf(i, j, passes) == g) {
                            int at = b * BlockOrPyramid.PATTERNS * area + i * n + j;
                            double total = nonEmptyTotal(p, at, area);
                            int kid = BlockOrPyramid.pattern(children[b], 2 * n, i, j);
                            double pk = kid == 0 || total <= 0 ? 0 : p[at + kid * area] / total;
                            nll[from + b] -= Math.log(Math.max(pk, TINY));
                            terms++;
                        }
                    }
                }
            }
        }
        return terms;
    }
}
