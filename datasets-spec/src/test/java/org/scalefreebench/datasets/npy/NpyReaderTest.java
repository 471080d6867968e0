package org.scalefreebench.datasets.npy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class NpyReaderTest {

    @TempDir
    Path tmp;

    static Stream<NpyFixtures.Good> goodFixtures() {
        return Stream.concat(NpyFixtures.GOOD_V1.stream(), Stream.of(NpyFixtures.F32_3X4_V2));
    }

    @ParameterizedTest
    @MethodSource("goodFixtures")
    void readsGoodFixture(NpyFixtures.Good fixture) throws IOException {
        Path file = NpyFixtures.path(fixture.name());
        try (NpyReader reader = NpyReader.open(file, fixture.dtype(), fixture.shape())) {
            NpyHeader header = reader.header();
            assertEquals(fixture.dtype(), header.dtype());
            assertArrayEquals(fixture.shape(), header.shape());
            assertFalse(header.fortranOrder());
            assertEquals(128, header.dataOffset());
            assertEquals(
                    Files.size(file),
                    header.dataOffset()
                            + header.elementCount() * fixture.dtype().itemSize());
            assertSameValues(fixture.values(), readAll(reader));
        }
    }

    @ParameterizedTest
    @MethodSource("goodFixtures")
    void readsGoodFixtureOneElementAtATimeThroughTinyBuffer(NpyFixtures.Good fixture) throws IOException {
        Path file = NpyFixtures.path(fixture.name());
        try (NpyReader reader = NpyReader.open(file, 13, fixture.dtype(), fixture.shape())) {
            int n = (int) reader.header().elementCount();
            Object values = newArray(fixture.dtype(), n);
            for (int i = 0; i < n; i++) {
                read(reader, values, i, 1);
            }
            assertSameValues(fixture.values(), values);
        }
    }

    @Test
    void readsExactValuesOfSpecialFloats() throws IOException {
        double[] f64 = Npy.readFloat64(NpyFixtures.path("f64_7.npy"), 7);
        assertTrue(Double.isNaN(f64[0]));
        assertEquals(Double.POSITIVE_INFINITY, f64[1]);
        assertEquals(Double.NEGATIVE_INFINITY, f64[2]);
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(f64[3]));
        assertEquals(0.1, f64[4]);
        assertEquals(Double.MIN_VALUE, f64[6]);
        float[] f32 = Npy.readFloat32(NpyFixtures.path("f32_5.npy"), 5);
        assertEquals(Float.floatToRawIntBits(-0.0f), Float.floatToRawIntBits(f32[0]));
        assertEquals(0.1f, f32[1]);
        assertEquals(Float.MIN_VALUE, f32[2]);
        assertEquals(Float.MAX_VALUE, f32[3]);
        byte[] u8 = Npy.readUint8(NpyFixtures.path("u8_5.npy"), 5);
        assertEquals(255, u8[4] & 0xff);
    }

    @Test
    void minusOneMatchesAnySizeOnThatAxis() throws IOException {
        Path file = NpyFixtures.path("u8_3x4.npy");
        try (NpyReader reader = NpyReader.open(file, NpyDtype.UINT8, -1, 4)) {
            assertArrayEquals(new long[] {3, 4}, reader.header().shape());
        }
        try (NpyReader reader = NpyReader.open(file, NpyDtype.UINT8, -1, -1)) {
            assertEquals(12, reader.header().elementCount());
        }
        NpyFormatException e =
                assertThrows(NpyFormatException.class, () -> NpyReader.open(file, NpyDtype.UINT8, -1, 5));
        assertMessage(e, "u8_3x4.npy", "shape (3, 4), expected (*, 5)");
        assertThrows(IllegalArgumentException.class, () -> NpyReader.open(file, NpyDtype.UINT8, -2, 4));
    }

    @Test
    void rejectsShapeMismatch() {
        Path file = NpyFixtures.path("u8_3x4.npy");
        assertMessage(
                assertThrows(NpyFormatException.class, () -> NpyReader.open(file, NpyDtype.UINT8, 4, 3)),
                "u8_3x4.npy: shape (3, 4), expected (4, 3)");
        assertMessage(
                assertThrows(NpyFormatException.class, () -> NpyReader.open(file, NpyDtype.UINT8, 12)),
                "u8_3x4.npy: shape (3, 4), expected (12,)");
        assertMessage(
                assertThrows(NpyFormatException.class, () -> NpyReader.open(file, NpyDtype.UINT8)),
                "u8_3x4.npy: shape (3, 4), expected ()");
    }

    @Test
    void rejectsWrongDtype() {
        Path file = NpyFixtures.path("f32_3x4.npy");
        assertMessage(
                assertThrows(NpyFormatException.class, () -> NpyReader.open(file, NpyDtype.UINT8, 3, 4)),
                "f32_3x4.npy: dtype '<f4' (float32), expected '|u1' (uint8)");
        assertMessage(
                assertThrows(NpyFormatException.class, () -> NpyReader.open(file, NpyDtype.FLOAT64, 3, 4)),
                "f32_3x4.npy: dtype '<f4' (float32), expected '<f8' (float64)");
    }

    @Test
    void rejectsBigEndian() {
        NpyFormatException e = assertThrows(
                NpyFormatException.class,
                () -> NpyReader.open(NpyFixtures.path("bad_i32_big_endian.npy"), NpyDtype.INT32, 6));
        assertMessage(e, "bad_i32_big_endian.npy", "'>i4'", "big-endian", "expected little-endian '<'");
    }

    @Test
    void rejectsFortranOrder() {
        NpyFormatException e = assertThrows(
                NpyFormatException.class,
                () -> NpyReader.open(NpyFixtures.path("bad_f64_fortran.npy"), NpyDtype.FLOAT64, 2, 3));
        assertMessage(e, "bad_f64_fortran.npy", "Fortran order", "expected C order");
    }

    @Test
    void rejectsTruncatedData() {
        NpyFormatException e = assertThrows(
                NpyFormatException.class,
                () -> NpyReader.open(NpyFixtures.path("bad_i32_truncated.npy"), NpyDtype.INT32, 10));
        assertMessage(e, "bad_i32_truncated.npy", "file is 165 bytes", "expected 168 bytes", "truncated by 3 bytes");
    }

    @Test
    void rejectsBoolDtype() {
        NpyFormatException e = assertThrows(
                NpyFormatException.class, () -> NpyReader.open(NpyFixtures.path("bad_bool.npy"), NpyDtype.UINT8, 3));
        assertMessage(e, "bad_bool.npy: dtype '|b1' (bool), expected '|u1' (uint8)");
    }

    @Test
    void rejectsInt64Dtype() {
        NpyFormatException e = assertThrows(
                NpyFormatException.class, () -> NpyReader.open(NpyFixtures.path("bad_i64.npy"), NpyDtype.INT32, 4));
        assertMessage(e, "bad_i64.npy: dtype '<i8' (int64), expected '<i4' (int32)");
    }

    @Test
    void rejectsVersion3() {
        NpyFormatException e = assertThrows(
                NpyFormatException.class, () -> NpyReader.open(NpyFixtures.path("bad_v3.npy"), NpyDtype.UINT8, 4));
        assertMessage(e, "bad_v3.npy", "version 3.0", "expected version 1.0 or 2.0");
    }

    @Test
    void rejectsTrailingBytes() throws IOException {
        byte[] good = NpyFixtures.bytes("u8_5.npy");
        Path file = write("trailing.npy", Arrays.copyOf(good, good.length + 3));
        NpyFormatException e = assertThrows(NpyFormatException.class, () -> NpyReader.open(file, NpyDtype.UINT8, 5));
        assertMessage(e, "trailing.npy", "file is 136 bytes", "expected 133 bytes", "3 unexpected trailing bytes");
    }

    @Test
    void rejectsBadMagic() throws IOException {
        byte[] bytes = NpyFixtures.bytes("u8_5.npy");
        bytes[1] = 'X';
        Path file = write("magic.npy", bytes);
        assertMessage(
                assertThrows(NpyFormatException.class, () -> NpyReader.open(file, NpyDtype.UINT8, 5)),
                "magic.npy: not an NPY file: starts with bytes 93 58 55 4D 50 59, expected the magic 93 4E 55 4D 50 59");
        Path png = write("image.npy", new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 0});
        assertMessage(
                assertThrows(NpyFormatException.class, () -> NpyReader.open(png, NpyDtype.UINT8, 5)),
                "image.npy: not an NPY file",
                "expected the magic");
        Path text = write("text.npy", "hi".getBytes(StandardCharsets.US_ASCII));
        assertMessage(
                assertThrows(NpyFormatException.class, () -> NpyReader.open(text, NpyDtype.UINT8, 5)),
                "text.npy: not an NPY file: starts with bytes 68 69");
    }

    @Test
    void rejectsFilesTooShortForTheHeader() throws IOException {
        byte[] good = NpyFixtures.bytes("u8_5.npy");
        Path empty = write("empty.npy", new byte[0]);
        assertMessage(
                assertThrows(NpyFormatException.class, () -> NpyReader.open(empty, NpyDtype.UINT8, 5)),
                "empty.npy: file is 0 bytes, expected at least 10 bytes",
                "truncated");
        Path magicOnly = write("magic_only.npy", Arrays.copyOf(good, 6));
        assertMessage(
                assertThrows(NpyFormatException.class, () -> NpyReader.open(magicOnly, NpyDtype.UINT8, 5)),
                "magic_only.npy: file is 6 bytes, expected at least 10 bytes",
                "truncated");
        Path halfHeader = write("half_header.npy", Arrays.copyOf(good, 60));
        assertMessage(
                assertThrows(NpyFormatException.class, () -> NpyReader.open(halfHeader, NpyDtype.UINT8, 5)),
                "half_header.npy: file is 60 bytes, expected at least 128 bytes for the header",
                "truncated");
    }

    @Test
    void rejectsUnsupportedVersions() throws IOException {
        byte[] bytes = NpyFixtures.bytes("u8_5.npy");
        bytes[6] = 1;
        bytes[7] = 1;
        Path file = write("v11.npy", bytes);
        assertMessage(
                assertThrows(NpyFormatException.class, () -> NpyReader.open(file, NpyDtype.UINT8, 5)),
                "v11.npy: NPY format version 1.1 is not supported, expected version 1.0 or 2.0");
    }

    @Test
    void rejectsMalformedHeaderDicts() throws IOException {
        assertMalformed("'descr': '|u1'", "'descr'; '|u1'", "malformed header dict", "expected ':'");
        assertMalformed(
                "'fortran_order': False",
                "'fortran_order': Flase",
                "malformed header dict",
                "expected a string, integer, True, False, None, tuple, list or dict");
        assertMalformed(
                "'fortran_order'",
                "'fortran_ordex'",
                "malformed header dict",
                "expected exactly 'descr', 'fortran_order' and 'shape'");
        assertMalformed(
                "'shape': (5,)", "'shape': [5,]", "header 'shape' is [5]", "expected a tuple of non-negative integers");
        assertMalformed(
                "'shape': (5,)", "'shape': (5) ", "header 'shape' is 5", "expected a tuple of non-negative integers");
        assertMalformed("'shape': (5,)", "'shape': (-5,", "malformed header dict");
        assertMalformed(
                "'fortran_order': False",
                "'fortran_order': 0    ",
                "header 'fortran_order' is 0",
                "expected True or False");
        assertMalformed("'descr': '|u1', ", "'descr': ['u1'],", "header 'descr' is ['u1']", "expected a dtype string");
        assertMalformed("{'descr'", "['descr'", "malformed header dict", "expected '{' at offset 0");
        assertMalformed(", }", ",}}", "malformed header dict", "after the closing '}'");
        assertMalformed("'shape': (5,)", "'shape': (5,\n", "malformed header dict");
    }

    @Test
    void acceptsHeaderVariationsNumpyAccepts() throws IOException {
        String header = "{\"shape\": (5L,), \"fortran_order\": False, \"descr\": \"<u1\"}";
        byte[] good = NpyFixtures.bytes("u8_5.npy");
        byte[] bytes = good.clone();
        byte[] dict = header.getBytes(StandardCharsets.US_ASCII);
        Arrays.fill(bytes, 10, 127, (byte) ' ');
        System.arraycopy(dict, 0, bytes, 10, dict.length);
        Path file = write("variant.npy", bytes);
        assertArrayEquals(Npy.readUint8(NpyFixtures.path("u8_5.npy"), 5), Npy.readUint8(file, 5));
    }

    @Test
    void readsInChunksAndRejectsReadingPastTheEnd() throws IOException {
        Path file = NpyFixtures.path("i32_2x3x4.npy");
        try (NpyReader reader = NpyReader.open(file, NpyDtype.INT32, 2, 3, 4)) {
            int[] a = new int[30];
            reader.readInt32(a, 3, 5);
            reader.readInt32(a, 8, 0);
            reader.readInt32(a, 8, 19);
            EOFException e = assertThrows(EOFException.class, () -> reader.readInt32(a, 0, 1));
            assertMessage(e, "i32_2x3x4.npy: cannot read 1 more elements, only 0 of the 24 elements");
            int[] expected = new int[30];
            System.arraycopy(NpyFixtures.good("i32_2x3x4.npy").values(), 0, expected, 3, 24);
            assertArrayEquals(expected, a);
        }
        try (NpyReader reader = NpyReader.open(file, NpyDtype.INT32, 2, 3, 4)) {
            reader.readInt32(new int[20], 0, 20);
            EOFException e = assertThrows(EOFException.class, () -> reader.readInt32(new int[5], 0, 5));
            assertMessage(e, "i32_2x3x4.npy: cannot read 5 more elements, only 4 of the 24 elements");
        }
    }

    @Test
    void rejectsReadOfOtherTypeAndBadBounds() throws IOException {
        try (NpyReader reader = NpyReader.open(NpyFixtures.path("u8_5.npy"), NpyDtype.UINT8, 5)) {
            IllegalStateException e =
                    assertThrows(IllegalStateException.class, () -> reader.readInt32(new int[1], 0, 1));
            assertMessage(e, "u8_5.npy", "readInt32", "'|u1' (uint8)");
            assertThrows(IllegalStateException.class, () -> reader.readFloat32(new float[1], 0, 1));
            assertThrows(IllegalStateException.class, () -> reader.readFloat64(new double[1], 0, 1));
            assertThrows(IndexOutOfBoundsException.class, () -> reader.readUint8(new byte[3], 2, 2));
            assertThrows(IndexOutOfBoundsException.class, () -> reader.readUint8(new byte[3], -1, 1));
        }
    }

    @Test
    void rejectsReadAfterClose() throws IOException {
        NpyReader reader = NpyReader.open(NpyFixtures.path("u8_5.npy"), NpyDtype.UINT8, 5);
        reader.close();
        reader.close();
        assertThrows(IOException.class, () -> reader.readUint8(new byte[5], 0, 5));
    }

    private void assertMalformed(String from, String to, String... fragments) throws IOException {
        assertEquals(from.length(), to.length(), "substitution must keep the header length");
        String text = new String(NpyFixtures.bytes("u8_5.npy"), StandardCharsets.ISO_8859_1);
        assertTrue(text.contains(from), from);
        Path file = write("malformed.npy", text.replace(from, to).getBytes(StandardCharsets.ISO_8859_1));
        NpyFormatException e = assertThrows(NpyFormatException.class, () -> NpyReader.open(file, NpyDtype.UINT8, 5));
        assertMessage(e, fragments);
        assertTrue(e.getMessage().startsWith(file + ": "), e.getMessage());
    }

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(tmp.resolve(name), bytes);
    }

    static void assertMessage(Exception e, String... fragments) {
        for (String fragment : fragments) {
            assertTrue(
                    e.getMessage().contains(fragment),
                    () -> "message \"" + e.getMessage() + "\" lacks \"" + fragment + "\"");
        }
    }

    static Object newArray(NpyDtype dtype, int n) {
        return switch (dtype) {
            case UINT8 -> new byte[n];
            case INT32 -> new int[n];
            case FLOAT32 -> new float[n];
            case FLOAT64 -> new double[n];
        };
    }

    static void read(NpyReader reader, Object dst, int off, int len) throws IOException {
        switch (reader.header().dtype()) {
            case UINT8 -> reader.readUint8((byte[]) dst, off, len);
            case INT32 -> reader.readInt32((int[]) dst, off, len);
            case FLOAT32 -> reader.readFloat32((float[]) dst, off, len);
            case FLOAT64 -> reader.readFloat64((double[]) dst, off, len);
        }
    }

    static Object readAll(NpyReader reader) throws IOException {
        int n = (int) reader.header().elementCount();
        Object values = newArray(reader.header().dtype(), n);
        read(reader, values, 0, n);
        return values;
    }

    /** Compares arrays of the same type, floats by their raw bits (so -0.0 and NaN payloads count). */
    static void assertSameValues(Object expected, Object actual) {
        if (expected instanceof byte[] e) {
            assertArrayEquals(e, (byte[]) actual);
        } else if (expected instanceof int[] e) {
            assertArrayEquals(e, (int[]) actual);
        } else if (expected instanceof float[] e) {
            float[] a = (float[]) actual;
            assertEquals(e.length, a.length);
            for (int i = 0; i < e.length; i++) {
                assertEquals(Float.floatToRawIntBits(e[i]), Float.floatToRawIntBits(a[i]), "element " + i);
            }
        } else {
            double[] e = (double[]) expected;
            double[] a = (double[]) actual;
            assertEquals(e.length, a.length);
            for (int i = 0; i < e.length; i++) {
                assertEquals(Double.doubleToRawLongBits(e[i]), Double.doubleToRawLongBits(a[i]), "element " + i);
            }
        }
    }
}
