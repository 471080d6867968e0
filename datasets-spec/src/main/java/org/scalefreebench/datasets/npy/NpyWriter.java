package org.scalefreebench.datasets.npy;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.Array;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;

/**
 * A streaming writer of one NPY format 1.0 array in C order, little-endian. The header is
 * byte-for-byte what {@code numpy.save} writes for the same dtype and shape; the elements are
 * then written in as many {@code write*} calls as the caller likes, through a buffer of up to
 * 1 MiB with bulk conversion. {@link #close()} checks that exactly as many elements were written as the
 * shape holds.
 *
 * <p>Not thread-safe.
 */
public final class NpyWriter implements Closeable {

    /** Size of the write buffer. */
    static final int DEFAULT_BUFFER_BYTES = 1 << 20;

    /** numpy pads the header so that the data starts at a multiple of this. */
    private static final int ARRAY_ALIGN = 64;

    /** numpy leaves room for the first axis to grow to this many digits. */
    private static final int GROWTH_AXIS_MAX_DIGITS = 21;

    private final OutputStream out;
    private final NpyDtype dtype;
    private final long[] shape;
    private final long total;
    private final byte[] bytes;
    private final ByteBuffer buffer;
    private long written;
    private boolean closed;

    private NpyWriter(OutputStream out, NpyDtype dtype, long[] shape, long total, int bufferBytes) {
        this.out = out;
        this.dtype = dtype;
        this.shape = shape;
        this.total = total;
        this.bytes = new byte[bufferBytes];
        this.buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    }

    /**
     * Writes the NPY header for an array of {@code dtype} and {@code shape} to {@code out} and
     * returns a writer for its elements.
     *
     * @param out   the stream to write to; closed by {@link #close()}
     * @param dtype the element type
     * @param shape the array shape; no values for a 0-d array of one element
     * @return a writer expecting {@code product(shape)} elements
     * @throws IOException              if the header cannot be written
     * @throws IllegalArgumentException if a dimension is negative or the element count overflows
     */
    public static NpyWriter open(OutputStream out, NpyDtype dtype, long... shape) throws IOException {
        return open(out, DEFAULT_BUFFER_BYTES, dtype, shape);
    }

    /** As {@link #open(OutputStream, NpyDtype, long...)}, with a given buffer size (at least 8 bytes). */
    static NpyWriter open(OutputStream out, int bufferBytes, NpyDtype dtype, long... shape) throws IOException {
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(dtype, "dtype");
        long[] copy = Objects.requireNonNull(shape, "shape").clone();
        if (bufferBytes < Long.BYTES) {
            throw new IllegalArgumentException("buffer of " + bufferBytes + " bytes is smaller than 8 bytes");
        }
        long total = NpyHeader.elementCount(copy);
        out.write(header(dtype, copy));
        int size = total >= bufferBytes / dtype.itemSize()
                ? bufferBytes
                : (int) Math.max(Long.BYTES, total * dtype.itemSize());
        return new NpyWriter(out, dtype, copy, total, size);
    }

    /**
     * The header alone, for a file assembled from the bodies of several (the body of an NPY file
     * in C order is the concatenation of its rows).
     *
     * @param dtype the element type
     * @param shape the array shape
     * @return the complete NPY 1.0 header (magic, version, length, dict, padding) exactly as
     *         numpy 2.x writes it for a C-ordered array
     * @throws IllegalArgumentException if the header does not fit the 1.0 format
     */
    public static byte[] header(NpyDtype dtype, long[] shape) {
        StringBuilder dict = new StringBuilder()
                .append("{'descr': '")
                .append(dtype.descr())
                .append("', 'fortran_order': False, 'shape': ")
                .append(NpyHeader.formatShape(shape))
                .append(", }");
        if (shape.length > 0) {
            dict.append(" "
                    .repeat(Math.max(
                            0, GROWTH_AXIS_MAX_DIGITS - Long.toString(shape[0]).length())));
        }
        byte[] dictBytes = dict.toString().getBytes(StandardCharsets.ISO_8859_1);
        int preamble = NpyHeaderParser.MAGIC.length + 2 + 2;
        int withNewline = dictBytes.length + 1;
        int padding = ARRAY_ALIGN - (preamble + withNewline) % ARRAY_ALIGN;
        int headerLength = withNewline + padding;
        if (headerLength > 0xffff) {
            throw new IllegalArgumentException("NPY 1.0 header for shape " + NpyHeader.formatShape(shape) + " is "
                    + headerLength + " bytes, more than the 65535 the format allows");
        }
        byte[] header = new byte[preamble + headerLength];
        System.arraycopy(NpyHeaderParser.MAGIC, 0, header, 0, NpyHeaderParser.MAGIC.length);
        header[6] = 1;
        header[7] = 0;
        header[8] = (byte) headerLength;
        header[9] = (byte) (headerLength >>> 8);
        System.arraycopy(dictBytes, 0, header, preamble, dictBytes.length);
        Arrays.fill(header, preamble + dictBytes.length, header.length - 1, (byte) ' ');
        header[header.length - 1] = '\n';
        return header;
    }

