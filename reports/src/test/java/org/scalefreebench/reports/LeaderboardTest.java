package org.scalefreebench.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.scalefreebench.reports.FakeRows.around;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalefreebench.bench.result.Headline;
import org.scalefreebench.bench.result.ResultRow;
import org.scalefreebench.bench.result.ResultStore;
import org.scalefreebench.datasets.task.Task;
import org.scalefreebench.datasets.task.Tier;
import org.scalefreebench.reports.Leaderboard.Ranked;
import org.scalefreebench.reports.Leaderboard.Table;

class LeaderboardTest {

    private static final String SMOKE = "percolation-L32-smoke-v1";

    @TempDir
    Path dir;

    private Leaderboard write(ResultRow... rows) throws IOException {
        ResultStore store = new ResultStore(dir.resolve("rows"));
        for (ResultRow r : rows) {
            store.write(r);
        }
        return Leaderboard.read(store.dir());
    }

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

    @Test
    void ranksByThePrimaryMetricWithTiesSharingAPlace() throws IOException {
        Leaderboard board = write(
                spanning("a", 0.90, true),
                spanning("b", 0.95, true),
                spanning("c", 0.90, true),
                spanning("d", 0.80, true),
                spanning("oracle", 1.0, false),
                FakeRows.failed("smoke", "spanning", "broken", SMOKE, "NaN in predictions"));
        assertEquals(1, board.tables().size());
        Table t = board.tables().get(0);
        assertEquals(Task.SPANNING, t.task());
        assertEquals(
                List.of("b", "a", "c", "d"),
                t.ranked().stream().map(r -> r.row().model()).toList());
        assertEquals(List.of(1, 2, 2, 4), t.ranked().stream().map(Ranked::rank).toList());
        assertEquals(
                List.of("oracle"), t.reference().stream().map(ResultRow::model).toList());
        assertEquals(
                List.of("broken"), t.failed().stream().map(ResultRow::model).toList());
        assertEquals("NaN in predictions", t.failed().get(0).error());
        assertEquals(6, t.rowCount());
        assertEquals(List.of("accuracy", "roc_auc"), t.metrics());
        assertEquals(List.of(SMOKE), t.trainSpecs());
    }

    @Test
    void oneTablePerTaskAndTestSetInTierOrder() throws IOException {
        Map<String, List<Double>> r2 = Map.of("r2", around(0.8, 0.01), "mae", around(0.02, 0.001));
        Map<String, List<Double>> acc = Map.of("accuracy", around(0.9, 0.01), "roc_auc", around(0.95, 0.01));
        Leaderboard board = write(
                FakeRows.ok("default", "max-cluster", "cnn", "percolation-L256-test-v1", 256, true, r2),
                FakeRows.ok("default", "spanning", "cnn", "percolation-L128-test-v1", 128, true, acc),
                FakeRows.ok("default", "max-cluster", "cnn", "percolation-L64-v1", 64, true, r2),
                FakeRows.ok("default", "spanning", "cnn", "percolation-L64-v1", 64, true, acc),
                FakeRows.ok("smoke", "spanning", "cnn", SMOKE, 32, true, acc));
        assertEquals(
                List.of(
                        "default/spanning/percolation-L64-v1",
                        "default/spanning/percolation-L128-test-v1",
                        "default/max-cluster/percolation-L64-v1",
                        "default/max-cluster/percolation-L256-test-v1",
                        "smoke/spanning/" + SMOKE),
                board.tables().stream()
                        .map(t -> t.tier() + "/" + t.task().id() + "/" + t.testSpec())
                        .toList());
        assertEquals(List.of("default", "smoke"), board.tiers());
        assertEquals(List.of("r2", "mae"), board.tables().get(2).metrics());
        assertEquals(5, board.rowCount());
    }

