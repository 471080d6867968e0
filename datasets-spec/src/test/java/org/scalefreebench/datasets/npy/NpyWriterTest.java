package org.scalefreebench.datasets.npy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.scalefreebench.datasets.npy.NpyReaderTest.assertMessage;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.Array;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class NpyWriterTest {

    @TempDir
    Path tmp;

    static Stream<NpyFixtures.Good> goodFixtures() {
        return NpyFixtures.GOOD_V1.stream();
    }

    @ParameterizedTest
    @MethodSource("goodFixtures")
    void streamWriterMatchesNumpyByteForByte(NpyFixtures.Good fixture) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (NpyWriter writer = NpyWriter.open(out, fixture.dtype(), fixture.shape())) {
            write(writer, fixture.values(), 0, Array.getLength(fixture.values()));
        }
        assertArrayEquals(NpyFixtures.bytes(fixture.name()), out.toByteArray());
    }

    @ParameterizedTest
    @MethodSource("goodFixtures")
    void tinyBufferOneElementAtATimeMatchesNumpyByteForByte(NpyFixtures.Good fixture) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (NpyWriter writer = NpyWriter.open(out, 13, fixture.dtype(), fixture.shape())) {
            for (int i = 0; i < Array.getLength(fixture.values()); i++) {
                write(writer, fixture.values(), i, 1);
            }
        }
        assertArrayEquals(NpyFixtures.bytes(fixture.name()), out.toByteArray());
    }

    @ParameterizedTest
    @MethodSource("goodFixtures")
    void fileWriterMatchesNumpyByteForByte(NpyFixtures.Good fixture) throws IOException {
        Path file = tmp.resolve(fixture.name());
        Files.write(file, new byte[5000]);
        NpyWriter.write(file, fixture.dtype(), fixture.shape(), fixture.values());
        assertArrayEquals(NpyFixtures.bytes(fixture.name()), Files.readAllBytes(file));
    }

    static Stream<Arguments> headerShapes() {
        return Stream.of(
                Arguments.of("f32_0.npy", new long[] {0}),
                Arguments.of("u8_5.npy", new long[] {5}),
                Arguments.of("u8_3x4.npy", new long[] {3, 4}),
                Arguments.of("f64_2x3x4.npy", new long[] {2, 3, 4}),
                Arguments.of("u8_0x4x4.npy", new long[] {0, 4, 4}),
                Arguments.of("f64_scalar.npy", new long[0]));
    }

    @ParameterizedTest
    @MethodSource("headerShapes")
    void headerMatchesNumpy(String fixture, long[] shape) throws IOException {
        NpyHeader numpy = Npy.readHeader(NpyFixtures.path(fixture));
        byte[] header = NpyWriter.header(numpy.dtype(), shape);
        assertEquals(numpy.dataOffset(), header.length);
        assertArrayEquals(Arrays.copyOf(NpyFixtures.bytes(fixture), numpy.dataOffset()), header);
    }

    @Test
    void headerTextIsNumpys() {
        String text = new String(NpyWriter.header(NpyDtype.UINT8, new long[] {3, 4}), StandardCharsets.ISO_8859_1);
        assertEquals(
                "\u0093NUMPY\u0001\u0000v\u0000{'descr': '|u1', 'fortran_order': False, 'shape': (3, 4), }"
                        + " ".repeat(58) + "\n",
                text);
        String scalar = new String(NpyWriter.header(NpyDtype.FLOAT64, new long[0]), StandardCharsets.ISO_8859_1);
        assertTrue(scalar.contains("'shape': (), }"), scalar);
        String oneD = new String(NpyWriter.header(NpyDtype.INT32, new long[] {5}), StandardCharsets.ISO_8859_1);
        assertTrue(oneD.contains("'shape': (5,), }"), oneD);
    }

    @Test
    void headerIsAlignedAndReadableForManyShapes() throws IOException {
        long[][] shapes = {
            {},
            {0},
            {1},
            {9},
            {10},
            {1L << 40},
            {Long.MAX_VALUE},
            {0, 0},
            {7, 1000000000000L},
            {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20},
            {Long.MAX_VALUE, Long.MAX_VALUE, 0},
        };
        for (NpyDtype dtype : NpyDtype.values()) {
            for (long[] shape : shapes) {
                byte[] header = NpyWriter.header(dtype, shape);
                assertEquals(0, header.length % 64, Arrays.toString(shape));
                assertEquals('\n', header[header.length - 1]);
                String dict = new String(header, 10, header.length - 10, StandardCharsets.ISO_8859_1);
                NpyHeaderParser.RawHeader raw = NpyHeaderParser.parseDict(Path.of("x.npy"), dict, header.length);
                assertEquals(dtype.descr(), raw.descr());
                assertArrayEquals(shape, raw.shape());
            }
        }
    }

    @Test
    void closeWithTooFewElementsThrowsAndClosesTheStream() throws IOException {
        ClosingStream out = new ClosingStream();
        NpyWriter writer = NpyWriter.open(out, NpyDtype.INT32, 3, 4);
        writer.writeInt32(new int[10], 0, 10);
        IOException e = assertThrows(IOException.class, writer::close);
        assertMessage(e, "after 10 elements, expected 12", "(3, 4)");
        assertTrue(out.closed);
        assertEquals(128 + 40, out.size());
    }

    @Test
    void emptyWriterForNonEmptyShapeThrowsOnClose() throws IOException {
        NpyWriter writer = NpyWriter.open(new ByteArrayOutputStream(), NpyDtype.FLOAT64);
        IOException e = assertThrows(IOException.class, writer::close);
        assertMessage(e, "after 0 elements, expected 1", "shape ()");
    }

    @Test
    void tooManyElementsThrow() throws IOException {
        try (NpyWriter writer = NpyWriter.open(new ByteArrayOutputStream(), NpyDtype.FLOAT32, 3, 4)) {
            IllegalStateException e =
                    assertThrows(IllegalStateException.class, () -> writer.writeFloat32(new float[13], 0, 13));
            assertMessage(e, "13", "12", "(3, 4)");
            writer.writeFloat32(new float[8], 0, 8);
            e = assertThrows(IllegalStateException.class, () -> writer.writeFloat32(new float[5], 0, 5));
            assertMessage(
                    e, "writing 5 more elements would exceed the 12 elements of shape (3, 4) (8 already written)");
            writer.writeFloat32(new float[4], 0, 4);
            assertThrows(IllegalStateException.class, () -> writer.writeFloat32(new float[1], 0, 1));
        }
        try (NpyWriter writer = NpyWriter.open(new ByteArrayOutputStream(), NpyDtype.UINT8, 0, 4, 4)) {
            assertThrows(IllegalStateException.class, () -> writer.writeUint8(new byte[1], 0, 1));
        }
    }

    @Test
    void rejectsDtypeMismatchBoundsAndWritesAfterClose() throws IOException {
        NpyWriter writer = NpyWriter.open(new ByteArrayOutputStream(), NpyDtype.UINT8, 4);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> writer.writeInt32(new int[1], 0, 1));
        assertMessage(e, "writeInt32", "'|u1' (uint8)");
        assertThrows(IllegalStateException.class, () -> writer.writeFloat32(new float[1], 0, 1));
        assertThrows(IllegalStateException.class, () -> writer.writeFloat64(new double[1], 0, 1));
        assertThrows(IndexOutOfBoundsException.class, () -> writer.writeUint8(new byte[2], 1, 2));
        writer.writeUint8(new byte[] {1, 2, 3, 4}, 0, 4);
        writer.close();
        writer.close();
        assertThrows(IOException.class, () -> writer.writeUint8(new byte[1], 0, 1));
    }

    @Test
    void rejectsBadShapes() {
        assertThrows(
                IllegalArgumentException.class,
                () -> NpyWriter.open(new ByteArrayOutputStream(), NpyDtype.UINT8, 3, -1));
        assertThrows(
                IllegalArgumentException.class,
                () -> NpyWriter.open(new ByteArrayOutputStream(), NpyDtype.UINT8, Long.MAX_VALUE, 2));
    }

    @Test
    void convenienceWriteChecksArrayTypeAndLength() {
        Path file = tmp.resolve("x.npy");
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> NpyWriter.write(file, NpyDtype.INT32, new long[] {2}, new float[2]));
        assertMessage(e, "x.npy", "'<i4' (int32) takes int[], got float[]");
        e = assertThrows(
                IllegalArgumentException.class,
                () -> NpyWriter.write(file, NpyDtype.FLOAT64, new long[] {2, 2}, new double[3]));
        assertMessage(e, "x.npy", "array has 3 elements, expected 4 for shape (2, 2)");
        assertTrue(Files.notExists(file));
    }

    @Test
    void convenienceWriteNamesTheFileOnFailure() {
        Path file = tmp.resolve("missing-dir").resolve("x.npy");
        IOException e = assertThrows(
                IOException.class, () -> NpyWriter.write(file, NpyDtype.UINT8, new long[] {1}, new byte[1]));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    }

    static void write(NpyWriter writer, Object values, int off, int len) throws IOException {
        if (values instanceof byte[] a) {
            writer.writeUint8(a, off, len);
        } else if (values instanceof int[] a) {
            writer.writeInt32(a, off, len);
        } else if (values instanceof float[] a) {
            writer.writeFloat32(a, off, len);
        } else {
            writer.writeFloat64((double[]) values, off, len);
        }
    }

    /** Remembers whether it was closed. */
    private static final class ClosingStream extends ByteArrayOutputStream {
        boolean closed;

        @Override
        public void close() {
            closed = true;
        }
    }
}
