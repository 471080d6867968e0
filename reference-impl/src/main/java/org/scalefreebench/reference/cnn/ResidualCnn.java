package org.scalefreebench.reference.cnn;

import java.util.List;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.graph.ElementWiseVertex;
import org.deeplearning4j.nn.conf.graph.MergeVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.nd4j.linalg.lossfunctions.impl.LossMSE;
import org.scalefreebench.reference.nn.Nd4jBackend;

/**
 * The reference CNN: a small residual network, fully convolutional with global average and max
 * pooling, so one set of weights runs at any L. A stem convolution (stride 2, as in ResNet) and a
 * residual block at its resolution, then stages that each halve
 * the resolution with a strided convolution and add a residual block (two 3×3 convolutions with
 * batch normalisation and a skip connection); two heads read the pooled features: the spanning
 * logit (sigmoid, cross-entropy) and the largest-cluster fraction (sigmoid, squared error).
 * {@link #regression} builds the same trunk with one identity head and any number of input planes,
 * for the critical-FK tasks.
 */
public final class ResidualCnn {

    /** Input name of the graph. */
    public static final String INPUT = "maps";
    /** Output of the spanning head: P(spanning). */
    public static final String SPANNING = "spanning";
    /** Output of the largest-cluster head: the fraction max_cluster / L². */
    public static final String FRACTION = "fraction";
    /** Output of the regression network ({@link #regression}): the standardised target. */
    public static final String VALUE = "value";

    private ResidualCnn() {}

    /**
     * The architecture's size.
     *
     * @param channels   channels of the stem, then of each strided stage; each stage halves the resolution
     * @param stemStride stride of the stem convolution (2 as in ResNet's stem: no full-resolution feature map)
     * @param hidden     width of the dense layer both heads read
     */
    public record Shape(List<Integer> channels, int stemStride, int hidden) {

        /** The shape the reference models use. */
        public static final Shape REFERENCE = new Shape(List.of(16, 32, 64), 2, 32);

        /** Immutable copy. */
        public Shape {
            channels = List.copyOf(channels);
        }
    }

    /**
     * @param shape     the architecture's size
     * @param updater   the optimiser
     * @param seed      the seed of the weight initialisation
     * @param trainSize L of the training maps (the network runs at any L; this fixes the shapes DL4J checks)
     * @param fractionWeight weight of the largest-cluster squared error beside the spanning cross-entropy
     * @return an initialised network
     */
    public static ComputationGraph build(
            Shape shape, IUpdater updater, long seed, int trainSize, double fractionWeight) {
        return build(shape, updater, seed, trainSize, fractionWeight, DataType.FLOAT);
    }

    /**
     * @param shape          the architecture's size
     * @param updater        the optimiser
     * @param seed           the seed of the weight initialisation
     * @param trainSize      L of the training maps
     * @param fractionWeight weight of the largest-cluster squared error
     * @param dataType       parameters' and activations' type (double for exactness checks)
     * @return an initialised network
     */
    public static ComputationGraph build(
            Shape shape, IUpdater updater, long seed, int trainSize, double fractionWeight, DataType dataType) {
        ComputationGraphConfiguration.GraphBuilder g = graph(updater, seed, trainSize, 1, dataType);
        trunk(g, shape)
                .addLayer(
                        SPANNING,
                        new OutputLayer.Builder(LossFunctions.LossFunction.XENT)
                                .nOut(1)
                                .activation(Activation.SIGMOID)
                                .weightInit(WeightInit.XAVIER)
                                .build(),
                        "hidden")
                .addLayer(
                        FRACTION,
                        new OutputLayer.Builder(new LossMSE(Nd4j.create(new float[] {(float) fractionWeight})))
                                .nOut(1)
                                .activation(Activation.SIGMOID)
                                .weightInit(WeightInit.XAVIER)
                                .build(),
                        "hidden")
                .setOutputs(SPANNING, FRACTION);
        ComputationGraph net = new ComputationGraph(g.build());
        net.init();
        return net;
    }

