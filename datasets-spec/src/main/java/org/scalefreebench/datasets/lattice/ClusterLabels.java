package org.scalefreebench.datasets.lattice;

/**
 * Exact labels of one site-percolation map.
 *
 * @param maxCluster number of sites in the largest 4-connected cluster (0 if no site is occupied)
 * @param spanning   whether one cluster holds a site of row 0 and a site of row L−1
 */
public record ClusterLabels(int maxCluster, boolean spanning) {}
