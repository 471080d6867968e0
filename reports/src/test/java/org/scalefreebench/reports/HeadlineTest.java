package org.scalefreebench.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.scalefreebench.reports.FakeRows.around;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.scalefreebench.bench.result.DensityGap;
import org.scalefreebench.bench.result.Headline;
import org.scalefreebench.bench.result.ResultRow;
import org.scalefreebench.datasets.task.Task;
import org.scalefreebench.datasets.task.Tier;

class HeadlineTest {

    static final String DENSITY = "density-baseline";
    static final String PC64 = "percolation-L64-pc-test-v1";
    static final String PC128 = "percolation-L128-pc-test-v1";
    static final String WINDOW64 = "percolation-L64-v1";
    static final List<Long> THREE_SEEDS = List.of(1L, 2L, 3L);

    /** An ok default-tier row whose primary metric has the given mean (std 0.02), seeds 1 and 2. */
    static ResultRow row(String model, Task task, String spec, int size, double mean) {
        return FakeRows.ok(
                "default",
                task.id(),
                model,
                spec,
                spec.contains("-pc-") ? ResultRow.CRITICAL : "window",
                size,
                !model.equals("exact-oracle"),
                FakeRows.SEEDS,
                Map.of(task.primaryMetric().id(), around(mean, 0.02)));
    }

    /**
     * The default tier: density-baseline and two CNNs on spanning at p_c (L = 64, 128) and on the
     * L = 64 window, max-cluster at p_c (L = 64), one CNN on the mask task (no baseline there), one
     * CNN with three seeds, one CNN tied with another, a failed model and the exact oracle; plus rows
     * that must be left out (another tier, an older task version, an older schema).
     */
    static List<ResultRow> rows() {
        List<ResultRow> rows = new ArrayList<>(List.of(
                row(DENSITY, Task.SPANNING, PC64, 64, 0.60),
                row(DENSITY, Task.SPANNING, PC128, 128, 0.55),
                row(DENSITY, Task.SPANNING, WINDOW64, 64, 0.90),
                row(DENSITY, Task.MAX_CLUSTER, PC64, 64, 0.40),
                row("cnn-a", Task.SPANNING, PC64, 64, 0.70),
                row("cnn-a", Task.SPANNING, PC128, 128, 0.58),
                row("cnn-a", Task.SPANNING, WINDOW64, 64, 0.91),
                row("cnn-a", Task.MAX_CLUSTER, PC64, 64, 0.45),
                row("cnn-a", Task.MAX_CLUSTER_MASK, PC64, 64, 0.80),
                row("cnn-c", Task.SPANNING, PC64, 64, 0.65),
                row("cnn-b", Task.SPANNING, PC64, 64, 0.65),
                row("exact-oracle", Task.SPANNING, PC64, 64, 1.00),
                FakeRows.ok(
                        "default",
                        "spanning",
                        "cnn-seeds",
                        PC64,
                        ResultRow.CRITICAL,
                        64,
                        true,
                        THREE_SEEDS,
                        Map.of("accuracy", List.of(0.60, 0.62, 0.64))),
                FakeRows.failed("default", "spanning", "broken", PC64, ResultRow.CRITICAL, 64, "NaN in predictions"),
                row("broken", Task.SPANNING, WINDOW64, 64, 0.50)));
        rows.add(FakeRows.ok(
                "smoke",
                "spanning",
                "smoke-only",
                "percolation-L32-smoke-v1",
                32,
                true,
                Map.of("accuracy", around(0.99, 0.0))));
        rows.add(FakeRows.as(row("old-cnn", Task.SPANNING, PC64, 64, 0.99), ResultRow.SCHEMA, 1));
        rows.add(FakeRows.as(row("schema2-cnn", Task.SPANNING, PC64, 64, 0.99), 2, Task.SPANNING.version()));
        return rows;
    }

    private static final Headline HEADLINE = Headline.of(Tier.DEFAULT, rows());

