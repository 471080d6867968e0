package org.scalefreebench.datasets.generate;

import org.scalefreebench.datasets.lattice.ClusterLabels;

/**
 * A run of consecutive labelled maps, delivered in sample order by {@link LabelledMapStream}.
 * The arrays are reused for the next block: copy what must outlive the callback.
 *
 * @param first  index of the block's first sample in the whole stream
 * @param count  number of maps in this block (the arrays may be longer)
 * @param p      occupation probability of each map
 * @param maps   the maps, each L² bytes, row-major, 1 = occupied
 * @param masks  the largest-cluster masks, or null when masks were not asked for
 * @param labels the exact labels of each map
 */
public record MapBlock(long first, int count, double[] p, byte[][] maps, byte[][] masks, ClusterLabels[] labels) {}
