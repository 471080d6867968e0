package org.scalefreebench.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.qameta.allure.Allure;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.scalefreebench.bench.result.ResultRow;
import org.scalefreebench.bench.result.ResultStore;

/**
 * Opens what the reports module built ({@code leaderboard.html} with its charts, and the Allure
 * report) in headless Chromium over HTTP on localhost, and checks that they show every result row
 * and every benchmarked model, as a person would see them. {@link ReportFilesIT} checks the same without a
 * browser; this one runs as {@link BrowserCheck} says. Uses Debian's {@code /usr/bin/chromium} and {@code /usr/bin/chromedriver}
 * so that Selenium never downloads a browser or a driver.
 */
class ReportPagesIT {

    private static final Path CHROMIUM = BrowserCheck.CHROMIUM;
    private static final Path CHROMEDRIVER = BrowserCheck.CHROMEDRIVER;
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Map<String, String> TYPES = Map.of(
            "html",
            "text/html; charset=utf-8",
            "js",
            "text/javascript",
            "css",
            "text/css",
            "json",
            "application/json",
            "png",
            "image/png",
            "svg",
            "image/svg+xml",
            "ico",
            "image/x-icon",
            "woff",
            "font/woff",
            "woff2",
            "font/woff2",
            "ttf",
            "font/ttf");

    /** Quiets Selenium's warning that it has no DevTools bindings for this Chromium version (unused here). */
    private static final Logger SELENIUM_LOG = Logger.getLogger("org.openqa.selenium");

    private static Path reportsDir;
    private static Path rowsDir;
    private static HttpServer server;
    private static ExecutorService serverThreads;
    private static Path profile;
    private static WebDriver driver;
    private static String base;
    /** Why the browser check is skipped on this machine, or null if it runs. */
    private static String skipped;

