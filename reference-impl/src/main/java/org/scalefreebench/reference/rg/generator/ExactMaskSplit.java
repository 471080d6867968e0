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
 * Exact largest-cluster masks at p_c made in memory with the data contract's own stream
 * ({@link LabelledMapStream}: Bernoulli(p_c) sites, exact union-find labelling), as a split, for the
 * generators' tests and benchmarks when no published spec is at hand.
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
        SplitSpec split = new SplitSpec(name, samples, seed);
        DatasetSpec spec = new DatasetSpec(
                "rg-generator-exact-L" + size,
                "exact largest-cluster masks at p_c, made in memory",
                Families.SITE_PERCOLATION,
                size,
                List.of(BigDecimal.valueOf(CriticalExponents.SITE_P_C)),
                RandomSource.XO_RO_SHI_RO_128_PP,
                List.of(split),
                Map.of());
        double[] p = spec.pOfSamples(split);
        int sites = size * size;
        byte[] maps = new byte[samples * sites];
        byte[] masks = new byte[samples * sites];
        int[] maxCluster = new int[samples];
        byte[] spanning = new byte[samples];
        try {
            new LabelledMapStream(spec.rng(), seed, size, 1).run(p, true, block -> {
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
        return SplitData.ofSitePercolation(spec, split, maps, p, maxCluster, spanning, masks);
    }
}