    /**
     * Writes {@code len} uint8 elements.
     *
     * @param a   the elements, in C order
     * @param off the index in {@code a} of the first element to write
     * @param len the number of elements to write
     * @throws IllegalStateException if the dtype is not {@link NpyDtype#UINT8}, or the elements
     *                               would exceed what the shape holds
     * @throws IOException           if the writer is closed or writing fails
     */
    public void writeUint8(byte[] a, int off, int len) throws IOException {
        begin(NpyDtype.UINT8, "writeUint8", a.length, off, len);
        if (len >= bytes.length) {
            flushBuffer();
            while (len > 0) {
                int n = Math.min(len, bytes.length);
                out.write(a, off, n);
                off += n;
                len -= n;
            }
            return;
        }
        while (len > 0) {
            if (!buffer.hasRemaining()) {
                flushBuffer();
            }
            int n = Math.min(len, buffer.remaining());
            buffer.put(a, off, n);
            off += n;
            len -= n;
        }
    }

    /**
     * Writes {@code len} int32 elements.
     *
     * @param a   the elements, in C order
     * @param off the index in {@code a} of the first element to write
     * @param len the number of elements to write
     * @throws IllegalStateException if the dtype is not {@link NpyDtype#INT32}, or the elements
     *                               would exceed what the shape holds
     * @throws IOException           if the writer is closed or writing fails
     */
    public void writeInt32(int[] a, int off, int len) throws IOException {
        begin(NpyDtype.INT32, "writeInt32", a.length, off, len);
        while (len > 0) {
            if (buffer.remaining() < Integer.BYTES) {
                flushBuffer();
            }
            int n = Math.min(len, buffer.remaining() / Integer.BYTES);
            buffer.asIntBuffer().put(a, off, n);
            buffer.position(buffer.position() + n * Integer.BYTES);
            off += n;
            len -= n;
        }
    }

    /**
     * Writes {@code len} float32 elements.
     *
     * @param a   the elements, in C order
     * @param off the index in {@code a} of the first element to write
     * @param len the number of elements to write
     * @throws IllegalStateException if the dtype is not {@link NpyDtype#FLOAT32}, or the elements
     *                               would exceed what the shape holds
     * @throws IOException           if the writer is closed or writing fails
     */
    public void writeFloat32(float[] a, int off, int len) throws IOException {
        begin(NpyDtype.FLOAT32, "writeFloat32", a.length, off, len);
        while (len > 0) {
            if (buffer.remaining() < Float.BYTES) {
                flushBuffer();
            }
            int n = Math.min(len, buffer.remaining() / Float.BYTES);
            buffer.asFloatBuffer().put(a, off, n);
            buffer.position(buffer.position() + n * Float.BYTES);
            off += n;
            len -= n;
        }
    }

    /**
     * Writes {@code len} float64 elements.
     *
     * @param a   the elements, in C order
     * @param off the index in {@code a} of the first element to write
     * @param len the number of elements to write
     * @throws IllegalStateException if the dtype is not {@link NpyDtype#FLOAT64}, or the elements
     *                               would exceed what the shape holds
     * @throws IOException           if the writer is closed or writing fails
     */
    public void writeFloat64(double[] a, int off, int len) throws IOException {
        begin(NpyDtype.FLOAT64, "writeFloat64", a.length, off, len);
        while (len > 0) {
            if (buffer.remaining() < Double.BYTES) {
                flushBuffer();
            }
            int n = Math.min(len, buffer.remaining() / Double.BYTES);
            buffer.asDoubleBuffer().put(a, off, n);
            buffer.position(buffer.position() + n * Double.BYTES);
            off += n;
            len -= n;
        }
    }

