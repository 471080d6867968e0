package org.scalefreebench.datasets.lattice;

import java.util.Arrays;

/**
 * Exact cluster labelling of a site-percolation map by union-find over row runs
 * (Hoshen–Kopelman in one raster pass, with path halving and union by cluster size).
 *
 * <p>Each row is packed into 64-bit words; each maximal horizontal run of occupied sites is one
 * union-find node, found with bit operations; a run is joined to every run of the row above whose
 * columns overlap it (4-neighbour connectivity), one union per overlapping pair. Runs are
 * numbered in row-major order of their first site, so the cluster holding the lowest site index
 * is the one whose first run has the lowest number: that settles ties for the largest cluster.
 *
 * <p>An instance keeps its work arrays between calls and is not thread safe: use one per thread.
 */
public final class ClusterLabeller {

    private final int size;
    private final UnionFind clusters;
    private final int[] runStart;
    private final int[] runEnd;
    private final int[] rowFirstRun;
    private final int[] topStamp;
    private int stamp;
    private final int words;
    private long[] curBits;
    private long[] prevBits;
    private long[] curStarts;
    private long[] prevStarts;
    private int[] curRank;
    private int[] prevRank;

    /**
     * Creates a labeller for L×L maps.
     *
     * @param size the linear size L
     */
    public ClusterLabeller(int size) {
        Lattice.sites(size);
        this.size = size;
        int maxRuns = size * ((size + 1) / 2);
        this.clusters = new UnionFind(maxRuns);
        this.runStart = new int[maxRuns];
        this.runEnd = new int[maxRuns];
        this.rowFirstRun = new int[size + 1];
        this.topStamp = new int[maxRuns];
        this.words = (size + 63) >>> 6;
        this.curBits = new long[words];
        this.prevBits = new long[words];
        this.curStarts = new long[words];
        this.prevStarts = new long[words];
        this.curRank = new int[words];
        this.prevRank = new int[words];
    }

    /** @return the linear size L this labeller works on */
    public int size() {
        return size;
    }

    /**
     * Labels a map.
     *
     * @param sites the map, length L², row-major, nonzero = occupied
     * @param mask  if not null, length L²: set to 1 on the sites of the largest cluster, 0 elsewhere
     * @return the largest cluster's size and the spanning label
     */
    public ClusterLabels label(byte[] sites, byte[] mask) {
        if (sites.length != size * size) {
            throw new IllegalArgumentException("map has " + sites.length + " sites, expected L² = " + size * size);
        }
        if (mask != null && mask.length != sites.length) {
            throw new IllegalArgumentException("mask has " + mask.length + " sites, expected L² = " + size * size);
        }
        int runs = findRunsAndJoin(sites);
        if (runs == 0) {
            if (mask != null) {
                Arrays.fill(mask, (byte) 0);
            }
            return new ClusterLabels(0, false);
        }
        int best = -1;
        int bestSize = 0;
        int tied = 0;
        for (int r = 0; r < runs; r++) {
            if (clusters.isRoot(r)) {
                int sz = clusters.weight(r);
                if (sz > bestSize) {
                    bestSize = sz;
                    best = r;
                    tied = 1;
                } else if (sz == bestSize) {
                    tied++;
                }
            }
        }
        if (tied > 1) {
            best = firstRunOfSize(bestSize, runs);
        }
        boolean spanning = spans();
        if (mask != null) {
            fillMask(mask, best);
        }
        return new ClusterLabels(bestSize, spanning);
    }

    private int findRunsAndJoin(byte[] sites) {
        int l = size;
        int runs = 0;
        for (int row = 0; row < l; row++) {
            long[] t = prevBits;
            prevBits = curBits;
            curBits = t;
            t = prevStarts;
            prevStarts = curStarts;
            curStarts = t;
            int[] c = prevRank;
            prevRank = curRank;
            curRank = c;
            loadRow(sites, row * l, curBits);
            rowFirstRun[row] = runs;
            runs = addRuns(runs);
            if (row > 0) {
                joinWithRowAbove(rowFirstRun[row - 1], rowFirstRun[row]);
            }
        }
        rowFirstRun[l] = runs;
        return runs;
    }

