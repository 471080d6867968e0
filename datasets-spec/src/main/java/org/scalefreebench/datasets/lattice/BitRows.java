package org.scalefreebench.datasets.lattice;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Packing of byte maps (nonzero = set) into 64-bit words, eight bytes at a time, for bit-parallel
 * labelling, and the byte-wise nonzero test it rests on.
 */
public final class BitRows {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long LOW7 = 0x7F7F7F7F7F7F7F7FL;
    /** Multiplier that gathers the low bit of each of 8 bytes into the top byte, byte k to bit 56 + k. */
    private static final long GATHER = 0x0102040810204080L;

    /** The low bit of each of 8 bytes. */
    public static final long LSB = 0x0101010101010101L;

    private BitRows() {}

    /**
     * @param bytes the map
     * @param from  the index of the first byte
     * @param n     how many bytes, at most 64
     * @return the word whose bit k is set iff {@code bytes[from + k] != 0}, for k &lt; n
     */
    public static long pack(byte[] bytes, int from, int n) {
        long word = 0;
        int k = 0;
        for (; k + 8 <= n; k += 8) {
            long x = (long) LONGS.get(bytes, from + k);
            word |= ((nonzeroBytes(x) * GATHER) >>> 56) << k;
        }
        for (; k < n; k++) {
            if (bytes[from + k] != 0) {
                word |= 1L << k;
            }
        }
        return word;
    }

    /**
     * @param x eight bytes
     * @return the word with the low bit of byte k set iff byte k of x is nonzero, all other bits clear
     */
    public static long nonzeroBytes(long x) {
        return ((((x & LOW7) + LOW7) | x) >>> 7) & LSB;
    }
}
