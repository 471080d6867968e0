package org.scalefreebench.datasets.spec;

import org.scalefreebench.datasets.npy.NpyDtype;

/**
 * The files of one split of a percolation dataset: the metadata table that drives the writer,
 * the loaders and the checksum checks alike.
 */
public enum DataFile {
    /** The maps, uint8 [N, L, L], 1 = occupied. */
    MAPS("maps.npy", NpyDtype.UINT8, true),
    /** The occupation probability of each map, float64 [N]. */
    P("p.npy", NpyDtype.FLOAT64, false),
    /** Sites in the largest 4-connected cluster, int32 [N] (0 if none). */
    MAX_CLUSTER("max_cluster.npy", NpyDtype.INT32, false),
    /** 1 if a cluster joins row 0 to row L−1, uint8 [N]. */
    SPANNING("spanning.npy", NpyDtype.UINT8, false),
    /** The largest cluster (ties: lowest row-major site index), uint8 [N, L, L]. */
    MAX_CLUSTER_MASK("max_cluster_mask.npy", NpyDtype.UINT8, true);

    private final String fileName;
    private final NpyDtype dtype;
    private final boolean perSite;

    DataFile(String fileName, NpyDtype dtype, boolean perSite) {
        this.fileName = fileName;
        this.dtype = dtype;
        this.perSite = perSite;
    }

    /** @return the file name inside the split folder */
    public String fileName() {
        return fileName;
    }

    /** @return the NPY dtype of the file */
    public NpyDtype dtype() {
        return dtype;
    }

    /**
     * @param samples number of maps N
     * @param size    linear size L
     * @return the file's shape: [N, L, L] for per-site files, [N] otherwise
     */
    public long[] shape(long samples, int size) {
        return perSite ? new long[] {samples, size, size} : new long[] {samples};
    }

    /**
     * @param split the split's name
     * @return the path of this file relative to the dataset folder, with '/' separators
     */
    public String relativePath(String split) {
        return split + "/" + fileName;
    }
}
