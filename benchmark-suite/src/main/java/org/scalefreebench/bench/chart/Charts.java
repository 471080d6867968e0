package org.scalefreebench.bench.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.imageio.ImageIO;
import org.knowm.xchart.AnnotationLine;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.scalefreebench.datasets.generation.MaskPyramid;

/**
 * The benchmark's charts as PNG bytes: accuracy against p, predicted against true values, loss
 * curves (XChart) and a grid of maps with their true and predicted largest-cluster masks (plain
 * AWT). Rendering is off-screen, so it works without a display.
 */
public final class Charts {

    /** Width in pixels of the XChart charts. */
    public static final int WIDTH = 800;
    /** Height in pixels of the XChart charts. */
    public static final int HEIGHT = 500;
    /** Most points {@link #predictedVsTrue} draws; larger inputs are subsampled evenly. */
    public static final int MAX_SCATTER_POINTS = 4000;
    /** Pixels between and around the panels of {@link #maskGrid}. */
    public static final int GRID_PAD = 8;
    /** Pixels above each panel of {@link #maskGrid} for its label. */
    public static final int GRID_LABEL = 16;
    /** Widest panel of {@link #generatedBesideExact}, in pixels. */
    public static final int SAMPLE_PANEL_MAX = 256;
    /** Most masks per row of {@link #generatedBesideExact}. */
    public static final int SAMPLE_COUNT_MAX = 8;
    /** The grey gap around the panels of {@link #generatedBesideExact}, in pixels. */
    public static final int SAMPLE_GAP = 4;
    /** The colour of that gap. */
    static final Color SAMPLE_GAP_COLOUR = new Color(0x99, 0x99, 0x99);

    private static final Color OCCUPIED = new Color(0x30, 0x30, 0x30);
    private static final Color OCCUPIED_OUTSIDE_MASK = new Color(0xC8, 0xC8, 0xC8);
    private static final Color TRUE_MASK = new Color(0xC0, 0x20, 0x20);
    private static final Color PREDICTED_MASK = new Color(0x20, 0x50, 0xC0);

