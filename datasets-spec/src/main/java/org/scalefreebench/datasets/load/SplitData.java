package org.scalefreebench.datasets.load;

import org.scalefreebench.datasets.spec.DatasetSpec;
import org.scalefreebench.datasets.spec.SplitSpec;

/**
 * One loaded split: plain arrays, exactly the files of the data contract.
 *
 * @param spec           the spec it was generated from
 * @param split          the split
 * @param maps           uint8 [N·L·L], row-major per map, 1 = occupied
 * @param p              occupation probability of each map [N]
 * @param maxCluster     sites in the largest cluster [N]
 * @param spanning       1 if a cluster joins row 0 to row L−1 [N]
 * @param maxClusterMask the largest cluster of each map [N·L·L]
 */
public record SplitData(
        DatasetSpec spec,
        SplitSpec split,
        byte[] maps,
        double[] p,
        int[] maxCluster,
        byte[] spanning,
        byte[] maxClusterMask) {

    /** @return the number of maps N */
    public int samples() {
        return p.length;
    }

    /** @return the linear size L */
    public int size() {
        return spec.size();
    }
}
