package org.scalefreebench.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalefreebench.bench.BenchmarkSettings;
import org.scalefreebench.bench.Predictions;
import org.scalefreebench.bench.record.Provenance;
import org.scalefreebench.bench.record.RecordChecker;
import org.scalefreebench.bench.record.RecordComparison;
import org.scalefreebench.bench.record.Submission;
import org.scalefreebench.bench.result.DensityGap;
import org.scalefreebench.bench.result.ResultRow;
import org.scalefreebench.bench.result.ResultStore;
import org.scalefreebench.datasets.load.DatasetLoader;
import org.scalefreebench.datasets.load.SplitData;
import org.scalefreebench.datasets.npy.NpyDtype;
import org.scalefreebench.datasets.npy.NpyWriter;
import org.scalefreebench.datasets.spec.SpecCatalogue;
import org.scalefreebench.datasets.task.PairedDifference;
import org.scalefreebench.datasets.task.Task;
import org.scalefreebench.datasets.task.Tier;

/**
 * The leaderboard merges this run's rows with results of record on the smoke test set (30 maps,
 * L = 32): a record with predictions is re-scored, one without is self-reported, one with a stale
 * checksum is left out with the record and field named; the provenance column shows each, user text
 * is escaped, and rows of different seed counts are ranked apart.
 */
class LeaderboardRecordsTest {

    private static final String SMOKE = "percolation-L32-smoke-v1";
    private static final Path DATA = BenchmarkSettings.fromSystemProperties().dataDir();
    private static final LocalDate DATE = LocalDate.of(2026, 12, 2);
    private static final String EVIL = "<script>alert(1)</script> & co";

    /** Occupied fraction of each map plus {@code by}, in [0, 1]. */
    private static float[] density(SplitData test, float by) {
        int sites = test.size() * test.size();
        float[] d = new float[test.samples()];
        for (int m = 0; m < d.length; m++) {
            int occupied = 0;
            for (int i = m * sites; i < (m + 1) * sites; i++) {
                occupied += test.maps()[i];
            }
            d[m] = Math.min(1f, Math.max(0f, (float) occupied / sites + by));
        }
        return d;
    }

    /** Writes a record of the density rule's spanning predictions on the smoke test set. */
    private static Path record(Path root, String model, String description, int seeds, boolean keepPredictions)
            throws IOException {
        return record(root, model, description, seeds, keepPredictions, (test, seed) -> density(test, 0.02f * seed));
    }

    /** Writes a record of the given spanning predictions on the smoke test set, one array per seed. */
    private static Path record(
            Path root,
            String model,
            String description,
            int seeds,
            boolean keepPredictions,
            BiFunction<SplitData, Long, float[]> predictions)
            throws IOException {
        SplitData test = DatasetLoader.load(SpecCatalogue.published().get(SMOKE), DATA, "test");
        Path record = root.resolve("smoke").resolve(model);
        Path dir = record.resolve(RecordChecker.PREDICTIONS)
                .resolve("spanning")
                .resolve(SMOKE)
                .resolve("test");
        Files.createDirectories(dir);
        SortedMap<Long, Path> files = new TreeMap<>();
        for (long seed = 1; seed <= seeds; seed++) {
            float[] p = predictions.apply(test, seed);
            Path f = dir.resolve("seed-" + seed + ".npy");
            NpyWriter.write(f, NpyDtype.FLOAT32, new long[] {p.length}, p);
            files.put(seed, f);
        }
        ResultRow row =
                Predictions.score(Tier.SMOKE, Task.SPANNING, SMOKE + "/test", model, description, 7, files, DATA);
        new ResultStore(record.resolve(RecordChecker.ROWS)).write(row);
        if (!keepPredictions) {
            for (Path f : files.values()) {
                Files.delete(f);
            }
        }
        Map<String, String> hardware = new LinkedHashMap<>();
        hardware.put("cpu", "a <b>fast</b> CPU");
        new Submission(
                        Submission.SCHEMA,
                        model,
                        description,
                        "smoke",
                        7,
                        List.copyOf(files.keySet()),
                        hardware,
                        "https://example.org/" + model,
                        "0.1.0-SNAPSHOT",
                        "0123456789abcdef0123456789abcdef01234567",
                        row.datasetSha256())
                .write(record);
        return record;
    }

