package org.scalefreebench.datasets.npy;

import java.util.Arrays;
import java.util.Objects;

/**
 * The parsed header of an NPY file: element type, shape, storage order and the byte offset at
 * which the array data starts. The shape array is copied on the way in and on the way out.
 *
 * @param dtype        the element type
 * @param shape        the array shape; empty for a 0-d (scalar) array
 * @param fortranOrder whether the data is stored in Fortran (column-major) order
 * @param dataOffset   the file offset of the first data byte (the total header length)
 */
public record NpyHeader(NpyDtype dtype, long[] shape, boolean fortranOrder, int dataOffset) {

    /**
     * Validates and copies the components.
     *
     * @param dtype        the element type
     * @param shape        the array shape, copied
     * @param fortranOrder whether the data is in Fortran order
     * @param dataOffset   the file offset of the first data byte
     * @throws IllegalArgumentException if a dimension or the offset is negative, or the element
     *                                  count overflows a {@code long}
     */
    public NpyHeader {
        Objects.requireNonNull(dtype, "dtype");
        shape = Objects.requireNonNull(shape, "shape").clone();
        if (dataOffset < 0) {
            throw new IllegalArgumentException("dataOffset " + dataOffset + " is negative");
        }
        elementCount(shape);
    }

    /** @return a copy of the shape */
    @Override
    public long[] shape() {
        return shape.clone();
    }

    /** @return the number of elements: the product of the shape (1 for a 0-d array) */
    public long elementCount() {
        return elementCount(shape);
    }

    /** @return the number of data bytes: {@link #elementCount()} times the item size */
    long dataBytes() {
        return elementCount() * dtype.itemSize();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NpyHeader h
                && dtype == h.dtype
                && Arrays.equals(shape, h.shape)
                && fortranOrder == h.fortranOrder
                && dataOffset == h.dataOffset;
    }

    @Override
    public int hashCode() {
        return Objects.hash(dtype, Arrays.hashCode(shape), fortranOrder, dataOffset);
    }

    @Override
    public String toString() {
        return "NpyHeader[dtype=" + dtype.describe() + ", shape=" + formatShape(shape) + ", fortranOrder="
                + fortranOrder + ", dataOffset=" + dataOffset + "]";
    }

    /**
     * @param shape an array shape
     * @return the number of elements: the product of the shape (1 for a 0-d array)
     * @throws IllegalArgumentException if a dimension is negative or the product overflows
     */
    public static long elementCount(long[] shape) {
        for (long dim : shape) {
            if (dim < 0) {
                throw new IllegalArgumentException("shape " + formatShape(shape) + " has a negative dimension");
            }
            if (dim == 0) {
                return 0;
            }
        }
        long count = 1;
        for (long dim : shape) {
            try {
                count = Math.multiplyExact(count, dim);
            } catch (ArithmeticException e) {
                throw new IllegalArgumentException(
                        "shape " + formatShape(shape) + " has more elements than a long can count", e);
            }
        }
        return count;
    }

    /**
     * @param shape an array shape
     * @return the shape as Python writes a tuple: {@code ()}, {@code (5,)}, {@code (3, 4)}
     */
    public static String formatShape(long[] shape) {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(shape[i]);
        }
        if (shape.length == 1) {
            sb.append(',');
        }
        return sb.append(')').toString();
    }
}
