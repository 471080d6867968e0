package org.scalefreebench.bench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalefreebench.bench.BenchmarkSettings;
import org.scalefreebench.bench.RunEnvironment;
import org.scalefreebench.bench.record.Provenance;
import org.scalefreebench.bench.record.RecordCheck;
import org.scalefreebench.bench.record.RecordChecker;
import org.scalefreebench.bench.record.RecordFixture;
import org.scalefreebench.bench.record.Submission;
import org.scalefreebench.bench.result.ResultRow;
import org.scalefreebench.bench.result.ResultRun;
import org.scalefreebench.bench.result.ResultStore;
import org.scalefreebench.datasets.task.Task;

/**
 * {@code run --record-dir} writes a bundle that {@code check-record --mode rescore} accepts, with
 * every row re-scored to the bit (density-baseline on the smoke tier: a fit of milliseconds); and
 * {@code check-record} fails, naming the record and field, exit 1, on a spoilt bundle.
 */
class CheckRecordCliTest {

    private static final Path DATA = BenchmarkSettings.fromSystemProperties().dataDir();

    /** Exit code, standard output and standard error of one run. */
    private record Run(int code, String out, String err) {}

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = BenchCli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(code, out.toString(), err.toString());
    }

    /** {@code run} of one model or generator on the smoke tier, seeds 1 and 2, its bundle written to {@code bundles}. */
    private static Run runWithRecord(String id, Path dir, Path bundles) {
        return run(
                "run",
                "--tier",
                "smoke",
                "--models",
                id,
                "--seeds",
                "1,2",
                "--data-dir",
                DATA.toString(),
                "--results-dir",
                dir.resolve("results").toString(),
                "--record-dir",
                bundles.toString(),
                "--code-url",
                "https://example.org/scalefree-bench",
                "--suite-revision",
                RecordFixture.REVISION);
    }

    /** The rows in a bundle equal the rows the run wrote to its own folder below {@code dir/results}. */
    private static void assertBundleRowsAreTheRunsRows(Path dir, Path bundleRows) throws IOException {
        Path results = dir.resolve("results");
        assertEquals(
                new ResultStore(ResultRun.all(results).get(0).rowsDir(results))
                        .readAll()
                        .rows(),
                new ResultStore(bundleRows).readAll().rows(),
                "the bundle's rows are the run's");
    }

    @Test
    void runWritesABundleThatRescoresBitForBit(@TempDir Path dir) throws IOException {
        Path bundles = dir.resolve("bundles");
        Run r = runWithRecord("density-baseline", dir, bundles);
        assertEquals(0, r.code(), r.out() + r.err());
        Path record = bundles.resolve("smoke").resolve("density-baseline");
        assertTrue(r.out().contains("record bundle written to " + record), r.out());

        Submission s = Submission.read(record);
        assertEquals(List.of(1L, 2L), s.seeds());
        assertEquals(RecordFixture.REVISION, s.suiteRevision());
        assertTrue(s.hardware().containsKey("cpu"), s.hardware().toString());
        try (Stream<Path> files = Files.walk(record.resolve(RecordChecker.PREDICTIONS))) {
            assertTrue(files.anyMatch(p -> p.endsWith("seed-2.npy")), "every seed's predictions");
        }
        assertBundleRowsAreTheRunsRows(dir, record.resolve(RecordChecker.ROWS));

        Run check = run("check-record", bundles.toString(), "--mode", "rescore", "--data-dir", DATA.toString());
        assertEquals(0, check.code(), check.out() + check.err());
        RecordCheck c = new RecordChecker(DATA, false).check(record, RecordChecker.Mode.RESCORE);
        assertTrue(c.passed(), c.problems().toString());
        assertTrue(
                c.rows().stream().allMatch(x -> x.provenance() == Provenance.RE_SCORED),
                "every row of density-baseline is per-map, so every row is re-scored: " + c.rows());
        assertTrue(
                check.out()
                        .contains(record + ": ok (rescore): " + c.rows().size() + " row(s), "
                                + c.rows().size() + " re-scored bit for bit"),
                check.out());

        Path seed1;
        try (Stream<Path> files = Files.walk(record.resolve(RecordChecker.PREDICTIONS))) {
            seed1 = files.filter(p -> p.endsWith("seed-1.npy")).findFirst().orElseThrow();
        }
        Files.write(seed1, new byte[] {1, 2, 3});
        Run bad = run("check-record", record.toString(), "--mode", "rescore", "--data-dir", DATA.toString());
        assertEquals(1, bad.code(), bad.out() + bad.err());
        assertTrue(bad.err().contains("FAILED " + record + ": " + record.relativize(seed1)), bad.err());
    }

    /**
     * {@code compare}: the exact oracle against density on the smoke tier's 30 test maps: ROC AUC 1
     * against density's 0.915, yet z = +1.58 (seeded data, so frozen): 30 maps cannot tell even the
     * oracle from density, which is why the tiers of record score thousands of maps. Density against
     * itself differs by nothing; a folder that is no record is refused naming it.
     */
    @Test
    void compareGivesThePairedDifferenceOfTwoRecordsOnTheSameMaps(@TempDir Path dir) throws IOException {
        Path bundles = dir.resolve("bundles");
        Run r = runWithRecord("density-baseline,exact-oracle", dir, bundles);
        assertEquals(0, r.code(), r.out() + r.err());
        Path density = bundles.resolve("smoke").resolve("density-baseline");
        Path oracle = bundles.resolve("smoke").resolve("exact-oracle");

        Run c = run(
                "compare", oracle.toString(), density.toString(), "--data-dir", DATA.toString(), "--tasks", "spanning");
        assertEquals(0, c.code(), c.out() + c.err());
        assertTrue(c.out().startsWith("exact-oracle minus density-baseline, tier smoke"), c.out());
        List<String> lines = c.out()
                .lines()
                .filter(l -> l.startsWith("spanning roc_auc on "))
                .toList();
        assertEquals(2, lines.size(), "one line per seed of the one spanning set: " + c.out());
        assertTrue(lines.get(0).contains(", seed 1 (N = ") && lines.get(1).contains(", seed 2 (N = "), c.out());
        for (String line : lines) {
            assertTrue(line.contains(": 1.0000 - "), "the oracle's ROC AUC is 1: " + line);
            assertTrue(line.contains(" = +0.0848 ± 0.0535, z = +1.58, p = 0.11"), line);
        }

        Run self = run("compare", density.toString(), density.toString(), "--data-dir", DATA.toString());
        assertEquals(0, self.code(), self.out() + self.err());
        assertTrue(self.out().contains("= +0.0000 ± 0.0000, z = +0.00, p = 1.0"), self.out());

        Run none = run("compare", dir.resolve("nothing").toString(), density.toString());
        assertEquals(2, none.code(), none.out() + none.err());
        assertTrue(none.err().contains(dir.resolve("nothing") + ": no such folder"), none.err());
    }

    @Test
    void aGeneratorsRunWritesABundleOfItsRowsThatTheCheckerTakesAsSelfReported(@TempDir Path dir) throws IOException {
        Path bundles = dir.resolve("bundles");
        Run r = runWithRecord("bernoulli-mask", dir, bundles);
        assertEquals(0, r.code(), r.out() + r.err());
        Path record = bundles.resolve("smoke").resolve("bernoulli-mask");
        assertTrue(r.out().contains("record bundle written to " + record), r.out());
        Submission s = Submission.read(record);
        assertEquals("bernoulli-mask", s.modelId());
        assertEquals(List.of(1L, 2L), s.seeds());
        List<ResultRow> rows =
                new ResultStore(record.resolve(RecordChecker.ROWS)).readAll().rows();
        assertFalse(rows.isEmpty());
        assertTrue(rows.stream().allMatch(x -> x.task().equals(Task.MAX_CLUSTER_GENERATION.id())), rows.toString());
        assertBundleRowsAreTheRunsRows(dir, record.resolve(RecordChecker.ROWS));
        assertTrue(Files.notExists(record.resolve(RecordChecker.PREDICTIONS)), "a generator's maps are not kept");

        Run check = run("check-record", bundles.toString(), "--mode", "rescore", "--data-dir", DATA.toString());
        assertEquals(0, check.code(), check.out() + check.err());
        RecordCheck rerun = new RecordChecker(DATA, false).check(record, RecordChecker.Mode.RERUN);
        assertTrue(rerun.passed(), rerun.problems().toString());
        assertEquals(rows.size(), rerun.rows().size());
        assertTrue(
                rerun.rows().stream().allMatch(x -> x.provenance() == Provenance.SELF_REPORTED),
                "a generator's rows are the submitter's: " + rerun.rows());
        assertTrue(
                rerun.notes().stream().anyMatch(n -> n.contains("not re-run: a generator's record")),
                rerun.notes().toString());

        Run noDrawing = run(
                "run",
                "--tier",
                "smoke",
                "--models",
                "bernoulli-mask",
                "--tasks",
                "spanning",
                "--data-dir",
                DATA.toString(),
                "--results-dir",
                dir.resolve("results").toString());
        assertEquals(2, noDrawing.code(), noDrawing.out() + noDrawing.err());
        assertTrue(
                noDrawing
                        .err()
                        .contains("generator bernoulli-mask does none of the chosen tasks (spanning); its task: "
                                + Task.MAX_CLUSTER_GENERATION.id()),
                noDrawing.err());
    }

    @Test
    void aBundleNeedsCanonicalSeedsAndACodeAddress(@TempDir Path dir) {
        String[] base = {
            "run",
            "--tier",
            "smoke",
            "--models",
            "density-baseline",
            "--data-dir",
            dir.resolve("data").toString(),
            "--results-dir",
            dir.resolve("results").toString(),
            "--record-dir",
            dir.resolve("b").toString()
        };
        Run noCode = run(base);
        assertEquals(2, noCode.code(), noCode.err());
        assertTrue(noCode.err().contains("--record-dir needs --code-url"), noCode.err());
        String[] seeds = Stream.concat(Stream.of(base), Stream.of("--code-url", "u", "--seeds", "2,3"))
                .toArray(String[]::new);
        Run badSeeds = run(seeds);
        assertEquals(2, badSeeds.code(), badSeeds.err());
        assertTrue(badSeeds.err().contains("needs the canonical seeds 1..S (e.g. --seeds 1,2,3), got [2, 3]"));
        RunEnvironment.suiteRevision().ifPresent(built -> {
            String other = "fedcba9876543210fedcba9876543210fedcba98";
            Run otherRevision = run(Stream.concat(
                            Stream.of(base), Stream.of("--code-url", "u", "--seeds", "1,2", "--suite-revision", other))
                    .toArray(String[]::new));
            assertEquals(2, otherRevision.code(), otherRevision.err());
            assertTrue(
                    otherRevision
                            .err()
                            .contains("--suite-revision " + other + ", but this suite was built from " + built),
                    otherRevision.err());
        });
        assertTrue(Files.notExists(dir.resolve("data")), "nothing is loaded before the options are checked");
    }

    @Test
    void checkRecordRefusesAnUnknownModeAndShowsItsDefaults(@TempDir Path dir) {
        Run bad = run("check-record", dir.toString(), "--mode", "re-run");
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("--mode 're-run': expected one of validate, rescore, rerun"), bad.err());
        Run budget = run("check-record", dir.toString(), "--mode", "rerun", "--budget-seconds", "0");
        assertEquals(2, budget.code());
        assertTrue(budget.err().contains("--budget-seconds 0 is outside the allowed range"), budget.err());
        Run help = run("check-record", "--help");
        assertEquals(0, help.code());
        assertTrue(help.out().contains("Default: validate"), help.out());
        Run none = run("check-record", dir.toString());
        assertEquals(0, none.code());
        assertTrue(none.out().contains("no record in " + dir), none.out());
    }
}
