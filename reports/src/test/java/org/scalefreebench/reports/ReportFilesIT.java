package org.scalefreebench.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.scalefreebench.bench.result.ResultRow;
import org.scalefreebench.bench.result.ResultRun;
import org.scalefreebench.bench.result.ResultStore;

/**
 * Checks what the reports module built without a browser, so that it runs on a machine with only
 * JDK 17 and Maven: {@code leaderboard.html} (parsed with jsoup) opens with a tier's headline, has
 * one table row per result row, lists the rows of an older schema apart, says how its pages are
 * checked, every chart it shows is a readable PNG and every code-coverage report it links exists;
 * the Allure report's data
 * count its tests, name every benchmarked model and hold every attachment they refer to.
 * {@link ReportPagesIT} checks the same pages rendered in headless Chromium where it is installed.
 */
class ReportFilesIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Path reportsDir;
    private static Path rowsDir;

    @BeforeAll
    static void locate() throws IOException {
        reportsDir = Path.of(System.getProperty("scalefree.reports.dir", "target"))
                .toAbsolutePath()
                .normalize();
        rowsDir = LeaderboardMain.rowsOf(
                Path.of(System.getProperty("scalefree.results.dir", "../target/benchmark-results")),
                System.getProperty("scalefree.run.id"));
    }

    @Test
    void leaderboardHasEveryRowAndItsCharts() throws IOException {
        ResultStore.Contents contents = new ResultStore(rowsDir).readAll();
        Document page = Jsoup.parse(reportsDir.resolve(LeaderboardPages.HTML).toFile());
        assertEquals("ScaleFree Bench leaderboard", page.selectFirst("h1").text());
        String header = page.selectFirst("p.header").text();
        assertTrue(header.contains("Page checks: "), "the header says how the pages are checked: " + header);
        ResultRun shownRun = ResultRun.read(rowsDir.getParent());
        assertTrue(
                header.contains("Shows run " + shownRun.id() + " (" + shownRun.source()),
                "the header names the run it shows, " + shownRun.id() + ": " + header);
        assertEquals(
                contents.older().size(),
                page.select("section#older li").size(),
                "the rows of an older schema are listed apart, one item each");
        Leaderboard board = Leaderboard.read(
                rowsDir,
                Path.of("..").resolve(LeaderboardMain.RECORDS),
                Path.of(System.getProperty("scalefree.data.dir", "../data")));
        if (board.isEmpty()) {
            assertTrue(
                    page.selectFirst("p.empty").text().startsWith("No result rows in "),
                    "with no rows the page says so");
            return;
        }
        if (!board.headlines().isEmpty()) {
            assertTrue(
                    page.selectFirst("table").hasClass("headline"),
                    "the first table is the headline of "
                            + board.headlines().get(0).tier().id());
        }
        List<String> shown = new ArrayList<>();
        for (Element tr : page.select("tr[data-model]")) {
            shown.add(String.join(
                    " / ",
                    tr.attr("data-tier"),
                    tr.attr("data-task"),
                    tr.attr("data-model"),
                    tr.attr("data-test-spec")));
        }
        for (ResultRow r : contents.rows()) {
            String key = String.join(" / ", r.tier(), r.task(), r.model(), r.testSpec());
            assertTrue(shown.contains(key), "leaderboard.html has no table row for " + key + "; it shows " + shown);
        }
        assertEquals(
                contents.rows().size() + board.provenance().size(),
                shown.size(),
                "one table row per result row, this run's and the results of record's shown: " + shown);
        if (!contents.unreadable().isEmpty()) {
            assertNotNull(page.getElementById("warnings"), "unreadable rows are warned about");
        }
        Set<String> charts = new TreeSet<>(LeaderboardPages.chartFiles(board));
        Set<String> images =
                page.select("img").stream().map(i -> i.attr("src")).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(charts, images, "the page shows every chart and no other picture");
        for (String src : images) {
            BufferedImage png = ImageIO.read(reportsDir.resolve(src).toFile());
            assertNotNull(png, src + " is not a readable image");
            assertTrue(png.getWidth() > 0 && png.getHeight() > 0, src + " is empty");
        }
    }

    @Test
    void everyCoverageReportListedIsLinkedAndExists() throws IOException {
        Document page = Jsoup.parse(reportsDir.resolve(LeaderboardPages.HTML).toFile());
        List<CodeCoverage> expected =
                CodeCoverage.read(reportsDir.resolve("../..").normalize());
        List<String> links = page.select("table.coverage a").stream()
                .map(a -> a.attr("href"))
                .toList();
        assertEquals(expected.size(), links.size(), "one linked row per module with a JaCoCo report: " + links);
        for (String href : links) {
            assertTrue(Files.isRegularFile(reportsDir.resolve(href)), href + " is not a file under " + reportsDir);
        }
    }

    @Test
    void allureReportHasTheTestsOfEveryModelAndTheirAttachments() throws IOException {
        Path report = reportsDir.resolve("allure-report");
        assertTrue(
                Files.isRegularFile(report.resolve("index.html")),
                "the Allure report is generated at pre-integration-test into " + report);
        int total = JSON.readTree(report.resolve("widgets/summary.json").toFile())
                .path("statistic")
                .path("total")
                .asInt();
        assertTrue(total > 0, "the Allure report counts " + total + " test cases");

        List<String> leaves = new ArrayList<>();
        collectLeafNames(JSON.readTree(report.resolve("data/suites.json").toFile()), leaves);
        assertEquals(total, leaves.size(), "the suites tree has one leaf per counted test: " + leaves);
        Set<String> models = benchmarkedModels(rowsDir);
        for (String model : models) {
            assertTrue(
                    leaves.stream().anyMatch(n -> n.contains(model)),
                    "the Allure suites list no test naming model " + model + "; they list " + leaves);
        }

        List<Path> cases;
        try (Stream<Path> s = Files.list(report.resolve("data/test-cases"))) {
            cases = s.filter(p -> p.toString().endsWith(".json")).toList();
        }
        assertFalse(cases.isEmpty(), "no test-case files in " + report.resolve("data/test-cases"));
        int attachments = 0;
        for (Path c : cases) {
            List<String> sources = new ArrayList<>();
            collectAttachmentSources(JSON.readTree(c.toFile()), sources);
            for (String source : sources) {
                Path f = report.resolve("data/attachments").resolve(source);
                assertTrue(
                        Files.isRegularFile(f) && Files.size(f) > 0,
                        c.getFileName() + " refers to attachment " + source + ", which is missing or empty");
            }
            attachments += sources.size();
        }
        assertTrue(models.isEmpty() || attachments > 0, "the benchmark's tests carry rows and charts as attachments");
    }

    /**
     * @param rowsDir the result rows folder
     * @return the models that have result rows, sorted
     * @throws IOException if the folder cannot be read
     */
    static Set<String> benchmarkedModels(Path rowsDir) throws IOException {
        Set<String> models = new TreeSet<>();
        for (ResultRow r : new ResultStore(rowsDir).readAll().rows()) {
            models.add(r.model());
        }
        return models;
    }

    private static void collectLeafNames(JsonNode node, List<String> out) {
        JsonNode children = node.path("children");
        if (children.isArray() && !children.isEmpty()) {
            children.forEach(c -> collectLeafNames(c, out));
        } else if (node.has("uid") && node.has("status")) {
            out.add(node.path("name").asText());
        }
    }

    private static void collectAttachmentSources(JsonNode node, List<String> out) {
        if (node.isObject()) {
            JsonNode attachments = node.path("attachments");
            if (attachments.isArray()) {
                attachments.forEach(a -> out.add(a.path("source").asText()));
            }
            node.fields().forEachRemaining(e -> {
                if (!e.getKey().equals("attachments")) {
                    collectAttachmentSources(e.getValue(), out);
                }
            });
        } else if (node.isArray()) {
            node.forEach(n -> collectAttachmentSources(n, out));
        }
    }
}
