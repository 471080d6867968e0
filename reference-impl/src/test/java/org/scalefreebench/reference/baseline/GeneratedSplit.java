package org.scalefreebench.reference.baseline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.apache.commons.rng.simple.RandomSource;
import org.scalefreebench.datasets.family.Families;
import org.scalefreebench.datasets.generate.LabelledMapStream;
import org.scalefreebench.datasets.load.SplitData;
import org.scalefreebench.datasets.spec.DatasetSpec;
import org.scalefreebench.datasets.spec.SplitSpec;

/** Test splits generated and exactly labelled in memory with the data contract's own stream. */
final class GeneratedSplit {

    private GeneratedSplit() {}

    /**
     * @param name        the split's name
     * @param size        linear size L
     * @param p           the occupation probabilities, as decimals
     * @param samplesPerP maps per p value
     * @param seed        the split's seed
     * @return the maps, p-major, with their spanning, largest-cluster and mask labels
     */
    static SplitData of(String name, int size, List<String> p, int samplesPerP, long seed) {
        SplitSpec split = new SplitSpec(name, samplesPerP, seed);
        DatasetSpec spec = new DatasetSpec(
                "baseline-test-L" + size,
                "generated in memory for the baseline tests",
                Families.SITE_PERCOLATION,
                size,
                p.stream().map(BigDecimal::new).toList(),
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
