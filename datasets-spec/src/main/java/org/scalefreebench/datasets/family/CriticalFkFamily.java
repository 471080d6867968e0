package org.scalefreebench.datasets.family;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;
import org.scalefreebench.datasets.fk.FkChainSampler;
import org.scalefreebench.datasets.fk.FkLabel;
import org.scalefreebench.datasets.fk.FkMeasures;
import org.scalefreebench.datasets.fk.FkParameters;
import org.scalefreebench.datasets.generate.Shard;
import org.scalefreebench.datasets.npy.NpyDtype;
import org.scalefreebench.datasets.npy.NpyWriter;
import org.scalefreebench.datasets.spec.ChainRule;
import org.scalefreebench.datasets.spec.DatasetSpec;
import org.scalefreebench.datasets.spec.SplitSpec;

/**
 * The critical FK random-cluster model at the self-dual point p = √Q/(1 + √Q) of the periodic L×L
 * square lattice, for real Q in [1, 4], drawn by Chayes–Machta chains (Swendsen–Wang at integer Q)
 * under the spec's {@link org.scalefreebench.datasets.spec.ChainRule}. A map is its bond
 * configuration as two planes, never Potts spins (their number of colours would give Q away).
 *
 * <p>Labels: Q and the exact family values it fixes (κ, c, d_f, d_hull, d_ext, 1/ν), repeated per
 * map; the exact functions of each configuration (bond count, cluster count, largest cluster and
 * its mask, wrapping class on the torus); and provenance (chain, step, the pilot's τ). Maps are
 * ordered Q-major, then by chain, then by step.
 */
public final class CriticalFkFamily implements Family {

    /** The cluster weight Q ∈ [1, 4] a spec lists values of. */
    public static final ControlParameter Q = new ControlParameter(
            "q",
            BigDecimal.valueOf((long) FkParameters.MIN_Q),
            BigDecimal.valueOf((long) FkParameters.MAX_Q),
            "cluster weight Q of the critical FK model");

    /** The bonds, uint8 [N, 2, L, L]: plane 0 the edge (x, y)–(x+1, y), plane 1 the edge (x, y)–(x, y+1), mod L. */
    public static final InputColumn BONDS = new InputColumn(
            "bonds.npy",
            NpyDtype.UINT8,
            2,
            "1 = occupied bond; plane 0: edge (x, y)–(x+1 mod L, y), plane 1: edge (x, y)–(x, y+1 mod L), site y·L + x");

    /** Q of each map, float64 [N]. */
    public static final LabelColumn Q_VALUE = exact("q", NpyDtype.FLOAT64, "cluster weight Q the map was drawn at");
    /** Occupied bonds |ω|, int32 [N]. */
    public static final LabelColumn BOND_COUNT = exact("bond_count", NpyDtype.INT32, "occupied bonds |ω|");
    /** FK clusters k(ω), isolated sites included, int32 [N]. */
    public static final LabelColumn CLUSTER_COUNT =
            exact("cluster_count", NpyDtype.INT32, "FK clusters k(ω), isolated sites included");
    /** Sites of the largest FK cluster, int32 [N]. */
    public static final LabelColumn MAX_CLUSTER =
            exact("max_cluster", NpyDtype.INT32, "sites in the largest FK cluster (connectivity through bonds)");
    /** Wrapping class on the torus: 0 none, 1 one direction, 2 cross, uint8 [N]. */
    public static final LabelColumn WRAPPING = exact(
            "wrapping",
            NpyDtype.UINT8,
            "topology on the torus: 0 no cluster wraps, 1 windings along one direction, 2 cross (two non-parallel windings)");
    /** 1 if a cluster has a cycle of nonzero horizontal winding, uint8 [N]. */
    public static final LabelColumn WRAPS_HORIZONTALLY =
            exact("wraps_horizontally", NpyDtype.UINT8, "1 if some cluster has a cycle of nonzero horizontal winding");
    /** 1 if a cluster has a cycle of nonzero vertical winding, uint8 [N]. */
    public static final LabelColumn WRAPS_VERTICALLY =
            exact("wraps_vertically", NpyDtype.UINT8, "1 if some cluster has a cycle of nonzero vertical winding");
    /** The largest cluster (ties: lowest row-major site index), uint8 [N, L, L]. */
    public static final LabelColumn MAX_CLUSTER_MASK = new LabelColumn(
            "max_cluster_mask",
            "max_cluster_mask.npy",
            NpyDtype.UINT8,
            LabelColumn.PerMap.PER_SITE,
            "1 on the largest FK cluster; ties go to the cluster holding the lowest row-major site index",
            LabelColumn.Origin.EXACT);
    /** The chain a map comes from, int32 [N]. */
    public static final LabelColumn CHAIN =
            exact("chain", NpyDtype.INT32, "provenance: index of the chain of its Q value and split");
    /** Sweeps the chain had made when the map was stored, int32 [N]. */
    public static final LabelColumn STEP =
            exact("step", NpyDtype.INT32, "provenance: sweeps the chain had made when the map was stored");
    /** The pilot's τ̂_int of the bond count, float64 [N]. */
    public static final LabelColumn TAU_BONDS = measured(
            "tau_bonds", "provenance: the pilot chain's integrated autocorrelation time of the bond count, sweeps");
    /** The pilot's τ̂_int of the largest cluster, float64 [N]. */
    public static final LabelColumn TAU_MAX_CLUSTER = measured(
            "tau_max_cluster",
            "provenance: the pilot chain's integrated autocorrelation time of the largest cluster, sweeps");