    @Test
    void spanningTablesWithAccuracyPerPGetAChart() throws IOException {
        ResultRow noPerP = new ResultRow(
                ResultRow.SCHEMA,
                "spanning",
                1,
                "site-percolation",
                "cnn",
                "d",
                true,
                "default",
                "percolation-L64-v1",
                "percolation-L128-test-v1",
                "test",
                "window",
                128,
                ResultRow.OK,
                null,
                List.of(1L),
                Map.of(),
                List.of(),
                1,
                null,
                null,
                null,
                Map.of(),
                Map.of(),
                Map.of(),
                null,
                List.of());
        Leaderboard board = write(
                spanning("cnn", 0.9, true),
                spanning("oracle", 1.0, false),
                FakeRows.ok("smoke", "max-cluster", "cnn", SMOKE, 32, true, Map.of("r2", around(0.8, 0.01))),
                noPerP);
        assertEquals(
                List.of("percolation-L128-test-v1", SMOKE, SMOKE),
                board.tables().stream().map(Table::testSpec).toList());
        assertNull(board.tables().get(0).chart(), "no accuracy per p, no chart");
        Table spanning = board.tables().get(1);
        assertEquals("spanning-accuracy-vs-p-" + SMOKE + ".png", spanning.chart());
        assertEquals(
                List.of("cnn", "oracle"),
                spanning.okRows().stream().map(ResultRow::model).toList());
        assertNull(board.tables().get(2).chart(), "max-cluster tables have no chart");
    }

    @Test
    void criticalSetsComeBeforeWindowSetsWithoutAChartAndOlderSchemasStayApart() throws IOException {
        Leaderboard board = write(HeadlineTest.rows().toArray(ResultRow[]::new));
        List<Table> spanning = board.tables().stream()
                .filter(t -> t.tier().equals("default") && t.task() == Task.SPANNING && t.taskVersion() == 2)
                .toList();
        assertEquals(
                List.of(
                        "percolation-L64-pc-test-v1 CRITICAL null",
                        "percolation-L128-pc-test-v1 CRITICAL null",
                        "percolation-L64-v1 WINDOW spanning-accuracy-vs-p-percolation-L64-v1.png"),
                spanning.stream()
                        .map(t -> t.testSpec() + " " + t.role() + " " + t.chart())
                        .toList(),
                "a critical set has accuracy at one p only, so no chart against p");
        assertEquals(
                0.70 - 0.60,
                spanning.get(0).gap(spanning.get(0).ranked().get(0).row()).value(),
                1e-12);
        assertEquals(
                List.of("schema2-cnn"),
                board.older().stream().map(ResultRow::model).toList());
        assertTrue(board.tables().stream()
                .flatMap(t -> t.okRows().stream())
                .noneMatch(r -> r.schema() != ResultRow.SCHEMA));
        assertEquals(17, board.rowCount());
        assertEquals(
                List.of(Tier.DEFAULT, Tier.SMOKE),
                board.headlines().stream().map(Headline::tier).toList());
    }

    @Test
    void headerFactsComeFromTheRows() throws IOException {
        Leaderboard board =
                write(spanning("a", 0.9, true), FakeRows.failed("smoke", "spanning", "b", SMOKE, "out of memory"));
        assertEquals(List.of(FakeRows.HARDWARE), board.hardware());
        assertEquals(List.of(FakeRows.VERSIONS), board.versions());
        assertEquals("2026-11-23T11:00:00Z", board.lastFinishedAt());
        assertEquals(Map.of("a", "description of a", "b", "description of b"), board.models());
        assertEquals(dir.resolve("rows").toString(), board.source());
    }

    @Test
    void unreadableFilesAndUnknownTasksBecomeWarnings() throws IOException {
        Files.createDirectories(dir.resolve("rows"));
        Files.writeString(dir.resolve("rows/smoke__spanning__torn__x.json"), "{\"schema\": 1, \"task\":");
        Files.writeString(dir.resolve("rows/half.json.part"), "{");
        Leaderboard board = write(
                spanning("a", 0.9, true),
                FakeRows.ok("smoke", "vorticity", "a", SMOKE, 32, true, Map.of("x", around(1, 0))));
        assertEquals(2, board.warnings().size(), board.warnings().toString());
        assertTrue(
                board.warnings().get(0).startsWith("unreadable row file: ")
                        && board.warnings().get(0).contains("smoke__spanning__torn__x.json"),
                board.warnings().get(0));
        assertTrue(
                board.warnings().get(1).contains("unknown task id 'vorticity'"),
                board.warnings().get(1));
        assertEquals(2, board.rowCount());
        assertEquals(1, board.tables().size());
    }

    @Test
    void missingFolderGivesAnEmptyLeaderboard() throws IOException {
        Leaderboard board = Leaderboard.read(dir.resolve("no-such-folder"));
        assertTrue(board.isEmpty());
        assertEquals(List.of(), board.tables());
        assertEquals(List.of(), board.warnings());
        assertNull(board.lastFinishedAt());
    }
}
