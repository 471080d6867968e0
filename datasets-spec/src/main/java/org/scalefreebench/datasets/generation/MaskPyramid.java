package org.scalefreebench.datasets.generation;

import org.scalefreebench.datasets.lattice.Lattice;

/**
 * The block-OR pyramid of an L × L map, L = 2^K: level 0 is the map itself, and level l + 1 has
 * n_{l+1} = L / 2^{l+1} cells, each the OR of its 2 × 2 block of children at level l, so
 * m_{l+1}(I, J) = m_l(2I, 2J) ∨ m_l(2I, 2J+1) ∨ m_l(2I+1, 2J) ∨ m_l(2I+1, 2J+1). Level K is one
 * cell, occupied iff the map is not empty. The number of occupied cells N_l = |m_l| is the box
 * count at box size 2^l.
 *
 * <p>Each parent cell of level l + 1 has a child pattern k = TL + 2·TR + 4·BL + 8·BR (TL the
 * child at (2I, 2J), TR at (2I, 2J+1), BL at (2I+1, 2J), BR at (2I+1, 2J+1)), a code 0…15 that is
 * 0 exactly where the parent is empty: an occupied parent has one of the 15 non-empty patterns.
 * Levels are stored row-major like the lattice ({@link Lattice}).
 */
public final class MaskPyramid {

    /** Number of child patterns of a 2 × 2 block, the empty one (code 0) included. */
    public static final int PATTERNS = 16;

    private final int size;
    private final int levels;
    private final byte[][] cells;
    private final int[] boxCounts;

    private MaskPyramid(int size, byte[][] cells) {
        this.size = size;
        this.levels = cells.length - 1;
        this.cells = cells;
        this.boxCounts = new int[cells.length];
        for (int l = 0; l < cells.length; l++) {
            int count = 0;
            for (byte b : cells[l]) {
                count += b;
            }
            boxCounts[l] = count;
        }
    }

    /**
     * Builds the pyramid of one map.
     *
     * @param maps   the maps, row-major [n, L, L], values 0 or 1
     * @param offset index of the map's first site in {@code maps}
     * @param size   L, a power of two
     * @return its pyramid
     * @throws IllegalArgumentException if L is not a power of two, or a value is neither 0 nor 1
     */
    public static MaskPyramid of(byte[] maps, int offset, int size) {
        int k = levels(size);
        int sites = size * size;
        if (offset < 0 || offset > maps.length - sites) {
            throw new IllegalArgumentException("a map of L = " + size + " at offset " + offset
                    + " does not fit in an array of " + maps.length + " values");
        }
        byte[][] cells = new byte[k + 1][];
        cells[0] = new byte[sites];
        for (int i = 0; i < sites; i++) {
            byte b = maps[offset + i];
            if (b != 0 && b != 1) {
                throw new IllegalArgumentException(
                        "site " + i + " of the map holds " + b + "; a cluster map holds 0 or 1 only");
            }
            cells[0][i] = b;
        }
        for (int l = 0; l < k; l++) {
            cells[l + 1] = coarsen(cells[l], size >> l);
        }
        return new MaskPyramid(size, cells);
    }

    /**
     * Block-OR coarse-graining by 2.
     *
     * @param fine a map of n × n cells, n even, row-major, nonzero = occupied
     * @param n    its side
     * @return the (n/2) × (n/2) map whose cell is 1 iff one of its 2 × 2 children is nonzero
     */
    public static byte[] coarsen(byte[] fine, int n) {
        if (n % 2 != 0 || fine.length != n * n) {
            throw new IllegalArgumentException(
                    "block-OR needs an even side and n² cells, got n = " + n + " and " + fine.length + " cells");
        }
        int half = n / 2;
        byte[] coarse = new byte[half * half];
        for (int i = 0; i < half; i++) {
            int top = 2 * i * n;
            int bottom = top + n;
            for (int j = 0; j < half; j++) {
                int c = 2 * j;
                boolean any = fine[top + c] != 0
                        || fine[top + c + 1] != 0
                        || fine[bottom + c] != 0
                        || fine[bottom + c + 1] != 0;
                coarse[i * half + j] = any ? (byte) 1 : (byte) 0;
            }
        }
        return coarse;
    }

