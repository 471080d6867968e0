package org.scalefreebench.reference.rg;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.PermutationSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.scalefreebench.datasets.load.SplitData;
import org.scalefreebench.datasets.model.BenchmarkModel;
import org.scalefreebench.datasets.model.FitOptions;
import org.scalefreebench.datasets.model.MapBatch;
import org.scalefreebench.datasets.model.TrainingData;
import org.scalefreebench.datasets.task.Task;
import org.scalefreebench.datasets.task.Tier;
import org.scalefreebench.reference.nn.EarlyStop;
import org.scalefreebench.reference.nn.GraphTrainer;
import org.scalefreebench.reference.nn.MapTensors;
import org.scalefreebench.reference.nn.NativeMemory;
import org.scalefreebench.reference.nn.Nd4jBackend;

/**
 * {@code rg-flow}: the neural renormalisation-group flow of Alvez et al. ({@link RgFlowNetwork}),
 * one coarse-graining rule shared by every scale, trained by Adam on every training split at once
 * (batches of one size each, the sizes interleaved in a seeded random order, the same weights for
 * all), and predicting at any L = 2^k. Spanning comes from the read-out of the 1×1 state; the
 * largest-cluster mask from the shared fine-graining decoder; the largest-cluster fraction is the
 * predicted mask's mass (the sum of its site probabilities) over L².
 */
public final class RgFlow implements BenchmarkModel {

    /** The public id. */
    public static final String ID = "rg-flow";
    /** Maps per optimiser step, all of one size. */
    public static final int BATCH = 32;
    /** Passes over every training split in the default tier. */
    public static final double PASSES = 1;
    /** Adam's learning rate. */
    public static final double LEARNING_RATE = 1e-3;
    /** Weight of the mean per-site mask cross-entropy beside the spanning cross-entropy. */
    public static final double MASK_LOSS_WEIGHT = 1;

    /** Sites per inference batch: 64 maps at L = 64, 4 at L = 256, 1 at L = 512 and 1024. */
    private static final long PREDICT_SITES = 64L * 64 * 64;
    /** Steps between two points of the training-loss curve. */
    private static final int LOG_EVERY = 10;

