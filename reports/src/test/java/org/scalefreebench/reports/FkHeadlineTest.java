package org.scalefreebench.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalefreebench.bench.RunCharts;
import org.scalefreebench.bench.chart.Charts;
import org.scalefreebench.bench.result.DensityGap;
import org.scalefreebench.bench.result.FkHeadline;
import org.scalefreebench.bench.result.Headline;
import org.scalefreebench.bench.result.ResultRow;
import org.scalefreebench.bench.result.ResultStore;
import org.scalefreebench.datasets.task.Task;
import org.scalefreebench.datasets.task.TestSet;
import org.scalefreebench.datasets.task.Tier;

/** The critical-FK headline from synthetic rows, and how the leaderboard shows it and keeps the FK roles. */
class FkHeadlineTest {

    private static final String TRAINED = "critical-fk-L64-v1";
    private static final String HELD_OUT = "critical-fk-L64-heldout-test-v1";
    private static final String L128 = "critical-fk-L128-test-v1";
    private static final String FLOOR = DensityGap.FK_FLOOR;
    private static final String ODD = "<b>cnn&co</b>";

    private static ResultRow fk(Task task, String model, String spec, TestSet.Role role, int size, double rmse) {
        return fk(task, model, spec, role, size, rmse, FakeRows.SEEDS, true, Map.of());
    }

    private static ResultRow fk(
            Task task,
            String model,
            String spec,
            TestSet.Role role,
            int size,
            double rmse,
            List<Long> seeds,
            boolean ranked,
            Map<String, List<Double>> extra) {
        Map<String, List<Double>> metrics = new java.util.LinkedHashMap<>();
        metrics.put("rmse", seeds.size() == 2 ? FakeRows.around(rmse, 0.002) : List.of(rmse, rmse, rmse));
        metrics.putAll(extra);
        return FakeRows.ok("default", task.id(), model, spec, role.id(), size, ranked, seeds, metrics);
    }

    /**
     * The floor at 0.05 on the headline set; cnn-a beats it (0.04) but has no L = 128 row; cnn-b
     * (0.08) failed on the held-out set; the oddly named model (0.10) is last of the main group;
     * cnn-c (0.01) ran three seeds, so it is ranked apart and has no Δ; box-only has fractal-dimension
     * rows only, so no place; the oracle is a reference. A spanning row makes the percolation headline.
     */
    private static List<ResultRow> rows(boolean withWinner) {
        Task cc = Task.CENTRAL_CHARGE;
        Task fd = Task.FRACTAL_DIMENSION;
        List<ResultRow> rows = new ArrayList<>(List.of(
                fk(cc, FLOOR, TRAINED, TestSet.Role.TRAINED_Q, 64, 0.05),
                fk(cc, FLOOR, HELD_OUT, TestSet.Role.HELD_OUT_Q, 64, 0.07),
                fk(cc, FLOOR, L128, TestSet.Role.ALL_Q, 128, 0.06),
                fk(cc, "cnn-b", TRAINED, TestSet.Role.TRAINED_Q, 64, 0.08),
                FakeRows.failed("default", cc.id(), "cnn-b", HELD_OUT, TestSet.Role.HELD_OUT_Q.id(), 64, "NaN"),
                fk(cc, ODD, TRAINED, TestSet.Role.TRAINED_Q, 64, 0.10),
                fk(cc, "cnn-c", TRAINED, TestSet.Role.TRAINED_Q, 64, 0.01, List.of(1L, 2L, 3L), true, Map.of()),
                fk(cc, "oracle", TRAINED, TestSet.Role.TRAINED_Q, 64, 0.0, FakeRows.SEEDS, false, Map.of()),
                fk(fd, "box-only", TRAINED, TestSet.Role.TRAINED_Q, 64, 0.2),
                fk(
                        fd,
                        "box-only",
                        L128,
                        TestSet.Role.ALL_Q,
                        128,
                        0.25,
                        FakeRows.SEEDS,
                        true,
                        Map.of("partner_gap", List.of(0.01, 0.01))),
                HeadlineTest.row("cnn", Task.SPANNING, HeadlineTest.PC64, 64, 0.6),
                HeadlineTest.row(HeadlineTest.DENSITY, Task.SPANNING, HeadlineTest.PC64, 64, 0.6)));
        if (withWinner) {
            rows.add(fk(cc, "cnn-a", TRAINED, TestSet.Role.TRAINED_Q, 64, 0.04));
            rows.add(fk(cc, "cnn-a", HELD_OUT, TestSet.Role.HELD_OUT_Q, 64, 0.09));
        }
        return rows;
    }

