package org.scalefreebench.reference.cnn;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.scalefreebench.datasets.load.SplitData;
import org.scalefreebench.datasets.model.BenchmarkModel;
import org.scalefreebench.datasets.model.FitOptions;
import org.scalefreebench.datasets.model.MapBatch;
import org.scalefreebench.datasets.model.TrainingData;
import org.scalefreebench.datasets.task.Task;
import org.scalefreebench.datasets.task.Tier;
import org.scalefreebench.reference.nn.FittedNetwork;
import org.scalefreebench.reference.nn.GraphTrainer;
import org.scalefreebench.reference.nn.MapTensors;

/** {@code unet-sgd}: a small {@link UNet} for the largest-cluster mask, trained by SGD with Nesterov momentum. */
public final class UnetSgd implements BenchmarkModel {

    /** Channels at each level, full resolution first. */
    public static final List<Integer> CHANNELS = List.of(16, 32, 64);
    /** Maps per optimiser step. */
    public static final int BATCH = 32;
    /** Passes over the training split in the default tier. */
    public static final double PASSES = 0.5;
    /** Learning rate. */
    public static final double LEARNING_RATE = 2e-4;
    /** Momentum. */
    public static final double MOMENTUM = 0.9;

    /** Sites per inference batch: 32 maps at L = 64, 2 at L = 256. */
    static final long PREDICT_SITES = 32L * 64 * 64;

    @Override
    public String id() {
        return "unet-sgd";
    }

    @Override
    public String description() {
        return "U-Net, stride-2 stem, levels of " + CHANNELS + " channels, skip concatenation, full-resolution read-out"
                + " with the map; SGD + Nesterov " + MOMENTUM + ", lr " + LEARNING_RATE + ", batch " + BATCH + ", "
                + new GraphTrainer.Schedule(BATCH, PASSES).describe();
    }

    @Override
    public Set<Task> tasks() {
        return EnumSet.of(Task.MAX_CLUSTER_MASK);
    }

    /**
     * @return every tier: in the study tier it is the non-RG mask predictor that {@code rg-flow}'s mask
     *         IoU is compared with at p_c at L = 64 … 512
     */
    @Override
    public Set<Tier> tiers() {
        return EnumSet.of(Tier.SMOKE, Tier.DEFAULT, Tier.STUDY, Tier.FULL);
    }

    @Override
    public FittedModel fit(TrainingData data, FitOptions options) throws Exception {
        data.requireChannels(id(), 1);
        ComputationGraph net = UNet.build(
                CHANNELS,
                new Nesterovs(LEARNING_RATE, MOMENTUM),
                options.seed(),
                data.train().size());
        GraphTrainer.Trained trained = GraphTrainer.train(
                net,
                data.train(),
                data.val(),
                UnetSgd::labels,
                new GraphTrainer.Schedule(BATCH, PASSES).in(options.tier()),
                GraphTrainer.UPDATER,
                options);
        return new FittedNetwork(id(), net, trained) {
            @Override
            public float[] predict(Task task, MapBatch maps) throws InterruptedException {
                requireOneChannel(maps);
                int area = maps.size() * maps.size();
                float[] mask = new float[maps.count() * area];
                GraphTrainer.predict(
                        net,
                        maps,
                        PREDICT_SITES,
                        (from, b, out) ->
                                System.arraycopy(out[0].ravel().toFloatVector(), 0, mask, from * area, b * area));
                return mask;
            }
        };
    }

    /** The label tensor of a batch: the exact largest-cluster masks, [N, 1, L, L]. */
    static INDArray[] labels(SplitData data, int[] indices, int from, int count) {
        return new INDArray[] {MapTensors.maps(data.maxClusterMask(), data.size(), indices, from, count)};
    }
}