    private static final Map<FkLabel, LabelColumn> EXACT_VALUES = new EnumMap<>(FkLabel.class);

    static {
        for (FkLabel l : FkLabel.values()) {
            EXACT_VALUES.put(l, exact(l.id(), NpyDtype.FLOAT64, "exact family value: " + l.description()));
        }
    }

    private static final List<LabelColumn> LABELS = declareLabels();

    CriticalFkFamily() {}

    private static List<LabelColumn> declareLabels() {
        List<LabelColumn> out = new ArrayList<>();
        out.add(Q_VALUE);
        out.addAll(EXACT_VALUES.values());
        out.addAll(List.of(
                BOND_COUNT,
                CLUSTER_COUNT,
                MAX_CLUSTER,
                WRAPPING,
                WRAPS_HORIZONTALLY,
                WRAPS_VERTICALLY,
                MAX_CLUSTER_MASK,
                CHAIN,
                STEP,
                TAU_BONDS,
                TAU_MAX_CLUSTER));
        return List.copyOf(out);
    }

    /**
     * @param label an exact family value
     * @return its per-map label column (e.g. {@code c}, {@code d_f})
     */
    public static LabelColumn column(FkLabel label) {
        return EXACT_VALUES.get(label);
    }

    private static LabelColumn exact(String id, NpyDtype dtype, String meaning) {
        return new LabelColumn(id, id + ".npy", dtype, LabelColumn.PerMap.SCALAR, meaning, LabelColumn.Origin.EXACT);
    }

    private static LabelColumn measured(String id, String meaning) {
        return new LabelColumn(
                id, id + ".npy", NpyDtype.FLOAT64, LabelColumn.PerMap.SCALAR, meaning, LabelColumn.Origin.MEASURED);
    }

    @Override
    public String id() {
        return "critical-fk";
    }

    @Override
    public String description() {
        return "critical FK random-cluster model, self-dual point of the periodic L×L square lattice, Q in [1, 4],"
                + " Chayes–Machta chains, bonds as two planes, exact labels";
    }

    @Override
    public InputColumn input() {
        return BONDS;
    }

    @Override
    public List<LabelColumn> labels() {
        return LABELS;
    }

    @Override
    public ControlParameter parameter() {
        return Q;
    }

    @Override
    public String boundary() {
        return "periodic";
    }

    @Override
    public int minSize() {
        return FkParameters.MIN_FAMILY_SIZE;
    }

    @Override
    public boolean markovChain() {
        return true;
    }

    @Override
    public SplitGenerator generator() {
        return CriticalFkFamily::generate;
    }

    /**
     * A shard holds whole chains: chain c of the j-th Q value is unit j·C + c of the split's V·C
     * chains, and its maps are a contiguous run of the split's files (Q-major, then chain, then
     * step).
     */
    @Override
    public Shard.Range shardMaps(DatasetSpec spec, SplitSpec split, Shard shard) {
        Shard.Range chains = shardChains(spec, split, shard);
        return new Shard.Range(firstMapOf(spec, split, chains.first()), firstMapOf(spec, split, chains.end()));
    }

    /**
     * @param spec  a critical-FK spec
     * @param split one of its splits
     * @param shard a shard
     * @return the chains [first, end) of the split the shard runs, chain c of the j-th value being j·C + c
     */
    public static Shard.Range shardChains(DatasetSpec spec, SplitSpec split, Shard shard) {
        return shard.part(Math.multiplyExact(spec.p().size(), spec.chain().chains()));
    }

