package org.scalefreebench.scaleout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.scalefreebench.bench.result.ResultRow;
import org.scalefreebench.bench.result.Stat;

/** Merging single-seed rows into the row over all seeds. */
class SeedRowsTest {

    @Test
    void scoresBecomeOneStatOverTheSeedsInSeedOrder() {
        List<ResultRow> merged = SeedRows.merge(List.of(row(2, 0.8, "a", null), row(1, 0.6, "a", null)));

        assertEquals(1, merged.size());
        ResultRow r = merged.get(0);
        assertTrue(r.ok());
        assertEquals(List.of(1L, 2L), r.seeds());
        assertEquals(List.of(0.6, 0.8), r.metrics().get("accuracy").values());
        assertEquals(0.7, r.metrics().get("accuracy").mean(), 1e-12);
        assertEquals(List.of(0.6, 0.8), r.perP().get(0).accuracy().values());
        assertEquals(List.of(10.0, 20.0), r.trainSeconds().values());
        assertEquals("a", r.hardware().get("host"));
    }

    @Test
    void aHostThatDiffersIsRecordedPerSeed() {
        ResultRow r = SeedRows.merge(List.of(row(1, 0.6, "a", null), row(2, 0.8, "b", null)))
                .get(0);
        assertEquals("seed 1: a; seed 2: b", r.hardware().get("host"));
    }

    @Test
    void aFailedSeedFailsTheRowWithItsReason() {
        ResultRow r = SeedRows.merge(List.of(row(1, 0.6, "a", null), row(2, 0.8, "a", "seed 2: fit threw")))
                .get(0);
        assertEquals(ResultRow.FAILED, r.status());
        assertEquals("seed 2: fit threw", r.error());
        assertEquals(Map.of(), r.metrics());
    }

    @Test
    void aRepeatedSeedIsRefused() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> SeedRows.merge(List.of(row(1, 0.6, "a", null), row(1, 0.6, "a", null))));
        assertTrue(e.getMessage().contains("repeat a seed"), e.getMessage());
    }

    @Test
    void rowsOfDifferentTestSetsStayApart() {
        ResultRow other = withTestSpec(row(1, 0.5, "a", null), "other-test-v1");
        assertEquals(2, SeedRows.merge(List.of(row(1, 0.6, "a", null), other)).size());
        assertNull(SeedRows.merge(List.of(other)).get(0).error());
    }

    private static ResultRow row(long seed, double accuracy, String host, String error) {
        boolean ok = error == null;
        return new ResultRow(
                ResultRow.SCHEMA,
                "spanning",
                1,
                "site-percolation",
                "density-baseline",
                "the density rule",
                true,
                "smoke",
                "percolation-L32-smoke-v1",
                "percolation-L32-smoke-v1",
                "test",
                "window",
                32,
                ok ? ResultRow.OK : ResultRow.FAILED,
                error,
                List.of(seed),
                ok ? Map.of("accuracy", Stat.of(List.of(accuracy))) : Map.of(),
                ok ? List.of(new ResultRow.PerP(0.55, Stat.of(List.of(accuracy)))) : List.of(),
                2,
                Stat.of(List.of(10.0 * seed)),
                Stat.of(List.of(100.0)),
                Stat.of(List.of(1000.0)),
                Map.of("host", host),
                Map.of("scalefree-bench", "0.1.0-SNAPSHOT"),
                Map.of("percolation-L32-smoke-v1/test/maps.npy", "00"),
                "2026-12-02T10:00:0" + seed + "Z",
                List.of(""));
    }

    private static ResultRow withTestSpec(ResultRow r, String testSpec) {
        return new ResultRow(
                r.schema(),
                r.task(),
                r.taskVersion(),
                r.family(),
                r.model(),
                r.modelDescription(),
                r.ranked(),
                r.tier(),
                r.trainSpec(),
                testSpec,
                r.testSplit(),
                r.testRole(),
                r.size(),
                r.status(),
                r.error(),
                r.seeds(),
                r.metrics(),
                r.perP(),
                r.params(),
                r.trainSeconds(),
                r.trainSamplesPerSecond(),
                r.predictSamplesPerSecond(),
                r.hardware(),
                r.versions(),
                r.datasetSha256(),
                r.finishedAt(),
                r.trainingNotes());
    }
}