    /** Packs one row into bits, bit {@code c & 63} of word {@code c >> 6} = site (row, c) occupied. */
    private void loadRow(byte[] sites, int base, long[] bits) {
        for (int w = 0; w < words; w++) {
            int from = w << 6;
            bits[w] = BitRows.pack(sites, base + from, Math.min(64, size - from));
        }
    }

    /** Records the row's runs (start bits, run bounds, sizes) and returns the new run count. */
    private int addRuns(int runs) {
        long carry = 0;
        int rank = 0;
        int r = runs;
        for (int w = 0; w < words; w++) {
            long bits = curBits[w];
            long starts = bits & ~((bits << 1) | carry);
            carry = bits >>> 63;
            curStarts[w] = starts;
            curRank[w] = rank;
            rank += Long.bitCount(starts);
            int offset = w << 6;
            for (long s = starts; s != 0; s &= s - 1) {
                runStart[r++] = offset + Long.numberOfTrailingZeros(s);
            }
        }
        r = runs;
        for (int w = 0; w < words; w++) {
            long bits = curBits[w];
            long next = w + 1 < words ? curBits[w + 1] : 0;
            long ends = bits & ~((bits >>> 1) | (next << 63));
            int offset = (w << 6) + 1;
            for (long e = ends; e != 0; e &= e - 1) {
                int end = offset + Long.numberOfTrailingZeros(e);
                clusters.makeSet(r, end - runStart[r]);
                runEnd[r] = end;
                r++;
            }
        }
        return r;
    }

    /**
     * Joins each run to the runs of the row above that it touches: one union per maximal segment of
     * columns occupied in both rows, which is exactly one per touching pair of runs.
     */
    private void joinWithRowAbove(int prevFirst, int first) {
        long carry = 0;
        for (int w = 0; w < words; w++) {
            long both = curBits[w] & prevBits[w];
            long segments = both & ~((both << 1) | carry);
            carry = both >>> 63;
            for (long s = segments; s != 0; s &= s - 1) {
                long upTo = (Long.lowestOneBit(s) << 1) - 1;
                int above = prevFirst + prevRank[w] + Long.bitCount(prevStarts[w] & upTo) - 1;
                int here = first + curRank[w] + Long.bitCount(curStarts[w] & upTo) - 1;
                clusters.union(above, here);
            }
        }
    }

    /**
     * Among equally large clusters the one holding the lowest site index wins: it is the one whose
     * first run comes first, runs being numbered in row-major order.
     */
    private int firstRunOfSize(int clusterSize, int runs) {
        for (int r = 0; r < runs; r++) {
            int root = clusters.find(r);
            if (clusters.weight(root) == clusterSize) {
                return root;
            }
        }
        throw new IllegalStateException("no cluster of size " + clusterSize);
    }

    private boolean spans() {
        stamp++;
        if (stamp == 0) {
            Arrays.fill(topStamp, 0);
            stamp = 1;
        }
        for (int r = rowFirstRun[0]; r < rowFirstRun[1]; r++) {
            topStamp[clusters.find(r)] = stamp;
        }
        for (int r = rowFirstRun[size - 1]; r < rowFirstRun[size]; r++) {
            if (topStamp[clusters.find(r)] == stamp) {
                return true;
            }
        }
        return false;
    }

    private void fillMask(byte[] mask, int root) {
        Arrays.fill(mask, (byte) 0);
        for (int row = 0; row < size; row++) {
            int base = row * size;
            for (int r = rowFirstRun[row]; r < rowFirstRun[row + 1]; r++) {
                if (clusters.find(r) == root) {
                    Arrays.fill(mask, base + runStart[r], base + runEnd[r], (byte) 1);
                }
            }
        }
    }
}
