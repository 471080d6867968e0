package org.scalefreebench.bench.result;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultRunTest {

    @TempDir
    Path results;

    @Test
    void eachRunHasItsOwnRowsFolderAndDescription() throws IOException {
        ResultRun a = ResultRun.start("", "cli run", "smoke", List.of(1L, 2L), "abc");
        ResultRun b = ResultRun.start("build-x", "mvn verify", "default", List.of(1L, 2L, 3L), "def");
        assertNotEquals(a.rowsDir(results), b.rowsDir(results));
        assertEquals(results.resolve("runs").resolve(a.id()).resolve("rows"), a.write(results));
        b.write(results);
        assertEquals(a, ResultRun.read(a.dir(results)));
        assertEquals(2, ResultRun.all(results).size());
        assertEquals(
                "build-x", ResultRun.select(results, "build-x").orElseThrow().id());
        assertTrue(a.id().matches("\\d{8}T\\d{6}Z-\\d+"), a.id());
    }

    @Test
    void newestRunIsShownUnlessOneIsNamed() throws IOException {
        new ResultRun("late", "cli run", "smoke", List.of(1L), "2026-12-02T11:00:00Z", "r").write(results);
        new ResultRun("early", "mvn verify", "smoke", List.of(1L), "2026-12-02T09:00:00Z", "r").write(results);
        assertEquals("late", ResultRun.select(results, null).orElseThrow().id());
        assertEquals("early", ResultRun.select(results, "early").orElseThrow().id());
        assertEquals("late", ResultRun.select(results, "gone").orElseThrow().id());
        assertTrue(ResultRun.select(results.resolve("empty"), "").isEmpty());
    }

    @Test
    void anUnsafeIdOrABrokenDescriptionIsNamed() throws IOException {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> ResultRun.start("../x", "cli run", "smoke", List.of(1L), "r"));
        assertTrue(e.getMessage().contains("run id '../x'"), e.getMessage());
        Path broken = results.resolve("runs").resolve("broken");
        Files.createDirectories(broken);
        Files.writeString(broken.resolve(ResultRun.FILE), "{\"id\": 3");
        IOException io = assertThrows(IOException.class, () -> ResultRun.read(broken));
        assertTrue(
                io.getMessage().startsWith(broken.resolve(ResultRun.FILE) + ": not a run description"),
                io.getMessage());
        assertTrue(ResultRun.all(results).isEmpty(), "an unreadable run is skipped, not shown");
    }
}
