package org.scalefreebench.reference.rg.generator;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.PermutationSampler;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.scalefreebench.datasets.family.SitePercolationFamily;
import org.scalefreebench.datasets.load.SplitData;
import org.scalefreebench.datasets.model.FitOptions;
import org.scalefreebench.datasets.model.MaskGenerator;
import org.scalefreebench.datasets.model.TrainingData;
import org.scalefreebench.datasets.task.Tier;
import org.scalefreebench.reference.nn.GraphTrainer;
import org.scalefreebench.reference.nn.MapTensors;
import org.scalefreebench.reference.nn.NativeMemory;

/**
 * {@code rg-generator}: the largest-cluster mask at p_c drawn top-down on the block-OR pyramid, with
 * one conditional network p(children pattern of a 2×2 block | coarse map around it) shared by every
 * level (the {@link ChildPatternNet}), the parents of each level drawn in four colour passes so that
 * neighbouring parents see each other's children. Trained by cross-entropy on (coarse, fine) pairs cut
 * from the exact masks of every training split at every level: per batch of maps, a random symmetry
 * of the square per map, then for each level one Adam step on a random colour per map (earlier
 * colours revealed), the loss being the mean cross-entropy per occupied parent of that colour, so the
 * levels weigh the same. The read-out bias starts at the pooled pattern log-frequencies of the
 * training pyramids (the context-free cascade). Draws at any L = 2^k.
 */
public class RgGenerator implements MaskGenerator {

    /** The public id. */
    public static final String ID = "rg-generator";
    /** Maps per batch; each batch makes one optimiser step per pyramid level. */
    public static final int BATCH = 32;
    /** Passes over the training maps in the default and study tiers ({@link Tier#passScale()} times that in the full tier). */
    public static final double PASSES = 1;
    /** Passes in the smoke tier. */
    public static final double SMOKE_PASSES = 0.25;
    /** Share of the fit's budget after which training stops, leaving the rest for the harness. */
    public static final double BUDGET_SHARE = 0.6;
    /** Validation maps (of the largest validation split) whose likelihood is reported after each pass. */
    public static final int VALIDATION_MAPS = 64;
    /** Training maps per split whose pyramids give the read-out's starting bias. */
    static final int FREQUENCY_MAPS = 4096;
    /** Frequency given to the empty pattern (and floor of the others) in the read-out's starting bias. */
    static final double EMPTY_PATTERN_FREQUENCY = 1e-4;
    /** Batches between two points of the training-loss curve. */
    private static final int LOG_EVERY = 10;

    private final String id;
    private final int passes;
    private final boolean shared;

    /** The four-pass generator with one network for every level, {@value #ID}. */
    public RgGenerator() {
        this(ID, BlockOrPyramid.COLOURS, true);
    }

