package org.scalefreebench.reports;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.scalefreebench.reports.FakeRows.around;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalefreebench.bench.RunCharts;
import org.scalefreebench.bench.chart.Charts;
import org.scalefreebench.bench.result.DensityGap;
import org.scalefreebench.bench.result.Headline;
import org.scalefreebench.bench.result.ResultRow;
import org.scalefreebench.bench.result.ResultStore;
import org.scalefreebench.bench.result.Stat;
import org.scalefreebench.datasets.task.Task;
import org.scalefreebench.datasets.task.Tier;

class LeaderboardPagesTest {

    private static final String SMOKE = "percolation-L32-smoke-v1";
    private static final LocalDate DATE = LocalDate.of(2026, 11, 23);
    private static final String EVIL = "<script>alert(1)</script>&co|x";

    @TempDir
    Path dir;

    private static ResultRow spanning(String model, double accuracy, boolean ranked) {
        return FakeRows.ok(
                "smoke",
                "spanning",
                model,
                SMOKE,
                32,
                ranked,
                Map.of("accuracy", around(accuracy, 0.01), "roc_auc", around(0.9, 0.02)));
    }

    private static Leaderboard board(List<ResultRow> rows, List<String> unreadable) {
        return Leaderboard.of("/results/rows", new ResultStore.Contents(rows, unreadable));
    }

    @Test
    void writesBothPagesAndTheChartAtomically() throws IOException {
        Leaderboard b = board(
                List.of(
                        spanning("cnn", 0.9, true),
                        spanning("oracle", 1.0, false),
                        FakeRows.failed("smoke", "spanning", "mlp", SMOKE, "diverged")),
                List.of());
        List<Path> written = LeaderboardPages.write(b, dir.resolve("out"), DATE);
        Path png = dir.resolve("out/spanning-accuracy-vs-p-" + SMOKE + ".png");
        assertEquals(List.of(dir.resolve("out/leaderboard.md"), dir.resolve("out/leaderboard.html"), png), written);
        BufferedImage image = ImageIO.read(png.toFile());
        assertNotNull(image);
        assertEquals(Charts.WIDTH, image.getWidth());
        try (Stream<Path> files = Files.list(dir.resolve("out"))) {
            assertEquals(3, files.count(), "no part file is left");
        }
        String html = Files.readString(dir.resolve("out/leaderboard.html"));
        assertTrue(html.contains("<img src=\"spanning-accuracy-vs-p-" + SMOKE + ".png\""), html);
        String md = Files.readString(dir.resolve("out/leaderboard.md"));
        assertTrue(
                md.contains("![spanning accuracy against p, percolation-L32-smoke-v1](spanning-accuracy-vs-p-" + SMOKE
                        + ".png)"),
                md);
    }

    @Test
    void eachHeadlineTaskGetsItsMetricAtPcAgainstLWithDensityBesideTheModels() throws IOException {
        List<ResultRow> rows = new ArrayList<>();
        for (int size : new int[] {64, 128, 256}) {
            String spec = "percolation-L" + size + "-pc-test-v1";
            rows.add(FakeRows.ok(
                    "default",
                    "spanning",
                    "cnn",
                    spec,
                    ResultRow.CRITICAL,
                    size,
                    true,
                    List.of(1L, 2L),
                    Map.of("accuracy", List.of(0.58, 0.56), "roc_auc", List.of(0.6, 0.6))));
            rows.add(FakeRows.ok(
                    "default",
                    "spanning",
                    DensityGap.BASELINE,
                    spec,
                    ResultRow.CRITICAL,
                    size,
                    true,
                    List.of(1L, 2L),
                    Map.of("accuracy", List.of(0.6, 0.6), "roc_auc", List.of(0.64, 0.64))));
            rows.add(FakeRows.ok(
                    "default",
                    "spanning",
                    "oracle",
                    spec,
                    ResultRow.CRITICAL,
                    size,
                    false,
                    List.of(1L, 2L),
                    Map.of("accuracy", List.of(1.0, 1.0), "roc_auc", List.of(1.0, 1.0))));
        }
        Leaderboard b = board(rows, List.of());
        Map<String, double[][]> series = RunCharts.criticalSeries(rows, Task.SPANNING);
        assertEquals(List.of("cnn", DensityGap.BASELINE), List.copyOf(series.keySet()), "references are left out");
        assertArrayEquals(new double[] {64, 128, 256}, series.get("cnn")[0]);
        assertEquals(0.57, series.get("cnn")[1][0], 1e-12);
        List<Path> written = LeaderboardPages.write(b, dir.resolve("out"), DATE);
        String name = LeaderboardPages.SCALE_CHART_PREFIX + "default-spanning.png";
        Path png = dir.resolve("out").resolve(name);
        assertTrue(written.contains(png), written.toString());
        assertEquals(Charts.WIDTH, ImageIO.read(png.toFile()).getWidth());
        assertTrue(Files.readString(dir.resolve("out/leaderboard.html")).contains("<img src=\"" + name + "\""));
        assertTrue(Files.readString(dir.resolve("out/leaderboard.md")).contains("](" + name + ")"));
        assertEquals(
                Set.of(name), LeaderboardPages.scaleCharts(b.headlines().get(0)).keySet(), "max-cluster has no row");
    }