    @Test
    void modelsAreRankedByCentralChargeOnTheHeadlineSetWithTheirGapToTheFloor() {
        FkHeadline h = FkHeadline.of(Tier.DEFAULT, rows(true));
        assertEquals(
                List.of("cnn-a", FLOOR, "cnn-b", ODD, "cnn-c", "box-only"),
                h.ranked().stream().map(Headline.Line::model).toList(),
                "two-seed models by RMSE, then the three-seed one apart, then the unscored");
        assertEquals(
                List.of("oracle"),
                h.references().stream().map(Headline.Line::model).toList());
        Headline.Cells cells = h.cells();
        assertEquals(
                List.of(
                        "rank",
                        "model",
                        "central-charge rmse, Δ floor, L = 64, trained Q",
                        "central-charge rmse, Δ floor, L = 64, held-out Q",
                        "central-charge rmse, Δ floor, L = 128, all Q",
                        "fractal-dimension rmse, partner, L = 64, trained Q",
                        "fractal-dimension rmse, partner, L = 128, all Q"),
                cells.columns(),
                "plan order; no L = 256 column without a row there");
        assertEquals(
                List.of("1", "cnn-a", "0.0400 ± 0.0020, Δ -0.0100", "0.0900 ± 0.0020, Δ +0.0200", "–", "–", "–"),
                cells.ranked().get(0));
        assertEquals(
                List.of(
                        "2",
                        FLOOR,
                        "0.0500 ± 0.0020, Δ +0.0000",
                        "0.0700 ± 0.0020, Δ +0.0000",
                        "0.0600 ± 0.0020, Δ +0.0000",
                        "–",
                        "–"),
                cells.ranked().get(1));
        assertEquals("failed", cells.ranked().get(2).get(3));
        assertEquals("1 (3 seeds)", cells.ranked().get(4).get(0));
        assertEquals("0.0100 ± 0.0000, Δ (1)", cells.ranked().get(4).get(2));
        assertTrue(
                cells.notes().get(0).startsWith("(1) different seeds: cnn-c ran 1, 2, 3"),
                cells.notes().toString());
        assertEquals(
                List.of("–", "box-only", "–", "–", "–", "0.2000 ± 0.0020", "0.2500 ± 0.0020, partner 0.0100"),
                cells.ranked().get(5));
        assertEquals("ref.", cells.references().get(0).get(0));
        assertTrue(h.caption().contains("Beats counting on L = 64, trained Q"), h.caption());
        assertTrue(h.verdict().contains("cnn-a (-0.0100)") && !h.verdict().contains("cnn-c"), h.verdict());
        assertTrue(h.caption().contains("never ranked as equals"), "the seed-count rule is stated");
    }

    @Test
    void theCaptionSaysSoWhenNoModelBeatsCounting() {
        FkHeadline h = FkHeadline.of(Tier.DEFAULT, rows(false));
        assertEquals(
                "No model beats counting on L = 64, trained Q: the closest, cnn-b, is +0.0300 above " + FLOOR + ".",
                h.verdict());
        assertTrue(FkHeadline.of(Tier.STUDY, rows(true)).isEmpty(), "no FK row in the study tier");
    }

    @Test
    void theFkTasksStayOutOfThePercolationHeadline() {
        Headline h = Headline.of(Tier.DEFAULT, rows(true));
        assertFalse(h.columns().stream().anyMatch(c -> FkHeadline.TASKS.contains(c.task())), h.title());
    }

    @Test
    void theLeaderboardKeepsEveryStoredRoleAndReadsFkGapsAgainstTheFloor() {
        Leaderboard b = Leaderboard.of("/results/rows", new ResultStore.Contents(rows(true), List.of()));
        Set<TestSet.Role> roles = b.tables().stream()
                .filter(t -> t.task() == Task.CENTRAL_CHARGE)
                .map(Leaderboard.Table::role)
                .collect(Collectors.toSet());
        assertEquals(Set.of(TestSet.Role.TRAINED_Q, TestSet.Role.HELD_OUT_Q, TestSet.Role.ALL_Q), roles);
        for (TestSet.Role role : TestSet.Role.values()) {
            ResultRow r = fk(Task.CENTRAL_CHARGE, "m", TRAINED, role, 64, 0.1);
            assertEquals(role, Leaderboard.role(r), "round trip of " + role.id());
        }
        Leaderboard.Table headlineSet = b.tables().stream()
                .filter(t -> t.task() == Task.CENTRAL_CHARGE && t.testSpec().equals(TRAINED))
                .findFirst()
                .orElseThrow();
        ResultRow cnnA = headlineSet.ranked().get(0).row();
        assertEquals("cnn-a", cnnA.model(), "the table ranks by RMSE, lower first");
        assertEquals(-0.01, headlineSet.gap(cnnA).value(), 1e-12);
        Leaderboard.Table fractal = b.tables().stream()
                .filter(t -> t.task() == Task.FRACTAL_DIMENSION)
                .findFirst()
                .orElseThrow();
        assertNull(
                fractal.gap(fractal.ranked().get(0).row()), "fractal-dimension has no baseline to read a gap against");
    }