    /**
     * @param id     the public id
     * @param passes colour passes per level: 4, or 1 (children independent given the coarse map)
     * @param shared whether one network serves every level, or each level of the largest training
     *               pyramid has its own (see {@link FittedRgGenerator#weightSet})
     */
    protected RgGenerator(String id, int passes, boolean shared) {
        if (passes != 1 && passes != BlockOrPyramid.COLOURS) {
            throw new IllegalArgumentException("passes must be 1 or 4, got " + passes);
        }
        this.id = id;
        this.passes = passes;
        this.shared = shared;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String description() {
        return "block-OR pyramid generator at p_c: "
                + (shared
                        ? "one shared child-pattern CNN (" + ChildPatternNet.PARAMETERS
                                + " parameters) for every level, "
                        : "one child-pattern CNN (" + ChildPatternNet.PARAMETERS
                                + " parameters each) per training level,"
                                + " the last bulk one reused on levels no training map had, ")
                + passes + " colour pass" + (passes == 1 ? "" : "es")
                + " per level; Adam " + ChildPatternNet.LEARNING_RATE + ", batch " + BATCH + " maps x every level, "
                + new GraphTrainer.Schedule(BATCH, PASSES).describeLastWeightsKept()
                + ", symmetries of the square as augmentation";
    }

    /**
     * @return every tier for {@code rg-generator} (one pass in the default tier); smoke, study and full
     *         for the ablations, which the study compares against it
     */
    @Override
    public Set<Tier> tiers() {
        return ID.equals(id())
                ? EnumSet.of(Tier.SMOKE, Tier.DEFAULT, Tier.STUDY, Tier.FULL)
                : EnumSet.of(Tier.SMOKE, Tier.STUDY, Tier.FULL);
    }

    /**
     * @param tier the tier being run
     * @return batch size and passes of that tier
     */
    public static GraphTrainer.Schedule schedule(Tier tier) {
        return tier == Tier.SMOKE
                ? new GraphTrainer.Schedule(BATCH, SMOKE_PASSES)
                : new GraphTrainer.Schedule(BATCH, PASSES).in(tier);
    }

    @Override
    public FittedGenerator fit(TrainingData data, FitOptions options) throws Exception {
        return fit(data, options, schedule(options.tier()));
    }

    /**
     * Fits with an explicit schedule (tests and benchmarks).
     *
     * @param data     the training and validation splits
     * @param options  seed, budget and listener
     * @param schedule batch size, passes and optional time limit
     * @return the fitted generator
     * @throws InterruptedException if interrupted
     */
    public FittedGenerator fit(TrainingData data, FitOptions options, GraphTrainer.Schedule schedule)
            throws InterruptedException {
        List<byte[]> masks = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        for (SplitData split : data.trainSplits()) {
            masks.add(masksOf(split));
            sizes.add(split.size());
        }
        byte[] valMasks = masksOf(data.val());
        int valCount = Math.min(VALIDATION_MAPS, data.val().samples());
        int trainedLevels = BlockOrPyramid.levels(data.train().size());
        int sets = shared ? 1 : trainedLevels;
        List<ComputationGraph> nets = new ArrayList<>();
        double[] logFrequencies = logPatternFrequencies(masks, sizes);
        for (int i = 0; i < sets; i++) {
            nets.add(ChildPatternNet.build(options.seed() + i));
            ChildPatternNet.setReadoutBias(nets.get(i), logFrequencies);
        }
        FittedRgGenerator fitted = new FittedRgGenerator(nets, trainedLevels, passes, null);
        UniformRandomProvider rng = FittedRgGenerator.SOURCE.create(options.seed());

        List<int[]> batches = new ArrayList<>();
        for (int s = 0; s < masks.size(); s++) {
            int maps = data.trainSplits().get(s).samples();
            int b = Math.min(schedule.batchSize(), maps);
            for (int from = 0; from + b <= maps; from += b) {
                batches.add(new int[] {s, from, b});
            }
        }
        long steps = Math.max(1, Math.round(schedule.passes() * batches.size()));
        long start = System.nanoTime();
        long stopAt = start + (long) (BUDGET_SHARE * options.budget().toNanos());
        if (schedule.timeLimit() != null) {
            stopAt = Math.min(stopAt, start + schedule.timeLimit().toNanos());
        }
        int[][] orders = new int[masks.size()][];
        for (int s = 0; s < masks.size(); s++) {
            orders[s] = MapTensors.identity(data.trainSplits().get(s).samples());
        }
        int[] batchOrder = MapTensors.identity(batches.size());
        long done = 0;
        long mapsSeen = 0;
        long levelSteps = 0;
        double lossSum = 0;
        int lossCount = 0;
        String stopped = null;
        while (done < steps && stopped == null) {
            for (int[] order : orders) {
                PermutationSampler.shuffle(rng, order);
            }
            PermutationSampler.shuffle(rng, batchOrder);
            for (int t = 0; t < batchOrder.length && done < steps && stopped == null; t++) {
                if (Thread.interrupted()) {
                    throw new InterruptedException("training interrupted at batch " + done);
                }
                int[] batch = batches.get(batchOrder[t]);
                int s = batch[0];
                int size = sizes.get(s);
                byte[][][] pyramids = augmentedPyramids(masks.get(s), size, orders[s], batch[1], batch[2], rng);
                int k = BlockOrPyramid.levels(size);
                for (int l = 0; l < k; l++) {
                    ComputationGraph net = nets.get(FittedRgGenerator.weightSet(l, k, trainedLevels, sets));
                    double loss = step(net, pyramids, l, size >> (l + 1), rng);
                    if (!Double.isNaN(loss)) {
                        if (Double.isInfinite(loss)) {
                            throw new IllegalStateException("training diverged: loss " + loss + " at batch " + done);
                        }
                        lossSum += loss;
                        lossCount++;
                        levelSteps++;
                    }
                }
                done++;
                mapsSeen += batch[2];
                if (done % LOG_EVERY == 0 && lossCount > 0) {
                    options.listener().loss("train", levelSteps, seconds(start), lossSum / lossCount);
                    lossSum = 0;
                    lossCount = 0;
                }
                if (System.nanoTime() > stopAt && done < steps) {
                    stopped = String.format("stopped at %.0f s after %d of %d batches", seconds(start), done, steps);
                }
            }
            if (done < steps && stopped == null) {
                options.listener()
                        .loss("val", levelSteps, seconds(start), validation(fitted, valMasks, valCount, data));
            }
        }
        double val = validation(fitted, valMasks, valCount, data);
        options.listener().loss("val", levelSteps, seconds(start), val);
        String note = String.format(
                "%d maps x every level, %d optimiser steps, %.1f s; validation %.4f nats per occupied parent (%d maps, L = %d)",
                mapsSeen, levelSteps, seconds(start), val, valCount, data.val().size());
        return new FittedRgGenerator(nets, trainedLevels, passes, stopped == null ? note : stopped + "; " + note);
    }

    /**
     * The log-frequencies of the child patterns of occupied parents in the training pyramids (at most
     * {@value #FREQUENCY_MAPS} maps per split), each level weighing the same; they start the read-out's
     * bias, so training starts from the best context-free cascade. Pattern 0, which an occupied
     * parent never has, gets {@value #EMPTY_PATTERN_FREQUENCY}.
     *
     * @param masks the training masks of each split
     * @param sizes L of each split
     * @return ln frequency of patterns 0 … 15
     */
    static double[] logPatternFrequencies(List<byte[]> masks, List<Integer> sizes) {
        double[] frequency = new double[BlockOrPyramid.PATTERNS];
        int levelsSeen = 0;
        for (int s = 0; s < masks.size(); s++) {
            int size = sizes.get(s);
            int area = size * size;
            int maps = Math.min(FREQUENCY_MAPS, masks.get(s).length / area);
            int k = BlockOrPyramid.levels(size);
            long[][] counts = new long[k][BlockOrPyramid.PATTERNS];
            byte[] mask = new byte[area];
            for (int m = 0; m < maps; m++) {
                System.arraycopy(masks.get(s), m * area, mask, 0, area);
                byte[][] pyramid = BlockOrPyramid.build(mask, size);
                for (int l = 0; l < k; l++) {
                    int n = size >> (l + 1);
                    for (int i = 0; i < n; i++) {
                        for (int j = 0; j < n; j++) {
                            if (pyramid[l + 1][i * n + j] != 0) {
                                counts[l][BlockOrPyramid.pattern(pyramid[l], 2 * n, i, j)]++;
                            }
                        }
                    }
                }
            }
            for (long[] level : counts) {
                long total = 0;
                for (long c : level) {
                    total += c;
                }
                if (total > 0) {
                    levelsSeen++;
                    for (int c = 1; c < BlockOrPyramid.PATTERNS; c++) {
                        frequency[c] += level[c] / (double) total;
                    }
                }
            }
        }
        double[] log = new double[BlockOrPyramid.PATTERNS];
        log[0] = Math.log(EMPTY_PATTERN_FREQUENCY);
        for (int c = 1; c < BlockOrPyramid.PATTERNS; c++) {
            log[c] = Math.log(Math.max(frequency[c] / Math.max(1, levelsSeen), EMPTY_PATTERN_FREQUENCY));
        }
        return log;
    }

    /** One Adam step on level l of a batch; returns its loss, or NaN if the batch had no target. */
    private double step(ComputationGraph net, byte[][][] pyramids, int l, int n, UniformRandomProvider rng) {
        int count = pyramids.length;
        byte[][] parents = new byte[count][];
        byte[][] children = new byte[count][];
        int[] pass = new int[count];
        for (int b = 0; b < count; b++) {
            parents[b] = pyramids[b][l + 1];
            children[b] = pyramids[b][l];
            pass[b] = passes == 1 ? 0 : rng.nextInt(passes);
        }
        LevelTensors.Targets targets = LevelTensors.targets(parents, children, n, pass, passes);
        if (targets == null) {
            return Double.NaN;
        }
        INDArray x = LevelTensors.features(parents, children, n, pass, passes, l == 0);
        net.fit(new MultiDataSet(
                new INDArray[] {x}, new INDArray[] {targets.labels()}, null, new INDArray[] {targets.weights()}));
        double loss = net.score();
        x.close();
        targets.labels().close();
        targets.weights().close();
        NativeMemory.collectIfDue();
        return loss;
    }

    private static byte[][][] augmentedPyramids(
            byte[] masks, int size, int[] order, int from, int count, UniformRandomProvider rng) {
        int area = size * size;
        byte[][][] pyramids = new byte[count][][];
        byte[] mask = new byte[area];
        for (int b = 0; b < count; b++) {
            System.arraycopy(masks, order[from + b] * area, mask, 0, area);
            pyramids[b] = BlockOrPyramid.build(
                    BlockOrPyramid.transform(mask, size, rng.nextInt(BlockOrPyramid.SYMMETRIES)), size);
        }
        return pyramids;
    }

    private static double validation(FittedRgGenerator fitted, byte[] masks, int count, TrainingData data)
            throws InterruptedException {
        int area = data.val().size() * data.val().size();
        byte[] head = new byte[count * area];
        System.arraycopy(masks, 0, head, 0, head.length);
        return fitted.likelihood(head, count, data.val().size()).perParent();
    }

    private byte[] masksOf(SplitData split) {
        if (!split.has(SitePercolationFamily.MAX_CLUSTER_MASK.id())) {
            throw new IllegalArgumentException(
                    id + " trains on the " + SitePercolationFamily.MAX_CLUSTER_MASK.id() + " column, which split "
                            + split.spec().id() + "/" + split.split().name() + " lacks");
        }
        BlockOrPyramid.levels(split.size());
        return split.maxClusterMask();
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