    @Test
    void markdownTablesRankThenShowTheReferenceAndTheFailuresApart() {
        String md = LeaderboardPages.markdown(
                board(
                        List.of(
                                spanning("weak", 0.8, true),
                                spanning("strong", 0.95, true),
                                spanning("oracle", 1.0, false),
                                FakeRows.failed("smoke", "spanning", "mlp", SMOKE, "diverged")),
                        List.of()),
                DATE);
        String title = "## spanning on percolation-L32-smoke-v1/test (L = 32, p window), tier smoke";
        assertTrue(md.indexOf("## Headline, tier smoke: ") < md.indexOf(title), "the headline comes first: " + md);
        String detail = md.substring(md.indexOf(title));
        String header = "| rank | model | accuracy | roc\\_auc | Δ density | #params | train s | train samples/s"
                + " | predict samples/s | seeds | provenance |";
        String strong = "| 1 | strong | 0.9500 ± 0.0100 | 0.9000 ± 0.0200 | (1) | 12,345 | 11.0 ± 1.4 | 1550 ± 71"
                + " | 21000 ± 1414 | 2 | re-run |";
        String weak = "| 2 | weak | 0.8000 ± 0.0100 |";
        String oracle = "| ref. | oracle | 1.0000 ± 0.0100 |";
        assertTrue(detail.contains(header), detail);
        assertTrue(detail.indexOf(strong) > detail.indexOf(header), detail);
        assertTrue(detail.indexOf(weak) > detail.indexOf(strong), detail);
        assertTrue(detail.indexOf("Reference, not ranked:") > detail.indexOf(weak), detail);
        assertTrue(detail.indexOf(oracle) > detail.indexOf("Reference, not ranked:"), detail);
        assertTrue(
                detail.indexOf("(1) density-baseline has no spanning row in tier smoke") > detail.indexOf(oracle),
                detail);
        assertTrue(detail.indexOf("- mlp: diverged") > detail.indexOf("Failed:"), detail);
        assertTrue(md.contains("Sorted by accuracy (higher is better); trained on percolation-L32-smoke-v1"), md);
        assertTrue(md.contains("Date: 2026-11-23; latest row finished 2026-11-23T11:00:00Z"), md);
        assertTrue(md.contains("Tier: smoke"), md);
        assertTrue(md.contains("Hardware: ") && md.contains("cpu Test CPU @ 2.0GHz") && md.contains("cores 2"), md);
        assertTrue(md.contains("Versions: ") && md.contains("nd4j 1.0.0-M2.1"), md);
        assertTrue(md.contains("- **strong**: description of strong"), md);
    }

    @Test
    void htmlEscapesIdsDescriptionsErrorsAndWarnings() {
        ResultRow evil = new ResultRow(
                ResultRow.SCHEMA,
                "spanning",
                Task.SPANNING.version(),
                "site-percolation",
                EVIL,
                "does <script>x()</script> & more",
                true,
                "smoke",
                SMOKE,
                SMOKE,
                "test",
                "window",
                32,
                ResultRow.OK,
                null,
                List.of(1L),
                Map.of("accuracy", Stat.of(List.of(0.5))),
                List.of(),
                10,
                null,
                null,
                null,
                Map.of(),
                Map.of(),
                Map.of(),
                null,
                List.of());
        ResultRow failed = FakeRows.failed("smoke", "spanning", "m&m", SMOKE, "bad <b>value</b> & |pipe|");
        String html = LeaderboardPages.html(
                board(List.of(evil, failed), List.of("/rows/<script>.json: not a result row")), DATE);
        assertFalse(html.contains("<script>"), html);
        assertFalse(html.contains("<b>"), html);
        assertTrue(html.contains("<td class=\"model\">&lt;script&gt;alert(1)&lt;/script&gt;&amp;co|x</td>"), html);
        assertTrue(html.contains("data-model=\"&lt;script&gt;alert(1)&lt;/script&gt;&amp;co|x\""), html);
        assertTrue(html.contains("<dd>does &lt;script&gt;x()&lt;/script&gt; &amp; more</dd>"), html);
        assertTrue(
                html.contains(
                        "<td class=\"model\">m&amp;m</td><td class=\"error\" colspan=\"9\">bad &lt;b&gt;value&lt;/b&gt; &amp; |pipe|</td>"),
                html);
        assertTrue(html.contains("<section class=\"warnings\" id=\"warnings\">"), html);
        assertTrue(html.contains("<li>unreadable row file: /rows/&lt;script&gt;.json: not a result row</li>"), html);
    }

