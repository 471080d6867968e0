package org.scalefreebench.datasets.family;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongConsumer;
import org.scalefreebench.datasets.generate.LabelledMapStream;
import org.scalefreebench.datasets.generate.Shard;
import org.scalefreebench.datasets.npy.NpyDtype;
import org.scalefreebench.datasets.npy.NpyWriter;
import org.scalefreebench.datasets.spec.DatasetSpec;
import org.scalefreebench.datasets.spec.SplitSpec;

/**
 * Site percolation on the open L×L square lattice, 4-neighbour connectivity, independent Bernoulli
 * occupation: one plane of occupied sites per map, labelled exactly by the cluster labeller. Its
 * five files are those of the v1 specs, in their order.
 */
public final class SitePercolationFamily implements Family {

    /** The maps, uint8 [N, L, L], 1 = occupied. */
    public static final InputColumn MAPS = new InputColumn("maps.npy", NpyDtype.UINT8, 1, "1 = occupied site");
    /** The occupation probability of each map, float64 [N]. */
    public static final LabelColumn P = new LabelColumn(
            "p",
            "p.npy",
            NpyDtype.FLOAT64,
            LabelColumn.PerMap.SCALAR,
            "occupation probability the map was drawn with",
            LabelColumn.Origin.EXACT);
    /** Sites in the largest 4-connected cluster, int32 [N] (0 if none). */
    public static final LabelColumn MAX_CLUSTER = new LabelColumn(
            "max_cluster",
            "max_cluster.npy",
            NpyDtype.INT32,
            LabelColumn.PerMap.SCALAR,
            "sites in the largest 4-connected cluster (0 if none)",
            LabelColumn.Origin.EXACT);
    /** 1 if a cluster joins row 0 to row L−1, uint8 [N]. */
    public static final LabelColumn SPANNING = new LabelColumn(
            "spanning",
            "spanning.npy",
            NpyDtype.UINT8,
            LabelColumn.PerMap.SCALAR,
            "1 if a cluster joins row 0 to row L−1",
            LabelColumn.Origin.EXACT);
    /** The largest cluster (ties: lowest row-major site index), uint8 [N, L, L]. */
    public static final LabelColumn MAX_CLUSTER_MASK = new LabelColumn(
            "max_cluster_mask",
            "max_cluster_mask.npy",
            NpyDtype.UINT8,
            LabelColumn.PerMap.PER_SITE,
            "1 on the largest cluster; ties go to the cluster holding the lowest row-major site index",
            LabelColumn.Origin.EXACT);

    private static final List<LabelColumn> LABELS = List.of(P, MAX_CLUSTER, SPANNING, MAX_CLUSTER_MASK);

    SitePercolationFamily() {}

    @Override
    public String id() {
        return "site-percolation";
    }

    @Override
    public String description() {
        return "site percolation, open L×L square lattice, 4-neighbour connectivity, exact cluster labels";
    }

    @Override
    public InputColumn input() {
        return MAPS;
    }

    @Override
    public List<LabelColumn> labels() {
        return LABELS;
    }

    @Override
    public SplitGenerator generator() {
        return SitePercolationFamily::generate;
    }

    private static void generate(
            DatasetSpec spec,
            SplitSpec split,
            Shard shard,
            int threads,
            SplitGenerator.ColumnSink sink,
            LongConsumer progress)
            throws IOException {
        Shard.Range range = spec.family().shardMaps(spec, split, shard);
        int n = range.count();
        int size = spec.size();
        double[] pOfSample = Arrays.copyOfRange(spec.pOfSamples(split), range.first(), range.end());
        int[] maxCluster = new int[n];
        byte[] spanning = new byte[n];
        NpyWriter maps = sink.open(MAPS);
        NpyWriter masks = sink.open(MAX_CLUSTER_MASK);
        new LabelledMapStream(spec.rng(), split.seed(), size, threads).run(range.first(), pOfSample, true, block -> {
            for (int i = 0; i < block.count(); i++) {
                int k = (int) (block.first() - range.first()) + i;
                maps.writeUint8(block.maps()[i], 0, size * size);
                masks.writeUint8(block.masks()[i], 0, size * size);
                maxCluster[k] = block.labels()[i].maxCluster();
                spanning[k] = block.labels()[i].spanning() ? (byte) 1 : (byte) 0;
            }
            progress.accept(block.count());
        });
        maps.close();
        masks.close();
        try (NpyWriter w = sink.open(P)) {
            w.writeFloat64(pOfSample, 0, n);
        }
        try (NpyWriter w = sink.open(MAX_CLUSTER)) {
            w.writeInt32(maxCluster, 0, n);
        }
        try (NpyWriter w = sink.open(SPANNING)) {
            w.writeUint8(spanning, 0, n);
        }
    }
}