    /** Creates the model; it holds no state. */
    public RgFlow() {}

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "RG flow (Alvez et al.): one coarse-graining rule (3×3 mirror-padded conv, then a 4C→64→C MLP on"
                + " every 2×2 block, C = " + RgFlowNetwork.CHANNELS + ") applied log₂L times with the same"
                + " weights, a spanning read-out on the 1×1 state and one shared fine-graining map back down to"
                + " the largest-cluster mask; " + RgFlowNetwork.PARAMETERS + " parameters at every L; SameDiff,"
                + " Adam lr " + LEARNING_RATE + ", batch " + BATCH + " maps of one size, all training sizes"
                + " interleaved, " + new GraphTrainer.Schedule(BATCH, PASSES).describe()
                + "; spanning is the project's top–bottom label (the paper's is"
                + " either direction); the largest-cluster fraction is the predicted mask's mass / L²";
    }

    @Override
    public Set<Task> tasks() {
        return EnumSet.of(Task.SPANNING, Task.MAX_CLUSTER, Task.MAX_CLUSTER_MASK);
    }

    /**
     * @return smoke, study and full, not default: on a quiet 2-core machine it trains at about 40
     *         maps/s at L = 64 (16–18 % of sgemm) and infers in 10 / 18 / 136 / 400 ms per map at
     *         L = 64 / 128 / 256 / 512, so scoring the default tier's p_c sets once costs about
     *         10 minutes per seed, and at least 1.8 minutes per seed even at sgemm speed (6.5 TFLOP),
     *         against the RG family's 12 minutes for three seeds
     */
    @Override
    public Set<Tier> tiers() {
        return EnumSet.of(Tier.SMOKE, Tier.STUDY, Tier.FULL);
    }

    /**
     * @throws IllegalArgumentException if a training size is not a power of two, the maps have more
     *                                  than one channel, or a mask task is asked of splits without masks
     */
    @Override
    public FittedModel fit(TrainingData data, FitOptions options) throws InterruptedException {
        data.requireChannels(ID, 1);
        List<SplitData> splits = new ArrayList<>(data.trainSplits());
        splits.addAll(data.valSplits());
        boolean masks = true;
        for (SplitData s : splits) {
            RgFlowNetwork.levels(s.size());
            masks &= s.maxClusterMask() != null;
        }
        if (!masks && (data.tasks().contains(Task.MAX_CLUSTER) || data.tasks().contains(Task.MAX_CLUSTER_MASK))) {
            throw new IllegalArgumentException(ID + " learns the largest cluster from its mask, but a training or"
                    + " validation split has no max_cluster_mask column");
        }
        Nd4jBackend.init();
        RgFlowNetwork net = RgFlowNetwork.initialise(options.seed(), DataType.FLOAT, masks ? MASK_LOSS_WEIGHT : 0);
        GraphTrainer.Schedule schedule = new GraphTrainer.Schedule(BATCH, PASSES).in(options.tier());
        return new Fitted(net, train(net, data, schedule, options));
    }

    /** One batch of the schedule: a split and the position of its first map in that split's shuffled order. */
    private record Batch(int split, int from) {}

    /**
     * Trains {@code net} in place; with more than one pass (the full tier), keeps the weights of the
     * lowest validation loss at a pass's end and stops once {@value EarlyStop#PATIENCE} passes have not
     * lowered it, as {@link GraphTrainer} does.
     *
     * @return the training samples seen (maps × passes) and which weights were kept
     */
    private static GraphTrainer.Trained train(
            RgFlowNetwork net, TrainingData data, GraphTrainer.Schedule schedule, FitOptions options)
            throws InterruptedException {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(options.seed());
        List<SplitData> train = data.trainSplits();
        int[][] order = new int[train.size()][];
        int[] batchSize = new int[train.size()];
        int perPass = 0;
        for (int s = 0; s < train.size(); s++) {
            order[s] = MapTensors.identity(train.get(s).samples());
            batchSize[s] = Math.min(schedule.batchSize(), order[s].length);
            perPass += order[s].length / batchSize[s];
        }
        long steps = Math.max(1, Math.round(schedule.passes() * perPass));
        RgFlowAdam adam = new RgFlowAdam(net, LEARNING_RATE);
        long start = System.nanoTime();
        long deadline = start + options.budget().toNanos();
        long step = 0;
        long seen = 0;
        double lossSum = 0;
        EarlyStop<Map<String, INDArray>> early = new EarlyStop<>(
                net::copyOfParameters,
                net::restoreParameters,
                copy -> copy.values().forEach(INDArray::close));
        String stopped = null;
        int pass = 0;
        double lastLoss = Double.NaN;
        while (step < steps && stopped == null) {
            List<Batch> batches = new ArrayList<>();
            for (int s = 0; s < train.size(); s++) {
                PermutationSampler.shuffle(rng, order[s]);
                for (int b = 0; b + batchSize[s] <= order[s].length; b += batchSize[s]) {
                    batches.add(new Batch(s, b));
                }
            }
            int[] interleaved = MapTensors.identity(batches.size());
            PermutationSampler.shuffle(rng, interleaved);
            for (int i = 0; i < interleaved.length && step < steps; i++) {
                if (Thread.interrupted()) {
                    throw new InterruptedException("training interrupted at step " + step);
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("training exceeded its budget of "
                            + options.budget().toSeconds() + " s at step " + step);
                }
                Batch batch = batches.get(interleaved[i]);
                SplitData split = train.get(batch.split());
                INDArray[] tensors = tensors(split, order[batch.split()], batch.from(), batchSize[batch.split()]);
                double loss = adam.step(tensors[0], tensors[1], tensors[2]);
                if (!Double.isFinite(loss)) {
                    throw new IllegalStateException("training diverged: loss " + loss + " at step " + step);
                }
                close(tensors);
                NativeMemory.collectIfDue();
                step++;
                seen += batchSize[batch.split()];
                lossSum += loss;
                if (step % LOG_EVERY == 0) {
                    options.listener().loss("train", step, seconds(start), lossSum / LOG_EVERY);
                    lossSum = 0;
                }
            }
            pass++;
            lastLoss = validationLoss(net, data.valSplits());
            options.listener().loss("val", step, seconds(start), lastLoss);
            if (step < steps) {
                stopped = early.afterPass(pass, lastLoss, schedule.passes());
            }
        }
        double last = lastLoss;
        String kept = early.finish(() -> last, step, perPass);
        if (early.restored()) {
            options.listener().loss("val", step, seconds(start), validationLoss(net, data.valSplits()));
        }
        return GraphTrainer.Trained.of(seen, stopped, kept);
    }

    private static double validationLoss(RgFlowNetwork net, List<SplitData> val) {
        double sum = 0;
        long count = 0;
        for (SplitData split : val) {
            int[] order = MapTensors.identity(split.samples());
            for (int from = 0; from < order.length; from += BATCH) {
                int b = Math.min(BATCH, order.length - from);
                INDArray[] tensors = tensors(split, order, from, b);
                sum += net.loss(tensors[0], tensors[1], tensors[2]) * b;
                count += b;
                close(tensors);
                NativeMemory.collectIfDue();
            }
        }
        return sum / count;
    }

    /** Maps [b, 1, L, L], spanning [b, 1] and masks [b, 1, L, L] (zeros if the split has none: their weight is 0). */
    private static INDArray[] tensors(SplitData split, int[] order, int from, int count) {
        int size = split.size();
        INDArray maps = MapTensors.maps(split.maps(), size, order, from, count);
        float[] spanning = new float[count];
        for (int b = 0; b < count; b++) {
            spanning[b] = split.spanning()[order[from + b]];
        }
        INDArray mask = split.maxClusterMask() == null
                ? Nd4j.zeros(DataType.FLOAT, count, 1, size, size)
                : MapTensors.maps(split.maxClusterMask(), size, order, from, count);
        return new INDArray[] {maps, Nd4j.create(spanning, count, 1), mask};
    }

    private static void close(INDArray[] arrays) {
        for (INDArray a : arrays) {
            a.close();
        }
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    /**
     * Sites of mask a trained flow keeps between two tasks of the same batch: a quarter of the heap, and
     * never more than one float array holds. The full tier's sets whose mask is scored too (2 500 maps at
     * p_c at L = 256, 400 at 512, 150 at 1024: 105–164 M sites, and 4 100 window maps at L = 256: 269 M)
     * then cost one pass rather than two at the harness's heap; a fixed 1 GiB (2^28 sites) missed the
     * L = 256 window set by 0.1 %, which cost it a second pass of about 15 minutes a seed.
     *
     * @param maxHeapBytes the JVM's maximum heap ({@link Runtime#maxMemory()})
     * @return the most sites of mask kept
     */
    static long maskCacheSites(long maxHeapBytes) {
        return Math.min(Integer.MAX_VALUE - 8L, maxHeapBytes / 4 / Float.BYTES);
    }

    /**
     * A trained RG flow. It caches the last batch's heads so the three tasks cost one pass: P(spanning)
     * and the largest-cluster fraction always, the mask only up to {@link #maskCacheSites} sites (or
     * when the mask itself is asked), so that a very large test set scored on spanning alone does not
     * hold its masks on the heap. The cached mask is handed over, not copied, when the mask is asked.
     */
    private static final class Fitted implements FittedModel {

        private final long maskCacheSites = maskCacheSites(Runtime.getRuntime().maxMemory());
        private final RgFlowNetwork net;
        private final GraphTrainer.Trained trained;
        private MapBatch cachedFor;
        private float[] cachedSpanning;
        private float[] cachedFraction;
        private float[] cachedMask;

        Fitted(RgFlowNetwork net, GraphTrainer.Trained trained) {
            this.net = net;
            this.trained = trained;
        }

        @Override
        public long parameterCount() {
            return net.parameterCount();
        }

        @Override
        public long trainedSamples() {
            return trained.samples();
        }

        @Override
        public String trainingNote() {
            return trained.note();
        }

        /**
         * @throws IllegalArgumentException if L is not a power of two, the maps have more than one
         *                                  channel, or the task is not one of rg-flow's
         */
        // The cache is for the very batch object the harness passes once per task: identity, not equals.
        @SuppressWarnings("ReferenceEquality")
        @Override
        public synchronized float[] predict(Task task, MapBatch maps) throws InterruptedException {
            maps.requireChannels(ID, 1);
            RgFlowNetwork.levels(maps.size());
            if (task != Task.SPANNING && task != Task.MAX_CLUSTER && task != Task.MAX_CLUSTER_MASK) {
                throw new IllegalArgumentException(ID + " does not predict task " + task.id());
            }
            if (cachedFor != maps || (task == Task.MAX_CLUSTER_MASK && cachedMask == null)) {
                cachedFor = null;
                heads(
                        maps,
                        task == Task.MAX_CLUSTER_MASK
                                || (long) maps.count() * maps.size() * maps.size() <= maskCacheSites);
                cachedFor = maps;
            }
            if (task == Task.MAX_CLUSTER_MASK) {
                float[] mask = cachedMask;
                cachedMask = null;
                return mask;
            }
            return task == Task.SPANNING ? cachedSpanning.clone() : cachedFraction.clone();
        }

        private void heads(MapBatch maps, boolean keepMask) throws InterruptedException {
            int size = maps.size();
            int area = size * size;
            cachedSpanning = new float[maps.count()];
            cachedFraction = new float[maps.count()];
            cachedMask = keepMask ? new float[maps.count() * area] : null;
            int batch = (int) Math.max(1, PREDICT_SITES / area);
            int[] order = MapTensors.identity(maps.count());
            for (int from = 0; from < maps.count(); from += batch) {
                if (Thread.interrupted()) {
                    throw new InterruptedException("prediction interrupted at map " + from);
                }
                int b = Math.min(batch, maps.count() - from);
                INDArray x = MapTensors.maps(maps.sites(), size, order, from, b);
                Map<String, INDArray> out = net.predict(x);
                System.arraycopy(out.get(RgFlowNetwork.SPANNING).toFloatVector(), 0, cachedSpanning, from, b);
                float[] mask = out.get(RgFlowNetwork.MASK).ravel().toFloatVector();
                for (int m = 0; m < b; m++) {
                    double mass = 0;
                    for (int i = m * area, end = i + area; i < end; i++) {
                        mass += mask[i];
                    }
                    cachedFraction[from + m] = (float) (mass / area);
                }
                if (keepMask) {
                    System.arraycopy(mask, 0, cachedMask, from * area, b * area);
                }
                x.close();
                out.values().forEach(INDArray::close);
                NativeMemory.collectIfDue();
            }
        }
    }
}