    @Test
    void markdownEscapesPipesAndMarkup() {
        ResultRow failed = FakeRows.failed("smoke", "spanning", "a|b", SMOKE, "bad <b>value</b> & |pipe|\nsecond line");
        String md = LeaderboardPages.markdown(board(List.of(spanning(EVIL, 0.9, true), failed), List.of()), DATE);
        assertTrue(md.contains("| 1 | \\<script\\>alert(1)\\</script\\>\\&co\\|x | 0.9000 ± 0.0100 |"), md);
        assertTrue(md.contains("- a\\|b: bad \\<b\\>value\\</b\\> \\& \\|pipe\\| second line\n"), md);
        assertEquals("a\\\\b\\*c\\_d\\`e\\[f\\]", LeaderboardPages.escapeMarkdown("a\\b*c_d`e[f]"));
    }

    @Test
    void noRowsGivesPagesThatSaySo() throws IOException {
        LeaderboardPages.write(board(List.of(), List.of("/rows/x.json: not a result row")), dir, DATE);
        String md = Files.readString(dir.resolve("leaderboard.md"));
        String html = Files.readString(dir.resolve("leaderboard.html"));
        assertTrue(md.contains("No result rows in /results/rows."), md);
        assertTrue(md.contains("## Warnings\n\n- unreadable row file: /rows/x.json: not a result row"), md);
        assertTrue(md.contains("Tier: –"), md);
        assertTrue(html.contains("<p class=\"empty\">No result rows in /results/rows."), html);
        assertFalse(html.contains("<table>"), html);
    }

    /** The headline test's rows, every schema-3 row in the table contents and the schema-2 one apart. */
    private static Leaderboard defaultTier() {
        List<ResultRow> all = HeadlineTest.rows();
        return Leaderboard.of(
                "/results/rows",
                new ResultStore.Contents(
                        all.stream().filter(r -> r.schema() == ResultRow.SCHEMA).toList(),
                        all.stream().filter(r -> r.schema() != ResultRow.SCHEMA).toList(),
                        List.of()));
    }

    @Test
    void theHeadlineOfEachTierIsTheFirstTableOfBothPages() {
        Leaderboard b = defaultTier();
        String md = LeaderboardPages.markdown(b, DATE);
        int defaultHeadline = md.indexOf("## Headline, tier default: at p = p\\_c, where density cannot decide — ");
        int smokeHeadline = md.indexOf("## Headline, tier smoke: ");
        int firstTable = md.indexOf("\n|");
        assertTrue(defaultHeadline > 0 && defaultHeadline < firstTable, md);
        assertTrue(smokeHeadline > defaultHeadline, md);
        assertTrue(md.indexOf("## spanning on ") > smokeHeadline, "the detail tables come after: " + md);
        assertTrue(md.substring(defaultHeadline, smokeHeadline)
                .contains(Headline.of(Tier.DEFAULT, HeadlineTest.rows()).markdown()));

        Document html = Jsoup.parse(LeaderboardPages.html(b, DATE));
        Element first = html.selectFirst("table");
        assertTrue(first.hasClass("headline"), first.outerHtml());
        assertEquals(
                "Headline, tier default: at p = p_c, where density cannot decide — spanning accuracy, max-cluster r2,"
                        + " max-cluster-mask mean_iou, per L (trained at L = 64), with the gap to density-baseline",
                html.selectFirst("section.headline h2").text());
        assertEquals(
                List.of(
                        "1",
                        "cnn-a",
                        "0.7000 ± 0.0200, Δ +0.1000",
                        "0.5800 ± 0.0200, Δ +0.0300",
                        "0.4500 ± 0.0200, Δ +0.0500",
                        "0.8000 ± 0.0200, Δ (1)",
                        "+0.0100"),
                first.select("tbody.ranked tr").first().select("td").eachText());
        assertEquals(
                List.of("ref.", "exact-oracle", "1.0000 ± 0.0200, Δ +0.4000", "–", "–", "–", "–"),
                first.select("tbody.reference tr").get(1).select("td").eachText());
        assertEquals(
                "(1) density-baseline has no max-cluster-mask row in tier default"
                        + " (2) different seeds: cnn-seeds ran 1, 2, 3, density-baseline 1, 2",
                html.selectFirst("section.headline p.notes").text());
        assertTrue(first.select("tr[data-model]").isEmpty(), "headline rows are not counted as result rows");
    }

