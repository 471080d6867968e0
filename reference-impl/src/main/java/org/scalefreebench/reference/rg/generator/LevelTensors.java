package org.scalefreebench.reference.rg.generator;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The tensors of one refinement step l → l − 1 of the pyramid for a batch of maps: the coarse
 * features the {@link ChildPatternNet} reads, and for training the one-hot child patterns with the
 * per-site weights of the loss. A coarse map of side n refines to a fine map of side 2n. In pass g of
 * a schedule of {@code passes} passes, the parents of colour g are drawn and those of earlier colours
 * are revealed; with one pass every parent has colour 0 and nothing is revealed.
 */
final class LevelTensors {

    private LevelTensors() {}

    /**
     * The one-hot patterns and loss weights of a batch.
     *
     * @param labels  one-hot pattern of every coarse site, [N, 16, n, n]
     * @param weights N / (number of target sites) on the target sites (occupied parents of the current
     *                colour), 0 elsewhere, [N, 1, n, n]: the masked loss is then the mean cross-entropy
     *                per target site
     * @param count   the number of target sites
     */
    record Targets(INDArray labels, INDArray weights, int count) {}

    /**
     * @param i      coarse row
     * @param j      coarse column
     * @param passes passes of the schedule, 1 or 4
     * @return the pass in which the parent at (i, j) is drawn
     */
    static int passOf(int i, int j, int passes) {
        return passes == 1 ? 0 : BlockOrPyramid.colour(i, j);
    }

    /**
     * @param parents  the coarse maps, side n, one per map
     * @param n        their side
     * @param pass     the current pass
     * @param passes   passes of the schedule
     * @return whether some map has an occupied parent drawn in this pass
     */
    static boolean anyTarget(byte[][] parents, int n, int pass, int passes) {
        for (byte[] m : parents) {
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    if (m[i * n + j] != 0 && passOf(i, j, passes) == pass) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /**
     * The coarse features, channels as in {@link ChildPatternNet}: parent occupancy, in-lattice
     * indicator, the child bits of parents revealed in earlier passes, the revealed flag, the scaling
     * variable (zero at p_c) and the site-level flag.
     *
     * @param parents  the coarse maps, side n
     * @param children the fine maps, side 2n; read only under revealed parents
     * @param n        the coarse side
     * @param pass     the current pass of each map
     * @param passes   passes of the schedule
     * @param siteLevel whether the fine map is the site level (l = 0)
     * @return float tensor [N, 9, n, n]
     */
    static INDArray features(byte[][] parents, byte[][] children, int n, int[] pass, int passes, boolean siteLevel) {
        int batch = parents.length;
        int area = n * n;
        int channels = ChildPatternNet.FEATURES;
        float[] x = new float[batch * channels * area];
        for (int b = 0; b < batch; b++) {
            int base = b * channels * area;
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    int s = i * n + j;
                    x[base + ChildPatternNet.PARENT * area + s] = parents[b][s];
                    x[base + ChildPatternNet.IN_LATTICE * area + s] = 1f;
                    if (siteLevel) {
                        x[base + ChildPatternNet.UV * area + s] = 1f;
                    }
                    if (passOf(i, j, passes) < pass[b]) {
                        x[base + ChildPatternNet.REVEALED * area + s] = 1f;
                        int k = BlockOrPyramid.pattern(children[b], 2 * n, i, j);
                        for (int c = 0; c < 4; c++) {
                            x[base + (ChildPatternNet.CHILD_BITS + c) * area + s] = (k >> c) & 1;
                        }
                    }
                }
            }
        }
        return Nd4j.create(x, new long[] {batch, channels, n, n}, DataType.FLOAT);
    }

    /**
     * @param parents  the coarse maps, side n
     * @param children the true fine maps, side 2n
     * @param n        the coarse side
     * @param pass     the current pass of each map
     * @param passes   passes of the schedule
     * @return the targets, or null if no map has an occupied parent in its pass
     */
    static Targets targets(byte[][] parents, byte[][] children, int n, int[] pass, int passes) {
        int batch = parents.length;
        int area = n * n;
        int patterns = BlockOrPyramid.PATTERNS;
        float[] y = new float[batch * patterns * area];
        boolean[] target = new boolean[batch * area];
        int count = 0;
        for (int b = 0; b < batch; b++) {
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    int s = i * n + j;
                    int k = BlockOrPyramid.pattern(children[b], 2 * n, i, j);
                    y[(b * patterns + k) * area + s] = 1f;
                    if (parents[b][s] != 0 && passOf(i, j, passes) == pass[b]) {
                        target[b * area + s] = true;
                        count++;
                    }
                }
            }
        }
        if (count == 0) {
            return null;
        }
        float w = batch / (float) count;
        float[] mask = new float[batch * area];
        for (int t = 0; t < mask.length; t++) {
            mask[t] = target[t] ? w : 0f;
        }
        return new Targets(
                Nd4j.create(y, new long[] {batch, patterns, n, n}, DataType.FLOAT),
                Nd4j.create(mask, new long[] {batch, 1, n, n}, DataType.FLOAT),
                count);
    }
}