    static {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private Charts() {}

    /**
     * Accuracy against the occupation probability, one line per model with error bars of one
     * standard deviation over seeds, y in [0, 1], and a vertical line at p_c labelled "p_c".
     *
     * @param title         the chart title
     * @param seriesByModel model id → {p[], accuracy[], std[]}, the three of equal length, at least one point
     * @param pc            where the p_c line is drawn, e.g. {@code CriticalExponents.SITE_P_C}
     * @return the PNG
     * @throws IllegalArgumentException naming the argument if a series is malformed or pc is not finite
     */
    public static byte[] accuracyVsP(String title, Map<String, double[][]> seriesByModel, double pc) {
        return accuracyVsP(title, seriesByModel, pc, Set.of());
    }

    /**
     * {@link #accuracyVsP(String, Map, double)} with some series drawn as the baseline every other is
     * read against: thick black dashed lines with square markers.
     *
     * @param title         the chart title
     * @param seriesByModel model id → {p[], accuracy[], std[]}
     * @param pc            where the p_c line is drawn
     * @param baselines     the keys of the baseline series (may be empty)
     * @return the PNG
     */
    public static byte[] accuracyVsP(
            String title, Map<String, double[][]> seriesByModel, double pc, Set<String> baselines) {
        requireSeries("seriesByModel", seriesByModel, 3, "{p[], accuracy[], std[]}");
        if (!Double.isFinite(pc)) {
            throw new IllegalArgumentException("pc must be finite, got " + pc);
        }
        XYChart chart = new XYChart(WIDTH, HEIGHT);
        chart.setTitle(title);
        chart.setXAxisTitle("p");
        chart.setYAxisTitle("accuracy");
        style(chart);
        double lo = pc;
        double hi = pc;
        for (Map.Entry<String, double[][]> e : seriesByModel.entrySet()) {
            double[][] s = e.getValue();
            addModelSeries(chart, e.getKey(), s, baselines.contains(e.getKey()));
            for (double p : s[0]) {
                lo = Math.min(lo, p);
                hi = Math.max(hi, p);
            }
        }
        double pad = Math.max(0.01, (hi - lo) * 0.02);
        chart.getStyler().setXAxisMin(lo - pad).setXAxisMax(hi + pad);
        chart.getStyler().setYAxisMin(0.0).setYAxisMax(1.0);
        chart.getStyler().setErrorBarsColorSeriesColor(true);
        chart.getStyler().setAnnotationLineColor(Color.GRAY);
        chart.addAnnotation(new AnnotationLine(pc, true, false));
        chart.addAnnotation(new AnnotationText("p_c", pc, 0.05, false));
        return png(chart);
    }

    /**
     * A metric against the lattice size L on a base-2 logarithmic axis, one line per model with
     * error bars of one standard deviation over seeds, the baselines drawn thick, black and dashed,
     * and an optional horizontal reference line (a coin toss, the set's mean).
     *
     * @param title          the chart title
     * @param yLabel         the metric's name
     * @param seriesByModel  model id → {L[], mean[], std[]}, the three of equal length, at least one point, L > 0
     * @param baselines      the keys of the baseline series (may be empty)
     * @param reference      the height of the reference line, or NaN for none
     * @param referenceLabel what the reference line means (ignored without one)
     * @return the PNG
     * @throws IllegalArgumentException naming the argument if a series is malformed or an L is not positive
     */
    public static byte[] metricVsSize(
            String title,
            String yLabel,
            Map<String, double[][]> seriesByModel,
            Set<String> baselines,
            double reference,
            String referenceLabel) {
        return metricVsSize(title, yLabel, seriesByModel, baselines, reference, referenceLabel, false);
    }

    /**
     * A score that spans decades (a generator's physics score, 1 for exact maps, hundreds for
     * independent sites) against L, both axes logarithmic (y base 10, x base 2), drawn as {@link
     * #metricVsSize}; error bars are clipped to stay above zero.
     *
     * @param title          the chart title
     * @param yLabel         the score's name
     * @param seriesByModel  model id → {L[], mean[], std[]}, means positive
     * @param baselines      the keys of the reference series drawn dashed (the exact sampler)
     * @return the PNG
     * @throws IllegalArgumentException naming the argument if a series is malformed, an L or a mean not positive
     */
    public static byte[] scoreVsSize(
            String title, String yLabel, Map<String, double[][]> seriesByModel, Set<String> baselines) {
        return metricVsSize(title, yLabel, seriesByModel, baselines, Double.NaN, "", true);
    }

    private static byte[] metricVsSize(
            String title,
            String yLabel,
            Map<String, double[][]> seriesByModel,
            Set<String> baselines,
            double reference,
            String referenceLabel,
            boolean logY) {
        requireSeries("seriesByModel", seriesByModel, 3, "{L[], mean[], std[]}");
        XYChart chart = new XYChart(WIDTH, HEIGHT);
        chart.setTitle(title);
        chart.setXAxisTitle("L (log scale)");
        chart.setYAxisTitle(yLabel);
        style(chart);
        chart.getStyler().setErrorBarsColorSeriesColor(true);
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        double yLo = Double.isFinite(reference) ? reference : Double.POSITIVE_INFINITY;
        double yHi = Double.isFinite(reference) ? reference : Double.NEGATIVE_INFINITY;
        for (Map.Entry<String, double[][]> e : seriesByModel.entrySet()) {
            double[][] s = e.getValue();
            double[] log2 = new double[s[0].length];
            for (int i = 0; i < log2.length; i++) {
                if (!(s[0][i] > 0)) {
                    throw new IllegalArgumentException(
                            "seriesByModel[" + e.getKey() + "] has L = " + s[0][i] + ": L must be positive");
                }
                log2[i] = Math.log(s[0][i]) / Math.log(2);
                lo = Math.min(lo, log2[i]);
                hi = Math.max(hi, log2[i]);
                yLo = Math.min(yLo, s[1][i] - s[2][i]);
                yHi = Math.max(yHi, s[1][i] + s[2][i]);
            }
            double[] bars = s[2];
            if (logY) {
                bars = new double[s[2].length];
                for (int i = 0; i < bars.length; i++) {
                    if (!(s[1][i] > 0)) {
                        throw new IllegalArgumentException("seriesByModel[" + e.getKey() + "] has the score " + s[1][i]
                                + " at L = " + s[0][i] + ": a logarithmic axis needs positive scores");
                    }
                    bars[i] = Math.min(s[2][i], 0.9 * s[1][i]);
                }
            }
            XYSeries series = chart.addSeries(e.getKey(), log2, s[1], bars);
            series.setMarker(SeriesMarkers.CIRCLE);
            if (baselines.contains(e.getKey())) {
                series.setLineColor(Color.BLACK);
                series.setMarkerColor(Color.BLACK);
                series.setMarker(SeriesMarkers.SQUARE);
                series.setLineStyle(new BasicStroke(
                        3f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {8f, 5f}, 0f));
            }
        }
        // x is log2 L; at least four octaves wide with ticks at least 150 px apart, so every tick is a
        // whole octave and is labelled with its L (XChart draws no tick labels once one is blank).
        chart.getStyler().setXAxisMin(lo - 0.5).setXAxisMax(Math.max(hi, lo + 3) + 0.5);
        chart.getStyler().setXAxisTickMarkSpacingHint(150);
        chart.setCustomXAxisTickLabelsFormatter(x -> String.valueOf(Math.round(Math.pow(2, x))));
        if (logY) {
            chart.getStyler().setYAxisLogarithmic(true);
        } else {
            double pad = Math.max(0.01, (yHi - yLo) * 0.08);
            chart.getStyler().setYAxisMin(yLo - pad).setYAxisMax(yHi + pad);
        }
        if (Double.isFinite(reference)) {
            chart.getStyler().setAnnotationLineColor(Color.GRAY);
            chart.addAnnotation(new AnnotationLine(reference, false, false));
            chart.addAnnotation(new AnnotationText(referenceLabel, (lo + hi) / 2, reference, false));
        }
        return png(chart);
    }

    /**
     * A quantity against the cluster weight Q of the critical FK model, one line per model with error
     * bars of one standard deviation, the baselines drawn thick, black and dashed, an optional exact
     * curve (c(Q), d_f(Q)) drawn as a thick grey line through, and a grey vertical line at every
     * value of Q held out of training.
     *
     * @param title         the chart title
     * @param yLabel        the quantity's name
     * @param seriesByModel model id → {Q[], mean[], std[]}, the three of equal length, at least one point
     * @param exactName     the legend name of the exact curve (ignored without one)
     * @param exact         {Q[], value[]} of the exact curve, or null for none
     * @param heldOutQ      the values of Q held out of training (may be empty)
     * @param baselines     the keys of the baseline series (may be empty)
     * @return the PNG
     * @throws IllegalArgumentException naming the argument if a series or the exact curve is malformed
     */
    public static byte[] againstQ(
            String title,
            String yLabel,
            Map<String, double[][]> seriesByModel,
            String exactName,
            double[][] exact,
            Set<Double> heldOutQ,
            Set<String> baselines) {
        return png(againstQChart(title, yLabel, seriesByModel, exactName, exact, heldOutQ, baselines));
    }

    /** The chart {@link #againstQ} renders, for tests to read its series. */
    static XYChart againstQChart(
            String title,
            String yLabel,
            Map<String, double[][]> seriesByModel,
            String exactName,
            double[][] exact,
            Set<Double> heldOutQ,
            Set<String> baselines) {
        requireSeries("seriesByModel", seriesByModel, 3, "{Q[], mean[], std[]}");
        if (exact != null) {
            requireSeries("exact", Map.of(exactName, exact), 2, "{Q[], value[]}");
        }
        XYChart chart = new XYChart(WIDTH, HEIGHT);
        chart.setTitle(title);
        chart.setXAxisTitle("Q");
        chart.setYAxisTitle(yLabel);
        style(chart);
        chart.getStyler().setErrorBarsColorSeriesColor(true);
        double yLo = Double.POSITIVE_INFINITY;
        double yHi = Double.NEGATIVE_INFINITY;
        if (exact != null) {
            XYSeries curve = chart.addSeries(exactName, exact[0], exact[1]);
            curve.setMarker(SeriesMarkers.NONE);
            curve.setLineColor(Color.GRAY);
            curve.setLineStyle(new BasicStroke(4f));
            for (double v : exact[1]) {
                yLo = Math.min(yLo, v);
                yHi = Math.max(yHi, v);
            }
        }
        for (Map.Entry<String, double[][]> e : seriesByModel.entrySet()) {
            double[][] s = e.getValue();
            addModelSeries(chart, e.getKey(), s, baselines.contains(e.getKey()));
            for (int i = 0; i < s[0].length; i++) {
                yLo = Math.min(yLo, s[1][i] - s[2][i]);
                yHi = Math.max(yHi, s[1][i] + s[2][i]);
            }
        }
        double pad = Math.max(0.01, (yHi - yLo) * 0.08);
        chart.getStyler().setXAxisMin(0.9).setXAxisMax(4.1);
        chart.getStyler().setYAxisMin(yLo - pad).setYAxisMax(yHi + pad);
        chart.getStyler().setAnnotationLineColor(Color.LIGHT_GRAY);
        for (double q : new TreeSet<>(heldOutQ)) {
            chart.addAnnotation(new AnnotationLine(q, true, false));
            chart.addAnnotation(new AnnotationText("held out", q, yHi + pad / 2, false));
        }
        return chart;
    }

    /**
     * Predicted against true values as a scatter with the line y = x. More than
     * {@value #MAX_SCATTER_POINTS} points are subsampled evenly (every k-th index, deterministic).
     *
     * @param title     the chart title
     * @param truth     the true values
     * @param predicted the predictions, as many as {@code truth}, finite
     * @return the PNG
     * @throws IllegalArgumentException naming the argument if the lengths differ, are zero, or a value is not finite
     */
    public static byte[] predictedVsTrue(String title, float[] truth, float[] predicted) {
        requireFinite("truth", truth);
        requireFinite("predicted", predicted);
        if (truth.length == 0) {
            throw new IllegalArgumentException("truth is empty");
        }
        if (predicted.length != truth.length) {
            throw new IllegalArgumentException(
                    "predicted has " + predicted.length + " values, truth has " + truth.length);
        }
        int[] idx = evenlySpaced(truth.length, MAX_SCATTER_POINTS);
        double[] x = new double[idx.length];
        double[] y = new double[idx.length];
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < idx.length; i++) {
            x[i] = truth[idx[i]];
            y[i] = predicted[idx[i]];
            lo = Math.min(lo, Math.min(x[i], y[i]));
            hi = Math.max(hi, Math.max(x[i], y[i]));
        }
        if (hi == lo) {
            lo -= 0.5;
            hi += 0.5;
        }
        XYChart chart = new XYChart(WIDTH, HEIGHT);
        chart.setTitle(title);
        chart.setXAxisTitle("true");
        chart.setYAxisTitle("predicted");
        style(chart);
        XYSeries points = chart.addSeries(
                idx.length < truth.length ? "maps (" + idx.length + " of " + truth.length + ")" : "maps", x, y);
        points.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        points.setMarker(SeriesMarkers.CIRCLE);
        XYSeries diagonal = chart.addSeries("y = x", new double[] {lo, hi}, new double[] {lo, hi});
        diagonal.setMarker(SeriesMarkers.NONE);
        diagonal.setLineColor(Color.GRAY);
        chart.getStyler().setMarkerSize(4);
        return png(chart);
    }

