package org.scalefreebench.bench.result;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The optional {@code source} of a row: absent from harness rows, as in every row written before it. */
class ResultRowSourceTest {

    private static ResultRow harnessRow() {
        return new ResultRow(
                ResultRow.SCHEMA,
                "spanning",
                2,
                "site-percolation",
                "some-model",
                "a model",
                true,
                "smoke",
                "percolation-L32-smoke-v1",
                "percolation-L32-smoke-v1",
                "test",
                "window",
                32,
                ResultRow.OK,
                null,
                List.of(1L),
                Map.of("accuracy", Stat.of(List.of(0.75))),
                List.of(),
                10,
                Stat.of(List.of(1.0)),
                null,
                Stat.of(List.of(100.0)),
                Map.of(),
                Map.of(),
                Map.of(),
                "2026-12-02T00:00:00Z",
                List.of(""));
    }

    @Test
    void aHarnessRowHasNoSourceInItsFileAndReadsBackEqual(@TempDir Path dir) throws IOException {
        ResultRow row = harnessRow();
        assertNull(row.source());
        assertFalse(row.fromPredictions());
        Path file = new ResultStore(dir).write(row);
        String json = Files.readString(file, StandardCharsets.UTF_8);
        assertFalse(json.contains("source"), json);
        assertEquals(row, ResultStore.read(file));
    }

    @Test
    void aRowWithSourcePredictionsReadsBack(@TempDir Path dir) throws IOException {
        Path file = new ResultStore(dir).write(harnessRow());
        String json = Files.readString(file, StandardCharsets.UTF_8);
        Files.writeString(file, json.replaceFirst("\\{", "{\n  \"source\" : \"predictions\","), StandardCharsets.UTF_8);
        ResultRow read = ResultStore.read(file);
        assertTrue(read.fromPredictions());
        assertEquals(ResultRow.PREDICTIONS, read.source());
    }
}
