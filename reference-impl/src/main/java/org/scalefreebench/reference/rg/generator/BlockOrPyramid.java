package org.scalefreebench.reference.rg.generator;

/**
 * The block-OR pyramid of a largest-cluster mask, kept local to this package: m_{l+1}(I, J) is the OR
 * of the 2×2 block of m_l under it, so level l has L / 2^l sites a side and the top level is 1×1.
 * The children of a coarse site (I, J) are the fine sites TL = (2I, 2J), TR = (2I, 2J + 1),
 * BL = (2I + 1, 2J), BR = (2I + 1, 2J + 1) (row, column), coded as the pattern
 * k = TL + 2·TR + 4·BL + 8·BR. The four-colouring colour(I, J) = (I mod 2) + 2 (J mod 2) orders
 * every pair of adjacent coarse sites. The eight symmetries of the square act on the maps.
 *
 * <p>A stand-in for the shared {@code MaskPyramid} of {@code datasets-spec}, written on another
 * branch: same conventions, to be swapped for it once that lands. Maps are row-major byte arrays,
 * 1 = in the cluster.
 */
final class BlockOrPyramid {

    /** Distinct child patterns of a 2×2 block, the empty one (0) included. */
    static final int PATTERNS = 16;
    /** Colours of the four-colouring. */
    static final int COLOURS = 4;
    /** Elements of the symmetry group of the square, D4. */
    static final int SYMMETRIES = 8;

    private BlockOrPyramid() {}

    /**
     * @param size L
     * @return K = log2 L, the number of refinements from the 1×1 top to L × L
     * @throws IllegalArgumentException naming L if it is not a power of two of at least 2
     */
    static int levels(int size) {
        if (size < 2 || Integer.bitCount(size) != 1) {
            throw new IllegalArgumentException("the block-OR pyramid needs L = 2^k with k >= 1, got L = " + size
                    + "; pyramid generators draw only at powers of two");
        }
        return Integer.numberOfTrailingZeros(size);
    }

    /**
     * @param fine     a map of {@code fineSize}² sites
     * @param fineSize its side, even
     * @return the block-OR map of side {@code fineSize / 2}
     */
    static byte[] coarsen(byte[] fine, int fineSize) {
        int n = fineSize / 2;
        byte[] coarse = new byte[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                coarse[i * n + j] = pattern(fine, fineSize, i, j) != 0 ? (byte) 1 : (byte) 0;
            }
        }
        return coarse;
    }

    /**
     * @param mask a map of L² sites
     * @param size L, a power of two
     * @return levels 0 (the map itself) … K (1×1); level l has side L / 2^l
     */
    static byte[][] build(byte[] mask, int size) {
        int k = levels(size);
        byte[][] pyramid = new byte[k + 1][];
        pyramid[0] = mask;
        int side = size;
        for (int l = 1; l <= k; l++) {
            pyramid[l] = coarsen(pyramid[l - 1], side);
            side /= 2;
        }
        return pyramid;
    }

    /**
     * @param fine     the fine map
     * @param fineSize its side
     * @param i        coarse row I
     * @param j        coarse column J
     * @return the pattern code k = TL + 2·TR + 4·BL + 8·BR of the children of (I, J)
     */
    static int pattern(byte[] fine, int fineSize, int i, int j) {
        int top = 2 * i * fineSize + 2 * j;
        int bottom = top + fineSize;
        return (fine[top] != 0 ? 1 : 0)
                | (fine[top + 1] != 0 ? 2 : 0)
                | (fine[bottom] != 0 ? 4 : 0)
                | (fine[bottom + 1] != 0 ? 8 : 0);
    }

    /**
     * Writes the four children of coarse site (I, J).
     *
     * @param fine     the fine map, written
     * @param fineSize its side
     * @param i        coarse row I
     * @param j        coarse column J
     * @param pattern  the pattern code, 0 … 15
     */
    static void writePattern(byte[] fine, int fineSize, int i, int j, int pattern) {
        int top = 2 * i * fineSize + 2 * j;
        int bottom = top + fineSize;
        fine[top] = (byte) (pattern & 1);
        fine[top + 1] = (byte) ((pattern >> 1) & 1);
        fine[bottom] = (byte) ((pattern >> 2) & 1);
        fine[bottom + 1] = (byte) ((pattern >> 3) & 1);
    }

    /**
     * @param i coarse row I
     * @param j coarse column J
     * @return colour(I, J) = (I mod 2) + 2 (J mod 2)
     */
    static int colour(int i, int j) {
        return (i & 1) + 2 * (j & 1);
    }

    /**
     * Applies an element of D4 to a square map: {@code element} bit 0 transposes, bit 1 mirrors the
     * rows (top ↔ bottom), bit 2 mirrors the columns (left ↔ right), in that order. Aligned 2×2 blocks
     * go to aligned blocks when the side is even, so the transform commutes with block-OR.
     *
     * @param map     the map, side {@code size}
     * @param size    its side
     * @param element 0 … 7; 0 is the identity
     * @return a new transformed map
     */
    static byte[] transform(byte[] map, int size, int element) {
        byte[] out = new byte[map.length];
        boolean transpose = (element & 1) != 0;
        boolean flipRows = (element & 2) != 0;
        boolean flipColumns = (element & 4) != 0;
        for (int r = 0; r < size; r++) {
            for (int c = 0; c < size; c++) {
                int rr = transpose ? c : r;
                int cc = transpose ? r : c;
                if (flipRows) {
                    rr = size - 1 - rr;
                }
                if (flipColumns) {
                    cc = size - 1 - cc;
                }
                out[rr * size + cc] = map[r * size + c];
            }
        }
        return out;
    }
}
