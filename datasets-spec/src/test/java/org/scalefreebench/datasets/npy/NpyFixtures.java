package org.scalefreebench.datasets.npy;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The numpy-made fixtures in {@code src/test/resources/npy}, with their contents restated from
 * {@code make_fixtures.py}.
 */
final class NpyFixtures {

    /** A good fixture: file name, dtype, shape and the values numpy wrote (a Java array). */
    record Good(String name, NpyDtype dtype, long[] shape, Object values) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** Every good fixture in NPY format 1.0, which NpyWriter must reproduce byte for byte. */
    static final List<Good> GOOD_V1 = List.of(
            new Good("u8_5.npy", NpyDtype.UINT8, new long[] {5}, new byte[] {0, 1, 127, (byte) 128, (byte) 255}),
            new Good("u8_3x4.npy", NpyDtype.UINT8, new long[] {3, 4}, u8x23()),
            new Good("u8_0x4x4.npy", NpyDtype.UINT8, new long[] {0, 4, 4}, new byte[0]),
            new Good("i32_6.npy", NpyDtype.INT32, new long[] {6}, new int[] {
                Integer.MIN_VALUE, -1, 0, 1, Integer.MAX_VALUE, 123456789
            }),
            new Good(
                    "i32_2x3x4.npy",
                    NpyDtype.INT32,
                    new long[] {2, 3, 4},
                    IntStream.range(0, 24).map(i -> (i - 12) * 1000003).toArray()),
            new Good("f32_3x4.npy", NpyDtype.FLOAT32, new long[] {3, 4}, f32Quarters()),
            new Good("f32_5.npy", NpyDtype.FLOAT32, new long[] {5}, new float[] {
                -0.0f, 0.1f, Float.MIN_VALUE, 3.4028235e38f, -7.25f
            }),
            new Good("f32_0.npy", NpyDtype.FLOAT32, new long[] {0}, new float[0]),
            new Good(
                    "f64_2x3x4.npy",
                    NpyDtype.FLOAT64,
                    new long[] {2, 3, 4},
                    IntStream.range(0, 24).mapToDouble(i -> i / 8.0 - 1.5).toArray()),
            new Good("f64_7.npy", NpyDtype.FLOAT64, new long[] {7}, new double[] {
                Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0, 0.1, 1e-300, Double.MIN_VALUE
            }),
            new Good("f64_scalar.npy", NpyDtype.FLOAT64, new long[0], new double[] {2.5}));

    /** The same array as {@code f32_3x4.npy}, written by numpy in NPY format 2.0. */
    static final Good F32_3X4_V2 = new Good("f32_3x4_v2.npy", NpyDtype.FLOAT32, new long[] {3, 4}, f32Quarters());

    private NpyFixtures() {}

    static Good good(String name) {
        return GOOD_V1.stream().filter(g -> g.name().equals(name)).findFirst().orElseThrow();
    }

    static Path path(String name) {
        URL url = NpyFixtures.class.getResource("/npy/" + name);
        if (url == null) {
            throw new IllegalStateException("missing test fixture /npy/" + name);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] bytes(String name) throws IOException {
        return Files.readAllBytes(path(name));
    }

    private static byte[] u8x23() {
        byte[] a = new byte[12];
        for (int i = 0; i < a.length; i++) {
            a[i] = (byte) (i * 23);
        }
        return a;
    }

    private static float[] f32Quarters() {
        float[] a = new float[12];
        for (int i = 0; i < a.length; i++) {
            a[i] = (i - 5.5f) / 4;
        }
        return a;
    }
}
