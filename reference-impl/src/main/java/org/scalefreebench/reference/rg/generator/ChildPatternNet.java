package org.scalefreebench.reference.rg.generator;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.graph.ElementWiseVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.CnnLossLayer;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.scalefreebench.reference.nn.Nd4jBackend;

/**
 * The conditional network p(children pattern of a 2×2 block | coarse map around it), fully
 * convolutional on the coarse grid so one set of weights serves every level and every L: a 3×3
 * convolution 9 → 32, two residual pairs of 3×3 convolutions 32 → 32 (ReLU, no normalisation), a
 * 1×1 convolution 32 → 16 and a softmax over the 16 patterns at every coarse site, trained by
 * cross-entropy through a {@link CnnLossLayer} whose per-site label mask weights the loss (zero off
 * the sites being learned). 40 144 parameters.
 */
public final class ChildPatternNet {

    /** Input name: the coarse features, [N, {@value #FEATURES}, n, n]. */
    public static final String INPUT = "coarse";
    /** Output name: P(pattern), [N, 16, n, n]. */
    public static final String OUTPUT = "patterns";
    /** The 1×1 read-out convolution's name. */
    static final String READOUT = "logits";
    /** Input channels (the table of the design brief, §5.2). */
    public static final int FEATURES = 9;
    /** Hidden channels. */
    public static final int WIDTH = 32;
    /** Residual pairs of 3×3 convolutions. */
    public static final int RESIDUAL_PAIRS = 2;
    /** Adam's learning rate. */
    public static final double LEARNING_RATE = 1e-3;
    /**
     * Parameters: 9·9·32 + 32 = 2 624 (first conv), 4 × (9·32·32 + 32) = 36 992 (residual convs),
     * 32·16 + 16 = 528 (read-out).
     */
    public static final long PARAMETERS = 40_144;

    /** Channel 0: parent occupancy m_{l+1}. */
    static final int PARENT = 0;
    /** Channel 1: 1 on the lattice (the zero padding outside shows the open boundary). */
    static final int IN_LATTICE = 1;
    /** Channels 2–5: revealed child bits TL, TR, BL, BR of parents drawn in earlier passes. */
    static final int CHILD_BITS = 2;
    /** Channel 6: 1 where the children are revealed. */
    static final int REVEALED = 6;
    /** Channel 7: the scaling variable t_l = (p − p_c)(2^{l+1})^{1/ν}, zero at p_c. */
    static final int SCALING = 7;
    /** Channel 8: 1 at the site-level refinement l = 0 only. */
    static final int UV = 8;

    private ChildPatternNet() {}

    /**
     * @param seed the initialisation seed
     * @return an initialised network with Adam at {@value #LEARNING_RATE}
     */
    public static ComputationGraph build(long seed) {
        Nd4jBackend.init();
        ComputationGraphConfiguration.GraphBuilder g = new NeuralNetConfiguration.Builder()
                .seed(seed)
                .updater(new Adam(LEARNING_RATE))
                .weightInit(WeightInit.RELU)
                .convolutionMode(ConvolutionMode.Same)
                .graphBuilder()
                .addInputs(INPUT)
                .setInputTypes(InputType.convolutional(8, 8, FEATURES));
        String x = conv(g, "in", INPUT, 3, WIDTH, Activation.RELU);
        for (int r = 0; r < RESIDUAL_PAIRS; r++) {
            String a = conv(g, "res" + r + "a", x, 3, WIDTH, Activation.RELU);
            String b = conv(g, "res" + r + "b", a, 3, WIDTH, Activation.IDENTITY);
            g.addVertex("res" + r + "-sum", new ElementWiseVertex(ElementWiseVertex.Op.Add), b, x)
                    .addLayer("res" + r, new ActivationLayer(Activation.RELU), "res" + r + "-sum");
            x = "res" + r;
        }
        g.addLayer(
                        READOUT,
                        new ConvolutionLayer.Builder(1, 1)
                                .nOut(BlockOrPyramid.PATTERNS)
                                .activation(Activation.IDENTITY)
                                .weightInit(WeightInit.XAVIER)
                                .build(),
                        x)
                .addLayer(
                        OUTPUT,
                        new CnnLossLayer.Builder(LossFunctions.LossFunction.MCXENT)
                                .activation(Activation.SOFTMAX)
                                .build(),
                        READOUT)
                .setOutputs(OUTPUT);
        ComputationGraph net = new ComputationGraph(g.build());
        net.init();
        if (net.numParams() != PARAMETERS) {
            throw new IllegalStateException(
                    "the child-pattern network has " + net.numParams() + " parameters, expected " + PARAMETERS);
        }
        return net;
    }

    /**
     * Sets the read-out's bias, e.g. to the log-frequencies of the patterns, so that before any
     * training step the network is the context-free cascade.
     *
     * @param net  a network built by {@link #build}
     * @param bias one value per pattern, 16
     */
    public static void setReadoutBias(ComputationGraph net, double[] bias) {
        INDArray b = net.getLayer(READOUT).getParam("b");
        b.assign(Nd4j.create(bias).reshape(b.shape()).castTo(b.dataType()));
    }

    private static String conv(
            ComputationGraphConfiguration.GraphBuilder g,
            String name,
            String in,
            int kernel,
            int channels,
            Activation activation) {
        g.addLayer(
                name,
                new ConvolutionLayer.Builder(kernel, kernel)
                        .nOut(channels)
                        .activation(activation)
                        .build(),
                in);
        return name;
    }
}
