package org.scalefreebench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalefreebench.bench.chart.Charts;
import org.scalefreebench.bench.result.ResultRow;
import org.scalefreebench.bench.result.Stat;
import org.scalefreebench.datasets.load.SplitData;
import org.scalefreebench.datasets.model.FitOptions;
import org.scalefreebench.datasets.model.MaskGenerator;
import org.scalefreebench.datasets.model.TrainingData;
import org.scalefreebench.datasets.task.Task;
import org.scalefreebench.datasets.task.Tier;
import org.scalefreebench.reference.baseline.BernoulliMask;
import org.scalefreebench.reference.baseline.FractalPercolation;

/**
 * The generation harness on the smoke tier's generation data (train at L = 16, the exact set at
 * L = 32): the held-out likelihood in the rows, and generators whose likelihood misbehaves failing
 * with the reason while the others still run.
 */
class GenerationBenchmarkTest {

    private static TierData generation;

    @TempDir
    static Path results;

    @BeforeAll
    static void loadSmokeGenerationData() throws IOException {
        generation = TierData.loadAll(Tier.SMOKE, EnumSet.of(Task.MAX_CLUSTER_GENERATION), SmokeTier.DEFAULTS.dataDir())
                .get(0);
    }

    private static GenerationBenchmark harness() {
        BenchmarkSettings s = new BenchmarkSettings(
                Tier.SMOKE,
                List.of(1L, 2L),
                "",
                EnumSet.of(Task.MAX_CLUSTER_GENERATION),
                Duration.ofSeconds(60),
                SmokeTier.DEFAULTS.dataDir(),
                results);
        return new GenerationBenchmark(s, generation, line -> {});
    }

    /** Independent sites at density 1/2 whose likelihood misbehaves in a chosen way. */
    private record Faulty(String id, String fault) implements MaskGenerator {

        @Override
        public String description() {
            return "test generator whose likelihood " + fault;
        }

        @Override
        public FittedGenerator fit(TrainingData data, FitOptions options) {
            BernoulliMask.Fitted sites =
                    new BernoulliMask.Fitted(0.5, data.train().size());
            return new FittedGenerator() {
                @Override
                public long parameterCount() {
                    return 0;
                }

                @Override
                public byte[] generate(int n, int size, long seed) {
                    return sites.generate(n, size, seed);
                }

                @Override
                public double[] negativeLogLikelihood(byte[] masks, int n, int size) {
                    double[] nll = new double[n];
                    Arrays.fill(nll, 1.0);
                    return switch (fault) {
                        case "throws" -> throw new IllegalStateException("boom in the likelihood");
                        case "is short" -> new double[n - 1];
                        case "is NaN" -> {
                            nll[2] = Double.NaN;
                            yield nll;
                        }
                        case "is negative" -> {
                            nll[0] = -0.5;
                            yield nll;
                        }
                        default -> nll;
                    };
                }
            };
        }
    }

    private static SplitData exactSet() {
        return generation.testSets().get(0);
    }

    private static ResultRow row(GenerationBenchmark.Run run) {
        List<ResultRow> rows = harness().rows(run, RunEnvironment.hardware(), RunEnvironment.versions());
        assertEquals(1, rows.size());
        return rows.get(0);
    }

    @Test
    void theHeldOutLikelihoodPerSiteIsInTheRowOfAGeneratorThatHasOne() throws Exception {
        GenerationBenchmark.Run run = harness().run(new BernoulliMask());
        assertNull(run.failure());
        ResultRow r = row(run);
        assertEquals(ResultRow.OK, r.status());
        SplitData test = exactSet();
        int size = test.size();
        int n = GenerationBenchmark.generatedCount(size, test.samples());
        byte[] all = test.column(Task.MAX_CLUSTER_GENERATION.targetColumn()).uint8();
        int area = size * size;
        byte[] heldOut = Arrays.copyOfRange(all, (test.samples() - n) * area, test.samples() * area);
        // the fit reads nothing random: every seed's likelihood of B is the same
        double[] nll = new BernoulliMask()
                .fit(generation.training(EnumSet.of(Task.MAX_CLUSTER_GENERATION)), null)
                .negativeLogLikelihood(heldOut, n, size);
        double mean = Arrays.stream(nll).sum() / n / area;
        double ss = Arrays.stream(nll)
                .map(v -> (v / area - mean) * (v / area - mean))
                .sum();
        double se = Math.sqrt(ss / (n - 1) / n);
        Stat perSite = r.metrics().get(GenerationBenchmark.NLL_PER_SITE);
        Stat error = r.metrics().get(GenerationBenchmark.NLL_PER_SITE_SE);
        assertNotNull(perSite, r.metrics().keySet().toString());
        assertEquals(2, perSite.values().size());
        for (int k = 0; k < 2; k++) {
            assertEquals(mean, perSite.values().get(k), 1e-12 * mean);
            assertEquals(se, error.values().get(k), 1e-9 * se);
        }
        assertTrue(se > 0 && se < mean, "standard error " + se + " of " + mean);
    }

