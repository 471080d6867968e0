package org.scalefreebench.datasets.fk;

/**
 * Exact measures of one bond configuration on the L×L torus.
 *
 * @param bondCount          the number of occupied bonds |ω|
 * @param clusterCount       the number of FK clusters k(ω), isolated sites included
 * @param largestCluster     the number of sites of the largest cluster
 * @param wrapping           the topology class: none, one direction, or cross
 * @param wrapsHorizontally  whether some cluster has a cycle of nonzero horizontal winding (the
 *                           Newman–Ziff "wraps horizontally" event, R_h)
 * @param wrapsVertically    whether some cluster has a cycle of nonzero vertical winding
 */
public record FkMeasures(
        int bondCount,
        int clusterCount,
        int largestCluster,
        WrappingClass wrapping,
        boolean wrapsHorizontally,
        boolean wrapsVertically) {

    /** @return the sufficient statistic of the self-dual FK law, T = k + |ω|/2 (see the brief, §6) */
    public double sufficientStatistic() {
        return clusterCount + bondCount / 2.0;
    }
}