    @Test
    void detailTablesSayWhereTheMapsAreAndGiveTheGapToDensity() {
        String md = LeaderboardPages.markdown(defaultTier(), DATE);
        String critical = "## spanning on percolation-L64-pc-test-v1/test (L = 64, p = p\\_c), tier default";
        String criticalL128 = "## spanning on percolation-L128-pc-test-v1/test (L = 128, p = p\\_c), tier default";
        String window = "## spanning on percolation-L64-v1/test (L = 64, p window), tier default";
        String old = "## spanning v1 on percolation-L64-pc-test-v1/test (L = 64, p = p\\_c), tier default";
        assertTrue(md.indexOf(critical) > 0 && md.indexOf(critical) < md.indexOf(criticalL128), md);
        assertTrue(md.indexOf(criticalL128) < md.indexOf(window), "critical sets before window sets: " + md);
        assertTrue(md.indexOf(old) > md.indexOf(window), "an older task version after the current one: " + md);
        assertTrue(
                md.substring(md.indexOf(old)).contains("(1) density-baseline has no spanning v1 row in tier default"),
                "compared with the baseline's rows of its own version only: " + md);
        String table = md.substring(md.indexOf(critical), md.indexOf(criticalL128));
        assertTrue(table.contains("| rank | model | accuracy | roc\\_auc | Δ density | #params |"), table);
        assertTrue(table.contains("| 1 | cnn-a | 0.7000 ± 0.0200 | – | +0.1000 | 12,345 |"), table);
        assertTrue(table.contains("| 1 (3 seeds) | cnn-seeds | 0.6200 ± 0.0200 | – | (1) | 12,345 |"), table);
        assertTrue(table.contains("| 4 | density-baseline | 0.6000 ± 0.0200 | – | +0.0000 | 12,345 |"), table);
        assertTrue(
                table.indexOf("| cnn-seeds |") > table.indexOf("| density-baseline |"),
                "rows of other seed counts after the main ones: " + table);
        assertTrue(table.contains("Rows of different seed counts are never ranked as equals"), table);
        assertTrue(table.contains("| ref. | exact-oracle | 1.0000 ± 0.0200 | – | +0.4000 | 12,345 |"), table);
        assertTrue(table.contains("(1) different seeds: cnn-seeds ran 1, 2, 3, density-baseline 1, 2  \n"), table);
        assertTrue(table.contains("- broken: NaN in predictions"), table);
        String mask = md.substring(md.indexOf("## max-cluster-mask on percolation-L64-pc-test-v1/test"));
        assertTrue(mask.contains("| 1 | cnn-a | 0.8000 ± 0.0200 | (1) | 12,345 |"), mask);
        assertTrue(mask.contains("(1) density-baseline has no max-cluster-mask row in tier default  \n"), mask);
    }

    @Test
    void rowsOfAnOlderSchemaAreListedApartAndInNoTable() {
        Leaderboard b = defaultTier();
        String md = LeaderboardPages.markdown(b, DATE);
        assertTrue(md.contains("Rows: 17 from /results/rows; 1 of an older schema, listed apart below"), md);
        String older = "## " + LeaderboardPages.OLDER_TITLE;
        assertTrue(md.indexOf(older) > md.indexOf("## Models"), md);
        assertTrue(
                md.contains("- schema2-cnn: spanning v2 on percolation-L64-pc-test-v1/test, tier default, schema 2\n"),
                md);
        assertFalse(md.contains("| schema2-cnn"), "in no table: " + md);

        Document html = Jsoup.parse(LeaderboardPages.html(b, DATE));
        assertEquals(
                List.of("schema2-cnn: spanning v2 on percolation-L64-pc-test-v1/test, tier default, schema 2"),
                html.select("section#older li").eachText());
        assertEquals(
                LeaderboardPages.OLDER_TITLE,
                html.selectFirst("section#older h2").text());
        assertTrue(html.select("tr:contains(schema2-cnn)").isEmpty(), "in no table");

        Leaderboard onlyOlder =
                Leaderboard.of("/results/rows", new ResultStore.Contents(List.of(), b.older(), List.of()));
        String page = LeaderboardPages.html(onlyOlder, DATE);
        assertTrue(Jsoup.parse(page).selectFirst("p.empty").text().startsWith("No result rows in "), page);
        assertEquals(1, Jsoup.parse(page).select("section#older li").size(), page);
        assertTrue(LeaderboardPages.markdown(onlyOlder, DATE).contains(older), "listed on an otherwise empty page");
    }

