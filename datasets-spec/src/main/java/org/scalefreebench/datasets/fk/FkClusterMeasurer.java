package org.scalefreebench.datasets.fk;

import java.util.Arrays;

/**
 * Exact measures of a bond configuration on the L×L torus: bond count, cluster count, largest
 * cluster (size and mask) and the wrapping class, by one pass of a union-find that tracks
 * displacements (the winding-vector method of Machta et al. and Newman–Ziff, PRE 64, 016706).
 *
 * <p><b>Winding vectors.</b> Each site carries its displacement, in unwrapped lattice
 * coordinates, to its parent; the displacement to the root is the sum along the path. Bonds are
 * added one by one; a bond from u to v = u + s (s = (1, 0) or (0, 1), wrapped mod L) either joins
 * two clusters (the new parent link gets the displacement that places v at u + s) or closes a
 * cycle in one cluster. A closing bond's mismatch d(u) + s − d(v) is a multiple of L in each
 * component, and divided by L it is the winding vector (a, b) of the fundamental cycle it closes.
 * These cycles generate the cluster's cycle space, so their winding vectors span the image of the
 * cluster's homology in Z² = H₁(torus). A cluster whose vectors span rank 2 has cross topology;
 * rank 1, it wraps in one direction (all its windings are multiples of one primitive (a, b), which
 * may be diagonal); rank 0, it does not wrap. On the torus disjoint clusters cannot wind in
 * non-parallel directions, so the configuration's class is the largest rank over clusters.
 *
 * <p>{@code lattice.UnionFind} is not used here because its path halving cannot carry the
 * displacements; the sampler, which needs only connectivity, uses it.
 *
 * <p>Ties for the largest cluster go to the cluster holding the lowest site index (the
 * percolation family's rule). An instance keeps its work arrays and is not thread safe.
 */
public final class FkClusterMeasurer {

    private final int size;
    private final int[] parent;
    private final int[] weight;
    private final int[] dx;
    private final int[] dy;
    private final int[] windingA;
    private final int[] windingB;
    private final byte[] rank;
    private int foundDx;
    private int foundDy;

    /**
     * @param size the linear size L of the tori it measures
     */
    public FkClusterMeasurer(int size) {
        this.size = BondConfiguration.checkSize(size);
        int n = size * size;
        parent = new int[n];
        weight = new int[n];
        dx = new int[n];
        dy = new int[n];
        windingA = new int[n];
        windingB = new int[n];
        rank = new byte[n];
    }

    /**
     * Measures a configuration.
     *
     * @param bonds the configuration, of size L
     * @param mask  if not null, length L²: set to 1 on the sites of the largest cluster, 0 elsewhere
     * @return its exact measures
     */
    public FkMeasures measure(BondConfiguration bonds, byte[] mask) {
        if (bonds.size() != size) {
            throw new IllegalArgumentException("configuration has L = " + bonds.size() + ", this measurer L = " + size);
        }
        int n = size * size;
        if (mask != null && mask.length != n) {
            throw new IllegalArgumentException("mask has " + mask.length + " sites, expected L² = " + n);
        }
        for (int i = 0; i < n; i++) {
            parent[i] = i;
            weight[i] = 1;
            dx[i] = 0;
            dy[i] = 0;
            rank[i] = 0;
        }
        byte[] h = bonds.horizontal();
        byte[] v = bonds.vertical();
        int bondCount = 0;
        for (int y = 0; y < size; y++) {
            int row = y * size;
            int below = y + 1 < size ? row + size : 0;
            for (int x = 0; x < size; x++) {
                int i = row + x;
                if (h[i] != 0) {
                    bondCount++;
                    join(i, x + 1 < size ? i + 1 : row, 1, 0);
                }
                if (v[i] != 0) {
                    bondCount++;
                    join(i, below + x, 0, 1);
                }
            }
        }
        int clusters = 0;
        int largest = 0;
        int maxRank = 0;
        boolean wrapsX = false;
        boolean wrapsY = false;
        for (int i = 0; i < n; i++) {
            if (parent[i] == i) {
                clusters++;
                largest = Math.max(largest, weight[i]);
                maxRank = Math.max(maxRank, rank[i]);
                wrapsX |= rank[i] == 2 || (rank[i] == 1 && windingA[i] != 0);
                wrapsY |= rank[i] == 2 || (rank[i] == 1 && windingB[i] != 0);
            }
        }
        if (mask != null) {
            fillMask(mask, largest);
        }
        return new FkMeasures(bondCount, clusters, largest, WrappingClass.values()[maxRank], wrapsX, wrapsY);
    }

    /** Root of x, with path halving; leaves x's displacement to the root in foundDx, foundDy. */
    private int find(int x) {
        int sx = 0;
        int sy = 0;
        while (parent[x] != x) {
            int p = parent[x];
            dx[x] += dx[p];
            dy[x] += dy[p];
            parent[x] = parent[p];
            sx += dx[x];
            sy += dy[x];
            x = parent[x];
        }
        foundDx = sx;
        foundDy = sy;
        return x;
    }

    /** Adds the bond from u to its neighbour v = u + (sx, sy) in unwrapped coordinates. */
    private void join(int u, int v, int sx, int sy) {
        int ru = find(u);
        int ux = foundDx;
        int uy = foundDy;
        int rv = find(v);
        int mx = ux + sx - foundDx;
        int my = uy + sy - foundDy;
        if (ru == rv) {
            if (mx != 0 || my != 0) {
                addWinding(ru, mx / size, my / size);
            }
            return;
        }
        // rv sits at displacement (mx, my) from ru
        if (weight[ru] < weight[rv]) {
            attach(ru, rv, -mx, -my);
        } else {
            attach(rv, ru, mx, my);
        }
    }

    private void attach(int child, int root, int ox, int oy) {
        parent[child] = root;
        dx[child] = ox;
        dy[child] = oy;
        weight[root] += weight[child];
        if (rank[child] == 2) {
            rank[root] = 2;
        } else if (rank[child] == 1) {
            addWinding(root, windingA[child], windingB[child]);
        }
    }

    /** Adds a nonzero winding vector (a, b) to the winding lattice of root's cluster. */
    private void addWinding(int root, int a, int b) {
        if (rank[root] == 0) {
            windingA[root] = a;
            windingB[root] = b;
            rank[root] = 1;
        } else if (rank[root] == 1 && (long) windingA[root] * b - (long) windingB[root] * a != 0) {
            rank[root] = 2;
        }
    }

    private void fillMask(byte[] mask, int largest) {
        int n = mask.length;
        int chosen = -1;
        for (int i = 0; i < n && chosen < 0; i++) {
            int r = find(i);
            if (weight[r] == largest) {
                chosen = r;
            }
        }
        Arrays.fill(mask, (byte) 0);
        for (int i = 0; i < n; i++) {
            if (find(i) == chosen) {
                mask[i] = 1;
            }
        }
    }
}
