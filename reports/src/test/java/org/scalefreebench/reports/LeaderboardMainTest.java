package org.scalefreebench.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.scalefreebench.reports.FakeRows.around;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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
        assertTrue(e.getMessage().startsWith("usage: LeaderboardMain <result rows dir> <output dir>"), e.getMessage());
    }
}