    /**
     * The same architecture with one regression head instead of the two percolation heads: an
     * identity output trained by squared error (give it a standardised target), reading maps of
     * {@code channels} planes (the two bond planes of a critical-FK map, or one mask).
     *
     * @param shape     the architecture's size
     * @param updater   the optimiser
     * @param seed      the seed of the weight initialisation
     * @param trainSize L of the training maps (the network runs at any L)
     * @param channels  planes per map
     * @return an initialised network with the single output {@value #VALUE}
     */
    public static ComputationGraph regression(Shape shape, IUpdater updater, long seed, int trainSize, int channels) {
        ComputationGraphConfiguration.GraphBuilder g = graph(updater, seed, trainSize, channels, DataType.FLOAT);
        trunk(g, shape)
                .addLayer(
                        VALUE,
                        new OutputLayer.Builder(new LossMSE())
                                .nOut(1)
                                .activation(Activation.IDENTITY)
                                .weightInit(WeightInit.XAVIER)
                                .build(),
                        "hidden")
                .setOutputs(VALUE);
        ComputationGraph net = new ComputationGraph(g.build());
        net.init();
        return net;
    }

    /**
     * Adds the stem, the residual stages, global average and max pooling and the dense layer
     * {@code hidden} the heads read.
     */
    private static ComputationGraphConfiguration.GraphBuilder trunk(
            ComputationGraphConfiguration.GraphBuilder g, Shape shape) {
        String x = convBnRelu(g, "stem", INPUT, shape.channels().get(0), shape.stemStride());
        x = residualBlock(g, "res0", x, shape.channels().get(0));
        for (int s = 1; s < shape.channels().size(); s++) {
            int c = shape.channels().get(s);
            x = convBnRelu(g, "down" + s, x, c, 2);
            x = residualBlock(g, "res" + s, x, c);
        }
        return g.addLayer("avg", new GlobalPoolingLayer.Builder(PoolingType.AVG).build(), x)
                .addLayer("max", new GlobalPoolingLayer.Builder(PoolingType.MAX).build(), x)
                .addVertex("pooled", new MergeVertex(), "avg", "max")
                .addLayer(
                        "hidden",
                        new DenseLayer.Builder()
                                .nOut(shape.hidden())
                                .activation(Activation.RELU)
                                .build(),
                        "pooled");
    }

    /**
     * Starts a graph of the reference networks: ND4J started, He initialisation, "same" padding,
     * one input {@value #INPUT} of one channel.
     *
     * @param updater   the optimiser
     * @param seed      the initialisation seed
     * @param trainSize L of the training maps
     * @return the builder, its input declared
     */
    static ComputationGraphConfiguration.GraphBuilder graph(IUpdater updater, long seed, int trainSize) {
        return graph(updater, seed, trainSize, 1, DataType.FLOAT);
    }

    private static ComputationGraphConfiguration.GraphBuilder graph(
            IUpdater updater, long seed, int trainSize, int channels, DataType dataType) {
        Nd4jBackend.init();
        return new NeuralNetConfiguration.Builder()
                .seed(seed)
                .dataType(dataType)
                .updater(updater)
                .weightInit(WeightInit.RELU)
                .convolutionMode(ConvolutionMode.Same)
                .graphBuilder()
                .addInputs(INPUT)
                .setInputTypes(InputType.convolutional(trainSize, trainSize, channels));
    }

    /** Adds a 3×3 convolution without bias, batch normalisation and ReLU; returns the ReLU's name. */
    static String convBnRelu(
            ComputationGraphConfiguration.GraphBuilder g, String name, String in, int channels, int stride) {
        g.addLayer(
                        name + "-conv",
                        new ConvolutionLayer.Builder(3, 3)
                                .stride(stride, stride)
                                .nOut(channels)
                                .activation(Activation.IDENTITY)
                                .hasBias(false)
                                .build(),
                        in)
                .addLayer(name + "-bn", new BatchNormalization.Builder().build(), name + "-conv")
                .addLayer(name, new ActivationLayer(Activation.RELU), name + "-bn");
        return name;
    }

    private static String residualBlock(
            ComputationGraphConfiguration.GraphBuilder g, String name, String in, int channels) {
        String a = convBnRelu(g, name + "a", in, channels, 1);
        g.addLayer(
                        name + "b-conv",
                        new ConvolutionLayer.Builder(3, 3)
                                .nOut(channels)
                                .activation(Activation.IDENTITY)
                                .hasBias(false)
                                .build(),
                        a)
                .addLayer(name + "b-bn", new BatchNormalization.Builder().build(), name + "b-conv")
                .addVertex(name + "-sum", new ElementWiseVertex(ElementWiseVertex.Op.Add), name + "b-bn", in)
                .addLayer(name, new ActivationLayer(Activation.RELU), name + "-sum");
        return name;
    }
}
