package org.scalefreebench.datasets.fk;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FkClusterMeasurerTest {

    private static final int L = 4;

    private static void h(BondConfiguration c, int x, int y) {
        c.horizontal()[y * c.size() + x] = 1;
    }

    private static void v(BondConfiguration c, int x, int y) {
        c.vertical()[y * c.size() + x] = 1;
    }

    private static FkMeasures measure(BondConfiguration c) {
        return new FkClusterMeasurer(c.size()).measure(c, null);
    }

    /** The dual configuration on the dual torus (dual site (x, y) at (x + ½, y + ½)), an L×L torus again. */
    static BondConfiguration dual(BondConfiguration c) {
        int l = c.size();
        BondConfiguration d = BondConfiguration.empty(l);
        for (int y = 0; y < l; y++) {
            for (int x = 0; x < l; x++) {
                int i = y * l + x;
                // primal (x,y)-(x+1,y) is crossed by dual (x,y-1)-(x,y); primal (x,y)-(x,y+1) by dual (x-1,y)-(x,y)
                d.vertical()[((y + l - 1) % l) * l + x] = (byte) (1 - c.horizontal()[i]);
                d.horizontal()[y * l + (x + l - 1) % l] = (byte) (1 - c.vertical()[i]);
            }
        }
        return d;
    }

    @Test
    void emptyTorusHasNSingletonsNoWrapAndTheMaskOnSiteZero() {
        byte[] mask = new byte[L * L];
        mask[7] = 1;
        FkMeasures m = new FkClusterMeasurer(L).measure(BondConfiguration.empty(L), mask);
        assertEquals(new FkMeasures(0, L * L, 1, WrappingClass.NONE, false, false), m);
        byte[] expected = new byte[L * L];
        expected[0] = 1;
        assertArrayEquals(expected, mask);
    }

    @Test
    void fullTorusIsOneCrossCluster() {
        byte[] mask = new byte[L * L];
        FkMeasures m = new FkClusterMeasurer(L).measure(BondConfiguration.full(L), mask);
        assertEquals(new FkMeasures(2 * L * L, 1, L * L, WrappingClass.CROSS, true, true), m);
        for (byte b : mask) {
            assertEquals(1, b);
        }
        assertEquals(1 + 2 * L * L / 2.0, m.sufficientStatistic());
    }

    @Test
    void oneFullRowWrapsHorizontallyOnly() {
        BondConfiguration c = BondConfiguration.empty(L);
        for (int x = 0; x < L; x++) {
            h(c, x, 1);
        }
        byte[] mask = new byte[L * L];
        FkMeasures m = new FkClusterMeasurer(L).measure(c, mask);
        assertEquals(new FkMeasures(L, L * L - L + 1, L, WrappingClass.ONE_DIRECTION, true, false), m);
        for (int i = 0; i < L * L; i++) {
            assertEquals(i / L == 1 ? 1 : 0, mask[i], "site " + i);
        }
    }

    @Test
    void oneFullColumnWrapsVerticallyOnly() {
        BondConfiguration c = BondConfiguration.empty(L);
        for (int y = 0; y < L; y++) {
            v(c, 2, y);
        }
        assertEquals(new FkMeasures(L, L * L - L + 1, L, WrappingClass.ONE_DIRECTION, false, true), measure(c));
    }

    @Test
    void rowWithoutItsClosingBondDoesNotWrap() {
        BondConfiguration c = BondConfiguration.empty(L);
        for (int x = 0; x < L - 1; x++) {
            h(c, x, 0);
        }
        assertEquals(new FkMeasures(L - 1, L * L - L + 1, L, WrappingClass.NONE, false, false), measure(c));
    }

    @Test
    void diagonalStaircaseWindsBothWaysYetIsOneDirectionNotCross() {
        BondConfiguration c = BondConfiguration.empty(L);
        for (int k = 0; k < L; k++) {
            h(c, k, k); // (k,k) -> (k+1,k)
            v(c, (k + 1) % L, k); // (k+1,k) -> (k+1,k+1)
        }
        FkMeasures m = measure(c);
        assertEquals(WrappingClass.ONE_DIRECTION, m.wrapping());
        assertTrue(m.wrapsHorizontally());
        assertTrue(m.wrapsVertically());
        assertEquals(2 * L, m.largestCluster());
    }

    @Test
    void aRowAndAColumnTogetherAreCross() {
        BondConfiguration c = BondConfiguration.empty(L);
        for (int k = 0; k < L; k++) {
            h(c, k, 3);
            v(c, 1, k);
        }
        FkMeasures m = measure(c);
        assertEquals(new FkMeasures(2 * L, L * L - 2 * L + 2, 2 * L - 1, WrappingClass.CROSS, true, true), m);
    }

    @Test
    void twoParallelRowsAreTwoWrappingClustersOfOneDirection() {
        BondConfiguration c = BondConfiguration.empty(L);
        for (int x = 0; x < L; x++) {
            h(c, x, 0);
            h(c, x, 2);
        }
        byte[] mask = new byte[L * L];
        FkMeasures m = new FkClusterMeasurer(L).measure(c, mask);
        assertEquals(WrappingClass.ONE_DIRECTION, m.wrapping());
        assertEquals(L * L - 2 * L + 2, m.clusterCount());
        for (int i = 0; i < L * L; i++) {
            assertEquals(i / L == 0 ? 1 : 0, mask[i], "tie goes to the cluster holding site 0");
        }
    }

    @Test
    void contractiblePlaquetteDoesNotWrap() {
        BondConfiguration c = BondConfiguration.empty(L);
        h(c, 3, 3);
        v(c, 0, 3);
        v(c, 3, 3);
        h(c, 3, 0); // the plaquette across both seams: (3,3),(0,3),(0,0),(3,0)
        FkMeasures m = measure(c);
        assertEquals(new FkMeasures(4, L * L - 3, 4, WrappingClass.NONE, false, false), m);
    }

    /**
     * Independent check of the topology classifier through the Euler relation on the torus (brief
     * §3.1): the cycle rank |ω| − N + k(ω) equals k(ω*) − 1 + g(ω), with ω* the dual configuration and g
     * the rank of the wrapping class; and ω is cross iff ω* does not wrap. Cluster counts alone fix g.
     */
    @ParameterizedTest
    @ValueSource(ints = {3, 4, 5, 8, 13, 70})
    void wrappingClassAgreesWithTheEulerRelationAndDuality(int size) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(20261202L + size);
        FkClusterMeasurer measurer = new FkClusterMeasurer(size);
        int n = size * size;
        int[] seen = new int[3];
        for (int trial = 0; trial < 3000; trial++) {
            double p = 0.3 + 0.4 * rng.nextDouble();
            byte[] planes = new byte[2 * n];
            for (int e = 0; e < planes.length; e++) {
                planes[e] = rng.nextDouble() < p ? (byte) 1 : (byte) 0;
            }
            BondConfiguration c = BondConfiguration.fromPlanes(size, planes);
            FkMeasures m = measurer.measure(c, null);
            FkMeasures d = measurer.measure(dual(c), null);
            assertEquals(c.bondCount(), m.bondCount());
            assertEquals(2 * n - m.bondCount(), d.bondCount());
            int g = m.bondCount() - n + m.clusterCount() - d.clusterCount() + 1;
            assertEquals(g, m.wrapping().rank(), "Euler relation, trial " + trial);
            assertEquals(m.wrapping() == WrappingClass.CROSS, d.wrapping() == WrappingClass.NONE);
            assertEquals(m.wrapping() == WrappingClass.ONE_DIRECTION, d.wrapping() == WrappingClass.ONE_DIRECTION);
            seen[g]++;
        }
        for (int g = 0; g < 3; g++) {
            assertTrue(seen[g] > 100, "class " + g + " seen only " + seen[g] + " times");
        }
    }

    /** L = 70 takes the labeller's rows over two 64-bit words. */
    @ParameterizedTest
    @ValueSource(ints = {9, 70})
    void largestClusterAndMaskAgreeWithAFloodFill(int size) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(7L);
        FkClusterMeasurer measurer = new FkClusterMeasurer(size);
        int n = size * size;
        for (int trial = 0; trial < 500; trial++) {
            byte[] planes = new byte[2 * n];
            for (int e = 0; e < planes.length; e++) {
                planes[e] = rng.nextDouble() < 0.45 ? (byte) 1 : (byte) 0;
            }
            BondConfiguration c = BondConfiguration.fromPlanes(size, planes);
            byte[] mask = new byte[n];
            FkMeasures m = measurer.measure(c, mask);
            int[] label = floodFill(c);
            int[] sizes = new int[n];
            int clusters = 0;
            for (int i = 0; i < n; i++) {
                sizes[label[i]]++;
                clusters = Math.max(clusters, label[i] + 1);
            }
            int largest = 0;
            for (int s : sizes) {
                largest = Math.max(largest, s);
            }
            int first = 0;
            while (sizes[label[first]] != largest) {
                first++;
            }
            assertEquals(clusters, m.clusterCount());
            assertEquals(largest, m.largestCluster());
            for (int i = 0; i < n; i++) {
                assertEquals(label[i] == label[first] ? 1 : 0, mask[i]);
            }
        }
    }

    /** Breadth-first labels, clusters numbered from 0 in order of their lowest site. */
    private static int[] floodFill(BondConfiguration c) {
        int l = c.size();
        int n = l * l;
        int[] label = new int[n];
        java.util.Arrays.fill(label, -1);
        int[] queue = new int[n];
        int next = 0;
        for (int s = 0; s < n; s++) {
            if (label[s] >= 0) {
                continue;
            }
            int head = 0;
            int tail = 0;
            queue[tail++] = s;
            label[s] = next;
            while (head < tail) {
                int i = queue[head++];
                int x = i % l;
                int y = i / l;
                int[] nb = {
                    y * l + (x + 1) % l, y * l + (x + l - 1) % l, ((y + 1) % l) * l + x, ((y + l - 1) % l) * l + x
                };
                boolean[] open = {
                    c.horizontal()[i] != 0, c.horizontal()[nb[1]] != 0, c.vertical()[i] != 0, c.vertical()[nb[3]] != 0
                };
                for (int k = 0; k < 4; k++) {
                    if (open[k] && label[nb[k]] < 0) {
                        label[nb[k]] = next;
                        queue[tail++] = nb[k];
                    }
                }
            }
            next++;
        }
        return label;
    }

    @Test
    void planesRoundTripAndBadShapesAreRefused() {
        BondConfiguration c = BondConfiguration.empty(L);
        h(c, 1, 2);
        v(c, 3, 0);
        byte[] planes = c.toPlanes();
        assertEquals(1, planes[2 * L + 1]);
        assertEquals(1, planes[L * L + 3]);
        assertEquals(c, BondConfiguration.fromPlanes(L, planes));
        assertEquals(c.hashCode(), c.copy().hashCode());
        assertFalse(c.equals(BondConfiguration.empty(L)));
        assertThrows(IllegalArgumentException.class, () -> BondConfiguration.fromPlanes(L, new byte[L * L]));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BondConfiguration.empty(2));
        assertTrue(e.getMessage().contains("L = 2"));
        FkClusterMeasurer measurer = new FkClusterMeasurer(L);
        assertThrows(IllegalArgumentException.class, () -> measurer.measure(BondConfiguration.empty(5), null));
        assertThrows(IllegalArgumentException.class, () -> measurer.measure(c, new byte[3]));
    }

    @Test
    void wrappingClassesHaveIdsDescriptionsAndRanks() {
        for (WrappingClass w : WrappingClass.values()) {
            assertFalse(w.id().isEmpty());
            assertFalse(w.description().isEmpty());
        }
        assertEquals(2, WrappingClass.CROSS.rank());
    }
}
