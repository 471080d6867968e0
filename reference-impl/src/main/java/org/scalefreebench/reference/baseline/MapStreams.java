package org.scalefreebench.reference.baseline;

import org.apache.commons.rng.JumpableUniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.scalefreebench.datasets.lattice.Lattice;

/**
 * The reproducibility rule of the baseline generators, the same as the data contract's
 * ({@link org.scalefreebench.datasets.generate.LabelledMapStream}): the generator is {@code
 * XO_RO_SHI_RO_128_PP.create(seed)}, and map k (0-based) draws from the k-th copy that {@link
 * JumpableUniformRandomProvider#jump()} returns. Map k therefore depends on the seed and k only.
 */
final class MapStreams {

    /** The Commons RNG source of the baseline generators. */
    static final RandomSource SOURCE = RandomSource.XO_RO_SHI_RO_128_PP;

    private MapStreams() {}

    /**
     * @param seed the generation seed
     * @return the base generator; call {@link JumpableUniformRandomProvider#jump()} once per map
     */
    static JumpableUniformRandomProvider base(long seed) {
        return (JumpableUniformRandomProvider) SOURCE.create(seed);
    }

    /**
     * Allocates the output of n maps of L × L sites.
     *
     * @param id   the generator's id, for the message
     * @param n    how many maps
     * @param size L
     * @return n·L² zeros
     * @throws IllegalArgumentException if n is negative or n·L² does not fit in one array
     */
    static byte[] output(String id, int n, int size) {
        long sites = Lattice.sites(size);
        if (n < 0 || n * sites > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(
                    id + " cannot draw " + n + " maps of L = " + size + " into one array: n·L²" + " must be in [0, "
                            + (Integer.MAX_VALUE - 8) + "]; draw them in smaller batches");
        }
        return new byte[(int) (n * sites)];
    }
}
