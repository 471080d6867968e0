package org.scalefreebench.datasets.lattice;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClusterLabellerTest {

    private static byte[] parse(String... rows) {
        int l = rows.length;
        byte[] s = new byte[l * l];
        for (int r = 0; r < l; r++) {
            assertEquals(l, rows[r].length(), "test map must be square");
            for (int c = 0; c < l; c++) {
                s[r * l + c] = (byte) (rows[r].charAt(c) == '#' ? 1 : 0);
            }
        }
        return s;
    }

    @Test
    void emptyMapHasNoClusterAndDoesNotSpan() {
        byte[] mask = new byte[9];
        mask[4] = 1;
        ClusterLabels labels = new ClusterLabeller(3).label(new byte[9], mask);
        assertEquals(0, labels.maxCluster());
        assertFalse(labels.spanning());
        assertArrayEquals(new byte[9], mask);
    }

    @Test
    void fullMapIsOneSpanningCluster() {
        byte[] sites = new byte[16];
        java.util.Arrays.fill(sites, (byte) 1);
        byte[] mask = new byte[16];
        ClusterLabels labels = new ClusterLabeller(4).label(sites, mask);
        assertEquals(16, labels.maxCluster());
        assertTrue(labels.spanning());
        assertArrayEquals(sites, mask);
    }

    @Test
    void diagonalSitesAreNotFourConnected() {
        byte[] sites = parse("#..", ".#.", "..#");
        ClusterLabels labels = new ClusterLabeller(3).label(sites, null);
        assertEquals(1, labels.maxCluster());
        assertFalse(labels.spanning());
    }

    @Test
    void snakeThatTurnsBackUpSpans() {
        byte[] sites = parse("#.###", "#.#.#", "###.#", "....#", "....#");
        ClusterLabels labels = new ClusterLabeller(5).label(sites, null);
        assertEquals(13, labels.maxCluster());
        assertTrue(labels.spanning());
    }

    @Test
    void uShapedRunsMergeThroughALaterRow() {
        byte[] sites = parse("#...#", "#...#", "#####", ".....", "##.##");
        byte[] mask = new byte[25];
        ClusterLabels labels = new ClusterLabeller(5).label(sites, mask);
        assertEquals(9, labels.maxCluster());
        assertFalse(labels.spanning());
        assertEquals(1, mask[0]);
        assertEquals(9, sum(mask));
    }

    @Test
    void tieGoesToTheClusterHoldingTheLowestSiteIndex() {
        byte[] sites = parse("...#", "##.#", "....", "....");
        byte[] mask = new byte[16];
        ClusterLabels labels = new ClusterLabeller(4).label(sites, mask);
        assertEquals(2, labels.maxCluster());
        assertEquals(1, mask[3], "the vertical pair holds site 3, lower than site 4 of the horizontal pair");
        assertEquals(1, mask[7]);
        assertEquals(0, mask[4]);
    }

    @Test
    void wrongMapLengthIsRejected() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> new ClusterLabeller(4).label(new byte[15], null));
        assertTrue(e.getMessage().contains("expected L² = 16"), e.getMessage());
    }

    @Test
    void sizeBelowTwoIsRejectedWithTheRange() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ClusterLabeller(1));
        assertTrue(e.getMessage().contains("[2, 32768]"), e.getMessage());
    }

    /** Every label of every random map agrees with the independent flood fill. */
    @ParameterizedTest(name = "L={0}")
    @CsvSource({
        "2, 4000",
        "3, 4000",
        "5, 3000",
        "8, 2000",
        "9, 2000",
        "17, 1000",
        "32, 400",
        "63, 150",
        "64, 150",
        "65, 150",
        "100, 40",
        "130, 20",
        "200, 10",
        "1024, 2"
    })
    void agreesWithFloodFillOnEveryRandomMap(int size, int maps) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(1000L + size);
        ClusterLabeller labeller = new ClusterLabeller(size);
        byte[] sites = new byte[size * size];
        byte[] mask = new byte[size * size];
        for (int m = 0; m < maps; m++) {
            double p = rng.nextDouble();
            SitePercolation.occupy(rng, p, sites);
            ClusterLabels labels = labeller.label(sites, mask);
            FloodFillLabels expected = new FloodFillLabels(sites, size);
            String where = "L=" + size + " map " + m + " p=" + p;
            assertEquals(expected.maxCluster, labels.maxCluster(), where);
            assertEquals(expected.spanning, labels.spanning(), where);
            assertArrayEquals(expected.mask, mask, where);
        }
    }

    private static int sum(byte[] a) {
        int s = 0;
        for (byte b : a) {
            s += b;
        }
        return s;
    }
}