    /**
     * The first seed's maps are drawn under exact ones at the largest L of the plan (the smoke plan's
     * only L, 32), as a PNG beside the seed's NPY samples: 4 panels of 128 pixels (4 pixels per
     * site) per row; the second seed draws no picture.
     */
    @Test
    void theFirstSeedsMapsAreDrawnUnderExactOnesBesideTheSamples() throws IOException {
        GenerationBenchmark.Run run = harness().run(new FractalPercolation());
        assertNull(run.failure());
        Map<String, Path> pictures = run.seeds().get(0).pictures();
        assertEquals(1, pictures.size(), pictures.toString());
        assertTrue(pictures.keySet().iterator().next().endsWith("L = 32"), pictures.toString());
        Path png = pictures.values().iterator().next();
        assertEquals("L32-seed1.png", png.getFileName().toString());
        assertTrue(Files.exists(png.resolveSibling("L32-seed1.npy")));
        BufferedImage image = ImageIO.read(png.toFile());
        int gap = Charts.SAMPLE_GAP;
        assertEquals(4 * 128 + 5 * gap, image.getWidth());
        assertEquals(gap + 2 * (Charts.GRID_LABEL + 128 + gap), image.getHeight());
        assertTrue(run.seeds().get(1).pictures().isEmpty());
    }

    @Test
    void aGeneratorWithoutLikelihoodHasNoLikelihoodMetric() {
        GenerationBenchmark.Run run = harness().run(new FractalPercolation());
        assertNull(run.failure());
        Map<String, Stat> metrics = row(run).metrics();
        assertFalse(
                metrics.containsKey(GenerationBenchmark.NLL_PER_SITE),
                metrics.keySet().toString());
        assertFalse(metrics.containsKey(GenerationBenchmark.NLL_PER_SITE_SE));
        assertTrue(metrics.containsKey("physics_score"), metrics.keySet().toString());
    }

    @Test
    void aLikelihoodThatThrowsOrIsWrongFailsTheRowNamingWhyAndTheNextGeneratorStillRuns() {
        int size = exactSet().size();
        int n = GenerationBenchmark.generatedCount(size, exactSet().samples());
        Map<String, String> expected = Map.of(
                "throws",
                "negativeLogLikelihood of " + n + " exact maps at L = " + size
                        + " threw java.lang.IllegalStateException: boom in the likelihood",
                "is short",
                "returned " + (n - 1) + " values, expected one per map, " + n,
                "is NaN",
                "returned NaN for exact map 2",
                "is negative",
                "returned -0.5 for exact map 0");
        GenerationBenchmark harness = harness();
        for (Map.Entry<String, String> e : expected.entrySet()) {
            GenerationBenchmark.Run run = harness.run(new Faulty("faulty", e.getKey()));
            assertNotNull(run.failure(), e.getKey());
            assertTrue(run.failure().startsWith("seed 1: "), run.failure());
            assertTrue(run.failure().contains(e.getValue()), run.failure());
            ResultRow r = row(run);
            assertEquals(ResultRow.FAILED, r.status());
            assertTrue(r.metrics().isEmpty());
            assertTrue(r.error().contains(e.getValue()), r.error());
        }
        GenerationBenchmark.Run fine = harness.run(new Faulty("fine", "is fine"));
        assertNull(fine.failure());
        double perSite =
                row(fine).metrics().get(GenerationBenchmark.NLL_PER_SITE).mean();
        assertEquals(1.0 / (size * size), perSite, 1e-15);
    }

    @Test
    void heldOutLikelihoodRejectsInfiniteValues() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> GenerationBenchmark.HeldOutLikelihood.of(new double[] {1, Double.POSITIVE_INFINITY}, 2, 4));
        assertTrue(e.getMessage().contains("Infinity for exact map 1"), e.getMessage());
        GenerationBenchmark.HeldOutLikelihood one = GenerationBenchmark.HeldOutLikelihood.of(new double[] {8}, 1, 2);
        assertEquals(2.0, one.perSite());
        assertEquals(0.0, one.standardError());
    }
}
