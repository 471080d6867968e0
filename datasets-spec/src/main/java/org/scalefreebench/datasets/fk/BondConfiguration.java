package org.scalefreebench.datasets.fk;

import java.util.Arrays;

/**
 * A bond configuration ω of the periodic L×L square lattice, as two planes of L² bytes (1 =
 * occupied, 0 = empty), indexed by site i = y·L + x (row y, column x):
 *
 * <ul>
 *   <li>plane 0, {@link #horizontal()}: the edge from (x, y) to (x + 1 mod L, y);
 *   <li>plane 1, {@link #vertical()}: the edge from (x, y) to (x, y + 1 mod L).
 * </ul>
 *
 * <p>That is the layout of the stored map, uint8 [2, L, L]. L ≥ 3, so that the torus has no
 * multiple edges (L = 3 is for exact enumeration; family maps have L ≥ 4, see {@link
 * FkParameters#requireFamilySize}).
 */
public final class BondConfiguration {

    /** Smallest linear size: below 3 the torus has double edges. */
    public static final int MIN_SIZE = 3;
    /** Largest linear size: 2L² edges must fit an int array index. */
    public static final int MAX_SIZE = 32768;

    private final int size;
    private final byte[] horizontal;
    private final byte[] vertical;

    private BondConfiguration(int size, byte[] horizontal, byte[] vertical) {
        this.size = size;
        this.horizontal = horizontal;
        this.vertical = vertical;
    }

    /**
     * @param size the linear size L
     * @return the configuration with no bond
     */
    public static BondConfiguration empty(int size) {
        checkSize(size);
        int n = size * size;
        return new BondConfiguration(size, new byte[n], new byte[n]);
    }

    /**
     * @param size the linear size L
     * @return the configuration with every bond occupied
     */
    public static BondConfiguration full(int size) {
        BondConfiguration c = empty(size);
        Arrays.fill(c.horizontal, (byte) 1);
        Arrays.fill(c.vertical, (byte) 1);
        return c;
    }

    /**
     * @param size   the linear size L
     * @param planes the two planes one after the other, length 2L², nonzero = occupied
     * @return a configuration holding a copy of the planes, as 0/1 bytes
     */
    public static BondConfiguration fromPlanes(int size, byte[] planes) {
        BondConfiguration c = empty(size);
        int n = size * size;
        if (planes.length != 2 * n) {
            throw new IllegalArgumentException("bond planes have " + planes.length + " bytes, expected 2L² = " + 2 * n);
        }
        for (int i = 0; i < n; i++) {
            c.horizontal[i] = planes[i] != 0 ? (byte) 1 : (byte) 0;
            c.vertical[i] = planes[n + i] != 0 ? (byte) 1 : (byte) 0;
        }
        return c;
    }

    /**
     * Rejects a linear size outside [3, 32768], naming the value.
     *
     * @param size the linear size L
     * @return {@code size}
     */
    public static int checkSize(int size) {
        if (size < MIN_SIZE || size > MAX_SIZE) {
            throw new IllegalArgumentException(
                    "lattice size L = " + size + " is outside the allowed range [" + MIN_SIZE + ", " + MAX_SIZE + "]");
        }
        return size;
    }

    /** @return the linear size L */
    public int size() {
        return size;
    }

    /** @return the number of sites N = L² */
    public int sites() {
        return size * size;
    }

    /** @return plane 0, the live array: edge (x, y)–(x + 1, y) at index y·L + x */
    public byte[] horizontal() {
        return horizontal;
    }

    /** @return plane 1, the live array: edge (x, y)–(x, y + 1) at index y·L + x */
    public byte[] vertical() {
        return vertical;
    }

    /** @return the number of occupied bonds |ω| */
    public int bondCount() {
        int count = 0;
        for (int i = 0; i < horizontal.length; i++) {
            count += horizontal[i] + vertical[i];
        }
        return count;
    }

    /** @return both planes one after the other, a new array of length 2L² (the stored layout) */
    public byte[] toPlanes() {
        int n = horizontal.length;
        byte[] planes = new byte[2 * n];
        System.arraycopy(horizontal, 0, planes, 0, n);
        System.arraycopy(vertical, 0, planes, n, n);
        return planes;
    }

    /** @return an independent copy */
    public BondConfiguration copy() {
        return new BondConfiguration(size, horizontal.clone(), vertical.clone());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BondConfiguration c
                && c.size == size
                && Arrays.equals(c.horizontal, horizontal)
                && Arrays.equals(c.vertical, vertical);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * size + Arrays.hashCode(horizontal)) + Arrays.hashCode(vertical);
    }
}
