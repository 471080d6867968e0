package org.scalefreebench.reference.rg.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The semantics the training relies on: DL4J's {@code CnnLossLayer} (MCXENT, softmax over channels)
 * with a label mask of shape [N, 1, n, n] scores Σ_sites mask · (−ln p_label) / N, so fractional
 * mask values act as per-site weights and masked-out sites do not count.
 */
class CnnLossMaskTest {

    @Test
    void theMaskedScoreIsTheWeightedSumOfSiteCrossEntropiesOverTheBatch() {
        ComputationGraph net = ChildPatternNet.build(3L);
        int batch = 2;
        int n = 4;
        int area = n * n;
        INDArray x = Nd4j.rand(DataType.FLOAT, batch, ChildPatternNet.FEATURES, n, n);
        float[] y = new float[batch * BlockOrPyramid.PATTERNS * area];
        float[] w = new float[batch * area];
        int[] label = new int[batch * area];
        for (int b = 0; b < batch; b++) {
            for (int s = 0; s < area; s++) {
                label[b * area + s] = (3 * s + 5 * b) % BlockOrPyramid.PATTERNS;
                y[(b * BlockOrPyramid.PATTERNS + label[b * area + s]) * area + s] = 1f;
                w[b * area + s] = s % 3 == 0 ? 0f : 0.25f * (1 + s % 5);
            }
        }
        INDArray labels = Nd4j.create(y, new long[] {batch, BlockOrPyramid.PATTERNS, n, n}, DataType.FLOAT);
        INDArray mask = Nd4j.create(w, new long[] {batch, 1, n, n}, DataType.FLOAT);
        double score = net.score(
                new MultiDataSet(new INDArray[] {x}, new INDArray[] {labels}, null, new INDArray[] {mask}), false);
        float[] p = net.output(false, x)[0].ravel().toFloatVector();
        double expected = 0;
        for (int b = 0; b < batch; b++) {
            for (int s = 0; s < area; s++) {
                double q = p[(b * BlockOrPyramid.PATTERNS + label[b * area + s]) * area + s];
                expected -= w[b * area + s] * Math.log(q);
            }
        }
        expected /= batch;
        // float arithmetic over 32 terms: relative rounding of order 1e-6
        assertEquals(expected, score, 1e-5 * Math.abs(expected));
    }
}
