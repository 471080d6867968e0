package org.scalefreebench.datasets.lattice;

/**
 * An independent exact labeller for tests: breadth-first flood fill from every unvisited
 * occupied site in row-major order. It shares no code with {@link ClusterLabeller}.
 */
public final class FloodFillLabels {

    /** Sites of the largest cluster. */
    public final int maxCluster;
    /** Whether a cluster touches row 0 and row L−1. */
    public final boolean spanning;
    /** The largest cluster's sites (ties: the cluster found first, i.e. holding the lowest site index). */
    public final byte[] mask;

    /**
     * @param sites the map, row-major
     * @param size  the linear size L
     */
    public FloodFillLabels(byte[] sites, int size) {
        int n = size * size;
        int[] cluster = new int[n];
        int[] queue = new int[n];
        int bestId = 0;
        int bestSize = 0;
        boolean spans = false;
        int nextId = 0;
        for (int start = 0; start < n; start++) {
            if (sites[start] == 0 || cluster[start] != 0) {
                continue;
            }
            int id = ++nextId;
            int head = 0;
            int tail = 0;
            queue[tail++] = start;
            cluster[start] = id;
            boolean top = false;
            boolean bottom = false;
            while (head < tail) {
                int s = queue[head++];
                int r = s / size;
                int c = s % size;
                top |= r == 0;
                bottom |= r == size - 1;
                tail = visit(sites, cluster, queue, tail, id, r > 0, s - size);
                tail = visit(sites, cluster, queue, tail, id, r < size - 1, s + size);
                tail = visit(sites, cluster, queue, tail, id, c > 0, s - 1);
                tail = visit(sites, cluster, queue, tail, id, c < size - 1, s + 1);
            }
            spans |= top && bottom;
            if (tail > bestSize) {
                bestSize = tail;
                bestId = id;
            }
        }
        maxCluster = bestSize;
        spanning = spans;
        mask = new byte[n];
        for (int i = 0; i < n; i++) {
            mask[i] = (byte) (bestId != 0 && cluster[i] == bestId ? 1 : 0);
        }
    }

    private static int visit(byte[] sites, int[] cluster, int[] queue, int tail, int id, boolean inside, int t) {
        if (inside && sites[t] != 0 && cluster[t] == 0) {
            cluster[t] = id;
            queue[tail++] = t;
        }
        return tail;
    }
}
