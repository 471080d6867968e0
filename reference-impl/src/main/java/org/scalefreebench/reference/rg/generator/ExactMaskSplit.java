package org.scalefreebench.reference.rg.generator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.apache.commons.rng.simple.RandomSource;
import org.scalefreebench.datasets.family.Families;
import org.scalefreebench.datasets.generate.LabelledMapStream;
import org.scalefreebench.datasets.lattice.CriticalExponents;
import org.scalefreebench.datasets.load.SplitData;
import org.scalefreebench.datasets.spec.DatasetSpec;
import org.scalefreebench.datasets.spec.SplitSpec;

/**
 * Exactly labelled site-percolation splits made in memory with the data contract's own stream
 * ({@link LabelledMapStream}: Bernoulli(p) sites, exact union-find labelling, masks included), for
 * tests and benchmarks when no published spec is at hand: at p_c for the generators, or at any p.
 */
public final class ExactMaskSplit {

    private ExactMaskSplit() {}

    /**
     * @param name    the split's name, e.g. {@code train}
     * @param size    L
     * @param samples maps
     * @param seed    the split's seed
     * @return the maps at p = {@link CriticalExponents#SITE_P_C} with all their labels and masks
     */
    public static SplitData atCriticalPoint(String name, int size, int samples, long seed) {
        return of(
                "rg-generator-exact-L" + size,
                "exact largest-cluster masks at p_c, made in memory",
                name,
                size,
                List.of(BigDecimal.valueOf(CriticalExponents.SITE_P_C)),
                samples,
                seed);
    }

    /**
     * A site-percolation split of any p values, made in memory like a published spec's split (the
     * same stream, p-major), with every label and mask.
     *
     * @param specId      the id the split's in-memory spec carries
     * @param description one line for people
     * @param name        the split's name
     * @param size        L
     * @param p           the occupation probabilities
     * @param samplesPerP maps per p value
     * @param seed        the split's seed
     * @return the maps with their spanning, largest-cluster and mask labels
     */
    public static SplitData of(
            String specId, String description, String name, int size, List<BigDecimal> p, int samplesPerP, long seed) {
        SplitSpec split = new SplitSpec(name, samplesPerP, seed);
        DatasetSpec spec = new DatasetSpec(
                specId,
                description,
                Families.SITE_PERCOLATION,
                size,
                p,
                RandomSource.XO_RO_SHI_RO_128_PP,
                List.of(split),
                Map.of());
        double[] pOfSample = spec.pOfSamples(split);
        int n = pOfSample.length;
        int sites = size * size;
        byte[] maps = new byte[n * sites];
        byte[] masks = new byte[n * sites];
        int[] maxCluster = new int[n];
        byte[] spanning = new byte[n];
        try {
            new LabelledMapStream(spec.rng(), seed, size, 1).run(pOfSample, true, block -> {
                for (int i = 0; i < block.count(); i++) {
                    int k = (int) block.first() + i;
                    System.arraycopy(block.maps()[i], 0, maps, k * sites, sites);
                    System.arraycopy(block.masks()[i], 0, masks, k * sites, sites);
                    maxCluster[k] = block.labels()[i].maxCluster();
                    spanning[k] = (byte) (block.labels()[i].spanning() ? 1 : 0);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return SplitData.ofSitePercolation(spec, split, maps, pOfSample, maxCluster, spanning, masks);
    }
}
