package org.scalefreebench.reference.baseline;

import org.apache.commons.rng.JumpableUniformRandomProvider;
import org.apache.commons.rng.UniformRandomProvider;
import org.scalefreebench.datasets.generation.MaskPyramid;
import org.scalefreebench.datasets.lattice.CriticalExponents;
import org.scalefreebench.datasets.model.FitOptions;
import org.scalefreebench.datasets.model.MaskGenerator;
import org.scalefreebench.datasets.model.TrainingData;

/**
 * Mandelbrot's fractal percolation, the trivial RG generator: from a one-cell root, each occupied
 * cell is cut into its 2 × 2 children and each child is kept independently with probability
 * q = 2^{91/48}/4 ≈ 0.9303, down to the sites of an L = 2^K lattice. The number of kept cells at
 * level l (box size 2^l) has mean (4q)^{K−l} = (L/2^l)^{91/48}: the exact d_f by construction,
 * with no notion of connectivity. A cascade that dies out leaves an empty map. Draw order, part of
 * its reproducibility: levels from the root down, parents row-major, children TL, TR, BL, BR, one
 * {@code nextDouble()} per child, one stream per map ({@link MapStreams}).
 */
public final class FractalPercolation implements MaskGenerator {

    /** The public id. */
    public static final String ID = "fractal-percolation";

    /** The retention probability q = 2^{91/48}/4. */
    public static final double Q = Math.pow(2, CriticalExponents.FRACTAL_DIMENSION) / 4;

    /** Creates the generator; it holds no state. */
    public FractalPercolation() {}

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "Mandelbrot's fractal percolation: each of a cell's 2 x 2 children kept with q = 2^(91/48)/4 from a"
                + " one-cell root; exact d_f, no connectivity";
    }

    /**
     * Learns nothing.
     *
     * @param data    not read
     * @param options not read
     * @return the cascade
     */
    @Override
    public Fitted fit(TrainingData data, FitOptions options) {
        return new Fitted();
    }

    /**
     * Runs one cascade.
     *
     * @param rng    the map's stream
     * @param levels K
     * @param q      the retention probability
     * @param out    receives the 2^K × 2^K map at {@code offset}, row-major
     * @param offset where the map starts
     * @return the number of kept cells at each level l = 0…K (entry K is the root, 1)
     */
    public static int[] cascade(UniformRandomProvider rng, int levels, double q, byte[] out, int offset) {
        int[] kept = new int[levels + 1];
        kept[levels] = 1;
        byte[] cells = {1};
        for (int l = levels - 1; l >= 0; l--) {
            int half = 1 << (levels - l - 1);
            int n = 2 * half;
            byte[] children = new byte[n * n];
            int count = 0;
            for (int i = 0; i < half; i++) {
                for (int j = 0; j < half; j++) {
                    if (cells[i * half + j] == 0) {
                        continue;
                    }
                    int tl = 2 * i * n + 2 * j;
                    count += keep(rng, q, children, tl);
                    count += keep(rng, q, children, tl + 1);
                    count += keep(rng, q, children, tl + n);
                    count += keep(rng, q, children, tl + n + 1);
                }
            }
            kept[l] = count;
            cells = children;
        }
        System.arraycopy(cells, 0, out, offset, cells.length);
        return kept;
    }

    private static int keep(UniformRandomProvider rng, double q, byte[] children, int child) {
        if (rng.nextDouble() < q) {
            children[child] = 1;
            return 1;
        }
        return 0;
    }

    /** The cascade at q = 2^{91/48}/4. */
    public static final class Fitted implements FittedGenerator {

        private Fitted() {}

        /** @return 0: a rule */
        @Override
        public long parameterCount() {
            return 0;
        }

        /**
         * Runs one cascade per map.
         *
         * @param n    how many maps
         * @param size L, a power of two
         * @param seed the seed of the per-map streams
         * @return n·L·L values 0 or 1
         * @throws IllegalArgumentException if L is not a power of two
         */
        @Override
        public byte[] generate(int n, int size, long seed) {
            int levels = MaskPyramid.levels(size);
            byte[] out = MapStreams.output(ID, n, size);
            JumpableUniformRandomProvider base = MapStreams.base(seed);
            for (int m = 0; m < n; m++) {
                cascade(base.jump(), levels, Q, out, m * size * size);
            }
            return out;
        }
    }
}
