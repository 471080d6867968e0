package org.scalefreebench.reference.cnn;

import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.graph.MergeVertex;
import org.deeplearning4j.nn.conf.layers.CnnLossLayer;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.conf.layers.Upsampling2D;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * A small U-Net for the largest-cluster mask: a stride-2 stem, an encoder of 3×3 convolutions with
 * batch normalisation and 2×2 max pooling, a decoder that upsamples and concatenates the encoder's
 * features at each scale, and at full resolution one 3×3 convolution over the upsampled features
 * and the map itself, then a per-site sigmoid read-out trained with cross-entropy. Only the input
 * and that last convolution are at full resolution, which keeps it affordable on a CPU. Fully
 * convolutional: it runs at any L divisible by 2^levels.
 */
public final class UNet {

    /** Input name of the graph. */
    public static final String INPUT = ResidualCnn.INPUT;
    /** Output: P(site in the largest cluster), [N, 1, L, L]. */
    public static final String MASK = "mask";
    /** Channels of the one full-resolution convolution, which sees the map and the upsampled features. */
    public static final int FULL_RESOLUTION_CHANNELS = 8;

    private UNet() {}

    /**
     * @param channels channels at each level, as given to {@link #build}
     * @return the total stride 2^levels (the stem halves L, each further level pools by 2): the
     *         network runs at any L divisible by it, and at no other
     */
    public static int stride(List<Integer> channels) {
        return 1 << channels.size();
    }

    /**
     * @param channels  channels at each level, half resolution (after the stem) first
     * @param updater   the optimiser
     * @param seed      the initialisation seed
     * @param trainSize L of the training maps
     * @return an initialised network
     */
    public static ComputationGraph build(List<Integer> channels, IUpdater updater, long seed, int trainSize) {
        ComputationGraphConfiguration.GraphBuilder g = ResidualCnn.graph(updater, seed, trainSize);
        List<String> skips = new ArrayList<>();
        String x = ResidualCnn.convBnRelu(g, "stem", INPUT, channels.get(0), 2);
        int levels = channels.size();
        for (int level = 0; level < levels; level++) {
            if (level > 0) {
                g.addLayer(
                        "pool" + level,
                        new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX)
                                .kernelSize(2, 2)
                                .stride(2, 2)
                                .build(),
                        x);
                x = "pool" + level;
            }
            x = ResidualCnn.convBnRelu(g, "enc" + level + "a", x, channels.get(level), 1);
            x = ResidualCnn.convBnRelu(g, "enc" + level + "b", x, channels.get(level), 1);
            skips.add(x);
        }
        for (int level = levels - 2; level >= 0; level--) {
            g.addLayer("up" + level, new Upsampling2D.Builder(2).build(), x)
                    .addVertex("cat" + level, new MergeVertex(), "up" + level, skips.get(level));
            x = ResidualCnn.convBnRelu(g, "dec" + level + "a", "cat" + level, channels.get(level), 1);
            x = ResidualCnn.convBnRelu(g, "dec" + level + "b", x, channels.get(level), 1);
        }
        g.addLayer("up-full", new Upsampling2D.Builder(2).build(), x)
                .addVertex("cat-full", new MergeVertex(), "up-full", INPUT)
                .addLayer(
                        "full",
                        new ConvolutionLayer.Builder(3, 3)
                                .nOut(FULL_RESOLUTION_CHANNELS)
                                .activation(Activation.RELU)
                                .build(),
                        "cat-full")
                .addLayer(
                        "logit",
                        new ConvolutionLayer.Builder(1, 1)
                                .nOut(1)
                                .activation(Activation.IDENTITY)
                                .weightInit(WeightInit.XAVIER)
                                .build(),
                        "full")
                .addLayer(
                        MASK,
                        new CnnLossLayer.Builder(LossFunctions.LossFunction.XENT)
                                .activation(Activation.SIGMOID)
                                .build(),
                        "logit")
                .setOutputs(MASK);
        ComputationGraph net = new ComputationGraph(g.build());
        net.init();
        return net;
    }
}