    /**
     * Loss curves, one line per series; the y axis is logarithmic when every loss is above zero.
     * Non-finite points (a diverged fit) are left out; a series with none left is not drawn.
     *
     * @param title  the chart title
     * @param xLabel the x axis title, e.g. "epoch"
     * @param series name → {x[], loss[]}, the two of equal length, at least one point
     * @return the PNG
     * @throws IllegalArgumentException naming the argument if a series is malformed
     */
    public static byte[] lossCurves(String title, String xLabel, Map<String, double[][]> series) {
        requireSeries("series", series, 2, "{x[], loss[]}");
        XYChart chart = new XYChart(WIDTH, HEIGHT);
        chart.setTitle(title);
        chart.setXAxisTitle(xLabel);
        chart.setYAxisTitle("loss");
        style(chart);
        boolean allPositive = true;
        int drawn = 0;
        for (Map.Entry<String, double[][]> e : series.entrySet()) {
            double[] x = e.getValue()[0];
            double[] loss = e.getValue()[1];
            int n = 0;
            for (int i = 0; i < x.length; i++) {
                if (Double.isFinite(x[i]) && Double.isFinite(loss[i])) {
                    n++;
                }
            }
            if (n == 0) {
                continue;
            }
            double[] fx = new double[n];
            double[] fl = new double[n];
            for (int i = 0, j = 0; i < x.length; i++) {
                if (Double.isFinite(x[i]) && Double.isFinite(loss[i])) {
                    fx[j] = x[i];
                    fl[j++] = loss[i];
                    allPositive &= loss[i] > 0;
                }
            }
            chart.addSeries(e.getKey(), fx, fl).setMarker(n > 60 ? SeriesMarkers.NONE : SeriesMarkers.CIRCLE);
            drawn++;
        }
        if (drawn == 0) {
            throw new IllegalArgumentException("series has no finite point");
        }
        chart.getStyler().setYAxisLogarithmic(allPositive);
        return png(chart);
    }