    @Test
    void aRowOfAnUnknownRoleIsLeftOutWithAWarning() {
        ResultRow r = fk(Task.CENTRAL_CHARGE, "m", TRAINED, TestSet.Role.TRAINED_Q, 64, 0.1);
        ResultRow odd = new ResultRow(
                r.schema(),
                r.task(),
                r.taskVersion(),
                r.family(),
                r.model(),
                r.modelDescription(),
                r.ranked(),
                r.tier(),
                r.trainSpec(),
                r.testSpec(),
                r.testSplit(),
                "sideways",
                r.size(),
                r.status(),
                r.error(),
                r.seeds(),
                r.metrics(),
                r.perP(),
                r.params(),
                r.trainSeconds(),
                r.trainSamplesPerSecond(),
                r.predictSamplesPerSecond(),
                r.hardware(),
                r.versions(),
                r.datasetSha256(),
                r.finishedAt(),
                r.trainingNotes());
        Leaderboard b = Leaderboard.of("/results/rows", new ResultStore.Contents(List.of(r, odd), List.of()));
        assertEquals(
                1, b.tables().stream().mapToInt(Leaderboard.Table::rowCount).sum());
        assertTrue(
                b.warnings().stream().anyMatch(w -> w.contains("unknown test-set role 'sideways'")),
                b.warnings().toString());
    }

    @Test
    void pagesShowTheFkHeadlineAfterThePercolationOneEscapedWithItsCharts(@TempDir Path dir) throws IOException {
        Leaderboard b = Leaderboard.of("/results/rows", new ResultStore.Contents(rows(true), List.of()));
        List<Path> written = LeaderboardPages.write(b, dir, LocalDate.of(2026, 12, 2));
        String chart = LeaderboardPages.FK_CHART_PREFIX + "default-" + Task.CENTRAL_CHARGE.id() + ".png";
        assertTrue(written.contains(dir.resolve(chart)), written.toString());
        assertEquals(Charts.WIDTH, ImageIO.read(dir.resolve(chart).toFile()).getWidth());
        assertTrue(LeaderboardPages.chartFiles(b).contains(chart));
        String md = Files.readString(dir.resolve(LeaderboardPages.MARKDOWN));
        int fk = md.indexOf("## Critical-FK headline, tier default");
        assertTrue(fk > md.indexOf("## Headline, tier default"), md);
        assertTrue(md.indexOf("](" + chart + ")") > fk, "the FK chart sits under its own table");
        assertTrue(md.contains("\\<b\\>cnn\\&co\\</b\\>"), "Markdown escapes the model id");
        String html = Files.readString(dir.resolve(LeaderboardPages.HTML));
        assertTrue(html.contains("id=\"fk-headline-default\""), html);
        assertTrue(html.contains("&lt;b&gt;cnn&amp;co&lt;/b&gt;"), "HTML escapes the model id");
        assertFalse(html.contains(ODD), "no raw markup from a model id");
        assertTrue(html.contains("<img src=\"" + chart + "\""), html);
    }

    @Test
    void theChartAgainstLTakesTheTrainedSetAtL64AndTheAllQSetsAbove() {
        Map<String, double[][]> series = RunCharts.fkSizeSeries(rows(true), Task.CENTRAL_CHARGE);
        double[][] floor = series.get(FLOOR);
        assertEquals(List.of(64.0, 128.0), List.of(floor[0][0], floor[0][1]));
        assertEquals(0.05, floor[1][0], 1e-12, "L = 64 is the trained-Q set, not the held-out one");
        assertEquals(0.06, floor[1][1], 1e-12);
        assertTrue(RunCharts.fkSizeSeries(rows(true), Task.SPANNING).isEmpty());
    }
}
