package org.scalefreebench.datasets.npy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.scalefreebench.datasets.npy.NpyReaderTest.assertMessage;
import static org.scalefreebench.datasets.npy.NpyReaderTest.assertSameValues;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NpyTest {

    @TempDir
    Path tmp;

    @Test
    void readsWholeArrays() throws IOException {
        for (NpyFixtures.Good g : NpyFixtures.GOOD_V1) {
            Path file = NpyFixtures.path(g.name());
            Object values = switch (g.dtype()) {
                case UINT8 -> Npy.readUint8(file, g.shape());
                case INT32 -> Npy.readInt32(file, g.shape());
                case FLOAT32 -> Npy.readFloat32(file, g.shape());
                case FLOAT64 -> Npy.readFloat64(file, g.shape());
            };
            assertSameValues(g.values(), values);
        }
        assertSameValues(NpyFixtures.F32_3X4_V2.values(), Npy.readFloat32(NpyFixtures.path("f32_3x4_v2.npy"), 3, -1));
    }

    @Test
    void readHeaderReportsDtypeShapeOrderAndOffset() throws IOException {
        NpyHeader h = Npy.readHeader(NpyFixtures.path("i32_2x3x4.npy"));
        assertEquals(new NpyHeader(NpyDtype.INT32, new long[] {2, 3, 4}, false, 128), h);
        assertEquals(24, h.elementCount());
        NpyHeader v2 = Npy.readHeader(NpyFixtures.path("f32_3x4_v2.npy"));
        assertEquals(new NpyHeader(NpyDtype.FLOAT32, new long[] {3, 4}, false, 128), v2);
        NpyHeader scalar = Npy.readHeader(NpyFixtures.path("f64_scalar.npy"));
        assertEquals(0, scalar.shape().length);
        assertEquals(1, scalar.elementCount());
        NpyHeader fortran = Npy.readHeader(NpyFixtures.path("bad_f64_fortran.npy"));
        assertTrue(fortran.fortranOrder());
        assertArrayEquals(new long[] {2, 3}, fortran.shape());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "bad_i32_big_endian.npy",
                "bad_f64_fortran.npy",
                "bad_i32_truncated.npy",
                "bad_bool.npy",
                "bad_i64.npy",
                "bad_v3.npy"
            })
    void everyBadFixtureIsRejectedByTheWholeFileReaders(String name) {
        Path file = NpyFixtures.path(name);
        for (NpyDtype dtype : NpyDtype.values()) {
            IOException e = assertThrows(IOException.class, () -> {
                switch (dtype) {
                    case UINT8 -> Npy.readUint8(file, -1);
                    case INT32 -> Npy.readInt32(file, -1);
                    case FLOAT32 -> Npy.readFloat32(file, -1);
                    case FLOAT64 -> Npy.readFloat64(file, -1, -1);
                }
            });
            assertInstanceOf(NpyFormatException.class, e);
            assertTrue(e.getMessage().startsWith(file + ": "), e.getMessage());
            assertEquals(file.toString(), ((NpyFormatException) e).file());
        }
    }

    @Test
    void readHeaderRejectsUnsupportedFiles() {
        assertMessage(
                assertThrows(NpyFormatException.class, () -> Npy.readHeader(NpyFixtures.path("bad_bool.npy"))),
                "bad_bool.npy: dtype '|b1' (bool) is not supported, expected one of '|u1' (uint8), '<i4' (int32)");
        assertMessage(
                assertThrows(NpyFormatException.class, () -> Npy.readHeader(NpyFixtures.path("bad_i64.npy"))),
                "bad_i64.npy: dtype '<i8' (int64) is not supported");
        assertMessage(
                assertThrows(
                        NpyFormatException.class, () -> Npy.readHeader(NpyFixtures.path("bad_i32_big_endian.npy"))),
                "bad_i32_big_endian.npy",
                "big-endian",
                "expected little-endian '<'");
        assertMessage(
                assertThrows(NpyFormatException.class, () -> Npy.readHeader(NpyFixtures.path("bad_i32_truncated.npy"))),
                "bad_i32_truncated.npy",
                "expected 168 bytes");
        assertMessage(
                assertThrows(NpyFormatException.class, () -> Npy.readHeader(NpyFixtures.path("bad_v3.npy"))),
                "bad_v3.npy",
                "version 3.0");
    }

    @Test
    void rejectsArraysTooLargeForAJavaArray() throws IOException {
        long elements = Npy.MAX_ARRAY_ELEMENTS + 1L;
        byte[] header = NpyWriter.header(NpyDtype.UINT8, new long[] {elements});
        Path file = tmp.resolve("huge.npy");
        Files.write(file, header);
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(header.length + elements);
        }
        IOException e = assertThrows(IOException.class, () -> Npy.readUint8(file, -1));
        assertFalse(e instanceof NpyFormatException);
        assertMessage(
                e,
                "huge.npy",
                "shape (2147483640,) has 2147483640 elements",
                "more than the 2147483639 a Java array can hold");
        try (NpyReader reader = NpyReader.open(file, NpyDtype.UINT8, elements)) {
            assertEquals(elements, reader.header().elementCount());
        }
    }

    @Test
    void headerRecordCopiesShapeAndValidates() {
        long[] shape = {3, 4};
        NpyHeader h = new NpyHeader(NpyDtype.UINT8, shape, false, 128);
        shape[0] = 99;
        assertArrayEquals(new long[] {3, 4}, h.shape());
        h.shape()[1] = 99;
        assertArrayEquals(new long[] {3, 4}, h.shape());
        assertEquals(h.hashCode(), new NpyHeader(NpyDtype.UINT8, new long[] {3, 4}, false, 128).hashCode());
        assertTrue(h.toString().contains("(3, 4)"), h.toString());
        assertEquals(0, new NpyHeader(NpyDtype.UINT8, new long[] {1L << 40, 1L << 40, 0}, false, 128).elementCount());
        assertThrows(IllegalArgumentException.class, () -> new NpyHeader(NpyDtype.UINT8, new long[] {-1}, false, 128));
        assertThrows(
                IllegalArgumentException.class,
                () -> new NpyHeader(NpyDtype.UINT8, new long[] {1L << 32, 1L << 32}, false, 128));
    }
}
