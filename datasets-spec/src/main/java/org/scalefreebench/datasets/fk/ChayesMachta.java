package org.scalefreebench.datasets.fk;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.scalefreebench.datasets.lattice.UnionFind;

/**
 * The Chayes–Machta Markov chain for the FK random-cluster model at the self-dual point p =
 * √Q/(1 + √Q) of the L×L torus, for real Q ≥ 1, with k = ⌊Q⌋ active colours. At integer Q it is
 * Swendsen–Wang; at Q = 1 each step draws every bond afresh, independently with probability ½.
 *
 * <p>One sweep, the unit of time:
 *
 * <ol>
 *   <li>label the clusters of ω (with {@link UnionFind});
 *   <li>for each cluster, in the order of its lowest site index, draw u = {@code nextDouble()}:
 *       the cluster takes active colour ⌊uQ⌋ if that is below k (each colour with probability
 *       1/Q), else it is inactive (probability 1 − k/Q);
 *   <li>for each site i = y·L + x in order, its horizontal edge and then its vertical edge: if both
 *       ends have the same active colour, the bond is occupied iff {@code nextDouble()} < p; if
 *       the ends differ (two colours, or one active and one inactive), the bond is emptied; if
 *       both ends are inactive, it is kept.
 * </ol>
 *
 * <p>Why it leaves the FK law invariant (brief §2.1): write Q = k·1 + (Q − k), k colours of weight
 * 1 and one inactive pseudo-colour of weight Q − k ≥ 0. The joint law of (ω, colouring) ∝ v^{|ω|}
 * Π_clusters w(colour), colours constant on clusters, has ω-marginal v^{|ω|} Q^{k(ω)}. Step 2
 * draws the colours given ω; given the colours, the edges inside one active colour are independent
 * Bernoulli(p), edges between different colours are empty, and the inactive part is untouched:
 * steps 2–3 are a block Gibbs step. The draw order above fixes the bytes a seed gives.
 *
 * <p>Not thread safe; the configuration it returns is its live state.
 */
public final class ChayesMachta {

    private static final int INACTIVE = -1;

    private final double q;
    private final int activeColours;
    private final double p;
    private final int size;
    private final UniformRandomProvider rng;
    private final BondConfiguration bonds;
    private final UnionFind clusters;
    private final int[] colour;
    private final int[] clusterColour;
    private final int[] clusterStamp;
    private int stamp;

    /**
     * @param q     the cluster weight Q, finite and ≥ 1
     * @param start the starting configuration (copied), L ≥ 3
     * @param rng   the stream to draw from
     * @throws IllegalArgumentException if Q is below 1 or not finite, naming the value
     */
    public ChayesMachta(double q, BondConfiguration start, UniformRandomProvider rng) {
        if (!Double.isFinite(q) || q < 1) {
            throw new IllegalArgumentException(
                    "cluster weight Q = " + q + " is not a finite number >= 1; the Chayes–Machta chain needs Q >= 1");
        }
        this.q = q;
        this.activeColours = (int) Math.floor(q);
        double s = Math.sqrt(q);
        this.p = s / (1 + s);
        this.size = start.size();
        this.rng = rng;
        this.bonds = start.copy();
        int n = size * size;
        this.clusters = new UnionFind(n);
        this.colour = new int[n];
        this.clusterColour = new int[n];
        this.clusterStamp = new int[n];
    }

    /** @return the cluster weight Q */
    public double q() {
        return q;
    }

    /** @return the number k = ⌊Q⌋ of active colours */
    public int activeColours() {
        return activeColours;
    }

    /** @return the bond probability p = √Q/(1 + √Q) */
    public double bondProbability() {
        return p;
    }

    /** @return the current configuration: the live state, changed by each sweep (copy it to keep it) */
    public BondConfiguration configuration() {
        return bonds;
    }

    /** Performs one Chayes–Machta update of every bond, as described above. */
    public void sweep() {
        labelClusters();
        colourClusters();
        updateBonds();
    }

    /**
     * Performs several sweeps.
     *
     * @param count the number of sweeps, ≥ 0
     */
    public void sweep(int count) {
        for (int t = 0; t < count; t++) {
            sweep();
        }
    }

    private void labelClusters() {
        int l = size;
        int n = l * l;
        for (int i = 0; i < n; i++) {
            clusters.makeSet(i, 1);
        }
        byte[] h = bonds.horizontal();
        byte[] v = bonds.vertical();
        for (int y = 0; y < l; y++) {
            int row = y * l;
            int below = y + 1 < l ? row + l : 0;
            for (int x = 0; x < l; x++) {
                int i = row + x;
                if (h[i] != 0) {
                    clusters.union(i, x + 1 < l ? i + 1 : row);
                }
                if (v[i] != 0) {
                    clusters.union(i, below + x);
                }
            }
        }
    }

    private void colourClusters() {
        stamp++;
        if (stamp == 0) {
            Arrays.fill(clusterStamp, 0);
            stamp = 1;
        }
        boolean integer = activeColours == q;
        int n = size * size;
        for (int i = 0; i < n; i++) {
            int r = clusters.find(i);
            if (clusterStamp[r] != stamp) {
                clusterStamp[r] = stamp;
                double uq = rng.nextDouble() * q;
                int c = (int) uq;
                if (integer) {
                    clusterColour[r] = Math.min(c, activeColours - 1);
                } else {
                    clusterColour[r] = c < activeColours ? c : INACTIVE;
                }
            }
            colour[i] = clusterColour[r];
        }
    }

    private void updateBonds() {
        int l = size;
        byte[] h = bonds.horizontal();
        byte[] v = bonds.vertical();
        double prob = p;
        for (int y = 0; y < l; y++) {
            int row = y * l;
            int below = y + 1 < l ? row + l : 0;
            for (int x = 0; x < l; x++) {
                int i = row + x;
                int ci = colour[i];
                int cr = colour[x + 1 < l ? i + 1 : row];
                if (ci == cr) {
                    if (ci != INACTIVE) {
                        h[i] = rng.nextDouble() < prob ? (byte) 1 : (byte) 0;
                    }
                } else {
                    h[i] = 0;
                }
                int cb = colour[below + x];
                if (ci == cb) {
                    if (ci != INACTIVE) {
                        v[i] = rng.nextDouble() < prob ? (byte) 1 : (byte) 0;
                    }
                } else {
                    v[i] = 0;
                }
            }
        }
    }
}