    @Test
    void theHtmlPageHasOneDataRowPerResultRowAndEveryChartAsReportFilesItCounts() throws IOException {
        ResultStore store = new ResultStore(dir.resolve("rows"));
        for (ResultRow r : HeadlineTest.rows()) {
            store.write(r);
        }
        ResultStore.Contents contents = store.readAll();
        assertEquals(1, contents.older().size());
        LeaderboardPages.write(Leaderboard.read(store.dir()), dir.resolve("out"), DATE);
        Document page =
                Jsoup.parse(dir.resolve("out").resolve(LeaderboardPages.HTML).toFile());
        List<String> shown = page.select("tr[data-model]").stream()
                .map(tr -> String.join(
                        " / ",
                        tr.attr("data-tier"),
                        tr.attr("data-task"),
                        tr.attr("data-model"),
                        tr.attr("data-test-spec")))
                .toList();
        for (ResultRow r : contents.rows()) {
            assertTrue(shown.contains(String.join(" / ", r.tier(), r.task(), r.model(), r.testSpec())), r.model());
        }
        assertEquals(contents.rows().size(), shown.size(), "one table row per result row: " + shown);
        Set<String> charts = Leaderboard.read(store.dir()).tables().stream()
                .map(Leaderboard.Table::chart)
                .filter(c -> c != null)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(
                Set.of("spanning-accuracy-vs-p-percolation-L64-v1.png", "spanning-accuracy-vs-p-" + SMOKE + ".png"),
                charts,
                "window sets only: a critical set has one p");
        Set<String> all = new TreeSet<>(LeaderboardPages.chartFiles(Leaderboard.read(store.dir())));
        assertTrue(all.containsAll(charts), all.toString());
        assertTrue(
                all.contains(LeaderboardPages.SCALE_CHART_PREFIX + "default-spanning.png"),
                "the default headline's spanning rows at p_c give a chart against L: " + all);
        assertEquals(
                all,
                page.select("img").stream().map(i -> i.attr("src")).collect(Collectors.toCollection(TreeSet::new)));
        for (String src : all) {
            assertNotNull(ImageIO.read(dir.resolve("out").resolve(src).toFile()), src);
        }
    }

    @Test
    void aScaleChartNamesTheDensityBaselineDashedOnlyWhereItDrawsALine() throws IOException {
        ResultStore store = new ResultStore(dir.resolve("rows"));
        for (ResultRow r : HeadlineTest.rows()) {
            store.write(r);
        }
        LeaderboardPages.write(Leaderboard.read(store.dir()), dir.resolve("out"), DATE);
        List<String> titles = Files.readAllLines(dir.resolve("out").resolve(LeaderboardPages.MARKDOWN)).stream()
                .filter(l -> l.startsWith("![tier default, "))
                .toList();
        String spanning = titles.stream()
                .filter(t -> t.contains(Task.SPANNING.id() + ":"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no spanning scale chart: " + titles));
        String mask = titles.stream()
                .filter(t -> t.contains(Task.MAX_CLUSTER_MASK.id() + ":"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no mask scale chart: " + titles));
        assertTrue(spanning.contains(DensityGap.BASELINE + " dashed"), spanning);
        assertFalse(mask.contains("dashed"), "the density baseline does no mask: " + mask);
        assertTrue(RunCharts.densityBaselineDrawn(HeadlineTest.rows(), Task.SPANNING));
        assertFalse(RunCharts.densityBaselineDrawn(HeadlineTest.rows(), Task.MAX_CLUSTER_MASK));
    }

    @Test
    void scoresHaveFourDecimalsAndCostsThreeSignificantDigits() {
        assertEquals("0.9512 ± 0.0031", LeaderboardPages.score(new Stat(0.95123, 0.00312, List.of())));
        assertEquals("–", LeaderboardPages.score(null));
        assertEquals("12346 ± 57", LeaderboardPages.cost(new Stat(12345.6, 56.7, List.of())));
        assertEquals("12.3 ± 0.6", LeaderboardPages.cost(new Stat(12.34, 0.56, List.of())));
        assertEquals("1.23 ± 0.01", LeaderboardPages.cost(new Stat(1.234, 0.005, List.of())));
        assertEquals("0.012 ± 0.001", LeaderboardPages.cost(new Stat(0.0123, 0.0012, List.of())));
        assertEquals("0.00 ± 0.00", LeaderboardPages.cost(new Stat(0, 0, List.of())));
    }
}