    /** The index in the split's files of the first map of chain unit {@code unit} (V·C gives N). */
    private static int firstMapOf(DatasetSpec spec, SplitSpec split, int unit) {
        ChainRule rule = spec.chain();
        int perValue = split.samplesPerP();
        int map = (unit / rule.chains()) * perValue;
        for (int c = 0; c < unit % rule.chains(); c++) {
            map += rule.mapsOfChain(perValue, c);
        }
        return map;
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
        Shard.Range chainRange = shardChains(spec, split, shard);
        int n = range.count();
        int size = spec.size();
        int sites = size * size;
        double[] q = spec.p().stream().mapToDouble(BigDecimal::doubleValue).toArray();
        double[] qOfMap = Arrays.copyOfRange(spec.pOfSamples(split), range.first(), range.end());
        int[] bonds = new int[n];
        int[] clusters = new int[n];
        int[] largest = new int[n];
        byte[] wrapping = new byte[n];
        byte[] wrapsH = new byte[n];
        byte[] wrapsV = new byte[n];
        int[] chain = new int[n];
        int[] step = new int[n];
        double[] tauBonds = new double[n];
        double[] tauLargest = new double[n];
        NpyWriter planes = sink.open(BONDS);
        NpyWriter masks = sink.open(MAX_CLUSTER_MASK);
        int[] next = {0};
        new FkChainSampler(spec.rng(), split.seed(), size, spec.chain(), threads)
                .run(q, split.samplesPerP(), chainRange.first(), chainRange.end(), (j, pilot, draws) -> {
                    for (FkChainSampler.Draw d : draws) {
                        int k = next[0]++;
                        planes.writeUint8(d.planes(), 0, 2 * sites);
                        masks.writeUint8(d.mask(), 0, sites);
                        FkMeasures m = d.measures();
                        bonds[k] = m.bondCount();
                        clusters[k] = m.clusterCount();
                        largest[k] = m.largestCluster();
                        wrapping[k] = (byte) m.wrapping().rank();
                        wrapsH[k] = m.wrapsHorizontally() ? (byte) 1 : 0;
                        wrapsV[k] = m.wrapsVertically() ? (byte) 1 : 0;
                        chain[k] = d.chain();
                        step[k] = d.step();
                        tauBonds[k] = pilot.bonds().tau();
                        tauLargest[k] = pilot.largest().tau();
                    }
                    progress.accept(draws.size());
                });
        if (next[0] != n) {
            throw new IllegalStateException("critical-FK shard " + shard + " of " + spec.id() + "/" + split.name()
                    + " drew " + next[0] + " maps, expected " + n);
        }
        planes.close();
        masks.close();
        writeFloat64(sink, Q_VALUE, qOfMap);
        for (Map.Entry<FkLabel, LabelColumn> e : EXACT_VALUES.entrySet()) {
            double[] v = new double[n];
            for (int k = 0; k < n; k++) {
                v[k] = FkParameters.of(qOfMap[k]).value(e.getKey());
            }
            writeFloat64(sink, e.getValue(), v);
        }
        writeInt32(sink, BOND_COUNT, bonds);
        writeInt32(sink, CLUSTER_COUNT, clusters);
        writeInt32(sink, MAX_CLUSTER, largest);
        writeUint8(sink, WRAPPING, wrapping);
        writeUint8(sink, WRAPS_HORIZONTALLY, wrapsH);
        writeUint8(sink, WRAPS_VERTICALLY, wrapsV);
        writeInt32(sink, CHAIN, chain);
        writeInt32(sink, STEP, step);
        writeFloat64(sink, TAU_BONDS, tauBonds);
        writeFloat64(sink, TAU_MAX_CLUSTER, tauLargest);
    }

    private static void writeFloat64(SplitGenerator.ColumnSink sink, LabelColumn c, double[] v) throws IOException {
        try (NpyWriter w = sink.open(c)) {
            w.writeFloat64(v, 0, v.length);
        }
    }

    private static void writeInt32(SplitGenerator.ColumnSink sink, LabelColumn c, int[] v) throws IOException {
        try (NpyWriter w = sink.open(c)) {
            w.writeInt32(v, 0, v.length);
        }
    }

    private static void writeUint8(SplitGenerator.ColumnSink sink, LabelColumn c, byte[] v) throws IOException {
        try (NpyWriter w = sink.open(c)) {
            w.writeUint8(v, 0, v.length);
        }
    }
}