    @Test
    void columnsAreTheCriticalSetsByTaskAndLThenTheWindowSets() {
        assertEquals(
                List.of(
                        "spanning accuracy, L = 64, p = p_c",
                        "spanning accuracy, L = 128, p = p_c",
                        "max-cluster r2, L = 64, p = p_c",
                        "max-cluster-mask mean_iou, L = 64, p = p_c",
                        "spanning Δ density, L = 64, p window"),
                HEADLINE.columns().stream().map(Headline.Column::title).toList());
        assertEquals("spanning accuracy, L = 64, p = p_c", HEADLINE.sortColumn().title());
        assertEquals(
                "Headline, tier default: at p = p_c, where density cannot decide — spanning accuracy, max-cluster r2,"
                        + " max-cluster-mask mean_iou, per L (trained at L = 64), with the gap to density-baseline",
                HEADLINE.title());
    }

    @Test
    void ranksBySpanningAtTheTrainingSizeThenIdWithTiesSharingAPlaceAndTheOracleApart() {
        assertEquals(
                List.of("cnn-a", "cnn-b", "cnn-c", DENSITY, "cnn-seeds", "broken"),
                HEADLINE.ranked().stream().map(Headline.Line::model).toList(),
                "other tiers, older task versions and older schemas are left out; cnn-seeds (3 seeds) is ranked"
                        + " apart from the 2-seed rows, after them");
        assertEquals(
                List.of(1, 2, 2, 4, 1, 0),
                HEADLINE.ranked().stream().map(Headline.Line::rank).toList(),
                "cnn-b and cnn-c share a place; cnn-seeds is first of the 3-seed models; broken failed on the sort"
                        + " set, so has none");
        assertEquals(
                List.of("", "", "", "", " (3 seeds)", ""),
                HEADLINE.ranked().stream().map(Headline.Line::seedMark).toList());
        assertTrue(HEADLINE.caption().contains("different seed counts are never ranked as equals"));
    }

    @Test
    void theOracleIsAReferenceNeverRanked() {
        assertEquals(
                List.of("exact-oracle"),
                HEADLINE.references().stream().map(Headline.Line::model).toList());
        assertEquals(0, HEADLINE.references().get(0).rank());
        assertEquals("ref.", HEADLINE.cells().references().get(0).get(0));
    }

    @Test
    void theGapIsTheModelsMeanMinusTheBaselinesOnTheSameSet() {
        Headline.Line a = HEADLINE.ranked().get(0);
        assertEquals(0.70 - 0.60, gap(a, Task.SPANNING, PC64).value(), 1e-12);
        assertEquals(0.58 - 0.55, gap(a, Task.SPANNING, PC128).value(), 1e-12);
        assertEquals(0.45 - 0.40, gap(a, Task.MAX_CLUSTER, PC64).value(), 1e-12);
        assertEquals(0.91 - 0.90, gap(a, Task.SPANNING, WINDOW64).value(), 1e-12);
        assertEquals(
                1.00 - 0.60,
                gap(HEADLINE.references().get(0), Task.SPANNING, PC64).value(),
                1e-12);
        assertEquals(0.0, gap(line(DENSITY), Task.SPANNING, PC64).value(), "the baseline against itself");
    }

    @Test
    void noGapWhereTheBaselineHasNoRowOrOtherSeeds() {
        DensityGap mask = gap(HEADLINE.ranked().get(0), Task.MAX_CLUSTER_MASK, PC64);
        assertFalse(mask.present());
        assertTrue(Double.isNaN(mask.value()));
        assertEquals("density-baseline has no max-cluster-mask row in tier default", mask.missing());
        DensityGap seeds = gap(line("cnn-seeds"), Task.SPANNING, PC64);
        assertFalse(seeds.present());
        assertEquals("different seeds: cnn-seeds ran 1, 2, 3, density-baseline 1, 2", seeds.missing());
        assertNull(gap(line("cnn-b"), Task.SPANNING, PC128), "cnn-b has no row on the L = 128 set");
    }

