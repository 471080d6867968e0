package org.scalefreebench.datasets.lattice;

/**
 * Weighted union-find over the integers 0…n−1, with path halving and union by weight.
 * Not thread safe; reuse an instance by calling {@link #makeSet} again.
 */
public final class UnionFind {

    private final int[] parent;
    private final int[] weight;

    /**
     * @param capacity the number of elements it can hold
     */
    public UnionFind(int capacity) {
        parent = new int[capacity];
        weight = new int[capacity];
    }

    /**
     * Makes {@code x} a set of its own.
     *
     * @param x the element
     * @param w its weight (e.g. the number of sites it stands for)
     */
    public void makeSet(int x, int w) {
        parent[x] = x;
        weight[x] = w;
    }

    /**
     * @param x an element
     * @return the root of its set
     */
    public int find(int x) {
        int[] p = parent;
        while (p[x] != x) {
            int grand = p[p[x]];
            p[x] = grand;
            x = grand;
        }
        return x;
    }

    /**
     * Joins the sets of {@code a} and {@code b}; the heavier root stays root.
     *
     * @param a an element
     * @param b an element
     */
    public void union(int a, int b) {
        int ra = find(a);
        int rb = find(b);
        if (ra == rb) {
            return;
        }
        if (weight[ra] < weight[rb]) {
            int t = ra;
            ra = rb;
            rb = t;
        }
        parent[rb] = ra;
        weight[ra] += weight[rb];
    }

    /**
     * @param x an element
     * @return whether it is the root of its set
     */
    public boolean isRoot(int x) {
        return parent[x] == x;
    }

    /**
     * @param root a root
     * @return the total weight of its set
     */
    public int weight(int root) {
        return weight[root];
    }
}
