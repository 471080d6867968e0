package org.scalefreebench.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalefreebench.bench.chart.Charts;
import org.scalefreebench.bench.result.GenerationHeadline;
import org.scalefreebench.bench.result.Headline;
import org.scalefreebench.bench.result.ResultRow;
import org.scalefreebench.bench.result.ResultStore;
import org.scalefreebench.datasets.task.Task;
import org.scalefreebench.datasets.task.Tier;

class GenerationHeadlineTest {

    private static final String TASK = Task.MAX_CLUSTER_GENERATION.id();

    /** A generator's ok default-tier row at L on the critical set, with the generation metrics. */
    private static ResultRow generated(String model, int size, double score, boolean ranked) {
        return FakeRows.ok(
                "default",
                TASK,
                model,
                "percolation-L" + size + "-pc-test-v1",
                ResultRow.CRITICAL,
                size,
                ranked,
                FakeRows.SEEDS,
                Map.of(
                        "physics_score", List.of(score - 1, score + 1),
                        "largest_piece_share", List.of(0.5, 0.5),
                        "spanning_tb", List.of(0.25, 0.25),
                        "exact_physics_score", List.of(1.5, 1.5),
                        "spanning_tb_exact", List.of(0.5, 0.5),
                        "mass_mean", List.of(0.7, 0.9),
                        "mass_mean_exact", List.of(0.4, 0.4)));
    }

    /**
     * Three generators at L = 64 and 512: "early" is best at the training size and worst at 512,
     * "late" the reverse, "broken" failed at 512; the exact sampler is the reference; a spanning
     * row of a CNN and the density baseline belongs to the predictive headline only.
     */
    private static List<ResultRow> rows() {
        List<ResultRow> rows = new ArrayList<>(List.of(
                generated("early", 64, 10, true),
                generated("early", 512, 300, true),
                generated("late", 64, 100, true),
                generated("late", 512, 30, true),
                generated("broken", 64, 50, true),
                FakeRows.failed(
                        "default",
                        TASK,
                        "broken",
                        "percolation-L512-pc-test-v1",
                        ResultRow.CRITICAL,
                        512,
                        "wrong shape"),
                generated("exact-sampler", 64, 2, false),
                generated("exact-sampler", 512, 2, false)));
        rows.add(HeadlineTest.row("cnn", Task.SPANNING, HeadlineTest.PC64, 64, 0.6));
        rows.add(HeadlineTest.row(HeadlineTest.DENSITY, Task.SPANNING, HeadlineTest.PC64, 64, 0.6));
        return rows;
    }

    @Test
    void generatorsAreRankedByTheirScoreAtTheLargestSizeAndTheExactSamplerIsTheFloor() {
        GenerationHeadline g = GenerationHeadline.of(Tier.DEFAULT, rows());
        assertEquals(List.of(64, 512), g.sizes());
        assertEquals(
                List.of("late", "early", "broken"),
                g.ranked().stream().map(GenerationHeadline.Line::model).toList(),
                "sorted by the score at L = 512, lower first; the failed row last");
        assertEquals(
                List.of(1, 2, 0),
                g.ranked().stream().map(GenerationHeadline.Line::rank).toList());
        assertEquals(
                List.of("exact-sampler"),
                g.references().stream().map(GenerationHeadline.Line::model).toList());
        Headline.Cells cells = g.cells();
        assertEquals(
                List.of(
                        "1",
                        "late",
                        "100 ± 1.4 · piece 0.50 · P_span 0.25 · mass ×2.00",
                        "30.0 ± 1.4 · piece 0.50 · P_span 0.25 · mass ×2.00"),
                cells.ranked().get(0));
        assertEquals(
                List.of("–", "broken", "50.0 ± 1.4 · piece 0.50 · P_span 0.25 · mass ×2.00", ResultRow.FAILED),
                cells.ranked().get(2));
        assertEquals("L = 512 (exact: score 1.50, P_span 0.50)", cells.columns().get(3));
        assertTrue(g.markdown().contains("Reference, not ranked"), g.markdown());
        assertTrue(GenerationHeadline.of(Tier.STUDY, rows()).isEmpty(), "no generation row in the study tier");
    }

    @Test
    void generatorsStayOutOfThePredictiveHeadline() {
        Headline h = Headline.of(Tier.DEFAULT, rows());
        assertEquals(
                List.of("cnn", HeadlineTest.DENSITY),
                h.ranked().stream().map(Headline.Line::model).toList());
        assertFalse(
                h.columns().stream().anyMatch(c -> c.task() == Task.MAX_CLUSTER_GENERATION),
                "a generator has no density gap: its task has its own table");
        assertEquals(rows().size(), h.rows().size(), "the rows are kept for the generation table and the charts");
    }

    @Test
    void pagesShowTheGenerationHeadlineWithItsLogScaleChart(@TempDir Path dir) throws IOException {
        Leaderboard b = Leaderboard.of("/results/rows", new ResultStore.Contents(rows(), List.of()));
        List<Path> written = LeaderboardPages.write(b, dir, LocalDate.of(2026, 12, 2));
        String chart = LeaderboardPages.SCALE_CHART_PREFIX + "default-" + TASK + ".png";
        assertTrue(written.contains(dir.resolve(chart)), written.toString());
        assertEquals(Charts.WIDTH, ImageIO.read(dir.resolve(chart).toFile()).getWidth());
        String md = Files.readString(dir.resolve(LeaderboardPages.MARKDOWN));
        int generation = md.indexOf("## Generation headline, tier default");
        assertTrue(generation > md.indexOf("## Headline, tier default"), md);
        assertTrue(md.indexOf("](" + chart + ")") > generation, "the generation chart sits under its own table");
        String html = Files.readString(dir.resolve(LeaderboardPages.HTML));
        assertTrue(html.contains("id=\"generation-headline-default\""), html);
        assertTrue(html.contains("<img src=\"" + chart + "\""), html);
    }

    @Test
    void aTierWithGeneratorsOnlyStillHasItsHeadline() {
        List<ResultRow> only =
                rows().stream().filter(r -> r.task().equals(TASK)).toList();
        Leaderboard b = Leaderboard.of("/results/rows", new ResultStore.Contents(only, List.of()));
        assertEquals(1, b.headlines().size());
        String md = LeaderboardPages.markdown(b, LocalDate.of(2026, 12, 2));
        assertTrue(md.contains("## Generation headline, tier default"), md);
        assertFalse(md.contains("## Headline, tier default"), "no empty predictive table");
    }

    /**
     * The mass ratio shows a wrong fractal dimension at once (mass ×2.00 where the generated
     * clusters hold twice the exact mass); a row written before the mass was recorded shows none.
     */
    @Test
    void aCellShowsTheMassOverTheExactMassWhereTheRowHasBoth() {
        ResultRow older = FakeRows.ok(
                "default",
                TASK,
                "older",
                "percolation-L64-pc-test-v1",
                ResultRow.CRITICAL,
                64,
                true,
                FakeRows.SEEDS,
                Map.of("physics_score", List.of(9.0, 11.0)));
        GenerationHeadline g = GenerationHeadline.of(Tier.DEFAULT, List.of(older, generated("newer", 64, 10, true)));
        Map<String, String> cell = new HashMap<>();
        g.cells().ranked().forEach(r -> cell.put(r.get(1), r.get(2)));
        assertEquals("10.0 ± 1.4", cell.get("older"));
        assertEquals("10.0 ± 1.4 · piece 0.50 · P_span 0.25 · mass ×2.00", cell.get("newer"));
    }
}
