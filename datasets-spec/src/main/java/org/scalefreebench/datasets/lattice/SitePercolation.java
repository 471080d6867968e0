package org.scalefreebench.datasets.lattice;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * Independent Bernoulli site occupation on the L×L square lattice.
 *
 * <p>Site {@code i} (row-major, {@code i = row * L + column}) is occupied, and set to 1, iff the
 * {@code i}-th value of {@link UniformRandomProvider#nextDouble()} is below {@code p}. This
 * rule is part of the data contract: it fixes the bytes a spec generates.
 */
public final class SitePercolation {

    private SitePercolation() {}

    /**
     * Fills {@code sites} with an independent Bernoulli(p) occupation.
     *
     * @param rng   the generator to draw from, one {@code nextDouble()} per site
     * @param p     the occupation probability, in [0, 1]
     * @param sites the map to fill, length L², row-major; 1 = occupied, 0 = empty
     */
    public static void occupy(UniformRandomProvider rng, double p, byte[] sites) {
        checkProbability(p);
        for (int i = 0; i < sites.length; i++) {
            sites[i] = rng.nextDouble() < p ? (byte) 1 : (byte) 0;
        }
    }

    /**
     * Rejects a probability outside [0, 1] (or NaN) with a message giving the allowed range.
     *
     * @param p the occupation probability
     */
    public static void checkProbability(double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException(
                    "occupation probability p = " + p + " is outside the allowed range [0, 1]");
        }
    }

    /**
     * Rejects a lattice size outside the supported range with a message giving the range.
     *
     * @param size the linear size L
     */
    public static void checkSize(int size) {
        if (size < Lattice.MIN_SIZE || size > Lattice.MAX_SIZE) {
            throw new IllegalArgumentException("lattice size L = " + size + " is outside the allowed range ["
                    + Lattice.MIN_SIZE + ", " + Lattice.MAX_SIZE + "]");
        }
    }
}
