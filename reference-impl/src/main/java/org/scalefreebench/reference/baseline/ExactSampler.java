package org.scalefreebench.reference.baseline;

import java.io.IOException;
import java.util.Arrays;
import org.scalefreebench.datasets.generate.LabelledMapStream;
import org.scalefreebench.datasets.lattice.ClusterLabeller;
import org.scalefreebench.datasets.lattice.CriticalExponents;
import org.scalefreebench.datasets.model.FitOptions;
import org.scalefreebench.datasets.model.MaskGenerator;
import org.scalefreebench.datasets.model.TrainingData;

/**
 * The exact sampler, the reference every generator is measured against and never ranked: site
 * percolation at p_c = {@link CriticalExponents#SITE_P_C} on the open L × L square, then the
 * largest 4-connected cluster as a mask by the project's {@link ClusterLabeller} (ties: the cluster
 * holding the lowest site index). Maps are drawn by the data contract's own {@link
 * LabelledMapStream}, so map k depends on the seed and k only, whatever the thread count.
 */
public final class ExactSampler implements MaskGenerator {

    /** The public id. */
    public static final String ID = "exact-sampler";

    /** Creates the generator; it holds no state. */
    public ExactSampler() {}

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "site percolation at p_c and its largest cluster by the exact labeller: the reference, not ranked";
    }

    /** @return false: the reference, shown apart */
    @Override
    public boolean ranked() {
        return false;
    }

    /**
     * Learns nothing.
     *
     * @param data    not read
     * @param options not read
     * @return the sampler, on all available processors
     */
    @Override
    public Fitted fit(TrainingData data, FitOptions options) {
        return new Fitted(Runtime.getRuntime().availableProcessors());
    }

    /** The sampler on a number of threads; the bytes do not depend on it. */
    public static final class Fitted implements FittedGenerator {

        private final int threads;

        /**
         * @param threads worker threads, at least 1
         */
        public Fitted(int threads) {
            this.threads = threads;
        }

        /** @return 0: a rule */
        @Override
        public long parameterCount() {
            return 0;
        }

        @Override
        public byte[] generate(int n, int size, long seed) throws IOException {
            return draw(ID, n, size, seed, threads, true);
        }
    }

    /**
     * Draws the sampler's configurations: n site-percolation maps at p_c by the data contract's
     * stream from the seed, with or without their exact largest-cluster masks. Map k depends on the
     * seed and k only; any generator that needs p_c configurations draws them here.
     *
     * @param id        the calling generator's id, for the message
     * @param n         how many maps
     * @param size      L
     * @param seed      the seed
     * @param threads   worker threads, at least 1; the bytes do not depend on it
     * @param masks     true for the largest-cluster masks, false for the occupation maps themselves
     * @return n·L² values 0 or 1, row-major [n, L, L]
     * @throws IOException              if the stream fails
     * @throws IllegalArgumentException if n·L² does not fit in one array, naming the generator
     */
    public static byte[] draw(String id, int n, int size, long seed, int threads, boolean masks) throws IOException {
        byte[] out = MapStreams.output(id, n, size);
        int sites = size * size;
        double[] p = new double[n];
        Arrays.fill(p, CriticalExponents.SITE_P_C);
        new LabelledMapStream(MapStreams.SOURCE, seed, size, threads).run(p, masks, block -> {
            byte[][] drawn = masks ? block.masks() : block.maps();
            for (int i = 0; i < block.count(); i++) {
                System.arraycopy(drawn[i], 0, out, (int) (block.first() + i) * sites, sites);
            }
        });
        return out;
    }
}
