package org.scalefreebench.datasets.fk;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import org.apache.commons.rng.UniformRandomProvider;
import org.scalefreebench.datasets.lattice.BitRows;

/**
 * The Chayes–Machta Markov chain for the FK random-cluster model at the self-dual point p =
 * √Q/(1 + √Q) of the L×L torus, for real Q ≥ 1, with k = ⌊Q⌋ active colours. At integer Q it is
 * Swendsen–Wang; at Q = 1 each step draws every bond afresh, independently with probability ½.
 *
 * <p>One sweep, the unit of time, for Q &gt; 1:
 *
 * <ol>
 *   <li>label the clusters of ω (a raster union-find whose roots are the clusters' lowest sites);
 *   <li>for each cluster, in the order of its lowest site index, draw u = {@code nextDouble()}:
 *       the cluster takes active colour ⌊uQ⌋ if that is below k (each colour with probability
 *       1/Q), else it is inactive (probability 1 − k/Q); at integer Q, ⌊uQ⌋ is capped at k − 1
 *       against rounding of uQ up to Q;
 *   <li>for each site i = y·L + x in order, its horizontal edge and then its vertical edge: if both
 *       ends have the same active colour, one draw m = {@code nextLong() >>> 11} (53 uniform bits)
 *       occupies the bond iff m &lt; ⌈p·2⁵³⌉, which is exactly {@code nextDouble() < p} for
 *       {@code nextDouble() = m·2⁻⁵³} (the Commons RNG 64-bit generators, XO_RO_SHI_RO_128_PP among
 *       them), so the bond probability is p itself; if the ends differ (two colours, or one active
 *       and one inactive), the bond is emptied with no draw; if both ends are inactive, it is kept
 *       with no draw.
 * </ol>
 *
 * <p>At Q = 1 (k = 1, every cluster active with the one colour) step 3 would draw every bond, so
 * steps 1–2 are skipped: each sweep sets, for each site in order, its horizontal then its
 * vertical bond by one draw m &lt; ⌈p·2⁵³⌉ (p = ½), the i.i.d. Bernoulli(½) configuration.
 *
 * <p>Why it leaves the FK law invariant (brief §2.1): write Q = k·1 + (Q − k), k colours of weight
 * 1 and one inactive pseudo-colour of weight Q − k ≥ 0. The joint law of (ω, colouring) ∝ v^{|ω|}
 * Π_clusters w(colour), colours constant on clusters, has ω-marginal v^{|ω|} Q^{k(ω)}. Step 2
 * draws the colours given ω; given the colours, the edges inside one active colour are independent
 * Bernoulli(p), edges between different colours are empty, and the inactive part is untouched:
 * steps 2–3 are a block Gibbs step. The draw order above fixes the bytes a seed gives; it is the
 * order of the first implementation (a weighted union-find and nextDouble() per bond), so Q &gt; 1
 * gives the same bytes as it did.
 *
 * <p>Not thread safe; the configuration it returns is its live state.
 */
public final class ChayesMachta {

    private static final byte INACTIVE = -1;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final double q;
    private final int activeColours;
    private final double p;
    private final int size;
    private final UniformRandomProvider rng;
    private final BondConfiguration bonds;
    private final long threshold;
    private final TorusUnionFind clusters;
    private final byte[] colour;

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
        this.threshold = (long) Math.ceil(p * 0x1.0p53);
        this.size = start.size();
        this.rng = rng;
        this.bonds = start.copy();
        this.clusters = new TorusUnionFind(size);
        this.colour = new byte[size * size];
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
        if (q == 1) {
            redrawAllBonds();
        } else {
            colourClusters();
            updateBonds();
        }
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

    /**
     * Labels the clusters and colours them in one ascending pass: a site that is its set's root
     * (the cluster's lowest site index) draws the cluster's colour, any other site copies the colour
     * of its parent, a lower site already coloured.
     */
    private void colourClusters() {
        clusters.joinInteriorBonds(bonds.horizontal(), bonds.vertical());
        clusters.joinSeamBonds(bonds.horizontal(), bonds.vertical());
        int[] parent = clusters.parent();
        byte[] c = colour;
        boolean integer = activeColours == q;
        for (int i = 0; i < c.length; i++) {
            int pi = parent[i];
            if (pi == i) {
                int drawn = (int) (rng.nextDouble() * q);
                if (integer) {
                    c[i] = (byte) Math.min(drawn, activeColours - 1);
                } else {
                    c[i] = drawn < activeColours ? (byte) drawn : INACTIVE;
                }
            } else {
                c[i] = c[pi];
            }
        }
    }

    /** At Q = 1 every bond is resampled: a fresh Bernoulli(p) draw per edge, in plane order. */
    private void redrawAllBonds() {
        byte[] h = bonds.horizontal();
        byte[] v = bonds.vertical();
        long t = threshold;
        for (int i = 0; i < h.length; i++) {
            h[i] = (rng.nextLong() >>> 11) < t ? (byte) 1 : (byte) 0;
            v[i] = (rng.nextLong() >>> 11) < t ? (byte) 1 : (byte) 0;
        }
    }

    /**
     * Step 3, eight sites at a time: byte-wise compares of the colour words give the edges to keep
     * (same colour, inactive), to empty (colours differ) and to draw (same active colour); the draws
     * are then made in site order, each site's horizontal edge before its vertical one.
     */
    private void updateBonds() {
        int l = size;
        int n = l * l;
        byte[] h = bonds.horizontal();
        byte[] v = bonds.vertical();
        byte[] c = colour;
        long t = threshold;
        for (int row = 0; row < n; row += l) {
            int below = row + l < n ? row + l : 0;
            int x = 0;
            for (; x + 8 <= l; x += 8) {
                int i = row + x;
                long here = (long) LONGS.get(c, i);
                long right = x + 8 < l ? (long) LONGS.get(c, i + 1) : (here >>> 8) | ((long) c[row] << 56);
                long active = BitRows.nonzeroBytes(~here);
                long inactive = BitRows.LSB ^ active;
                long sameRight = BitRows.LSB ^ BitRows.nonzeroBytes(here ^ right);
                long sameBelow = BitRows.LSB ^ BitRows.nonzeroBytes(here ^ (long) LONGS.get(c, below + x));
                LONGS.set(h, i, (long) LONGS.get(h, i) & sameRight & inactive);
                LONGS.set(v, i, (long) LONGS.get(v, i) & sameBelow & inactive);
                for (long draw = (sameRight & active) | ((sameBelow & active) << 1); draw != 0; draw &= draw - 1) {
                    int bit = Long.numberOfTrailingZeros(draw);
                    byte[] plane = (bit & 1) == 0 ? h : v;
                    plane[i + (bit >>> 3)] = (rng.nextLong() >>> 11) < t ? (byte) 1 : (byte) 0;
                }
            }
            for (; x < l; x++) {
                int i = row + x;
                byte ci = c[i];
                if (ci == c[x + 1 < l ? i + 1 : row]) {
                    if (ci != INACTIVE) {
                        h[i] = (rng.nextLong() >>> 11) < t ? (byte) 1 : (byte) 0;
                    }
                } else {
                    h[i] = 0;
                }
                if (ci == c[below + x]) {
                    if (ci != INACTIVE) {
                        v[i] = (rng.nextLong() >>> 11) < t ? (byte) 1 : (byte) 0;
                    }
                } else {
                    v[i] = 0;
                }
            }
        }
    }
}