    /**
     * For each of the first {@code count} maps a row of three panels: the map (occupied sites
     * dark), the true largest-cluster mask and the predicted one thresholded at 1/2 (P ≥ 0.5).
     * Each panel is L × L sites drawn {@code s = ⌈128 / L⌉} pixels per site (so at least 128 pixels wide),
     * so the PNG is {@code 3·L·s + 4·GRID_PAD} wide and {@code count·(L·s + GRID_LABEL + GRID_PAD) + GRID_PAD} high.
     *
     * @param maps          the maps, row-major, 1 = occupied, N·L² values
     * @param trueMask      the true masks, 0/1, as many values as {@code maps}
     * @param predictedMask P(site in the largest cluster), as many values as {@code maps}
     * @param size          L
     * @param count         how many maps to draw, 1 … N
     * @return the PNG
     * @throws IllegalArgumentException naming the argument if the lengths, size or count do not fit
     */
    public static byte[] maskGrid(byte[] maps, float[] trueMask, float[] predictedMask, int size, int count) {
        if (size < 1) {
            throw new IllegalArgumentException("size must be at least 1, got " + size);
        }
        long sites = (long) size * size;
        if (maps.length % sites != 0) {
            throw new IllegalArgumentException(
                    "maps has " + maps.length + " values, not a multiple of size² = " + sites);
        }
        if (trueMask.length != maps.length) {
            throw new IllegalArgumentException("trueMask has " + trueMask.length + " values, maps has " + maps.length);
        }
        if (predictedMask.length != maps.length) {
            throw new IllegalArgumentException(
                    "predictedMask has " + predictedMask.length + " values, maps has " + maps.length);
        }
        long available = maps.length / sites;
        if (count < 1 || count > available) {
            throw new IllegalArgumentException("count must be in [1, " + available + "], got " + count);
        }
        int scale = (128 + size - 1) / size;
        int panel = size * scale;
        int width = 3 * panel + 4 * GRID_PAD;
        int rowHeight = panel + GRID_LABEL + GRID_PAD;
        BufferedImage image = new BufferedImage(width, count * rowHeight + GRID_PAD, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
            String[] labels = {"map ", "true mask", "predicted ≥ 1/2"};
            for (int m = 0; m < count; m++) {
                int top = GRID_PAD + m * rowHeight;
                int offset = (int) (m * sites);
                for (int k = 0; k < 3; k++) {
                    int left = GRID_PAD + k * (panel + GRID_PAD);
                    g.setColor(Color.BLACK);
                    g.drawString(k == 0 ? labels[0] + m : labels[k], left, top + GRID_LABEL - 4);
                    for (int i = 0; i < sites; i++) {
                        boolean occupied = maps[offset + i] != 0;
                        boolean inMask = k == 1 ? trueMask[offset + i] >= 0.5f : predictedMask[offset + i] >= 0.5f;
                        Color c;
                        if (k == 0) {
                            c = occupied ? OCCUPIED : Color.WHITE;
                        } else if (inMask) {
                            c = k == 1 ? TRUE_MASK : PREDICTED_MASK;
                        } else {
                            c = occupied ? OCCUPIED_OUTSIDE_MASK : Color.WHITE;
                        }
                        g.setColor(c);
                        g.fillRect(left + (i % size) * scale, top + GRID_LABEL + (i / size) * scale, scale, scale);
                    }
                    g.setColor(Color.GRAY);
                    g.drawRect(left - 1, top + GRID_LABEL - 1, panel + 1, panel + 1);
                }
            }
        } finally {
            g.dispose();
        }
        return png(image);
    }

