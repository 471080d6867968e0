package org.scalefreebench.datasets.fk;

import java.util.Arrays;

/**
 * Exact measures of a bond configuration on the L×L torus: bond count, cluster count, largest
 * cluster (size and mask) and the wrapping class, by a union-find that tracks displacements on the
 * seam bonds only (the winding-vector method of Machta et al. and Newman–Ziff, PRE 64, 016706).
 *
 * <p><b>Winding vectors.</b> The bonds that do not cross the seam (column L − 1 to 0, row L − 1 to
 * 0) are joined first, in one raster pass ({@link TorusUnionFind}): they form clusters of the open
 * L×L square ("patches"), in which every site sits at its own lattice coordinates, so no
 * displacement needs to be carried. Then each of the 2L seam bonds, from u to v = u + s with s =
 * (1, 0) or (0, 1) unwrapped, is added with displacements: each set carries the frame shift F, a
 * vector of multiples of L, that places its sites at lattice coordinates + F in the unwrapped
 * plane, and each link stores the shift of the child's frame relative to its parent's (in units of
 * L; zero on patch links). A seam bond either joins two sets (the new link gets the shift that
 * places v at u + s) or closes a cycle in one; a closing bond's mismatch is the winding vector (a,
 * b) of the fundamental cycle it closes, and bonds inside a patch close cycles of winding 0. These
 * cycles generate the cluster's cycle space, so their winding vectors span the image of the
 * cluster's homology in Z² = H₁(torus). A cluster whose vectors span rank 2 has cross topology; rank
 * 1, it wraps in one direction (all its windings are multiples of one primitive (a, b), which may
 * be diagonal); rank 0, it does not wrap. On the torus disjoint clusters cannot wind in
 * non-parallel directions, so the configuration's class is the largest rank over clusters.
 *
 * <p>Every union links the larger root to the smaller, so the root of a cluster is its lowest site
 * index: ties for the largest cluster go to the cluster holding the lowest site index (the
 * percolation family's rule). An instance keeps its work arrays and is not thread safe.
 */
public final class FkClusterMeasurer {

    private final int size;
    private final TorusUnionFind clusters;
    private final int[] shiftA;
    private final int[] shiftB;
    private final int[] windingA;
    private final int[] windingB;
    private final byte[] rank;
    private final int[] root;
    private final int[] weight;
    private int foundA;
    private int foundB;

    /**
     * @param size the linear size L of the tori it measures
     */
    public FkClusterMeasurer(int size) {
        this.size = BondConfiguration.checkSize(size);
        int n = size * size;
        clusters = new TorusUnionFind(size);
        shiftA = new int[n];
        shiftB = new int[n];
        windingA = new int[n];
        windingB = new int[n];
        rank = new byte[n];
        root = new int[n];
        weight = new int[n];
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
        byte[] h = bonds.horizontal();
        byte[] v = bonds.vertical();
        clusters.joinInteriorBonds(h, v);
        Arrays.fill(shiftA, 0);
        Arrays.fill(shiftB, 0);
        Arrays.fill(rank, (byte) 0);
        Arrays.fill(weight, 0);
        int l = size;
        for (int row = 0; row < n; row += l) {
            if (h[row + l - 1] != 0) {
                joinSeam(row + l - 1, row, 1, 0);
            }
        }
        for (int x = 0; x < l; x++) {
            if (v[n - l + x] != 0) {
                joinSeam(n - l + x, x, 0, 1);
            }
        }
        int[] parent = clusters.parent();
        for (int i = 0; i < n; i++) {
            int pi = parent[i];
            int r = pi == i ? i : root[pi];
            root[i] = r;
            weight[r]++;
        }
        int clusterCount = 0;
        int largest = 0;
        int chosen = 0;
        int maxRank = 0;
        boolean wrapsX = false;
        boolean wrapsY = false;
        for (int i = 0; i < n; i++) {
            if (parent[i] == i) {
                clusterCount++;
                if (weight[i] > largest) {
                    largest = weight[i];
                    chosen = i;
                }
                maxRank = Math.max(maxRank, rank[i]);
                wrapsX |= rank[i] == 2 || (rank[i] == 1 && windingA[i] != 0);
                wrapsY |= rank[i] == 2 || (rank[i] == 1 && windingB[i] != 0);
            }
        }
        if (mask != null) {
            for (int i = 0; i < n; i++) {
                mask[i] = root[i] == chosen ? (byte) 1 : (byte) 0;
            }
        }
        return new FkMeasures(
                bonds.bondCount(), clusterCount, largest, WrappingClass.values()[maxRank], wrapsX, wrapsY);
    }

    /** Root of x, with path halving; leaves x's frame shift relative to the root in foundA, foundB. */
    private int find(int x) {
        int[] parent = clusters.parent();
        int sa = 0;
        int sb = 0;
        while (parent[x] != x) {
            int p = parent[x];
            shiftA[x] += shiftA[p];
            shiftB[x] += shiftB[p];
            parent[x] = parent[p];
            sa += shiftA[x];
            sb += shiftB[x];
            x = parent[x];
        }
        foundA = sa;
        foundB = sb;
        return x;
    }

    /**
     * Adds the seam bond from u to v, whose unwrapped step crosses the seam in direction (ea, eb):
     * v's frame must sit (ea, eb) frames (in units of L) beyond u's.
     */
    private void joinSeam(int u, int v, int ea, int eb) {
        int ru = find(u);
        int ua = foundA;
        int ub = foundB;
        int rv = find(v);
        int ma = ua + ea - foundA;
        int mb = ub + eb - foundB;
        if (ru == rv) {
            if (ma != 0 || mb != 0) {
                addWinding(ru, ma, mb);
            }
        } else if (ru < rv) {
            attach(rv, ru, ma, mb);
        } else {
            attach(ru, rv, -ma, -mb);
        }
    }

    /** Links root child under root, child's frame shifted by (a, b) from root's; merges the windings. */
    private void attach(int child, int root, int a, int b) {
        clusters.parent()[child] = root;
        shiftA[child] = a;
        shiftB[child] = b;
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
}
