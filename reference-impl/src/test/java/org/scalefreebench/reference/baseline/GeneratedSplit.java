package org.scalefreebench.reference.baseline;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.apache.commons.rng.simple.RandomSource;
import org.scalefreebench.datasets.family.Family;
import org.scalefreebench.datasets.family.InputColumn;
import org.scalefreebench.datasets.family.LabelColumn;
import org.scalefreebench.datasets.family.SplitGenerator;
import org.scalefreebench.datasets.load.SplitData;
import org.scalefreebench.datasets.npy.NpyDtype;
import org.scalefreebench.datasets.spec.DatasetSpec;
import org.scalefreebench.datasets.spec.SplitSpec;
import org.scalefreebench.reference.rg.generator.ExactMaskSplit;

/** Test splits generated and exactly labelled in memory with the data contract's own stream. */
public final class GeneratedSplit {

    private GeneratedSplit() {}

    /**
     * @param name        the split's name
     * @param size        linear size L
     * @param p           the occupation probabilities, as decimals
     * @param samplesPerP maps per p value
     * @param seed        the split's seed
     * @return the maps, p-major, with their spanning, largest-cluster and mask labels
     */
    public static SplitData of(String name, int size, List<String> p, int samplesPerP, long seed) {
        return ExactMaskSplit.of(
                "baseline-test-L" + size,
                "generated in memory for the baseline tests",
                name,
                size,
                p.stream().map(BigDecimal::new).toList(),
                samplesPerP,
                seed);
    }

    /** A family of two planes per map and no labels, which no reference model reads. */
    private static final class TwoPlanes implements Family {
        @Override
        public String id() {
            return "two-planes-test";
        }

        @Override
        public String description() {
            return "two empty planes per map, for the models' channel checks";
        }

        @Override
        public InputColumn input() {
            return new InputColumn("bonds.npy", NpyDtype.UINT8, 2, "1 = open bond");
        }

        @Override
        public List<LabelColumn> labels() {
            return List.of();
        }

        @Override
        public SplitGenerator generator() {
            return (spec, split, shard, threads, sink, progress) -> {
                throw new UnsupportedOperationException("the two-plane test family is built in memory only");
            };
        }
    }

    /**
     * @param size    linear size L
     * @param samples maps N
     * @return a split of N empty maps of two planes each, of a family no reference model reads
     */
    static SplitData twoPlanes(int size, int samples) {
        SplitSpec split = new SplitSpec("train", samples, 1L);
        DatasetSpec spec = new DatasetSpec(
                "two-planes-test",
                "two planes per map",
                new TwoPlanes(),
                size,
                List.of(new BigDecimal("0.5")),
                RandomSource.XO_RO_SHI_RO_128_PP,
                List.of(split),
                Map.of());
        return new SplitData(spec, split, new byte[samples * 2 * size * size], Map.of());
    }
}
