package org.scalefreebench.datasets.lattice;

/**
 * Conventions of the L×L square lattice used throughout the benchmark: sites are stored
 * row-major in a {@code byte[L*L]} (site {@code row * L + column}), 1 = occupied, open
 * boundaries, 4-neighbour connectivity.
 */
public final class Lattice {

    /** Smallest supported linear size. */
    public static final int MIN_SIZE = 2;
    /** Largest supported linear size (L² sites must fit in one Java array). */
    public static final int MAX_SIZE = 32768;

    private Lattice() {}

    /**
     * Returns L², checking the size.
     *
     * @param size the linear size L
     * @return the number of sites
     */
    public static int sites(int size) {
        SitePercolation.checkSize(size);
        return size * size;
    }
}
