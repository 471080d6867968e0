package org.scalefreebench.reports;

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
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalefreebench.bench.chart.Charts;
import org.scalefreebench.bench.result.ResultRow;
import org.scalefreebench.bench.result.ResultStore;
import org.scalefreebench.bench.result.Stat;

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
        String header =
                "| rank | model | accuracy | roc\\_auc | #params | train s | train samples/s | predict samples/s | seeds |";
        String strong =
                "| 1 | strong | 0.9500 ± 0.0100 | 0.9000 ± 0.0200 | 12,345 | 11.0 ± 1.4 | 1550 ± 71 | 21000 ± 1414 | 2 |";
        String weak = "| 2 | weak | 0.8000 ± 0.0100 |";
        String oracle = "| ref. | oracle | 1.0000 ± 0.0100 |";
        assertTrue(md.contains(header), md);
        assertTrue(md.indexOf(strong) > md.indexOf(header), md);
        assertTrue(md.indexOf(weak) > md.indexOf(strong), md);
        assertTrue(md.indexOf("Reference, not ranked:") > md.indexOf(weak), md);
        assertTrue(md.indexOf(oracle) > md.indexOf("Reference, not ranked:"), md);
        assertTrue(md.indexOf("- mlp: diverged") > md.indexOf("Failed:"), md);
        assertTrue(md.contains("## spanning on percolation-L32-smoke-v1/test (L = 32), tier smoke"), md);
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
                1,
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
                        "<td class=\"model\">m&amp;m</td><td class=\"error\" colspan=\"7\">bad &lt;b&gt;value&lt;/b&gt; &amp; |pipe|</td>"),
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
