package org.scalefreebench.bench.chart;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.scalefreebench.datasets.lattice.CriticalExponents;

class ChartsTest {

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    private static BufferedImage png(byte[] bytes) throws IOException {
        byte[] head = new byte[PNG_SIGNATURE.length];
        System.arraycopy(bytes, 0, head, 0, head.length);
        assertArrayEquals(PNG_SIGNATURE, head, "PNG signature");
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
        assertTrue(image != null, "ImageIO reads the PNG");
        return image;
    }

    private static void assertRejects(String argument, Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().startsWith(argument), "message names " + argument + ": " + e.getMessage());
    }

    @Test
    void accuracyVsPIsAPngOfTheChartSize() throws IOException {
        Map<String, double[][]> series = new LinkedHashMap<>();
        series.put("cnn", new double[][] {{0.5, 0.59, 0.7}, {0.95, 0.6, 0.97}, {0.01, 0.05, 0.0}});
        series.put("oracle", new double[][] {{0.5, 0.59, 0.7}, {1, 1, 1}, {0, 0, 0}});
        BufferedImage image = png(Charts.accuracyVsP("spanning", series, CriticalExponents.SITE_P_C));
        assertEquals(Charts.WIDTH, image.getWidth());
        assertEquals(Charts.HEIGHT, image.getHeight());
    }

    @Test
    void metricVsSizeIsAPngOfTheChartSizeAndRefusesANonPositiveSize() throws IOException {
        Map<String, double[][]> series = new LinkedHashMap<>();
        series.put("cnn", new double[][] {{64, 128, 256, 512}, {0.58, 0.56, 0.52, 0.51}, {0.01, 0.02, 0.02, 0.02}});
        series.put("density-baseline", new double[][] {{64, 128, 256, 512}, {0.61, 0.60, 0.57, 0.57}, {0, 0, 0, 0}});
        BufferedImage image =
                png(Charts.metricVsSize("t", "accuracy", series, Set.of("density-baseline"), 0.5, "coin toss"));
        assertEquals(Charts.WIDTH, image.getWidth());
        assertEquals(Charts.HEIGHT, image.getHeight());
        Map<String, double[][]> bad = Map.of("cnn", new double[][] {{0, 64}, {0.5, 0.5}, {0, 0}});
        assertRejects(
                "seriesByModel[cnn] has L = 0.0: L must be positive",
                () -> Charts.metricVsSize("t", "accuracy", bad, Set.of(), Double.NaN, ""));
    }

    @Test
    void accuracyVsPRejectsMismatchedLengths() {
        Map<String, double[][]> series = Map.of("cnn", new double[][] {{0.5, 0.6}, {0.9}, {0.0, 0.0}});
        assertRejects("seriesByModel[cnn]", () -> Charts.accuracyVsP("t", series, 0.59));
        assertRejects(
                "seriesByModel[cnn]",
                () -> Charts.accuracyVsP("t", Map.of("cnn", new double[][] {{0.5}, {0.9}}), 0.59));
        assertRejects("seriesByModel", () -> Charts.accuracyVsP("t", Map.of(), 0.59));
        assertRejects(
                "pc", () -> Charts.accuracyVsP("t", Map.of("cnn", new double[][] {{0.5}, {0.9}, {0}}), Double.NaN));
    }

    @Test
    void predictedVsTrueSubsamplesLargeInputs() throws IOException {
        int n = 10_001;
        float[] truth = new float[n];
        float[] predicted = new float[n];
        for (int i = 0; i < n; i++) {
            truth[i] = i / (float) n;
            predicted[i] = truth[i] * 0.9f + 0.05f;
        }
        BufferedImage image = png(Charts.predictedVsTrue("max-cluster", truth, predicted));
        assertEquals(Charts.WIDTH, image.getWidth());
        assertEquals(Charts.HEIGHT, image.getHeight());
        assertArrayEquals(
                png(Charts.predictedVsTrue("max-cluster", truth, predicted))
                        .getRGB(0, 0, Charts.WIDTH, Charts.HEIGHT, null, 0, Charts.WIDTH),
                image.getRGB(0, 0, Charts.WIDTH, Charts.HEIGHT, null, 0, Charts.WIDTH),
                "same input, same pixels");
    }

    @Test
    void evenlySpacedKeepsAtMostMaxIndicesInOrder() {
        assertArrayEquals(new int[] {0, 2, 5, 7}, Charts.evenlySpaced(10, 4));
        assertArrayEquals(new int[] {0, 1, 2}, Charts.evenlySpaced(3, 4000));
        int[] idx = Charts.evenlySpaced(10_001, Charts.MAX_SCATTER_POINTS);
        assertEquals(Charts.MAX_SCATTER_POINTS, idx.length);
        assertEquals(0, idx[0]);
        assertEquals(7500, idx[3000]);
        assertEquals(9998, idx[idx.length - 1]);
    }

    @Test
    void predictedVsTrueRejectsMismatchedOrBadValues() {
        assertRejects("predicted", () -> Charts.predictedVsTrue("t", new float[3], new float[2]));
        assertRejects("truth", () -> Charts.predictedVsTrue("t", new float[0], new float[0]));
        assertRejects("predicted[1]", () -> Charts.predictedVsTrue("t", new float[2], new float[] {0, Float.NaN}));
    }

    @Test
    void lossCurvesArePngsOnLogOrLinearAxes() throws IOException {
        Map<String, double[][]> positive = new LinkedHashMap<>();
        positive.put("train", new double[][] {{1, 2, 3, 4}, {0.7, 0.3, 0.1, 0.05}});
        positive.put("val", new double[][] {{1, 2, 3, 4}, {0.8, 0.4, 0.2, Double.NaN}});
        Map<String, double[][]> withZero = Map.of("train", new double[][] {{1, 2, 3}, {0.5, 0.1, 0.0}});
        byte[] log = Charts.lossCurves("cnn", "epoch", positive);
        byte[] linear = Charts.lossCurves("cnn", "epoch", withZero);
        assertEquals(Charts.WIDTH, png(log).getWidth());
        assertEquals(Charts.HEIGHT, png(linear).getHeight());
        assertNotEquals(log.length, linear.length);
    }

    @Test
    void lossCurvesRejectMismatchedLengths() {
        assertRejects(
                "series[train]",
                () -> Charts.lossCurves("t", "epoch", Map.of("train", new double[][] {{1, 2}, {0.5}})));
        assertRejects(
                "series", () -> Charts.lossCurves("t", "epoch", Map.of("train", new double[][] {{1}, {Double.NaN}})));
    }

    @Test
    void maskGridHasOneRowOfThreePanelsPerMap() throws IOException {
        int size = 4;
        int maps = 3;
        byte[] m = new byte[maps * size * size];
        float[] truth = new float[m.length];
        float[] predicted = new float[m.length];
        m[0] = 1;
        truth[0] = 1;
        predicted[0] = 0.4f;
        predicted[1] = 0.5f;
        BufferedImage image = png(Charts.maskGrid(m, truth, predicted, size, 2));
        int scale = 128 / size;
        int panel = size * scale;
        assertEquals(3 * panel + 4 * Charts.GRID_PAD, image.getWidth());
        assertEquals(2 * (panel + Charts.GRID_LABEL + Charts.GRID_PAD) + Charts.GRID_PAD, image.getHeight());
        int top = Charts.GRID_PAD + Charts.GRID_LABEL;
        int mapLeft = Charts.GRID_PAD;
        int trueLeft = Charts.GRID_PAD + panel + Charts.GRID_PAD;
        int predictedLeft = Charts.GRID_PAD + 2 * (panel + Charts.GRID_PAD);
        int centre = scale / 2;
        assertEquals(0x303030, image.getRGB(mapLeft + centre, top + centre) & 0xFFFFFF, "occupied site");
        assertEquals(0xFFFFFF, image.getRGB(mapLeft + scale + centre, top + centre) & 0xFFFFFF, "empty site");
        assertEquals(0xC02020, image.getRGB(trueLeft + centre, top + centre) & 0xFFFFFF, "site in the true mask");
        assertEquals(
                0xC8C8C8,
                image.getRGB(predictedLeft + centre, top + centre) & 0xFFFFFF,
                "P = 0.4: occupied, not in the mask");
        assertEquals(
                0x2050C0,
                image.getRGB(predictedLeft + scale + centre, top + centre) & 0xFFFFFF,
                "P = 0.5: in the mask");
    }

    @Test
    void maskGridOfLargeMapsDrawsOnePixelPerSite() throws IOException {
        int size = 200;
        byte[] m = new byte[size * size];
        BufferedImage image = png(Charts.maskGrid(m, new float[m.length], new float[m.length], size, 1));
        assertEquals(3 * size + 4 * Charts.GRID_PAD, image.getWidth());
        assertEquals(size + Charts.GRID_LABEL + 2 * Charts.GRID_PAD, image.getHeight());
    }

    @Test
    void maskGridRejectsMismatchedInput() {
        assertRejects("trueMask", () -> Charts.maskGrid(new byte[32], new float[16], new float[32], 4, 1));
        assertRejects("predictedMask", () -> Charts.maskGrid(new byte[32], new float[32], new float[31], 4, 1));
        assertRejects("maps", () -> Charts.maskGrid(new byte[30], new float[30], new float[30], 4, 1));
        assertRejects("count", () -> Charts.maskGrid(new byte[32], new float[32], new float[32], 4, 3));
        assertRejects("size", () -> Charts.maskGrid(new byte[32], new float[32], new float[32], 0, 1));
    }

    @Test
    void generatedBesideExactDrawsExactOverGeneratedInBlackAndWhiteWithGreyGaps() throws IOException {
        int size = 4;
        byte[] exact = new byte[2 * size * size];
        byte[] generated = new byte[2 * size * size];
        exact[0] = 1; // map 0, site (0, 0)
        generated[size * size + size + 2] = 1; // map 1, site (1, 2)
        BufferedImage image = png(Charts.generatedBesideExact("exact", "gen", exact, generated, size, 2));
        int scale = 128 / size;
        int panel = size * scale;
        int gap = Charts.SAMPLE_GAP;
        assertEquals(2 * panel + 3 * gap, image.getWidth());
        assertEquals(gap + 2 * (Charts.GRID_LABEL + panel + gap), image.getHeight());
        int exactTop = gap + Charts.GRID_LABEL;
        int generatedTop = exactTop + panel + gap + Charts.GRID_LABEL;
        int c = scale / 2;
        assertEquals(0x000000, image.getRGB(gap + c, exactTop + c) & 0xFFFFFF, "exact map 0, occupied (0, 0)");
        assertEquals(0xFFFFFF, image.getRGB(gap + scale + c, exactTop + c) & 0xFFFFFF, "exact map 0, empty (0, 1)");
        int secondLeft = 2 * gap + panel;
        assertEquals(
                0x000000,
                image.getRGB(secondLeft + 2 * scale + c, generatedTop + scale + c) & 0xFFFFFF,
                "generated map 1, occupied (1, 2)");
        assertEquals(0xFFFFFF, image.getRGB(gap + c, generatedTop + c) & 0xFFFFFF, "generated map 0, empty (0, 0)");
        assertEquals(0x999999, image.getRGB(gap + panel + 1, exactTop + c) & 0xFFFFFF, "gap between panels");
        assertEquals(0x999999, image.getRGB(gap + c, exactTop + panel + 1) & 0xFFFFFF, "gap between rows");
    }

    /**
     * Large masks are block-OR coarse-grained to at most 256 pixels: at L = 512 one occupied site
     * (5, 3) blackens pixel (2, 1) alone. Independent sites at density 1/2, the least compressible
     * masks, keep four panels of 256 × 256 pixels under 300 KB.
     */
    @Test
    void generatedBesideExactCoarseGrainsLargeMasksAndStaysSmall() throws IOException {
        int size = 512;
        int count = 4;
        int sites = size * size;
        byte[] exact = new byte[count * sites];
        exact[5 * size + 3] = 1;
        byte[] noise = new byte[count * sites];
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(3L);
        for (int i = 0; i < noise.length; i++) {
            noise[i] = (byte) (rng.nextBoolean() ? 1 : 0);
        }
        byte[] bytes = Charts.generatedBesideExact("exact", "noise", exact, noise, size, count);
        assertTrue(bytes.length < 300_000, bytes.length + " bytes");
        BufferedImage image = png(bytes);
        int panel = Charts.SAMPLE_PANEL_MAX;
        int gap = Charts.SAMPLE_GAP;
        assertEquals(count * panel + (count + 1) * gap, image.getWidth());
        int top = gap + Charts.GRID_LABEL;
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                int expected = i == 2 && j == 1 ? 0x000000 : 0xFFFFFF;
                assertEquals(expected, image.getRGB(gap + j, top + i) & 0xFFFFFF, "pixel (" + i + ", " + j + ")");
            }
        }
    }

    @Test
    void generatedBesideExactRejectsMismatchedInput() {
        assertRejects("exact", () -> Charts.generatedBesideExact("a", "b", new byte[31], new byte[32], 4, 2));
        assertRejects("generated", () -> Charts.generatedBesideExact("a", "b", new byte[32], new byte[16], 4, 2));
        assertRejects("count", () -> Charts.generatedBesideExact("a", "b", new byte[32], new byte[32], 4, 0));
        assertRejects("size", () -> Charts.generatedBesideExact("a", "b", new byte[32], new byte[32], 0, 1));
    }
}
