package org.scalefreebench.reference.rg.generator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/** Exact checks of the block-OR pyramid, the pattern codes, the colouring and the symmetries. */
class BlockOrPyramidTest {

    /** Rows of a hand-made 4×4 mask. */
    private static final byte[] MASK = {
        1, 0, 0, 0,
        1, 1, 0, 1,
        0, 0, 0, 0,
        0, 1, 1, 1
    };

    @Test
    void handMadeMaskHasTheCodesWorkedOutByHand() {
        // (0,0): TL 1, TR 0, BL 1, BR 1 -> 1 + 4 + 8; (0,1): BR only -> 8; (1,0): BR only -> 8;
        // (1,1): BL and BR -> 4 + 8
        assertEquals(13, BlockOrPyramid.pattern(MASK, 4, 0, 0));
        assertEquals(8, BlockOrPyramid.pattern(MASK, 4, 0, 1));
        assertEquals(8, BlockOrPyramid.pattern(MASK, 4, 1, 0));
        assertEquals(12, BlockOrPyramid.pattern(MASK, 4, 1, 1));
        byte[][] pyramid = BlockOrPyramid.build(MASK, 4);
        assertEquals(3, pyramid.length);
        assertArrayEquals(new byte[] {1, 1, 1, 1}, pyramid[1]);
        assertArrayEquals(new byte[] {1}, pyramid[2]);
    }

    @Test
    void emptyBlocksCoarsenToEmptySites() {
        byte[] m = new byte[16];
        m[0] = 1;
        assertArrayEquals(new byte[] {1, 0, 0, 0}, BlockOrPyramid.coarsen(m, 4));
    }

    @Test
    void writingAPatternAndReadingItBackIsTheIdentity() {
        for (int k = 0; k < BlockOrPyramid.PATTERNS; k++) {
            byte[] fine = new byte[16];
            BlockOrPyramid.writePattern(fine, 4, 1, 0, k);
            assertEquals(k, BlockOrPyramid.pattern(fine, 4, 1, 0));
            assertEquals(Integer.bitCount(k), fine[8] + fine[9] + fine[12] + fine[13]);
        }
    }

    @Test
    void neighboursIncludingDiagonalOnesHaveDifferentColours() {
        for (int i = 0; i < 6; i++) {
            for (int j = 0; j < 6; j++) {
                for (int di = -1; di <= 1; di++) {
                    for (int dj = -1; dj <= 1; dj++) {
                        if ((di != 0 || dj != 0) && i + di >= 0 && j + dj >= 0) {
                            assertNotEquals(BlockOrPyramid.colour(i, j), BlockOrPyramid.colour(i + di, j + dj));
                        }
                    }
                }
            }
        }
        assertEquals(0, BlockOrPyramid.colour(0, 0));
        assertEquals(1, BlockOrPyramid.colour(1, 0));
        assertEquals(2, BlockOrPyramid.colour(0, 1));
        assertEquals(3, BlockOrPyramid.colour(1, 1));
    }

    @Test
    void theEightSymmetriesAreDistinctAndCommuteWithBlockOr() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(7L);
        int size = 16;
        byte[] map = new byte[size * size];
        for (int i = 0; i < map.length; i++) {
            map[i] = (byte) (rng.nextDouble() < 0.3 ? 1 : 0);
        }
        Set<String> images = new HashSet<>();
        for (int e = 0; e < BlockOrPyramid.SYMMETRIES; e++) {
            byte[] t = BlockOrPyramid.transform(map, size, e);
            images.add(java.util.Arrays.toString(t));
            assertEquals(count(map), count(t));
            assertArrayEquals(
                    BlockOrPyramid.transform(BlockOrPyramid.coarsen(map, size), size / 2, e),
                    BlockOrPyramid.coarsen(t, size),
                    "element " + e);
        }
        assertEquals(BlockOrPyramid.SYMMETRIES, images.size());
        assertArrayEquals(map, BlockOrPyramid.transform(map, size, 0));
    }

    @Test
    void sizesThatAreNotPowersOfTwoAreRefusedByName() {
        assertEquals(6, BlockOrPyramid.levels(64));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BlockOrPyramid.levels(48));
        assertTrue(e.getMessage().contains("L = 48"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> BlockOrPyramid.levels(1));
    }

    private static int count(byte[] m) {
        int c = 0;
        for (byte b : m) {
            c += b;
        }
        return c;
    }
}
