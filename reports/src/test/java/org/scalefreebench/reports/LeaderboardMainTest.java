package org.scalefreebench.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.scalefreebench.reports.FakeRows.around;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalefreebench.bench.result.ResultRun;
import org.scalefreebench.bench.result.ResultStore;

class LeaderboardMainTest {

    @TempDir
    Path dir;

    @Test
    void writesThePagesOfARowsFolder() throws IOException {
        new ResultStore(dir.resolve("rows"))
                .write(FakeRows.ok(
                        "smoke",
                        "max-cluster",
                        "cnn",
                        "percolation-L32-smoke-v1",
                        32,
                        true,
                        Map.of("r2", around(0.75, 0.02), "mae", around(0.03, 0.002))));
        LeaderboardMain.main(
                new String[] {dir.resolve("rows").toString(), dir.resolve("out").toString()});
        String md = Files.readString(dir.resolve("out/leaderboard.md"));
        assertTrue(md.contains("| 1 | cnn | 0.7500 ± 0.0200 | 0.0300 ± 0.0020 |"), md);
        assertTrue(Files.isRegularFile(dir.resolve("out/leaderboard.html")));
    }

    @Test
    void aResultsFolderShowsOneRunOnlyAndSaysWhich() throws IOException {
        Path results = dir.resolve("results");
        ResultRun older = new ResultRun("cli-a", "cli run", "smoke", List.of(1L), "2026-12-01T10:00:00Z", "abc");
        ResultRun newer =
                new ResultRun("build-b", "mvn verify", "smoke", List.of(1L, 2L), "2026-12-02T10:00:00Z", "def");
        new ResultStore(older.write(results))
                .write(FakeRows.ok(
                        "smoke",
                        "max-cluster",
                        "old-cnn",
                        "percolation-L32-smoke-v1",
                        32,
                        true,
                        Map.of("r2", around(0.5, 0.02))));
        new ResultStore(newer.write(results))
                .write(FakeRows.ok(
                        "smoke",
                        "max-cluster",
                        "new-cnn",
                        "percolation-L32-smoke-v1",
                        32,
                        true,
                        Map.of("r2", around(0.75, 0.02))));

        assertEquals(newer.rowsDir(results), LeaderboardMain.rowsOf(results, ""));
        assertEquals(older.rowsDir(results), LeaderboardMain.rowsOf(results, "cli-a"));
        assertEquals(newer.rowsDir(results), LeaderboardMain.rowsOf(results, "no-such-run"));
        assertEquals(dir.resolve("rows"), LeaderboardMain.rowsOf(dir.resolve("rows"), "cli-a"));

        LeaderboardMain.run(LeaderboardMain.rowsOf(results, "cli-a"), dir.resolve("out"), LocalDate.of(2026, 12, 2));
        String md = Files.readString(dir.resolve("out/leaderboard.md"));
        assertTrue(md.contains("old-cnn"), md);
        assertFalse(md.contains("new-cnn"), "another run's rows never mix in: " + md);
        assertTrue(md.contains("Shows run cli-a (cli run, tier smoke, seeds 1, started 2026-12-01T10:00:00Z"), md);
    }

    @Test
    void missingRowsFolderStillWritesPages() throws IOException {
        assertEquals(
                2,
                LeaderboardMain.run(dir.resolve("none"), dir.resolve("out"), LocalDate.of(2026, 1, 2))
                        .size());
        assertTrue(Files.readString(dir.resolve("out/leaderboard.html"))
                .contains("No result rows in " + dir.resolve("none")));
    }

    @Test
    void wrongArgumentCountIsRefused() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> LeaderboardMain.main(new String[] {"x"}));
        assertTrue(
                e.getMessage().startsWith("usage: LeaderboardMain <results dir or rows dir> <output dir>"),
                e.getMessage());
    }
}
