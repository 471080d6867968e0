package org.scalefreebench.reference.bench;

import java.util.Map;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.conf.layers.Layer;

/**
 * Multiply–accumulates of a network's convolution and dense layers for one sample, from the graph's
 * shapes at a given input size. Element-wise layers (batch norm, activations, pooling, sums) are
 * not counted: the figure is the matrix work, as for a GEMM.
 */
public final class FlopCount {

    private FlopCount() {}

    /**
     * @param conf  a graph configuration with one convolutional input
     * @param size  L of the input maps
     * @return multiply–accumulates of one forward pass of one map
     */
    public static long forwardMacs(ComputationGraphConfiguration conf, int size) {
        Map<String, InputType> types = conf.getLayerActivationTypes(InputType.convolutional(size, size, 1));
        long macs = 0;
        for (Map.Entry<String, GraphVertex> e : conf.getVertices().entrySet()) {
            if (!(e.getValue() instanceof LayerVertex lv)) {
                continue;
            }
            Layer layer = lv.getLayerConf().getLayer();
            InputType out = types.get(e.getKey());
            if (layer instanceof ConvolutionLayer c && out instanceof InputType.InputTypeConvolutional oc) {
                macs += oc.getHeight()
                        * oc.getWidth()
                        * c.getNOut()
                        * c.getNIn()
                        * c.getKernelSize()[0]
                        * c.getKernelSize()[1];
            } else if (layer instanceof FeedForwardLayer f && !(layer instanceof ConvolutionLayer)) {
                macs += f.getNIn() * f.getNOut();
            }
        }
        return macs;
    }
}
