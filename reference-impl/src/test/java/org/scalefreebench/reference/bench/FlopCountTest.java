package org.scalefreebench.reference.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.scalefreebench.reference.nn.Nd4jBackend;

class FlopCountTest {

    @Test
    void countsConvolutionAndDenseMacsFromTheShapes() {
        Nd4jBackend.init();
        ComputationGraphConfiguration conf = new NeuralNetConfiguration.Builder()
                .convolutionMode(ConvolutionMode.Same)
                .graphBuilder()
                .addInputs("in")
                .setInputTypes(InputType.convolutional(8, 8, 1))
                .addLayer("c1", new ConvolutionLayer.Builder(3, 3).nOut(4).build(), "in")
                .addLayer(
                        "c2",
                        new ConvolutionLayer.Builder(3, 3).stride(2, 2).nOut(6).build(),
                        "c1")
                .addLayer("pool", new GlobalPoolingLayer.Builder().build(), "c2")
                .addLayer(
                        "out",
                        new OutputLayer.Builder()
                                .nOut(2)
                                .activation(Activation.SOFTMAX)
                                .build(),
                        "pool")
                .setOutputs("out")
                .build();
        long c1 = 8 * 8 * 4 * 1 * 9;
        long c2 = 4 * 4 * 6 * 4 * 9;
        long out = 6 * 2;
        assertEquals(c1 + c2 + out, FlopCount.forwardMacs(conf, 8));
        assertEquals(
                4 * c1 + 4 * c2 + out, FlopCount.forwardMacs(conf, 16), "convolutions scale with L^2, dense does not");
    }
}
