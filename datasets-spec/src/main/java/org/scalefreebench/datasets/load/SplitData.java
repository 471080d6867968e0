package org.scalefreebench.datasets.load;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.scalefreebench.datasets.family.Family;
import org.scalefreebench.datasets.family.SitePercolationFamily;
import org.scalefreebench.datasets.spec.DatasetSpec;
import org.scalefreebench.datasets.spec.SplitSpec;

/**
 * One loaded split: the input maps and the label columns its spec's family declares, as plain
 * arrays. Labels are looked up by column id ({@link #column}); {@link #p()}, {@link #maxCluster()},
 * {@link #spanning()} and {@link #maxClusterMask()} are the site-percolation columns by name.
 *
 * @param spec   the spec it was generated from
 * @param split  the split
 * @param maps   the input, uint8 [N·C·L·L], row-major per plane, map-major (C = 1 for site percolation:
 *               1 = occupied)
 * @param labels the label columns present, keyed by column id, in the family's order
 */
public record SplitData(DatasetSpec spec, SplitSpec split, byte[] maps, Map<String, LabelValues> labels) {

    /** Immutable copy of the label map. */
    public SplitData {
        labels = Collections.unmodifiableMap(new LinkedHashMap<>(labels));
    }

    /**
     * A site-percolation split from its arrays; a null array leaves that column out.
     *
     * @param spec           the spec
     * @param split          the split
     * @param maps           uint8 [N·L·L], 1 = occupied
     * @param p              occupation probability of each map [N]
     * @param maxCluster     sites in the largest cluster [N]
     * @param spanning       1 if a cluster joins row 0 to row L−1 [N]
     * @param maxClusterMask the largest cluster of each map [N·L·L]
     * @return the split
     */
    public static SplitData ofSitePercolation(
            DatasetSpec spec,
            SplitSpec split,
            byte[] maps,
            double[] p,
            int[] maxCluster,
            byte[] spanning,
            byte[] maxClusterMask) {
        Map<String, LabelValues> labels = new LinkedHashMap<>();
        if (p != null) {
            labels.put(SitePercolationFamily.P.id(), LabelValues.ofFloat64(SitePercolationFamily.P, p));
        }
        if (maxCluster != null) {
            labels.put(
                    SitePercolationFamily.MAX_CLUSTER.id(),
                    LabelValues.ofInt32(SitePercolationFamily.MAX_CLUSTER, maxCluster));
        }
        if (spanning != null) {
            labels.put(
                    SitePercolationFamily.SPANNING.id(), LabelValues.ofUint8(SitePercolationFamily.SPANNING, spanning));
        }
        if (maxClusterMask != null) {
            labels.put(
                    SitePercolationFamily.MAX_CLUSTER_MASK.id(),
                    LabelValues.ofUint8(SitePercolationFamily.MAX_CLUSTER_MASK, maxClusterMask));
        }
        return new SplitData(spec, split, maps, labels);
    }

    /** @return the spec's family */
    public Family family() {
        return spec.family();
    }

    /** @return planes per map C */
    public int channels() {
        return spec.family().input().channels();
    }

    /** @return the number of maps N */
    public int samples() {
        return (int) (maps.length / ((long) channels() * size() * size()));
    }

    /** @return the linear size L */
    public int size() {
        return spec.size();
    }

    /**
     * @param id a label column id of the spec's family
     * @return the column's values
     * @throws IllegalArgumentException naming the spec, split and the columns present if it is absent
     */
    public LabelValues column(String id) {
        LabelValues v = labels.get(Objects.requireNonNull(id, "id"));
        if (v == null) {
            throw new IllegalArgumentException("split " + spec.id() + "/" + split.name() + " has no label column '" + id
                    + "'; its columns are " + labels.keySet());
        }
        return v;
    }

    /**
     * @param id a label column id
     * @return whether the split holds that column
     */
    public boolean has(String id) {
        return labels.containsKey(id);
    }

    /** @return column {@code p}: occupation probability of each map [N], or null if absent */
    public double[] p() {
        return has(SitePercolationFamily.P.id())
                ? column(SitePercolationFamily.P.id()).float64()
                : null;
    }

    /** @return column {@code max_cluster}: sites in the largest cluster [N], or null if absent */
    public int[] maxCluster() {
        return has(SitePercolationFamily.MAX_CLUSTER.id())
                ? column(SitePercolationFamily.MAX_CLUSTER.id()).int32()
                : null;
    }

    /** @return column {@code spanning}: 1 if a cluster joins row 0 to row L−1 [N], or null if absent */
    public byte[] spanning() {
        return has(SitePercolationFamily.SPANNING.id())
                ? column(SitePercolationFamily.SPANNING.id()).uint8()
                : null;
    }

    /** @return column {@code max_cluster_mask}: the largest cluster of each map [N·L·L], or null if absent */
    public byte[] maxClusterMask() {
        return has(SitePercolationFamily.MAX_CLUSTER_MASK.id())
                ? column(SitePercolationFamily.MAX_CLUSTER_MASK.id()).uint8()
                : null;
    }
}