    private static Path runRows(Path dir) throws IOException {
        Path rows = dir.resolve("rows");
        new ResultStore(rows)
                .write(FakeRows.ok(
                        "smoke",
                        "spanning",
                        "strong",
                        SMOKE,
                        32,
                        true,
                        Map.of("accuracy", List.of(0.95, 0.96), "roc_auc", List.of(0.9, 0.92))));
        return rows;
    }

    @Test
    void recordsAreMergedWithTheirProvenanceEscapedAndRankedBySeedCount(@TempDir Path dir) throws IOException {
        Path rows = runRows(dir);
        Path root = dir.resolve("results-of-record");
        record(root, "py-density", EVIL, 2, true);
        record(root, "py-self", "density, one seed, no predictions", 1, false);
        Path stale = record(root, "py-stale", "stale data", 2, true);
        String key = SMOKE + "/test/maps.npy";
        Path f = stale.resolve(Submission.FILE);
        Files.writeString(
                f, Files.readString(f).replaceFirst("(\"" + key + "\" : \")[0-9a-f]{64}", "$1" + "0".repeat(64)));

        Leaderboard board = Leaderboard.read(rows, root, DATA);
        Leaderboard.Table t = board.tables().stream()
                .filter(x -> x.task() == Task.SPANNING && x.tier().equals("smoke"))
                .findFirst()
                .orElseThrow();
        Map<String, Provenance> byModel = new TreeMap<>();
        Map<String, String> places = new TreeMap<>();
        for (Leaderboard.Ranked r : t.ranked()) {
            byModel.put(r.row().model(), board.provenanceOf(r.row()));
            places.put(r.row().model(), r.place());
        }
        assertEquals(
                Map.of(
                        "strong", Provenance.RE_RUN,
                        "py-density", Provenance.RE_SCORED,
                        "py-self", Provenance.SELF_REPORTED),
                byModel,
                "the stale record is left out");
        assertEquals(Map.of("strong", "1", "py-density", "2", "py-self", "1 (1 seed)"), places);
        assertEquals("py-self", t.ranked().get(2).row().model(), "the 1-seed row after the 2-seed ones");

        String warning = "result of record " + stale + " left out: " + Submission.FILE + ": datasetSha256[" + key
                + "]: is " + "0".repeat(64) + ", today's pin of spec " + SMOKE + " is ";
        assertTrue(
                board.warnings().stream().anyMatch(w -> w.startsWith(warning)),
                board.warnings().toString());

        String md = LeaderboardPages.markdown(board, DATE);
        assertTrue(md.contains("| predict samples/s | seeds | provenance |"), md);
        assertTrue(md.contains("| 2 | re-run |"), md);
        assertTrue(md.contains("| 2 | re-scored |"), md);
        assertTrue(md.contains("| 1 (1 seed) | py-self |"), md);
        assertTrue(md.contains("| 1 | self-reported |"), md);
        assertTrue(md.contains("Results of record: 2 accepted, 1 left out, from " + root), md);
        assertTrue(md.contains("\\<script\\>alert(1)\\</script\\> \\& co"), md);
        assertTrue(
                md.contains("Rows of record in the headlines of tier smoke: py-density (re-scored), py-self"
                        + " (self-reported); every other row there is re-run."),
                md);

        String html = LeaderboardPages.html(board, DATE);
        assertFalse(html.contains("<script>"), "user text is escaped: " + html);
        assertFalse(html.contains("<b>"), html);
        assertTrue(html.contains("<dd>&lt;script&gt;alert(1)&lt;/script&gt; &amp; co</dd>"), html);
        assertTrue(html.contains("<td>re-scored</td></tr>"), html);
        assertTrue(html.contains("<td>self-reported</td></tr>"), html);
        assertTrue(html.contains("<td>re-run</td></tr>"), html);
        assertTrue(html.contains("<li>" + LeaderboardPages.escapeHtml(warning)), html);
    }

