package org.scalefreebench.datasets.npy;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;

/**
 * A streaming reader for one NPY file (format version 1.0 or 2.0), for arrays too large to hold
 * in memory at once. {@link #open} reads and checks the whole header against the expected dtype
 * and shape, and checks that the file size matches the header, before any data is read; the
 * {@code read*} methods then return the elements in file (C) order, in as many calls as the
 * caller likes. Reads go through a direct buffer of up to 1 MiB and are converted in bulk.
 *
 * <p>Not thread-safe.
 */
public final class NpyReader implements Closeable {

    /** Size of the read buffer. */
    static final int DEFAULT_BUFFER_BYTES = 1 << 20;

    private final Path file;
    private final FileChannel channel;
    private final NpyHeader header;
    private final ByteBuffer buffer;
    private long remaining;
    private boolean closed;

    private NpyReader(Path file, FileChannel channel, NpyHeader header, int bufferBytes) {
        this.file = file;
        this.channel = channel;
        this.header = header;
        this.buffer = ByteBuffer.allocateDirect(bufferBytes).order(ByteOrder.LITTLE_ENDIAN);
        this.buffer.limit(0);
        this.remaining = header.elementCount();
    }

    /**
     * Opens {@code file} and checks its header: magic, version (1.0 or 2.0), header dict, that the
     * dtype is {@code expectedDtype} (little-endian), that the data is in C order, that the shape
     * matches {@code expectedShape}, and that the file is exactly {@code dataOffset +
     * elementCount * itemSize} bytes long.
     *
     * @param file          the NPY file
     * @param expectedDtype the dtype the file must have
     * @param expectedShape the shape the file must have; {@code -1} matches any size on that axis,
     *                      and the number of axes must always match (no values means a 0-d array)
     * @return a reader positioned at the first element
     * @throws NpyFormatException       if the file is not an NPY file or does not hold the expected array;
     *                                  the message names the file, what was expected and what was found
     * @throws IOException              if the file cannot be read
     * @throws IllegalArgumentException if an expected dimension is less than -1
     */
    public static NpyReader open(Path file, NpyDtype expectedDtype, long... expectedShape) throws IOException {
        return open(file, DEFAULT_BUFFER_BYTES, expectedDtype, expectedShape);
    }

