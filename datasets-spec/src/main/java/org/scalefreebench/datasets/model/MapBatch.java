package org.scalefreebench.datasets.model;

/**
 * Maps handed to a model: plain bytes, C planes of L×L sites per map, row-major, exactly as in the
 * family's input file ({@code maps.npy} of site percolation: C = 1, 1 = occupied).
 *
 * @param count    number of maps N
 * @param channels planes per map C (1 for site percolation)
 * @param size     linear size L (any L: models are tested at sizes they were not trained at)
 * @param sites    N·C·L·L values, map-major, then plane-major
 */
public record MapBatch(int count, int channels, int size, byte[] sites) {

    /** Checks that the array holds N·C·L·L sites. */
    public MapBatch {
        if (channels < 1) {
            throw new IllegalArgumentException("a batch needs at least one channel per map, got " + channels);
        }
        if (count < 0 || size < 1 || (long) count * channels * size * size != sites.length) {
            throw new IllegalArgumentException("a batch of " + count + " maps of " + channels + " channel(s) of size "
                    + size + " needs " + (long) count * channels * size * size + " sites, got " + sites.length);
        }
    }

    /**
     * A batch of one-channel maps (site percolation).
     *
     * @param count number of maps N
     * @param size  linear size L
     * @param sites N·L·L values, map-major
     */
    public MapBatch(int count, int size, byte[] sites) {
        this(count, 1, size, sites);
    }

    /**
     * Refuses a batch whose channel count a model cannot read.
     *
     * @param model    the model's id
     * @param expected the channels it reads
     * @throws IllegalArgumentException naming the model and both counts if they differ
     */
    public void requireChannels(String model, int expected) {
        requireChannels(model, expected, channels);
    }

    /**
     * Refuses maps whose channel count a model cannot read (shared by the fit and predict checks).
     *
     * @param model    the model's id
     * @param expected the channels it reads
     * @param actual   the channels of the maps
     * @throws IllegalArgumentException naming the model and both counts if they differ
     */
    public static void requireChannels(String model, int expected, int actual) {
        if (actual != expected) {
            throw new IllegalArgumentException("model " + model + " reads " + expected + " channel(s) per map, got "
                    + actual + " (a family it was not built for)");
        }
    }
}
