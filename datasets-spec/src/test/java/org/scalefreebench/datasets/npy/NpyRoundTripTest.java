package org.scalefreebench.datasets.npy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.scalefreebench.datasets.npy.NpyReaderTest.assertSameValues;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writes a few MB with NpyWriter and reads them back with NpyReader, both in odd-sized chunks. */
class NpyRoundTripTest {

    private static final int[] CHUNKS = {1, 7, 100_003, 1 << 20, 3, 262_147};

    @TempDir
    Path tmp;

    @Test
    void uint8() throws IOException {
        byte[] a = new byte[3 * 1024 * 1024 + 17];
        new SplittableRandom(1).nextBytes(a);
        roundTrip(NpyDtype.UINT8, a, new long[] {a.length}, NpyReader.DEFAULT_BUFFER_BYTES);
        roundTrip(NpyDtype.UINT8, a, new long[] {1, a.length, 1}, 4099);
    }

    @Test
    void int32() throws IOException {
        SplittableRandom random = new SplittableRandom(2);
        int[] a = new int[1_000_000];
        for (int i = 0; i < a.length; i++) {
            a[i] = random.nextInt();
        }
        roundTrip(NpyDtype.INT32, a, new long[] {1000, 1000}, NpyReader.DEFAULT_BUFFER_BYTES);
        roundTrip(NpyDtype.INT32, a, new long[] {a.length}, 13);
    }

    @Test
    void float32() throws IOException {
        SplittableRandom random = new SplittableRandom(3);
        float[] a = new float[1_000_003];
        for (int i = 0; i < a.length; i++) {
            a[i] = Float.intBitsToFloat(random.nextInt());
        }
        roundTrip(NpyDtype.FLOAT32, a, new long[] {a.length}, NpyReader.DEFAULT_BUFFER_BYTES);
        roundTrip(NpyDtype.FLOAT32, a, new long[] {a.length}, 13);
    }

    @Test
    void float64() throws IOException {
        SplittableRandom random = new SplittableRandom(4);
        double[] a = new double[500_000];
        for (int i = 0; i < a.length; i++) {
            a[i] = i % 3 == 0 ? Double.longBitsToDouble(random.nextLong()) : random.nextDouble() * 2e6 - 1e6;
        }
        roundTrip(NpyDtype.FLOAT64, a, new long[] {50, 100, 100}, NpyReader.DEFAULT_BUFFER_BYTES);
        roundTrip(NpyDtype.FLOAT64, a, new long[] {a.length}, 21);
    }

    private void roundTrip(NpyDtype dtype, Object values, long[] shape, int bufferBytes) throws IOException {
        int n = java.lang.reflect.Array.getLength(values);
        Path chunked = tmp.resolve("chunked.npy");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(chunked));
                NpyWriter writer = NpyWriter.open(out, bufferBytes, dtype, shape)) {
            int done = 0;
            for (int c = 0; done < n; c++) {
                int len = Math.min(CHUNKS[c % CHUNKS.length], n - done);
                NpyWriterTest.write(writer, values, done, len);
                done += len;
            }
        }
        Path whole = tmp.resolve("whole.npy");
        NpyWriter.write(whole, dtype, shape, values);
        assertArrayEquals(Files.readAllBytes(whole), Files.readAllBytes(chunked));
        assertEquals(NpyWriter.header(dtype, shape).length + (long) n * dtype.itemSize(), Files.size(chunked));

        try (NpyReader reader = NpyReader.open(chunked, bufferBytes, dtype, shape)) {
            Object back = NpyReaderTest.newArray(dtype, n);
            int done = 0;
            for (int c = 0; done < n; c++) {
                int len = Math.min(CHUNKS[(c + 2) % CHUNKS.length], n - done);
                NpyReaderTest.read(reader, back, done, len);
                done += len;
            }
            assertSameValues(values, back);
        }
    }
}
