package org.scalefreebench.datasets.generation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.scalefreebench.datasets.lattice.SitePercolation;

/** The block-OR pyramid on a hand-made 8 × 8 mask whose codes were worked out by hand. */
class MaskPyramidTest {

    /** A 4-connected path of 16 sites; its codes are listed in {@link #codesOfTheHandMadeMask()}. */
    static final byte[] MASK =
            bytes("11000000", "01000000", "01110000", "00010000", "00011001", "00001001", "00001111", "00000000");

    static byte[] bytes(String... rows) {
        int n = rows.length;
        byte[] b = new byte[n * rows[0].length()];
        int k = 0;
        for (String row : rows) {
            for (char c : row.toCharArray()) {
                b[k++] = (byte) (c - '0');
            }
        }
        return b;
    }

    @Test
    void codesOfTheHandMadeMask() {
        MaskPyramid p = MaskPyramid.of(MASK, 0, 8);
        assertEquals(3, p.levels());
        assertArrayEquals(new byte[] {11, 0, 0, 0, 2, 11, 0, 0, 0, 2, 5, 10, 0, 0, 3, 3}, p.childPatterns(0));
        assertArrayEquals(new byte[] {13, 0, 2, 15}, p.childPatterns(1));
        assertArrayEquals(new byte[] {13}, p.childPatterns(2));
        assertArrayEquals(bytes("1000", "1100", "0111", "0011"), p.level(1));
        assertArrayEquals(bytes("10", "11"), p.level(2));
        assertArrayEquals(new byte[] {1}, p.level(3));
        assertEquals(16, p.boxCount(0));
        assertEquals(8, p.boxCount(1));
        assertEquals(3, p.boxCount(2));
        assertEquals(1, p.boxCount(3));
        assertEquals(2, p.side(2));
        assertTrue(p.occupied(1, 2, 3));
        int[] counts = p.patternCounts(0);
        assertEquals(8, counts[0]);
        assertEquals(2, counts[11]);
        assertEquals(2, counts[3]);
        assertEquals(13, MaskPyramid.pattern(true, false, true, true));
    }

    @Test
    void everyLevelIsTheBlockOrOfTheOneBelowAndItsCodesAgreeWithBoth() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(5L);
        for (double density : new double[] {0.02, 0.2, 0.6}) {
            byte[] map = new byte[32 * 32];
            SitePercolation.occupy(rng, density, map);
            MaskPyramid p = MaskPyramid.of(map, 0, 32);
            assertArrayEquals(map, p.level(0));
            for (int l = 0; l < p.levels(); l++) {
                int n = p.side(l + 1);
                int fromCodes = 0;
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < n; j++) {
                        int code = p.childPattern(l, i, j);
                        boolean any = p.occupied(l, 2 * i, 2 * j)
                                || p.occupied(l, 2 * i, 2 * j + 1)
                                || p.occupied(l, 2 * i + 1, 2 * j)
                                || p.occupied(l, 2 * i + 1, 2 * j + 1);
                        assertEquals(any, p.occupied(l + 1, i, j));
                        assertEquals(any, code != 0);
                        assertEquals(
                                MaskPyramid.pattern(
                                        p.occupied(l, 2 * i, 2 * j),
                                        p.occupied(l, 2 * i, 2 * j + 1),
                                        p.occupied(l, 2 * i + 1, 2 * j),
                                        p.occupied(l, 2 * i + 1, 2 * j + 1)),
                                code);
                        fromCodes += Integer.bitCount(code);
                    }
                }
                assertEquals(p.boxCount(l), fromCodes);
                assertArrayEquals(MaskPyramid.coarsen(p.level(l), p.side(l)), p.level(l + 1));
            }
        }
    }

    @Test
    void refusesASizeThatIsNotAPowerOfTwoAndValuesOtherThanZeroAndOne() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> MaskPyramid.of(new byte[48 * 48], 0, 48));
        assertTrue(e.getMessage().contains("L = 48 is not a power of two"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> MaskPyramid.levels(0));
        byte[] bad = new byte[16];
        bad[5] = 2;
        assertThrows(IllegalArgumentException.class, () -> MaskPyramid.of(bad, 0, 4));
        assertThrows(IllegalArgumentException.class, () -> MaskPyramid.of(new byte[15], 0, 4));
        assertThrows(
                IllegalArgumentException.class, () -> MaskPyramid.of(MASK, 0, 8).level(4));
        assertEquals(0, MaskPyramid.levels(1));
    }
}