    /**
     * The number of coarse-graining steps K of a power-of-two size.
     *
     * @param size L
     * @return K with L = 2^K
     * @throws IllegalArgumentException naming L if it is not a power of two in the lattice's range
     */
    public static int levels(int size) {
        if (size < 1 || size > Lattice.MAX_SIZE || Integer.bitCount(size) != 1) {
            throw new IllegalArgumentException("L = " + size + " is not a power of two in [1, " + Lattice.MAX_SIZE
                    + "]: the block-OR pyramid needs L = 2^K (e.g. 64 or 1024)");
        }
        return Integer.numberOfTrailingZeros(size);
    }

    /**
     * The pattern code of four children.
     *
     * @param topLeft     child (2I, 2J) occupied
     * @param topRight    child (2I, 2J+1) occupied
     * @param bottomLeft  child (2I+1, 2J) occupied
     * @param bottomRight child (2I+1, 2J+1) occupied
     * @return TL + 2·TR + 4·BL + 8·BR
     */
    public static int pattern(boolean topLeft, boolean topRight, boolean bottomLeft, boolean bottomRight) {
        return (topLeft ? 1 : 0) | (topRight ? 2 : 0) | (bottomLeft ? 4 : 0) | (bottomRight ? 8 : 0);
    }

    /** @return L */
    public int size() {
        return size;
    }

    /** @return K = log₂ L, the index of the one-cell top level */
    public int levels() {
        return levels;
    }

    /**
     * @param level l in 0…K
     * @return its side n_l = L / 2^l
     */
    public int side(int level) {
        checkLevel(level, levels);
        return size >> level;
    }

    /**
     * @param level l in 0…K
     * @return a copy of m_l, row-major, n_l × n_l values 0 or 1
     */
    public byte[] level(int level) {
        checkLevel(level, levels);
        return cells[level].clone();
    }

    /**
     * @param level l in 0…K
     * @param row   a row of m_l
     * @param col   a column of m_l
     * @return whether that cell of m_l is occupied
     */
    public boolean occupied(int level, int row, int col) {
        int n = side(level);
        return cells[level][row * n + col] != 0;
    }

    /**
     * @param level l in 0…K
     * @return the box count N_l = |m_l|
     */
    public int boxCount(int level) {
        checkLevel(level, levels);
        return boxCounts[level];
    }

    /**
     * The child pattern of one parent.
     *
     * @param level l in 0…K−1: the children's level; the parent is at level l + 1
     * @param row   the parent's row in m_{l+1}
     * @param col   the parent's column in m_{l+1}
     * @return TL + 2·TR + 4·BL + 8·BR of its children in m_l; 0 iff the parent is empty
     */
    public int childPattern(int level, int row, int col) {
        checkLevel(level, levels - 1);
        int n = size >> level;
        byte[] fine = cells[level];
        int top = 2 * row * n + 2 * col;
        int bottom = top + n;
        return fine[top] | fine[top + 1] << 1 | fine[bottom] << 2 | fine[bottom + 1] << 3;
    }

    /**
     * The child patterns of every parent of level l + 1.
     *
     * @param level l in 0…K−1
     * @return n_{l+1} × n_{l+1} codes, row-major
     */
    public byte[] childPatterns(int level) {
        checkLevel(level, levels - 1);
        int half = size >> (level + 1);
        byte[] codes = new byte[half * half];
        for (int i = 0; i < half; i++) {
            for (int j = 0; j < half; j++) {
                codes[i * half + j] = (byte) childPattern(level, i, j);
            }
        }
        return codes;
    }

    /**
     * How often each child pattern occurs among the parents of level l + 1.
     *
     * @param level l in 0…K−1
     * @return 16 counts indexed by code; entry 0 counts the empty parents, the others sum to N_{l+1}
     */
    public int[] patternCounts(int level) {
        int[] counts = new int[PATTERNS];
        for (byte code : childPatterns(level)) {
            counts[code]++;
        }
        return counts;
    }

    private static void checkLevel(int level, int max) {
        if (level < 0 || level > max) {
            throw new IllegalArgumentException("level " + level + " is outside [0, " + max + "]");
        }
    }
}
