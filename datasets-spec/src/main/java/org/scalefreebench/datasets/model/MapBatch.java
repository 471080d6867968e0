package org.scalefreebench.datasets.model;

/**
 * Maps handed to a model: plain bytes, row-major, 1 = occupied, exactly as in {@code maps.npy}.
 *
 * @param count number of maps N
 * @param size  linear size L (any L: models are tested at sizes they were not trained at)
 * @param sites N·L·L values, map-major
 */
public record MapBatch(int count, int size, byte[] sites) {

    /** Checks that the array holds N·L·L sites. */
    public MapBatch {
        if (count < 0 || size < 1 || (long) count * size * size != sites.length) {
            throw new IllegalArgumentException("a batch of " + count + " maps of size " + size + " needs "
                    + (long) count * size * size + " sites, got " + sites.length);
        }
    }
}