    private void begin(NpyDtype expected, String method, int arrayLength, int off, int len) throws IOException {
        if (closed) {
            throw new IOException("NPY writer is closed");
        }
        if (dtype != expected) {
            throw new IllegalStateException(method + " called on a writer for dtype " + dtype.describe());
        }
        Objects.checkFromIndexSize(off, len, arrayLength);
        if (len > total - written) {
            throw new IllegalStateException("writing " + len + " more elements would exceed the " + total
                    + " elements of shape " + NpyHeader.formatShape(shape) + " (" + written + " already written)");
        }
        written += len;
    }

    private void flushBuffer() throws IOException {
        if (buffer.position() > 0) {
            out.write(bytes, 0, buffer.position());
            buffer.clear();
        }
    }

    /**
     * Flushes the buffered elements and closes the stream. Closing twice has no effect.
     *
     * @throws IOException if writing or closing fails, or if fewer elements were written than the
     *                     shape holds (the message gives both counts; the stream is closed anyway)
     */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        IOException failure = null;
        try {
            flushBuffer();
        } catch (IOException e) {
            failure = e;
        }
        try {
            out.close();
        } catch (IOException e) {
            if (failure == null) {
                failure = e;
            } else {
                failure.addSuppressed(e);
            }
        }
        if (failure != null) {
            throw failure;
        }
        if (written < total) {
            throw new IOException("NPY writer closed after " + written + " elements, expected " + total
                    + " for shape " + NpyHeader.formatShape(shape) + " " + dtype.describe()
                    + "; the output is incomplete");
        }
    }

    /**
     * Writes a whole array to {@code file}, replacing it if it exists. The file is written in
     * place; writing to a temporary file and renaming it is the caller's business.
     *
     * @param file  the file to write
     * @param dtype the element type
     * @param shape the array shape
     * @param array a {@code byte[]}, {@code int[]}, {@code float[]} or {@code double[]} matching
     *              {@code dtype}, with exactly {@code product(shape)} elements in C order
     * @throws IllegalArgumentException if the array type does not match the dtype or its length
     *                                  does not match the shape
     * @throws IOException              if the file cannot be written; the message names the file
     */
    public static void write(Path file, NpyDtype dtype, long[] shape, Object array) throws IOException {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(dtype, "dtype");
        Objects.requireNonNull(shape, "shape");
        Objects.requireNonNull(array, "array");
        long total = NpyHeader.elementCount(shape);
        int length = arrayLength(file, dtype, array);
        if (length != total) {
            throw new IllegalArgumentException(file + ": array has " + length + " elements, expected " + total
                    + " for shape " + NpyHeader.formatShape(shape));
        }
        try {
            OutputStream out = Files.newOutputStream(file);
            try (out;
                    NpyWriter writer = open(out, dtype, shape)) {
                switch (dtype) {
                    case UINT8 -> writer.writeUint8((byte[]) array, 0, length);
                    case INT32 -> writer.writeInt32((int[]) array, 0, length);
                    case FLOAT32 -> writer.writeFloat32((float[]) array, 0, length);
                    case FLOAT64 -> writer.writeFloat64((double[]) array, 0, length);
                }
            }
        } catch (IOException e) {
            throw new IOException(file + ": writing NPY file failed: " + e.getMessage(), e);
        }
    }

    private static int arrayLength(Path file, NpyDtype dtype, Object array) {
        Class<?> expected = switch (dtype) {
            case UINT8 -> byte[].class;
            case INT32 -> int[].class;
            case FLOAT32 -> float[].class;
            case FLOAT64 -> double[].class;
        };
        if (array.getClass() != expected) {
            throw new IllegalArgumentException(file + ": dtype " + dtype.describe() + " takes "
                    + expected.getSimpleName() + ", got " + array.getClass().getSimpleName());
        }
        return Array.getLength(array);
    }
}
