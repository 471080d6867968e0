package org.scalefreebench.reference.nn;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.scalefreebench.datasets.model.MapBatch;

/** Copies between the benchmark's plain arrays (C planes per map) and ND4J tensors in the NCHW layout of DL4J's CNN layers. */
public final class MapTensors {

    private MapTensors() {}

    /**
     * @param sites   maps, N·L·L bytes, 1 = occupied
     * @param size    L
     * @param indices which maps to take, in this order
     * @param from    first entry of {@code indices} to take
     * @param count   how many
     * @return float tensor [count, 1, L, L]
     */
    public static INDArray maps(byte[] sites, int size, int[] indices, int from, int count) {
        return maps(sites, 1, size, indices, from, count);
    }

    /**
     * @param maps    maps of C planes each
     * @param indices which maps to take, in this order
     * @param from    first entry of {@code indices} to take
     * @param count   how many
     * @return float tensor [count, C, L, L]
     */
    public static INDArray maps(MapBatch maps, int[] indices, int from, int count) {
        return maps(maps.sites(), maps.channels(), maps.size(), indices, from, count);
    }

    private static INDArray maps(byte[] sites, int channels, int size, int[] indices, int from, int count) {
        int area = channels * size * size;
        float[] buf = new float[count * area];
        for (int b = 0; b < count; b++) {
            int src = indices[from + b] * area;
            int dst = b * area;
            for (int i = 0; i < area; i++) {
                buf[dst + i] = sites[src + i];
            }
        }
        return Nd4j.create(buf, new long[] {count, channels, size, size}, DataType.FLOAT);
    }

    /**
     * @param values  one value per sample (or {@code perSample} values each)
     * @param perSample values per sample
     * @param indices which samples to take
     * @param from    first entry of {@code indices}
     * @param count   how many
     * @param shape   the shape of the result, its first dimension {@code count}
     * @return float tensor of the given shape
     */
    public static INDArray values(float[] values, int perSample, int[] indices, int from, int count, long... shape) {
        float[] buf = new float[count * perSample];
        for (int b = 0; b < count; b++) {
            System.arraycopy(values, indices[from + b] * perSample, buf, b * perSample, perSample);
        }
        return Nd4j.create(buf, shape, DataType.FLOAT);
    }

    /**
     * @param n a count
     * @return 0, 1, …, n − 1
     */
    public static int[] identity(int n) {
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        return idx;
    }
}
