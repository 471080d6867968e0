package org.scalefreebench.datasets.lattice;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.PermutationSampler;

/**
 * Newman–Ziff sweep (PRL 85, 4104; PRE 64, 016706): occupy the sites of the open L×L square
 * lattice one by one in a uniformly random order, joining clusters with union-find, and record
 * when a cluster first joins row 0 to row L−1 (virtual top and bottom nodes). One sweep gives the
 * top–bottom crossing event at every occupation number n; fixed-p observables follow by
 * convolution with the binomial law.
 *
 * <p>An instance reuses its arrays and is not thread safe.
 */
public final class NewmanZiffSweep {

    private final int size;
    private final int sites;
    private final int[] order;
    private final UnionFind clusters;
    private final boolean[] occupied;

    /**
     * @param size the linear size L
     */
    public NewmanZiffSweep(int size) {
        this.sites = Lattice.sites(size);
        this.size = size;
        this.order = new int[sites];
        this.clusters = new UnionFind(sites + 2);
        this.occupied = new boolean[sites];
    }

    /**
     * Runs one sweep.
     *
     * @param rng the generator of the random order
     * @return the number of occupied sites at which a top–bottom crossing first appears (1…L²)
     */
    public int crossingOccupation(UniformRandomProvider rng) {
        for (int i = 0; i < sites; i++) {
            order[i] = i;
            occupied[i] = false;
        }
        PermutationSampler.shuffle(rng, order);
        for (int i = 0; i < sites + 2; i++) {
            clusters.makeSet(i, 1);
        }
        int top = sites;
        int bottom = sites + 1;
        for (int n = 0; n < sites; n++) {
            int s = order[n];
            occupied[s] = true;
            int row = s / size;
            int col = s - row * size;
            if (row == 0) {
                clusters.union(s, top);
            }
            if (row == size - 1) {
                clusters.union(s, bottom);
            }
            if (row > 0 && occupied[s - size]) {
                clusters.union(s, s - size);
            }
            if (row < size - 1 && occupied[s + size]) {
                clusters.union(s, s + size);
            }
            if (col > 0 && occupied[s - 1]) {
                clusters.union(s, s - 1);
            }
            if (col < size - 1 && occupied[s + 1]) {
                clusters.union(s, s + 1);
            }
            if (clusters.find(top) == clusters.find(bottom)) {
                return n + 1;
            }
        }
        throw new IllegalStateException("a fully occupied lattice must cross");
    }
}
