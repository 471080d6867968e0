package org.scalefreebench.bench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalefreebench.bench.BenchmarkSettings;
import org.scalefreebench.bench.OccupiedFraction;
import org.scalefreebench.bench.result.ResultRow;
import org.scalefreebench.bench.result.ResultRun;
import org.scalefreebench.bench.result.ResultStore;
import org.scalefreebench.bench.result.Stat;
import org.scalefreebench.datasets.cli.ScaleFreeCli;
import org.scalefreebench.datasets.load.DatasetLoader;
import org.scalefreebench.datasets.load.SplitData;
import org.scalefreebench.datasets.npy.NpyDtype;
import org.scalefreebench.datasets.npy.NpyWriter;
import org.scalefreebench.datasets.spec.SpecCatalogue;
import org.scalefreebench.datasets.task.Evaluation;
import org.scalefreebench.datasets.task.Evaluator;
import org.scalefreebench.datasets.task.Metric;
import org.scalefreebench.datasets.task.Task;
import picocli.CommandLine;

/**
 * The benchmark CLI's {@code score} command on the smoke test set (30 maps, L = 32), and its rough
 * edges: {@code --help} everywhere, a model that does none of the chosen tasks, a read-only results
 * folder.
 */
class BenchCliTest {

    private static final String SMOKE = "percolation-L32-smoke-v1";
    private static final Path DATA = BenchmarkSettings.fromSystemProperties().dataDir();

    private static SplitData test;

