package org.scalefreebench.datasets.fk;

/**
 * An independent exact labeller of a torus bond map, for tests: breadth-first search from every
 * unvisited site in row-major order, each site given its unwrapped position relative to the
 * search's start. An edge between two visited sites of one cluster whose unwrapped positions
 * differ by something other than the edge's own step closes a non-contractible cycle, with winding
 * (mismatch / L). The cluster's winding rank is that of the lattice those vectors span (2 if two
 * are not parallel). It shares no code with {@link FkClusterMeasurer} (no union-find).
 */
public final class FkFloodFill {

    /** Occupied bonds. */
    public final int bonds;
    /** Clusters, isolated sites included. */
    public final int clusters;
    /** Sites of the largest cluster. */
    public final int largest;
    /** The largest cluster (ties: the one found first, holding the lowest site index). */
    public final byte[] mask;
    /** The largest winding rank over clusters: 0, 1 or 2. */
    public final int wrapping;
    /** Whether some cycle winds horizontally. */
    public final boolean wrapsHorizontally;
    /** Whether some cycle winds vertically. */
    public final boolean wrapsVertically;

    /**
     * @param planes the map, two planes of L² bytes (horizontal edges, then vertical ones)
     * @param size   linear size L
     */
    public FkFloodFill(byte[] planes, int size) {
        int n = size * size;
        int[] cluster = new int[n];
        int[] ux = new int[n];
        int[] uy = new int[n];
        int[] queue = new int[n];
        byte[] best = new byte[n];
        int bondCount = 0;
        for (int i = 0; i < 2 * n; i++) {
            bondCount += planes[i];
        }
        int count = 0;
        int bestSize = 0;
        int bestId = 0;
        int rank = 0;
        boolean h = false;
        boolean v = false;
        for (int start = 0; start < n; start++) {
            if (cluster[start] != 0) {
                continue;
            }
            int id = ++count;
            cluster[start] = id;
            ux[start] = 0;
            uy[start] = 0;
            int head = 0;
            int tail = 0;
            queue[tail++] = start;
            long wa = 0;
            long wb = 0;
            int clusterRank = 0;
            while (head < tail) {
                int s = queue[head++];
                int x = s % size;
                int y = s / size;
                // the four edges of s: +x, −x, +y, −y with their planes
                int[][] edges = {
                    {planes[s], (x + 1) % size + y * size, 1, 0},
                    {planes[(x + size - 1) % size + y * size], (x + size - 1) % size + y * size, -1, 0},
                    {planes[n + s], x + ((y + 1) % size) * size, 0, 1},
                    {planes[n + x + ((y + size - 1) % size) * size], x + ((y + size - 1) % size) * size, 0, -1}
                };
                for (int[] e : edges) {
                    if (e[0] == 0) {
                        continue;
                    }
                    int t = e[1];
                    int tx = ux[s] + e[2];
                    int ty = uy[s] + e[3];
                    if (cluster[t] == 0) {
                        cluster[t] = id;
                        ux[t] = tx;
                        uy[t] = ty;
                        queue[tail++] = t;
                    } else if (tx != ux[t] || ty != uy[t]) {
                        long a = (tx - ux[t]) / size;
                        long b = (ty - uy[t]) / size;
                        h |= a != 0;
                        v |= b != 0;
                        if (clusterRank == 0) {
                            wa = a;
                            wb = b;
                            clusterRank = 1;
                        } else if (wa * b - wb * a != 0) {
                            clusterRank = 2;
                        }
                    }
                }
            }
            rank = Math.max(rank, clusterRank);
            if (tail > bestSize) {
                bestSize = tail;
                bestId = id;
            }
        }
        for (int i = 0; i < n; i++) {
            best[i] = cluster[i] == bestId ? (byte) 1 : 0;
        }
        this.bonds = bondCount;
        this.clusters = count;
        this.largest = bestSize;
        this.mask = best;
        this.wrapping = rank;
        this.wrapsHorizontally = h;
        this.wrapsVertically = v;
    }
}