    @BeforeAll
    static void start() throws IOException {
        SELENIUM_LOG.setLevel(Level.SEVERE);
        BrowserCheck check = BrowserCheck.fromSystemProperties();
        skipped = check.runs() ? null : check.describe();
        if (skipped != null) {
            System.out.println("ReportPagesIT: SKIPPED. " + skipped);
            return;
        }
        if (!BrowserCheck.installed()) {
            fail("ReportPagesIT needs Debian's Chromium and its driver at " + CHROMIUM + " and " + CHROMEDRIVER
                    + " (" + BrowserCheck.PROPERTY + "=required); install them with: apt-get install -y chromium"
                    + " chromium-driver (.ci/run does)");
        }
        reportsDir = Path.of(System.getProperty("scalefree.reports.dir", "target"))
                .toAbsolutePath()
                .normalize();
        rowsDir = LeaderboardMain.rowsOf(
                Path.of(System.getProperty("scalefree.results.dir", "../target/benchmark-results")),
                System.getProperty("scalefree.run.id"));
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", ReportPagesIT::serve);
        serverThreads = Executors.newFixedThreadPool(4);
        server.setExecutor(serverThreads);
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort() + "/";

        profile = Files.createTempDirectory("chromium-profile");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--window-size=1400,1000",
                "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stop() throws IOException {
        if (driver != null) {
            driver.quit();
        }
        if (server != null) {
            server.stop(0);
            serverThreads.shutdownNow();
        }
        if (profile != null) {
            try (Stream<Path> files = Files.walk(profile)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private static void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = URLDecoder.decode(exchange.getRequestURI().getRawPath(), StandardCharsets.UTF_8);
            Path file = reportsDir.resolve(path.substring(1)).normalize();
            if (Files.isDirectory(file)) {
                file = file.resolve("index.html");
            }
            if (!file.startsWith(reportsDir) || !Files.isRegularFile(file)) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            String name = file.getFileName().toString();
            String ext = name.substring(name.lastIndexOf('.') + 1);
            exchange.getResponseHeaders().set("Content-Type", TYPES.getOrDefault(ext, "application/octet-stream"));
            byte[] body = Files.readAllBytes(file);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static void screenshot(String name) {
        byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
        Allure.addAttachment(name, "image/png", new ByteArrayInputStream(png), "png");
    }

    // What the page's script returns, typed as the caller knows its shape (as WebDriver itself does).
    @SuppressWarnings({"unchecked", "TypeParameterUnusedInFormals"})
    private static <T> T js(String script) {
        return (T) ((JavascriptExecutor) driver).executeScript(script);
    }

    @Test
    void leaderboardShowsEveryRowAndItsCharts() throws IOException {
        assumeTrue(skipped == null, skipped);
        ResultStore.Contents contents = new ResultStore(rowsDir).readAll();
        driver.get(base + LeaderboardPages.HTML);
        new WebDriverWait(driver, WAIT).until(d -> "complete".equals(js("return document.readyState")));
        screenshot("leaderboard.html");
        assertEquals(
                "ScaleFree Bench leaderboard",
                driver.findElement(By.tagName("h1")).getText());
        Leaderboard board = Leaderboard.read(
                rowsDir,
                Path.of("..").resolve(LeaderboardMain.RECORDS),
                Path.of(System.getProperty("scalefree.data.dir", "../data")));
        if (board.isEmpty()) {
            assertTrue(
                    driver.findElement(By.className("empty")).getText().startsWith("No result rows in "),
                    "with no rows the page says so");
            return;
        }
        List<String> shown = js("return Array.from(document.querySelectorAll('tr[data-model]')).map(r => "
                + "[r.dataset.tier, r.dataset.task, r.dataset.model, r.dataset.testSpec].join(' / '))");
        for (ResultRow r : contents.rows()) {
            String key = String.join(" / ", r.tier(), r.task(), r.model(), r.testSpec());
            assertTrue(shown.contains(key), "leaderboard.html has no table row for " + key + "; it shows " + shown);
        }
        assertEquals(
                contents.rows().size() + board.provenance().size(),
                shown.size(),
                "one table row per result row, this run's and the results of record's shown: " + shown);
        if (!contents.unreadable().isEmpty()) {
            assertTrue(driver.findElement(By.id("warnings")).isDisplayed(), "unreadable rows are warned about");
        }

        Set<String> charts = new TreeSet<>(LeaderboardPages.chartFiles(board));
        new WebDriverWait(driver, WAIT)
                .until(d -> Boolean.TRUE.equals(js("return Array.from(document.images).every(i => i.complete)")));
        List<Map<String, Object>> images = js("return Array.from(document.images).map(i => "
                + "({src: i.getAttribute('src'), width: i.naturalWidth}))");
        assertEquals(
                charts, images.stream().map(i -> (String) i.get("src")).collect(Collectors.toCollection(TreeSet::new)));
        for (Map<String, Object> i : images) {
            assertTrue(((Number) i.get("width")).intValue() > 0, i.get("src") + " did not load");
        }
    }

    @Test
    void allureReportShowsTheTestsOfEveryModel() throws IOException {
        assumeTrue(skipped == null, skipped);
        assertTrue(
                Files.isRegularFile(reportsDir.resolve("allure-report/index.html")),
                "the Allure report is generated at pre-integration-test into " + reportsDir.resolve("allure-report"));
        driver.get(base + "allure-report/index.html");
        WebDriverWait wait = new WebDriverWait(driver, WAIT);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-id=summary] .splash__title")));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-id=suites] .table__row")));
        screenshot("allure-report overview");
        int tests = Integer.parseInt(driver.findElement(By.cssSelector("[data-id=summary] .splash__title"))
                .getText()
                .trim());
        assertTrue(tests > 0, "the Allure report counts " + tests + " test cases");

        driver.get(base + "allure-report/index.html#suites");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".tree .node__leaf .node__name")));
        screenshot("allure-report suites");
        List<String> names = js("return Array.from(document.querySelectorAll('.tree .node__leaf .node__name'))"
                + ".map(n => n.textContent.trim())");
        assertFalse(names.isEmpty());
        for (String model : ReportFilesIT.benchmarkedModels(rowsDir)) {
            assertTrue(
                    names.stream().anyMatch(n -> n.contains(model)),
                    "the Allure suites page lists no test naming model " + model + "; it lists " + names);
        }
    }
}