    /** Exit code, standard output and standard error of one run. */
    private record Run(int code, String out, String err) {}

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = BenchCli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(code, out.toString(), err.toString());
    }

    @BeforeAll
    static void loadTestSet() throws IOException {
        test = DatasetLoader.load(SpecCatalogue.published().get(SMOKE), DATA, "test");
    }

    /** Each site's occupation as its probability of being in the largest cluster. */
    private static float[] occupiedSites() {
        byte[] maps = test.maps();
        float[] p = new float[maps.length];
        for (int i = 0; i < p.length; i++) {
            p[i] = maps[i];
        }
        return p;
    }

    private static float[] shifted(float[] v, float by) {
        float[] s = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            s[i] = Math.min(1f, Math.max(0f, v[i] + by));
        }
        return s;
    }

    private static Path write(Path file, float[] values, long... shape) throws IOException {
        NpyWriter.write(file, NpyDtype.FLOAT32, shape, values);
        return file;
    }

    private static String[] score(Path results, String task, String... more) {
        List<String> args = new ArrayList<>(List.of(
                "score",
                "--tier",
                "smoke",
                "--task",
                task,
                "--test",
                SMOKE + "/test",
                "--model",
                "py-density",
                "--description",
                "density rule in numpy",
                "--data-dir",
                DATA.toString(),
                "--results-dir",
                results.toString()));
        args.addAll(Arrays.asList(more));
        return args.toArray(String[]::new);
    }

    private static ResultRow onlyRow(Path results) throws IOException {
        List<ResultRun> runs = ResultRun.all(results);
        assertEquals(1, runs.size(), "one run folder per CLI run: " + runs);
        assertEquals("cli score", runs.get(0).source());
        ResultStore.Contents c = new ResultStore(runs.get(0).rowsDir(results)).readAll();
        assertEquals(List.of(), c.unreadable());
        assertEquals(1, c.rows().size(), c.rows().toString());
        return c.rows().get(0);
    }

    private static void assertMetricsEqualTheEvaluators(Task task, ResultRow row, float[]... bySeed) {
        List<Evaluation> direct =
                Stream.of(bySeed).map(p -> Evaluator.evaluate(task, test, p)).toList();
        for (Metric m : task.metrics()) {
            Stat expected = Stat.of(direct.stream().map(e -> e.score(m)).toList());
            assertEquals(expected, row.metrics().get(m.id()), m.id());
        }
        assertEquals(task.metrics().size(), row.metrics().size(), row.metrics().toString());
    }

    @Test
    void spanningPredictionsGiveTheRowTheEvaluatorGives(@TempDir Path dir) throws IOException {
        int n = test.samples();
        float[] seed1 = OccupiedFraction.of(test, 0f);
        float[] seed2 = shifted(seed1, 0.05f);
        Path results = dir.resolve("results");
        Run r = run(score(
                results,
                "spanning",
                "--params",
                "1",
                "--predictions",
                "1=" + write(dir.resolve("seed-1.npy"), seed1, n),
                "--predictions",
                "2=" + write(dir.resolve("seed-2.npy"), seed2, n)));
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("row written to "), r.out());
        ResultRow row = onlyRow(results);
        assertMetricsEqualTheEvaluators(Task.SPANNING, row, seed1, seed2);
        assertEquals(ResultRow.PREDICTIONS, row.source());
        assertTrue(row.fromPredictions());
        assertEquals(List.of(1L, 2L), row.seeds());
        assertEquals(ResultRow.SCHEMA, row.schema());
        assertEquals("spanning", row.task());
        assertEquals("smoke", row.tier());
        assertEquals(SMOKE, row.trainSpec());
        assertEquals(SMOKE, row.testSpec());
        assertEquals("window", row.testRole());
        assertEquals(32, row.size());
        assertEquals(1, row.params());
        assertNull(row.trainSeconds());
        assertNull(row.predictSamplesPerSecond());
        assertEquals(
                Evaluator.evaluate(Task.SPANNING, test, seed1).accuracyByP().keySet(),
                row.perP().stream().map(ResultRow.PerP::p).collect(Collectors.toSet()));
        assertEquals(
                SpecCatalogue.published().get(SMOKE).sha256().get("test/spanning.npy"),
                row.datasetSha256().get(SMOKE + "/test/spanning.npy"));
        String json = Files.readString(
                new ResultStore(ResultRun.all(results).get(0).rowsDir(results)).fileOf(row), StandardCharsets.UTF_8);
        assertTrue(json.contains("\"source\" : \"predictions\""), json);
    }

    @Test
    void maxClusterAndMaskPredictionsGiveTheRowsTheEvaluatorGives(@TempDir Path dir) throws IOException {
        int n = test.samples();
        int l = test.size();
        Path results = dir.resolve("results");
        float[] fraction = OccupiedFraction.of(test, 0f);
        Run r = run(score(results, "max-cluster", "--predictions", "1=" + write(dir.resolve("mc.npy"), fraction, n)));
        assertEquals(0, r.code(), r.err());
        assertMetricsEqualTheEvaluators(Task.MAX_CLUSTER, onlyRow(results), fraction);

        Path maskResults = dir.resolve("mask-results");
        float[] mask = occupiedSites();
        Run m = run(score(
                maskResults,
                "max-cluster-mask",
                "--predictions",
                "3=" + write(dir.resolve("mask.npy"), mask, n, l, l)));
        assertEquals(0, m.code(), m.err());
        ResultRow row = onlyRow(maskResults);
        assertMetricsEqualTheEvaluators(Task.MAX_CLUSTER_MASK, row, mask);
        assertEquals(List.of(3L), row.seeds());
    }

    /** Runs a bad score, checks the exit code and message, and that no row (nor part file) is left. */
    private static void assertRefused(Path dir, int code, String[] args, String... message) throws IOException {
        Run r = run(args);
        assertEquals(code, r.code(), r.out() + r.err());
        for (String part : message) {
            assertTrue(r.err().contains(part), "wanted '" + part + "' in: " + r.err());
        }
        Path results = dir.resolve("results");
        if (Files.exists(results)) {
            try (Stream<Path> files = Files.walk(results)) {
                assertEquals(List.of(), files.filter(Files::isRegularFile).toList(), "no row may be written");
            }
        }
    }

    @Test
    void badPredictionFilesAreRefusedByNameAndWriteNoRow(@TempDir Path dir) throws IOException {
        int n = test.samples();
        int l = test.size();
        Path results = dir.resolve("results");
        Path good = write(dir.resolve("good.npy"), OccupiedFraction.of(test, 0f), n);

        Path f8 = dir.resolve("float64.npy");
        double[] d = new double[n];
        NpyWriter.write(f8, NpyDtype.FLOAT64, new long[] {n}, d);
        assertRefused(
                dir,
                1,
                score(results, "spanning", "--predictions", "1=" + good, "--predictions", "2=" + f8),
                f8 + ": dtype '<f8' (float64), expected '<f4' (float32): convert with np.save(path,"
                        + " np.asarray(p, dtype=np.float32))");

        Path shortFile = write(dir.resolve("short.npy"), new float[n - 1], n - 1);
        assertRefused(
                dir,
                1,
                score(results, "spanning", "--predictions", "1=" + shortFile),
                shortFile + ": shape (" + (n - 1) + ",), expected (" + n + ",)",
                "one P(spanning) in [0, 1] per map of the " + n + " maps of " + SMOKE + "/test");

        Path flatMask = write(dir.resolve("flat-mask.npy"), occupiedSites(), (long) n * l * l);
        assertRefused(
                dir,
                1,
                score(results, "max-cluster-mask", "--predictions", "1=" + flatMask),
                flatMask + ": shape (" + (n * l * l) + ",), expected (" + n + ", " + l + ", " + l + ")");

        float[] nan = OccupiedFraction.of(test, 0f);
        nan[7] = Float.NaN;
        Path nanFile = write(dir.resolve("nan.npy"), nan, n);
        assertRefused(
                dir,
                1,
                score(results, "spanning", "--predictions", "1=" + nanFile),
                nanFile + ": task spanning on " + SMOKE
                        + "/test: value 7 (map 7) is NaN: expected P(spanning) in [0, 1]");

        float[] high = OccupiedFraction.of(test, 0f);
        high[3] = 1.5f;
        Path highFile = write(dir.resolve("high.npy"), high, n);
        assertRefused(
                dir,
                1,
                score(results, "spanning", "--predictions", "1=" + highFile),
                highFile + ": task spanning on " + SMOKE + "/test: value 3 (map 3) is 1.5, outside [0, 1]");

        Path missing = dir.resolve("missing.npy");
        assertRefused(
                dir,
                1,
                score(results, "spanning", "--predictions", "1=" + missing),
                missing + ": no such file: expected a float32 array of shape (" + n + ",)");
    }

    @Test
    void unknownTaskSpecSplitOrSetOutsideThePlanIsRefused(@TempDir Path dir) throws IOException {
        Path results = dir.resolve("results");
        Path good = write(dir.resolve("good.npy"), OccupiedFraction.of(test, 0f), test.samples());
        String p = "1=" + good;
        assertRefused(dir, 2, score(results, "spans", "--predictions", p), "unknown task id 'spans'; known task ids:");
        String[] spec = score(results, "spanning", "--predictions", p);
        spec[6] = "percolation-L33-smoke-v1/test";
        assertRefused(dir, 2, spec, "unknown spec id 'percolation-L33-smoke-v1'");
        String[] split = score(results, "spanning", "--predictions", p);
        split[6] = SMOKE + "/tset";
        assertRefused(dir, 2, split, "has no split 'tset'");
        String[] outside = score(results, "spanning", "--predictions", p);
        outside[6] = "percolation-L64-pc-test-v1/test";
        assertRefused(
                dir,
                2,
                outside,
                "task spanning is not scored on percolation-L64-pc-test-v1/test in tier smoke; its test sets there: "
                        + SMOKE + "/test");
        String[] builtIn = score(results, "spanning", "--predictions", p);
        builtIn[8] = "density-baseline";
        assertRefused(dir, 2, builtIn, "--model density-baseline is a registered model");
        assertRefused(
                dir,
                2,
                score(results, "max-cluster-generation", "--predictions", p),
                "task max-cluster-generation is scored on generated masks, not on predictions");
    }

    @Test
    void aReadOnlyResultsFolderSaysPermissionDenied(@TempDir Path dir) throws IOException {
        Path results = Files.createDirectory(dir.resolve("results"));
        Files.setPosixFilePermissions(results, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            Assumptions.assumeFalse(Files.isWritable(results), "this user (root?) may write into a read-only folder");
            Run r = run(score(
                    results,
                    "spanning",
                    "--predictions",
                    "1=" + write(dir.resolve("good.npy"), OccupiedFraction.of(test, 0f), test.samples())));
            assertEquals(ScaleFreeCli.EXIT_FAILURE, r.code());
            assertTrue(r.err().contains("permission denied: " + results), r.err());
        } finally {
            Files.setPosixFilePermissions(results, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void helpOfEverySubcommandPrintsItsUsageWithDefaults() {
        Map<String, CommandLine> subcommands = new CommandLine(BenchCli.class).getSubcommands();
        assertTrue(subcommands.containsKey("score"), subcommands.keySet().toString());
        for (String name : subcommands.keySet()) {
            Run r = run(name, "--help");
            assertEquals(0, r.code(), name + ": " + r.err());
            assertTrue(r.out().startsWith("Usage: scalefree-bench " + name), name + ": " + r.out());
            assertTrue(r.out().contains("-h, --help"), name + ": " + r.out());
            assertFalse(r.out().lines().anyMatch(l -> l.strip().equals("Default:")), name + ": " + r.out());
        }
        assertTrue(
                run("run", "--help").out().contains("Default: 1,2,3"),
                run("run", "--help").out());
        assertTrue(
                run("score", "--help").out().contains("SEED=FILE"),
                run("score", "--help").out());
    }

    @Test
    void runOfAModelThatDoesNoneOfTheChosenTasksIsAnError(@TempDir Path dir) {
        Run r = run(
                "run",
                "--tier",
                "smoke",
                "--models",
                "density-baseline",
                "--tasks",
                "max-cluster-mask",
                "--data-dir",
                dir.resolve("data").toString(),
                "--results-dir",
                dir.resolve("results").toString());
        assertNotEquals(0, r.code(), r.out());
        assertTrue(
                r.err()
                        .contains("model density-baseline does none of the chosen tasks (max-cluster-mask); its tasks:"
                                + " max-cluster, spanning"),
                r.err());
        assertFalse(Files.exists(dir.resolve("data")), "nothing may be loaded or generated");
    }

    @Test
    void aStoppedRunGoesOnFromItsCheckpointsWithResume(@TempDir Path dir) throws IOException {
        List<String> args = List.of(
                "run",
                "--tier",
                "smoke",
                "--models",
                "density-baseline",
                "--seeds",
                "1,2",
                "--data-dir",
                DATA.toString(),
                "--results-dir",
                dir.toString(),
                "--run-id",
                "r1");
        Run first = run(args.toArray(String[]::new));
        assertEquals(0, first.code(), first.out() + first.err());
        assertTrue(first.out().contains("--resume --run-id r1"), first.out());
        ResultRun r1 = ResultRun.read(ResultRun.dirOf(dir, "r1"));
        List<Map<String, Stat>> rows = new ResultStore(r1.rowsDir(dir))
                .readAll().rows().stream().map(ResultRow::metrics).toList();

        List<String> resume = new ArrayList<>(args);
        resume.add("--resume");
        Run again = run(resume.toArray(String[]::new));
        assertEquals(0, again.code(), again.out() + again.err());
        assertTrue(
                again.out().contains("density-baseline seed 1: taken from checkpoint")
                        && again.out().contains("density-baseline seed 2: taken from checkpoint"),
                again.out());
        assertFalse(again.out().contains("fitted in"), "no seed is fitted again: " + again.out());
        assertEquals(
                rows,
                new ResultStore(r1.rowsDir(dir))
                        .readAll().rows().stream().map(ResultRow::metrics).toList());

        List<String> moreSeeds = new ArrayList<>(resume);
        moreSeeds.set(moreSeeds.indexOf("1,2"), "1,2,3");
        assertRefused(
                dir,
                2,
                moreSeeds.toArray(String[]::new),
                "--resume: run r1 is of tier smoke with seeds [1, 2]; this command asks for tier smoke with seeds"
                        + " [1, 2, 3]: give the run's own");
        List<String> otherRun = new ArrayList<>(resume);
        otherRun.set(otherRun.indexOf("r1"), "r2");
        assertRefused(dir, 2, otherRun.toArray(String[]::new), "--resume: no run r2 in " + dir);
        List<String> noId = new ArrayList<>(resume);
        noId.remove("r1");
        noId.remove("--run-id");
        assertRefused(dir, 2, noId.toArray(String[]::new), "--resume needs --run-id");
    }
}
