package org.scalefreebench.datasets.npy;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Whole-file helpers built on {@link NpyReader}: read a header, or read a complete array into a
 * Java array after checking dtype, C order, shape and file size.
 */
public final class Npy {

    /** The largest array the helpers read; larger arrays must be streamed with {@link NpyReader}. */
    static final int MAX_ARRAY_ELEMENTS = Integer.MAX_VALUE - 8;

    private Npy() {}

    /**
     * Reads and checks the header of {@code file}: magic, version, header dict, a supported
     * little-endian dtype, and a file size matching the header. Fortran order is not rejected
     * here; it is reported by {@link NpyHeader#fortranOrder()}.
     *
     * @param file the NPY file
     * @return the header
     * @throws NpyFormatException if the file is not a valid NPY file of a supported dtype
     * @throws IOException        if the file cannot be read
     */
    public static NpyHeader readHeader(Path file) throws IOException {
        return NpyReader.readHeader(file);
    }

    /**
     * Reads a whole {@link NpyDtype#UINT8} array.
     *
     * @param file          the NPY file
     * @param expectedShape as for {@link NpyReader#open}; {@code -1} matches any size on that axis
     * @return the elements in C order
     * @throws NpyFormatException if the file does not hold such an array
     * @throws IOException        if the file cannot be read, or the array has more than
     *                            {@code Integer.MAX_VALUE - 8} elements
     */
    public static byte[] readUint8(Path file, long... expectedShape) throws IOException {
        try (NpyReader reader = NpyReader.open(file, NpyDtype.UINT8, expectedShape)) {
            byte[] a = new byte[arrayLength(file, reader.header())];
            reader.readUint8(a, 0, a.length);
            return a;
        }
    }

    /**
     * Reads a whole {@link NpyDtype#INT32} array.
     *
     * @param file          the NPY file
     * @param expectedShape as for {@link NpyReader#open}; {@code -1} matches any size on that axis
     * @return the elements in C order
     * @throws NpyFormatException if the file does not hold such an array
     * @throws IOException        if the file cannot be read, or the array has more than
     *                            {@code Integer.MAX_VALUE - 8} elements
     */
    public static int[] readInt32(Path file, long... expectedShape) throws IOException {
        try (NpyReader reader = NpyReader.open(file, NpyDtype.INT32, expectedShape)) {
            int[] a = new int[arrayLength(file, reader.header())];
            reader.readInt32(a, 0, a.length);
            return a;
        }
    }

    /**
     * Reads a whole {@link NpyDtype#FLOAT32} array.
     *
     * @param file          the NPY file
     * @param expectedShape as for {@link NpyReader#open}; {@code -1} matches any size on that axis
     * @return the elements in C order
     * @throws NpyFormatException if the file does not hold such an array
     * @throws IOException        if the file cannot be read, or the array has more than
     *                            {@code Integer.MAX_VALUE - 8} elements
     */
    public static float[] readFloat32(Path file, long... expectedShape) throws IOException {
        try (NpyReader reader = NpyReader.open(file, NpyDtype.FLOAT32, expectedShape)) {
            float[] a = new float[arrayLength(file, reader.header())];
            reader.readFloat32(a, 0, a.length);
            return a;
        }
    }

    /**
     * Reads a whole {@link NpyDtype#FLOAT64} array.
     *
     * @param file          the NPY file
     * @param expectedShape as for {@link NpyReader#open}; {@code -1} matches any size on that axis
     * @return the elements in C order
     * @throws NpyFormatException if the file does not hold such an array
     * @throws IOException        if the file cannot be read, or the array has more than
     *                            {@code Integer.MAX_VALUE - 8} elements
     */
    public static double[] readFloat64(Path file, long... expectedShape) throws IOException {
        try (NpyReader reader = NpyReader.open(file, NpyDtype.FLOAT64, expectedShape)) {
            double[] a = new double[arrayLength(file, reader.header())];
            reader.readFloat64(a, 0, a.length);
            return a;
        }
    }

    private static int arrayLength(Path file, NpyHeader header) throws IOException {
        long count = header.elementCount();
        if (count > MAX_ARRAY_ELEMENTS) {
            throw new IOException(file + ": shape " + NpyHeader.formatShape(header.shape()) + " has " + count
                    + " elements, more than the " + MAX_ARRAY_ELEMENTS + " a Java array can hold;"
                    + " read it in chunks with NpyReader");
        }
        return (int) count;
    }
}