    /** As {@link #open(Path, NpyDtype, long...)}, with a given buffer size (at least 8 bytes). */
    static NpyReader open(Path file, int bufferBytes, NpyDtype expectedDtype, long... expectedShape)
            throws IOException {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(expectedDtype, "expectedDtype");
        Objects.requireNonNull(expectedShape, "expectedShape");
        if (bufferBytes < Long.BYTES) {
            throw new IllegalArgumentException("buffer of " + bufferBytes + " bytes is smaller than 8 bytes");
        }
        for (long dim : expectedShape) {
            if (dim < -1) {
                throw new IllegalArgumentException(
                        "expected shape " + formatExpectedShape(expectedShape) + " has a dimension below -1");
            }
        }
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        try {
            NpyHeader header = readHeader(file, channel, expectedDtype, expectedShape, true);
            channel.position(header.dataOffset());
            long dataBytes = header.dataBytes();
            int size = dataBytes >= bufferBytes ? bufferBytes : (int) Math.max(Long.BYTES, dataBytes);
            return new NpyReader(file, channel, header, size);
        } catch (IOException | RuntimeException | Error e) {
            try {
                channel.close();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    /**
     * Reads and checks the header of {@code file} without expectations about dtype or shape and
     * without rejecting Fortran order (which the returned header reports).
     */
    static NpyHeader readHeader(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            return readHeader(file, channel, null, null, false);
        }
    }

    /**
     * @param expectedDtype  null to accept any supported dtype
     * @param expectedShape  null to accept any shape
     * @param requireCOrder  whether to reject Fortran order
     */
    private static NpyHeader readHeader(
            Path file, FileChannel channel, NpyDtype expectedDtype, long[] expectedShape, boolean requireCOrder)
            throws IOException {
        long fileSize = channel.size();
        NpyHeaderParser.RawHeader raw = NpyHeaderParser.read(file, channel, fileSize);
        NpyDtype dtype = resolveDtype(file, raw.descr(), expectedDtype);
        if (requireCOrder && raw.fortranOrder()) {
            throw new NpyFormatException(
                    file,
                    "array is stored in Fortran order (fortran_order: True),"
                            + " expected C order (fortran_order: False)");
        }
        if (expectedShape != null && !shapeMatches(raw.shape(), expectedShape)) {
            throw new NpyFormatException(
                    file,
                    "shape " + NpyHeader.formatShape(raw.shape()) + ", expected " + formatExpectedShape(expectedShape));
        }
        NpyHeader header = new NpyHeader(dtype, raw.shape(), raw.fortranOrder(), raw.dataOffset());
        long elements = header.elementCount();
        long dataBytes;
        long expectedSize;
        try {
            dataBytes = Math.multiplyExact(elements, dtype.itemSize());
            expectedSize = Math.addExact(dataBytes, raw.dataOffset());
        } catch (ArithmeticException e) {
            throw new NpyFormatException(
                    file,
                    "shape " + NpyHeader.formatShape(raw.shape()) + " of " + dtype.describe()
                            + " needs more bytes than a file can hold");
        }
        if (fileSize != expectedSize) {
            String layout = "expected " + expectedSize + " bytes (" + raw.dataOffset() + "-byte header + "
                    + elements + " elements x " + dtype.itemSize() + " bytes for shape "
                    + NpyHeader.formatShape(raw.shape()) + " " + dtype.describe() + ")";
            String problem = fileSize < expectedSize
                    ? "the file is truncated by " + (expectedSize - fileSize) + " bytes"
                    : "the file has " + (fileSize - expectedSize) + " unexpected trailing bytes";
            throw new NpyFormatException(file, "file is " + fileSize + " bytes, " + layout + "; " + problem);
        }
        return header;
    }

    /** Resolves the file's descr to a supported dtype, checking it against {@code expected} if given. */
    private static NpyDtype resolveDtype(Path file, String descr, NpyDtype expected) throws NpyFormatException {
        char order = descr.isEmpty() ? '\0' : descr.charAt(0);
        boolean hasOrder = "<>|=".indexOf(order) >= 0;
        String code = hasOrder ? descr.substring(1) : descr;
        NpyDtype match = null;
        for (NpyDtype dtype : NpyDtype.values()) {
            if (dtype.typeCode().equals(code)) {
                match = dtype;
            }
        }
        if (expected != null && match != expected) {
            throw new NpyFormatException(
                    file, "dtype " + NpyDtype.describe(descr) + ", expected " + expected.describe());
        }
        if (match == null) {
            throw new NpyFormatException(
                    file,
                    "dtype " + NpyDtype.describe(descr) + " is not supported, expected one of "
                            + NpyDtype.supportedList());
        }
        if (match.itemSize() > 1 && order != '<') {
            String found = switch (order) {
                case '>' -> "big-endian '>'";
                case '=' -> "native '='";
                case '|' -> "not-applicable '|'";
                default -> "missing";
            };
            throw new NpyFormatException(
                    file,
                    "dtype " + NpyDtype.describe(descr) + " has byte order " + found + ", expected little-endian '<' ('"
                            + match.descr() + "')");
        }
        return match;
    }

    private static boolean shapeMatches(long[] actual, long[] expected) {
        if (actual.length != expected.length) {
            return false;
        }
        for (int i = 0; i < actual.length; i++) {
            if (expected[i] != -1 && expected[i] != actual[i]) {
                return false;
            }
        }
        return true;
    }

    /** @return the expected shape as a tuple, with {@code *} for axes of any size */
    private static String formatExpectedShape(long[] shape) {
        String tuple = NpyHeader.formatShape(shape);
        for (long dim : shape) {
            if (dim == -1) {
                return tuple.replace("-1", "*") + " (* = any size)";
            }
        }
        return tuple;
    }

    /** @return the header read by {@link #open} */
    public NpyHeader header() {
        return header;
    }

    /**
     * Reads the next {@code len} elements of a {@link NpyDtype#UINT8} array.
     *
     * @param dst the array to fill
     * @param off the index in {@code dst} of the first element to fill
     * @param len the number of elements to read
     * @throws IllegalStateException if the array is not uint8
     * @throws EOFException          if fewer than {@code len} elements remain
     * @throws IOException           if the reader is closed or the file cannot be read
     */
    public void readUint8(byte[] dst, int off, int len) throws IOException {
        begin(NpyDtype.UINT8, "readUint8", dst.length, off, len);
        while (len > 0) {
            fill(1);
            int n = Math.min(len, buffer.remaining());
            buffer.get(dst, off, n);
            off += n;
            len -= n;
        }
    }

    /**
     * Reads the next {@code len} elements of a {@link NpyDtype#INT32} array.
     *
     * @param dst the array to fill
     * @param off the index in {@code dst} of the first element to fill
     * @param len the number of elements to read
     * @throws IllegalStateException if the array is not int32
     * @throws EOFException          if fewer than {@code len} elements remain
     * @throws IOException           if the reader is closed or the file cannot be read
     */
    public void readInt32(int[] dst, int off, int len) throws IOException {
        begin(NpyDtype.INT32, "readInt32", dst.length, off, len);
        while (len > 0) {
            fill(Integer.BYTES);
            int n = Math.min(len, buffer.remaining() / Integer.BYTES);
            buffer.asIntBuffer().get(dst, off, n);
            buffer.position(buffer.position() + n * Integer.BYTES);
            off += n;
            len -= n;
        }
    }

    /**
     * Reads the next {@code len} elements of a {@link NpyDtype#FLOAT32} array.
     *
     * @param dst the array to fill
     * @param off the index in {@code dst} of the first element to fill
     * @param len the number of elements to read
     * @throws IllegalStateException if the array is not float32
     * @throws EOFException          if fewer than {@code len} elements remain
     * @throws IOException           if the reader is closed or the file cannot be read
     */
    public void readFloat32(float[] dst, int off, int len) throws IOException {
        begin(NpyDtype.FLOAT32, "readFloat32", dst.length, off, len);
        while (len > 0) {
            fill(Float.BYTES);
            int n = Math.min(len, buffer.remaining() / Float.BYTES);
            buffer.asFloatBuffer().get(dst, off, n);
            buffer.position(buffer.position() + n * Float.BYTES);
            off += n;
            len -= n;
        }
    }

    /**
     * Reads the next {@code len} elements of a {@link NpyDtype#FLOAT64} array.
     *
     * @param dst the array to fill
     * @param off the index in {@code dst} of the first element to fill
     * @param len the number of elements to read
     * @throws IllegalStateException if the array is not float64
     * @throws EOFException          if fewer than {@code len} elements remain
     * @throws IOException           if the reader is closed or the file cannot be read
     */
    public void readFloat64(double[] dst, int off, int len) throws IOException {
        begin(NpyDtype.FLOAT64, "readFloat64", dst.length, off, len);
        while (len > 0) {
            fill(Double.BYTES);
            int n = Math.min(len, buffer.remaining() / Double.BYTES);
            buffer.asDoubleBuffer().get(dst, off, n);
            buffer.position(buffer.position() + n * Double.BYTES);
            off += n;
            len -= n;
        }
    }

    private void begin(NpyDtype dtype, String method, int arrayLength, int off, int len) throws IOException {
        if (closed) {
            throw new IOException(file + ": NPY reader is closed");
        }
        if (header.dtype() != dtype) {
            throw new IllegalStateException(file + ": " + method + " called on an array of dtype "
                    + header.dtype().describe());
        }
        Objects.checkFromIndexSize(off, len, arrayLength);
        if (len > remaining) {
            throw new EOFException(file + ": cannot read " + len + " more elements, only " + remaining + " of the "
                    + header.elementCount() + " elements of shape " + NpyHeader.formatShape(header.shape())
                    + " remain");
        }
        remaining -= len;
    }

    /** Makes at least {@code min} bytes available in the buffer, reading more from the file as needed. */
    private void fill(int min) throws IOException {
        if (buffer.remaining() >= min) {
            return;
        }
        buffer.compact();
        try {
            while (buffer.position() < min) {
                if (channel.read(buffer) < 0) {
                    throw new NpyFormatException(
                            file,
                            "file ended before the " + header.elementCount()
                                    + " elements of shape " + NpyHeader.formatShape(header.shape())
                                    + " were read, expected "
                                    + (header.dataOffset() + header.dataBytes())
                                    + " bytes; the file was truncated after"
                                    + " it was opened");
                }
            }
        } finally {
            buffer.flip();
        }
    }

    /** Closes the file. Closing twice has no effect. */
    @Override
    public void close() throws IOException {
        if (!closed) {
            closed = true;
            channel.close();
        }
    }
}