    /**
     * Generated masks under exact ones: a row of {@code count} exact masks over a row of as many
     * generated ones, occupied sites black, empty sites white, a grey gap of {@value #SAMPLE_GAP}
     * pixels around every panel and a label strip of {@value #GRID_LABEL} pixels above each row. A
     * mask wider than {@value #SAMPLE_PANEL_MAX} sites is block-OR coarse-grained by 2 (a pixel is
     * black if one of its sites is occupied) until it fits, then sampled at the nearest site if its
     * side is odd; a mask narrower than 128 sites is drawn {@code ⌈128 / side⌉} pixels per site. The
     * image has four colours (2 bits per pixel), so even incompressible masks stay small: at most
     * {@code 8·256 + 9·4} × {@code 2·(256 + 16) + 3·4} pixels, about 150 KB.
     *
     * @param exactLabel     the label of the exact row
     * @param generatedLabel the label of the generated row
     * @param exact          at least {@code count} exact masks, row-major [N, L, L], nonzero = occupied
     * @param generated      at least {@code count} generated masks, the same layout
     * @param size           L
     * @param count          masks per row, 1 … 8
     * @return the PNG
     * @throws IllegalArgumentException naming the argument if the lengths, size or count do not fit
     */
    public static byte[] generatedBesideExact(
            String exactLabel, String generatedLabel, byte[] exact, byte[] generated, int size, int count) {
        if (size < 1) {
            throw new IllegalArgumentException("size must be at least 1, got " + size);
        }
        if (count < 1 || count > SAMPLE_COUNT_MAX) {
            throw new IllegalArgumentException("count must be in [1, " + SAMPLE_COUNT_MAX + "], got " + count);
        }
        long sites = (long) size * size;
        if (exact.length < count * sites) {
            throw new IllegalArgumentException(
                    "exact has " + exact.length + " values, fewer than count·L² = " + count * sites);
        }
        if (generated.length < count * sites) {
            throw new IllegalArgumentException(
                    "generated has " + generated.length + " values, fewer than count·L² = " + count * sites);
        }
        int side = size;
        int blockOr = 1;
        while (side > SAMPLE_PANEL_MAX && side % 2 == 0) {
            side /= 2;
            blockOr *= 2;
        }
        int shown = Math.min(side, SAMPLE_PANEL_MAX);
        int scale = (128 + shown - 1) / shown;
        int panel = shown * scale;
        int width = count * panel + (count + 1) * SAMPLE_GAP;
        int rowHeight = GRID_LABEL + panel + SAMPLE_GAP;
        byte[] palette = {0, (byte) 0xFF, (byte) 0x99, (byte) 0x99};
        BufferedImage image = new BufferedImage(
                width,
                SAMPLE_GAP + 2 * rowHeight,
                BufferedImage.TYPE_BYTE_BINARY,
                new IndexColorModel(2, 4, palette, palette, palette));
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(SAMPLE_GAP_COLOUR);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_OFF);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
            String note = blockOr > 1 ? " (one pixel = block-OR of " + blockOr + " x " + blockOr + " sites)" : "";
            String[] labels = {exactLabel + note, generatedLabel + note};
            byte[][] rows = {exact, generated};
            for (int r = 0; r < 2; r++) {
                int top = SAMPLE_GAP + r * rowHeight;
                g.setColor(Color.WHITE);
                g.fillRect(0, top, width, GRID_LABEL);
                g.setColor(Color.BLACK);
                g.drawString(labels[r], SAMPLE_GAP, top + GRID_LABEL - 4);
                for (int m = 0; m < count; m++) {
                    byte[] mask = new byte[(int) sites];
                    System.arraycopy(rows[r], (int) (m * sites), mask, 0, mask.length);
                    for (int n = size; n > side; n /= 2) {
                        mask = MaskPyramid.coarsen(mask, n);
                    }
                    int left = SAMPLE_GAP + m * (panel + SAMPLE_GAP);
                    for (int i = 0; i < shown; i++) {
                        for (int j = 0; j < shown; j++) {
                            boolean occupied =
                                    mask[(int) ((long) i * side / shown * side + (long) j * side / shown)] != 0;
                            g.setColor(occupied ? Color.BLACK : Color.WHITE);
                            g.fillRect(left + j * scale, top + GRID_LABEL + i * scale, scale, scale);
                        }
                    }
                }
            }
        } finally {
            g.dispose();
        }
        return png(image);
    }

    /**
     * @param n   how many items there are
     * @param max the most to keep, at least 1
     * @return {@code min(n, max)} increasing indices spread evenly over [0, n), always the same for the same n
     */
    static int[] evenlySpaced(int n, int max) {
        int k = Math.min(n, max);
        int[] idx = new int[k];
        for (int i = 0; i < k; i++) {
            idx[i] = (int) ((long) i * n / k);
        }
        return idx;
    }

    private static void style(XYChart chart) {
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setPlotGridLinesColor(new Color(0xE0, 0xE0, 0xE0));
        chart.getStyler().setAntiAlias(true);
    }

    private static void requireSeries(String name, Map<String, double[][]> series, int arrays, String shape) {
        if (series == null || series.isEmpty()) {
            throw new IllegalArgumentException(name + " is empty");
        }
        for (Map.Entry<String, double[][]> e : series.entrySet()) {
            double[][] s = e.getValue();
            String what = name + "[" + e.getKey() + "]";
            if (s == null || s.length != arrays) {
                throw new IllegalArgumentException(what + " must hold " + arrays + " arrays " + shape);
            }
            for (int i = 0; i < arrays; i++) {
                if (s[i] == null) {
                    throw new IllegalArgumentException(what + " must hold " + shape + ", array " + i + " is null");
                }
                if (s[i].length != s[0].length) {
                    throw new IllegalArgumentException(what + " must hold " + shape + " of equal length, array " + i
                            + " has " + s[i].length + " values, array 0 has " + s[0].length);
                }
            }
            if (s[0].length == 0) {
                throw new IllegalArgumentException(what + " has no point");
            }
        }
    }

    private static void requireFinite(String name, float[] values) {
        if (values == null) {
            throw new IllegalArgumentException(name + " is null");
        }
        for (int i = 0; i < values.length; i++) {
            if (!Float.isFinite(values[i])) {
                throw new IllegalArgumentException(name + "[" + i + "] is " + values[i]);
            }
        }
    }

    private static byte[] png(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] png(XYChart chart) {
        try {
            return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Adds one model's series {x, mean, std} with error bars: circles, or, for a baseline, black
     * squares on a dashed line.
     */
    private static void addModelSeries(XYChart chart, String name, double[][] s, boolean baseline) {
        XYSeries series = chart.addSeries(name, s[0], s[1], s[2]);
        series.setMarker(SeriesMarkers.CIRCLE);
        if (baseline) {
            series.setLineColor(Color.BLACK);
            series.setMarkerColor(Color.BLACK);
            series.setMarker(SeriesMarkers.SQUARE);
            series.setLineStyle(
                    new BasicStroke(3f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {8f, 5f}, 0f));
        }
    }
}