    @Test
    void noGapWhereTheBaselineFailedOrLacksTheSet() {
        ResultRow cnn = row("cnn-a", Task.SPANNING, PC128, 128, 0.58);
        ResultRow failed =
                FakeRows.failed("default", "spanning", DENSITY, PC128, ResultRow.CRITICAL, 128, "out of memory");
        assertEquals(
                "density-baseline failed on percolation-L128-pc-test-v1/test",
                DensityGap.of(cnn, Task.SPANNING, List.of(failed, cnn)).missing());
        assertEquals(
                "density-baseline has no row on percolation-L128-pc-test-v1/test",
                DensityGap.of(cnn, Task.SPANNING, List.of(row(DENSITY, Task.SPANNING, PC64, 64, 0.6), cnn))
                        .missing());
        ResultRow olderVersion = FakeRows.as(row(DENSITY, Task.SPANNING, PC128, 128, 0.5), ResultRow.SCHEMA, 1);
        assertEquals(
                "density-baseline has no spanning row in tier default",
                DensityGap.of(cnn, Task.SPANNING, List.of(olderVersion, cnn)).missing(),
                "a row of another task version is not compared");
    }

    @Test
    void aFailedRowIsAFailedCellWithNoNumber() {
        Headline.Line broken = line("broken");
        assertEquals(
                ResultRow.FAILED,
                HEADLINE.cell(broken, Task.SPANNING, PC64).row().status());
        List<String> cells = HEADLINE.cells().ranked().get(5);
        assertEquals(List.of("–", "broken", "failed", "–", "–", "–", "-0.4000"), cells);
    }

    @Test
    void markdownGivesScoreAndGapPerCellAndTheNotesBelow() {
        String md = HEADLINE.markdown();
        assertTrue(md.startsWith("## Headline, tier default: at p = p\\_c, where density cannot decide — "), md);
        String header = "| rank | model | spanning accuracy, L = 64, p = p\\_c | spanning accuracy, L = 128, p = p\\_c"
                + " | max-cluster r2, L = 64, p = p\\_c | max-cluster-mask mean\\_iou, L = 64, p = p\\_c"
                + " | spanning Δ density, L = 64, p window |\n|---:|---|---:|---:|---:|---:|---:|\n";
        String a = "| 1 | cnn-a | 0.7000 ± 0.0200, Δ +0.1000 | 0.5800 ± 0.0200, Δ +0.0300 | 0.4500 ± 0.0200, Δ +0.0500"
                + " | 0.8000 ± 0.0200, Δ (1) | +0.0100 |\n";
        String b = "| 2 | cnn-b | 0.6500 ± 0.0200, Δ +0.0500 | – | – | – | – |\n";
        String seeds = "| 1 (3 seeds) | cnn-seeds | 0.6200 ± 0.0200, Δ (2) | – | – | – | – |\n";
        String density = "| 4 | density-baseline | 0.6000 ± 0.0200, Δ +0.0000 | 0.5500 ± 0.0200, Δ +0.0000"
                + " | 0.4000 ± 0.0200, Δ +0.0000 | – | +0.0000 |\n";
        String oracle = "| ref. | exact-oracle | 1.0000 ± 0.0200, Δ +0.4000 | – | – | – | – |\n";
        assertTrue(md.contains(header + a + b), md);
        assertTrue(md.indexOf(density) > md.indexOf(b), md);
        assertTrue(md.indexOf(seeds) > md.indexOf(density), md);
        assertTrue(md.indexOf("Reference, not ranked:\n\n") > md.indexOf(seeds), md);
        assertTrue(md.indexOf(oracle) > md.indexOf("Reference, not ranked:"), md);
        assertTrue(md.endsWith("""
                        (1) density-baseline has no max-cluster-mask row in tier default\s\s
                        (2) different seeds: cnn-seeds ran 1, 2, 3, density-baseline 1, 2\s\s

                        """), md);
    }

    @Test
    void aTierWithoutCriticalSetsHeadsWithItsOwnSet() {
        Headline smoke = Headline.of(Tier.SMOKE, rows());
        assertEquals(
                List.of("spanning accuracy, L = 32, p window"),
                smoke.columns().stream().map(Headline.Column::title).toList());
        assertTrue(smoke.title().startsWith("Headline, tier smoke: no set at p = p_c in this tier"), smoke.title());
        assertTrue(Headline.of(Tier.FULL, rows()).isEmpty());
    }

    private static Headline.Line line(String model) {
        return HEADLINE.ranked().stream()
                .filter(l -> l.model().equals(model))
                .findFirst()
                .orElseThrow();
    }

    private static DensityGap gap(Headline.Line line, Task task, String spec) {
        Headline.Cell c = HEADLINE.cell(line, task, spec);
        return c == null ? null : c.gap();
    }
}
