package org.scalefreebench.datasets.task;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.commons.rng.simple.RandomSource;
import org.scalefreebench.datasets.family.Families;
import org.scalefreebench.datasets.load.SplitData;
import org.scalefreebench.datasets.spec.DatasetSpec;
import org.scalefreebench.datasets.spec.SplitSpec;

/** Hand-made test splits with given labels, for the tests of what scores predictions. */
final class HandMadeSplits {

    /** The test set every split here names. */
    static final String TEST_SET = "evaluator-test-v1/test";

    private HandMadeSplits() {}

    /** A hand-made test split of L×L maps; the spec lists the distinct p values, the maps are empty. */
    static SplitData split(int size, double[] p, byte[] spanning, int[] maxCluster, byte[] mask) {
        List<BigDecimal> values = new ArrayList<>();
        for (double v : new TreeSet<>(Arrays.stream(p).boxed().toList())) {
            values.add(BigDecimal.valueOf(v));
        }
        SplitSpec test = new SplitSpec("test", p.length / values.size(), 1L);
        DatasetSpec spec = new DatasetSpec(
                "evaluator-test-v1",
                "hand-made maps for the Evaluator's tests",
                Families.SITE_PERCOLATION,
                size,
                values,
                RandomSource.XO_RO_SHI_RO_128_PP,
                List.of(test),
                Map.of());
        int n = p.length;
        return SplitData.ofSitePercolation(
                spec,
                test,
                new byte[n * size * size],
                p,
                maxCluster == null ? new int[n] : maxCluster,
                spanning == null ? new byte[n] : spanning,
                mask == null ? new byte[n * size * size] : mask);
    }
}
