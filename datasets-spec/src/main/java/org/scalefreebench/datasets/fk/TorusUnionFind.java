package org.scalefreebench.datasets.fk;

import org.scalefreebench.datasets.lattice.BitRows;

/**
 * Union-find over the sites of the L×L torus, specialised to its bond lattice: the bonds that do
 * not cross the seam (every horizontal bond but those of column L − 1, every vertical bond but
 * those of row L − 1) are joined in one raster pass, the 2L seam bonds after. Unions link the
 * larger root to the smaller (union by index) with path halving, so every link points to a lower
 * site index: {@code parent[i] ≤ i}, the root of each set is its lowest site index, and one
 * ascending pass ({@code root[i] = parent[i] == i ? i : root[parent[i]]}) gives every site its
 * root without a find.
 *
 * <p>{@code lattice.UnionFind} links by weight, which does not keep {@code parent[i] ≤ i}. Not
 * thread safe; the arrays are reused from call to call.
 */
final class TorusUnionFind {

    private final int size;
    private final int[] parent;

    /**
     * @param size the linear size L
     */
    TorusUnionFind(int size) {
        this.size = size;
        this.parent = new int[size * size];
    }

    /** @return the live parent array, {@code parent[i] ≤ i}, roots have {@code parent[i] == i} */
    int[] parent() {
        return parent;
    }

    /**
     * Resets every site to its own set and joins the bonds that do not cross the seam, row by row:
     * each run of sites joined by horizontal bonds points to its first site (a branch-free select),
     * then each vertical bond to the row above, found bit by bit in the packed row, joins two sets.
     *
     * @param h the horizontal plane, edge (x, y)–(x + 1, y) at y·L + x
     * @param v the vertical plane, edge (x, y)–(x, y + 1) at y·L + x
     */
    void joinInteriorBonds(byte[] h, byte[] v) {
        int l = size;
        int[] p = parent;
        for (int row = 0; row < l * l; row += l) {
            p[row] = row;
            for (int i = row + 1; i < row + l; i++) {
                p[i] = h[i - 1] != 0 ? p[i - 1] : i;
            }
            if (row > 0) {
                for (int w = 0; w < l; w += 64) {
                    for (long up = BitRows.pack(v, row - l + w, Math.min(64, l - w)); up != 0; up &= up - 1) {
                        int i = row + w + Long.numberOfTrailingZeros(up);
                        unite(i - l, i);
                    }
                }
            }
        }
    }

    /**
     * Joins the seam bonds: (L − 1, y)–(0, y) for every row, then (x, L − 1)–(x, 0) for every column.
     *
     * @param h the horizontal plane
     * @param v the vertical plane
     */
    void joinSeamBonds(byte[] h, byte[] v) {
        int l = size;
        for (int row = 0; row < l * l; row += l) {
            if (h[row + l - 1] != 0) {
                unite(row + l - 1, row);
            }
        }
        int last = (l - 1) * l;
        for (int x = 0; x < l; x++) {
            if (v[last + x] != 0) {
                unite(last + x, x);
            }
        }
    }

    /**
     * @param x a site
     * @return the root of its set, its lowest site index (halving the path on the way)
     */
    int find(int x) {
        int[] p = parent;
        while (p[x] != x) {
            int grand = p[p[x]];
            p[x] = grand;
            x = grand;
        }
        return x;
    }

    /**
     * Joins the sets of two sites; the lower root stays root.
     *
     * @param a a site
     * @param b a site
     * @return the root of the joined set
     */
    int unite(int a, int b) {
        int ra = find(a);
        int rb = find(b);
        if (ra < rb) {
            parent[rb] = ra;
            return ra;
        }
        if (rb < ra) {
            parent[ra] = rb;
        }
        return rb;
    }
}
