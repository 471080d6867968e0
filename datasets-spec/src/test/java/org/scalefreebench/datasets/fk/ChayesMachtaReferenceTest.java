package org.scalefreebench.datasets.fk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.scalefreebench.datasets.lattice.UnionFind;

/**
 * The fast sweep against a direct transcription of the draw order in {@link ChayesMachta}'s
 * Javadoc (label with {@link UnionFind}, one {@code nextDouble()} per cluster in the order of its
 * lowest site, one {@code nextDouble() < p} per bond to draw): the configurations must be equal
 * byte for byte after every sweep, on sizes that are and are not multiples of the eight sites the
 * sweep handles at a time (and L = 70, whose rows take two 64-bit words), from the full and the
 * empty torus.
 */
class ChayesMachtaReferenceTest {

    @ParameterizedTest
    @CsvSource({
        "3, 2.0", "5, 3.5", "8, 4.0", "12, 2.5", "13, 3.0", "16, 1.5", "17, 4.0", "24, 3.7", "64, 2.0", "64, 3.3",
        "70, 2.6"
    })
    void everySweepEqualsTheTranscription(int size, double q) {
        for (BondConfiguration start :
                new BondConfiguration[] {BondConfiguration.full(size), BondConfiguration.empty(size)}) {
            long seed = size * 1000L + Double.doubleToLongBits(q);
            ChayesMachta fast = new ChayesMachta(q, start, RandomSource.XO_RO_SHI_RO_128_PP.create(seed));
            Transcription slow = new Transcription(q, start, RandomSource.XO_RO_SHI_RO_128_PP.create(seed));
            for (int t = 0; t < 60; t++) {
                fast.sweep();
                slow.sweep();
                assertEquals(slow.bonds, fast.configuration(), "L = " + size + ", Q = " + q + ", sweep " + (t + 1));
            }
        }
    }

    /** The Javadoc's steps, one site at a time. */
    private static final class Transcription {
        private final double q;
        private final int k;
        private final double p;
        private final int size;
        private final UniformRandomProvider rng;
        private final BondConfiguration bonds;

        Transcription(double q, BondConfiguration start, UniformRandomProvider rng) {
            this.q = q;
            this.k = (int) Math.floor(q);
            this.p = Math.sqrt(q) / (1 + Math.sqrt(q));
            this.size = start.size();
            this.rng = rng;
            this.bonds = start.copy();
        }

        void sweep() {
            int l = size;
            int n = l * l;
            byte[] h = bonds.horizontal();
            byte[] v = bonds.vertical();
            UnionFind clusters = new UnionFind(n);
            for (int i = 0; i < n; i++) {
                clusters.makeSet(i, 1);
            }
            for (int i = 0; i < n; i++) {
                int x = i % l;
                int y = i / l;
                if (h[i] != 0) {
                    clusters.union(i, y * l + (x + 1) % l);
                }
                if (v[i] != 0) {
                    clusters.union(i, ((y + 1) % l) * l + x);
                }
            }
            int[] colourOfRoot = new int[n];
            boolean[] drawn = new boolean[n];
            int[] colour = new int[n];
            for (int i = 0; i < n; i++) {
                int r = clusters.find(i);
                if (!drawn[r]) {
                    drawn[r] = true;
                    int c = (int) (rng.nextDouble() * q);
                    colourOfRoot[r] = k == q ? Math.min(c, k - 1) : c < k ? c : -1;
                }
                colour[i] = colourOfRoot[r];
            }
            for (int i = 0; i < n; i++) {
                int x = i % l;
                int y = i / l;
                h[i] = next(h[i], colour[i], colour[y * l + (x + 1) % l]);
                v[i] = next(v[i], colour[i], colour[((y + 1) % l) * l + x]);
            }
        }

        private byte next(byte bond, int a, int b) {
            if (a != b) {
                return 0;
            }
            if (a < 0) {
                return bond;
            }
            return rng.nextDouble() < p ? (byte) 1 : (byte) 0;
        }
    }
}