    /**
     * A record with predictions is paired with the density baseline's record on the same maps: the
     * leaderboard shows each seed's z, the same values as {@code compare} gives for the two folders,
     * and the baseline's own row has none.
     */
    @Test
    void aRecordIsPairedWithTheBaselinesRecordMapByMap(@TempDir Path dir) throws IOException {
        Path rows = runRows(dir);
        Path root = dir.resolve("results-of-record");
        Path density =
                record(root, DensityGap.BASELINE, "the occupied fraction", 2, true, (test, seed) -> density(test, 0f));
        Path sharp = record(root, "py-sharp", "density with some of the label", 2, true, (test, seed) -> {
            float[] d = density(test, 0f);
            float w = seed == 1 ? 0.2f : 0.05f;
            for (int m = 0; m < d.length; m++) {
                d[m] = (1 - w) * d[m] + w * test.spanning()[m];
            }
            return d;
        });
        Leaderboard board = Leaderboard.read(rows, root, DATA);
        Leaderboard.Table t = board.tables().stream()
                .filter(x -> x.task() == Task.SPANNING && x.tier().equals("smoke"))
                .findFirst()
                .orElseThrow();
        Map<String, List<PairedDifference>> byModel = new TreeMap<>();
        t.ranked().forEach(r -> byModel.put(r.row().model(), board.pairedOf(r.row())));
        List<PairedDifference> expected = new RecordComparison(DATA)
                .compare(sharp, density, Set.of(Task.SPANNING)).differences().stream()
                        .map(RecordComparison.SeedDifference::difference)
                        .toList();
        assertEquals(2, expected.size(), "one difference per seed");
        assertTrue(expected.get(0).z() != expected.get(1).z(), "the seeds differ: " + expected);
        assertEquals(expected, byModel.get("py-sharp"));
        assertEquals(List.of(), byModel.get(DensityGap.BASELINE), "the baseline is not paired with itself");
        assertEquals(List.of(), byModel.get("strong"), "a row of this run keeps no predictions");

        String md = LeaderboardPages.markdown(board, DATE);
        String cell = String.format(
                Locale.ROOT,
                "| roc\\_auc %+.1f / %+.1f |",
                expected.get(0).z(),
                expected.get(1).z());
        assertTrue(md.contains("| Δ density | paired z by seed |"), md);
        assertTrue(md.contains(cell), cell + " in " + md);
        assertTrue(
                md.contains("paired z by seed: for a row of record whose predictions pair with density-baseline"), md);
        assertTrue(board.warnings().isEmpty(), board.warnings().toString());

        Path noData = Files.createDirectories(dir.resolve("no-data"));
        Leaderboard without = Leaderboard.read(rows, root, noData);
        assertTrue(
                without.tables().stream()
                        .flatMap(x -> x.ranked().stream())
                        .allMatch(r -> without.pairedOf(r.row()).isEmpty()),
                "without the test set nothing is paired, and nothing is generated");
        assertTrue(
                without.warnings().stream()
                        .anyMatch(w -> w.startsWith("result of record " + sharp + " not paired with " + density)
                                && w.contains(SMOKE + "/test: the test set is absent from " + noData)),
                without.warnings().toString());
        assertFalse(Files.exists(noData.resolve(SMOKE)), "the test set was not generated");
    }

    @Test
    void aRunRowOfTheSameKeyReplacesTheRecordsWithAWarning(@TempDir Path dir) throws IOException {
        Path rows = runRows(dir);
        Path root = dir.resolve("results-of-record");
        Path record = record(root, "strong", "a record of the same model", 2, true);
        Leaderboard board = Leaderboard.read(rows, root, DATA);
        assertEquals(1, board.rowCount());
        assertEquals(
                Provenance.RE_RUN,
                board.provenanceOf(board.tables().get(0).ranked().get(0).row()));
        assertTrue(
                board.warnings().stream()
                        .anyMatch(w -> w.startsWith("result of record " + record + ": rows/")
                                && w.endsWith("not shown: this run has a row of the same tier, task, model and"
                                        + " test set")),
                board.warnings().toString());
    }

    @Test
    void withoutRecordsThePagesAreTheRunsAlone(@TempDir Path dir) throws IOException {
        Path rows = runRows(dir);
        Files.createDirectories(dir.resolve("results-of-record"));
        Files.writeString(dir.resolve("results-of-record").resolve("README.md"), "layout\n");
        Leaderboard merged = Leaderboard.read(rows, dir.resolve("results-of-record"), DATA);
        Leaderboard alone = Leaderboard.read(rows);
        assertEquals(LeaderboardPages.markdown(alone, DATE), LeaderboardPages.markdown(merged, DATE));
        assertEquals(LeaderboardPages.html(alone, DATE), LeaderboardPages.html(merged, DATE));
    }
}
