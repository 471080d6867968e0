package org.scalefreebench.bench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.scalefreebench.bench.Benchmark;
import org.scalefreebench.bench.BenchmarkSettings;
import org.scalefreebench.bench.GenerationBenchmark;
import org.scalefreebench.bench.GeneratorRegistry;
import org.scalefreebench.bench.ModelRegistry;
import org.scalefreebench.bench.ModelRun;
import org.scalefreebench.bench.Predictions;
import org.scalefreebench.bench.ResourceUse;
import org.scalefreebench.bench.ResultRows;
import org.scalefreebench.bench.RunEnvironment;
import org.scalefreebench.bench.SeedCheckpoints;
import org.scalefreebench.bench.Selection;
import org.scalefreebench.bench.TierData;
import org.scalefreebench.bench.record.GitRevision;
import org.scalefreebench.bench.record.Provenance;
import org.scalefreebench.bench.record.RecordBundle;
import org.scalefreebench.bench.record.RecordCheck;
import org.scalefreebench.bench.record.RecordChecker;
import org.scalefreebench.bench.record.RecordComparison;
import org.scalefreebench.bench.result.ResultRow;
import org.scalefreebench.bench.result.ResultRun;
import org.scalefreebench.bench.result.ResultStore;
import org.scalefreebench.bench.result.Stat;
import org.scalefreebench.datasets.cli.Arguments;
import org.scalefreebench.datasets.cli.ScaleFreeCli;
import org.scalefreebench.datasets.model.BenchmarkModel;
import org.scalefreebench.datasets.model.MaskGenerator;
import org.scalefreebench.datasets.task.PairedDifference;
import org.scalefreebench.datasets.task.Task;
import org.scalefreebench.datasets.task.Tier;
import org.scalefreebench.reference.bench.AnagramStepBench;
import org.scalefreebench.reference.bench.CnnThroughputBench;
import org.scalefreebench.reference.bench.RgFlowThroughputBench;
import org.scalefreebench.reference.cnn.CnnAnagram;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code scalefree-bench} command-line tool: list the registered models, run the benchmark
 * outside Maven, and measure the reference CNN's throughput against sgemm. Exit codes: 0 success,
 * 1 a model failed or the data are bad, 2 bad usage (unknown id, bad option).
 */
@Command(
        name = "scalefree-bench",
        mixinStandardHelpOptions = true,
        showDefaultValues = true,
        scope = CommandLine.ScopeType.INHERIT,
        versionProvider = BenchCli.Version.class,
        description = "ScaleFree Bench: run models on the benchmark's tasks and measure them.",
        subcommands = {
            BenchCli.Models.class,
            BenchCli.Run.class,
            BenchCli.Score.class,
            BenchCli.CheckRecord.class,
            BenchCli.Compare.class,
            BenchCli.BenchCnn.class,
            BenchCli.BenchAnagram.class,
            BenchCli.BenchRgFlow.class,
            BenchCli.BenchRefit.class
        })
public final class BenchCli {

    private BenchCli() {}

    /**
     * @param args command-line arguments
     */
    public static void main(String[] args) {
        System.exit(run(
                new PrintWriter(System.out, true, Charset.defaultCharset()),
                new PrintWriter(System.err, true, Charset.defaultCharset()),
                args));
    }

    /**
     * Runs the tool without exiting the JVM.
     *
     * @param out  standard output
     * @param err  standard error
     * @param args arguments
     * @return the exit code
     */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        return ScaleFreeCli.execute(BenchCli.class, out, err, args);
    }

    /** Reports the library versions, without starting ND4J. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return RunEnvironment.libraryVersions().entrySet().stream()
                    .map(e -> e.getKey() + " " + e.getValue())
                    .toArray(String[]::new);
        }
    }

    /** {@code models}: the registered models, a line each. */
    @Command(name = "models", description = "List the registered models with their tasks.")
    static final class Models implements Callable<Integer> {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            for (BenchmarkModel m : ModelRegistry.load().all().values()) {
                spec.commandLine()
                        .getOut()
                        .printf(
                                "%-18s %-40s %s%s%n",
                                m.id(),
                                m.tasks().stream().map(t -> t.id()).sorted().toList(),
                                m.description(),
                                m.ranked() ? "" : " (reference, not ranked)");
            }
            return 0;
        }
    }

    /** The options naming where a command's run writes its rows: its own folder below the results folder. */
    static final class RunFolder {
        @Option(
                names = "--results-dir",
                defaultValue = "target/benchmark-results",
                description = "results folder; this run's rows go to its own RESULTS/runs/<run id>/rows")
        Path resultsDir;

        @Option(
                names = "--run-id",
                defaultValue = "",
                showDefaultValue = CommandLine.Help.Visibility.NEVER,
                description = "this run's id, naming its folder (default: the UTC start time and process id)")
        String runId;
    }

    /** {@code run}: fit and score models, write result rows. */
    @Command(name = "run", description = "Fit and score models on a tier's tasks; write result rows.")
    static final class Run implements Callable<Integer> {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--tier", defaultValue = "default", description = "tier id (smoke, default, study, full)")
        String tier;

        @Option(
                names = "--models",
                defaultValue = "",
                showDefaultValue = CommandLine.Help.Visibility.NEVER,
                description = "comma-separated ids of models and generators (default: every one that runs in the tier)")
        String models;

        @Option(
                names = "--tasks",
                defaultValue = "",
                showDefaultValue = CommandLine.Help.Visibility.NEVER,
                description = "comma-separated task ids (default: all)")
        String tasks;

        @Option(names = "--seeds", split = ",", defaultValue = "1,2,3", description = "seeds")
        List<Long> seeds;

        @Option(
                names = "--budget-seconds",
                defaultValue = "1800",
                description = "wall-clock limit of one fit, seconds: a guard against a hung model")
        long budget;

        @Option(names = "--data-dir", defaultValue = "data", description = "datasets folder")
        Path dataDir;

        @CommandLine.Mixin
        RunFolder runFolder;

        @Option(
                names = "--record-dir",
                paramLabel = "DIR",
                description =
                        "also write each model's result-of-record bundle to DIR/<tier>/<model-id>/ (submission.json,"
                                + " rows, per-map predictions of every seed); needs --code-url and the seeds 1..S (default: none)")
        Path recordDir;

        @Option(
                names = "--code-url",
                defaultValue = "",
                showDefaultValue = CommandLine.Help.Visibility.NEVER,
                description =
                        "with --record-dir: where the models' code is (repository or artifact, with its revision)")
        String codeUrl;

        @Option(
                names = "--suite-revision",
                defaultValue = "",
                showDefaultValue = CommandLine.Help.Visibility.NEVER,
                description = "with --record-dir: this suite's git commit, where the build recorded none (default:"
                        + " the build's, else the checkout holding the working folder's; another than the build's is"
                        + " refused, since the rows name the build's)")
        String suiteRevision;

        @Option(
                names = "--resume",
                description = "continue the run --run-id names, stopped part-way: every seed it finished is taken from"
                        + " its checkpoints (RESULTS/runs/<run id>/seeds) instead of fitted again (a generator's seeds are"
                        + " fitted and drawn again); needs the run's tier and seeds")
        boolean resume;

        @Override
        public Integer call() throws Exception {
            String revision = recordDir == null ? null : bundleRevision();
            BenchmarkSettings settings = new BenchmarkSettings(
                    Tier.byId(tier),
                    seeds,
                    models,
                    BenchmarkSettings.parseTasks(tasks),
                    Duration.ofSeconds(budget),
                    dataDir,
                    runFolder.resultsDir);
            Selection selection = doingChosenTasks(
                    Selection.of(settings, ModelRegistry.load(), GeneratorRegistry.load()),
                    !models.isBlank(),
                    settings.tasks());
            PrintWriter out = spec.commandLine().getOut();
            ResultRun resultRun = resume ? resumed(settings) : settings.startRun(runFolder.runId, "cli run");
            ResultStore store = new ResultStore(resultRun.rowsDir(runFolder.resultsDir));
            Path seedsDir = resultRun.seedsDir(runFolder.resultsDir);
            out.println(resultRun.describe() + ": rows go to " + store.dir());
            out.println("each finished seed is kept in " + seedsDir + "; if this run stops, the same command with"
                    + " --resume --run-id " + resultRun.id() + " goes on from there");
            int failed = 0;
            for (TierData data : TierData.loadAll(settings.tier(), settings.tasks(), settings.dataDir())) {
                Benchmark benchmark = new Benchmark(
                        settings,
                        data,
                        out::println,
                        new SeedCheckpoints(seedsDir, data, resultRun.revision(), out::println));
                for (BenchmarkModel m : selection.models()) {
                    if (benchmark.tasksOf(m).isEmpty()) {
                        continue;
                    }
                    ModelRun run = benchmark.run(m);
                    Map<String, String> hardware = RunEnvironment.hardware();
                    Map<String, String> versions = RunEnvironment.versions();
                    List<ResultRow> rows = ResultRows.of(run, data, hardware, versions);
                    writeBundle(
                            m.id(),
                            rows,
                            out,
                            () -> RecordBundle.write(recordDir, run, rows, hardware, versions, codeUrl, revision));
                    failed += report(rows, store, out);
                }
                if (!data.tasks().contains(GenerationBenchmark.TASK)) {
                    continue;
                }
                GenerationBenchmark generation = new GenerationBenchmark(settings, data, out::println);
                for (MaskGenerator g : selection.generators()) {
                    GenerationBenchmark.Run run = generation.run(g);
                    Map<String, String> hardware = RunEnvironment.hardware();
                    Map<String, String> versions = RunEnvironment.versions();
                    List<ResultRow> rows = generation.rows(run, hardware, versions);
                    writeBundle(
                            g.id(),
                            rows,
                            out,
                            () -> RecordBundle.writeGenerator(
                                    recordDir,
                                    g,
                                    run.seeds().stream()
                                            .map(GenerationBenchmark.SeedRun::seed)
                                            .toList(),
                                    run.seeds().get(0).params(),
                                    rows,
                                    hardware,
                                    versions,
                                    codeUrl,
                                    revision));
                    failed += report(rows, store, out);
                }
            }
            out.println("rows written to " + store.dir());
            return failed == 0 ? 0 : 1;
        }

        /** Writes one record bundle and returns its folder. */
        @FunctionalInterface
        private interface BundleWriter {
            Path write() throws IOException;
        }

        /**
         * With {@code --record-dir}, writes the bundle of a model's or generator's rows if there are rows
         * and every one is ok, else says why there is none.
         */
        private void writeBundle(String id, List<ResultRow> rows, PrintWriter out, BundleWriter writer)
                throws IOException {
            if (recordDir == null) {
                return;
            }
            if (!rows.isEmpty() && rows.stream().allMatch(ResultRow::ok)) {
                out.println("record bundle written to " + writer.write());
            } else {
                out.println("no record bundle for " + id + ": a row failed");
            }
        }

        /**
         * Writes rows to the store and prints one line each.
         *
         * @return how many failed
         */
        private static int report(List<ResultRow> rows, ResultStore store, PrintWriter out) throws IOException {
            int failed = 0;
            for (ResultRow r : rows) {
                store.write(r);
                out.printf(
                        "%-18s %-17s %-8s L=%-4d %s%n",
                        r.model(),
                        r.task(),
                        r.testRole(),
                        r.size(),
                        r.ok()
                                ? r.metrics().entrySet().stream()
                                        .map(e -> String.format(
                                                "%s %.4f ± %.4f",
                                                e.getKey(),
                                                e.getValue().mean(),
                                                e.getValue().std()))
                                        .toList()
                                : "FAILED: " + r.error());
                failed += r.ok() ? 0 : 1;
            }
            return failed;
        }

        /**
         * The run --run-id names, to be continued.
         *
         * @throws IllegalArgumentException if no run id is given, no such run exists, or its tier or seeds differ
         */
        private ResultRun resumed(BenchmarkSettings settings) throws IOException {
            if (runFolder.runId.isBlank()) {
                throw new IllegalArgumentException("--resume needs --run-id: the id of the run to continue");
            }
            Path dir = ResultRun.dirOf(runFolder.resultsDir, ResultRun.requireId(runFolder.runId));
            if (!Files.isRegularFile(dir.resolve(ResultRun.FILE))) {
                throw new IllegalArgumentException("--resume: no run " + runFolder.runId + " in " + runFolder.resultsDir
                        + " (no " + dir.resolve(ResultRun.FILE) + ")");
            }
            ResultRun run = ResultRun.read(dir);
            if (!run.tier().equals(settings.tier().id()) || !run.seeds().equals(settings.seeds())) {
                throw new IllegalArgumentException("--resume: run " + run.id() + " is of tier " + run.tier()
                        + " with seeds " + run.seeds() + "; this command asks for tier "
                        + settings.tier().id()
                        + " with seeds " + settings.seeds() + ": give the run's own");
            }
            return run;
        }

        /**
         * @return the suite revision a bundle records
         * @throws IllegalArgumentException if a bundle cannot be written: no code address, seeds other
         *                                  than 1..S, or no revision given or found
         */
        private String bundleRevision() {
            if (codeUrl.isBlank()) {
                throw new IllegalArgumentException("--record-dir needs --code-url: where the models' code is");
            }
            if (!RecordBundle.canonical(seeds)) {
                throw new IllegalArgumentException(
                        "--record-dir needs the canonical seeds 1..S (e.g. --seeds 1,2,3), got " + seeds);
            }
            Optional<String> known = RunEnvironment.suiteRevision();
            String r = suiteRevision.isBlank() ? known.orElse("") : suiteRevision.strip();
            if (!GitRevision.COMMIT.matcher(r).matches()) {
                throw new IllegalArgumentException("--record-dir needs this suite's git commit: none found from "
                        + Path.of("").toAbsolutePath() + "; pass --suite-revision <40 hex digits>");
            }
            if (known.isPresent() && !known.get().equals(r)) {
                throw new IllegalArgumentException("--suite-revision " + r + ", but this suite was built from "
                        + known.get() + " and its rows name that commit; rebuild at " + r
                        + " or leave --suite-revision out");
            }
            return r;
        }

        /**
         * The models that do at least one of the chosen tasks, and the generators if the generation task
         * is chosen.
         *
         * @throws IllegalArgumentException naming the model or generator and its tasks if one named on the
         *                                  command line does none of them, or if no model nor generator does any
         */
        private static Selection doingChosenTasks(Selection selected, boolean named, Set<Task> chosen) {
            List<BenchmarkModel> out = new ArrayList<>();
            for (BenchmarkModel m : selected.models()) {
                if (m.tasks().stream().anyMatch(chosen::contains)) {
                    out.add(m);
                } else if (named) {
                    throw new IllegalArgumentException("model " + m.id() + " does none of the chosen tasks ("
                            + ids(chosen) + "); its tasks: " + ids(m.tasks()));
                }
            }
            boolean drawing = chosen.contains(GenerationBenchmark.TASK);
            if (named && !drawing && !selected.generators().isEmpty()) {
                throw new IllegalArgumentException(
                        "generator " + selected.generators().get(0).id()
                                + " does none of the chosen tasks (" + ids(chosen) + "); its task: "
                                + GenerationBenchmark.TASK.id());
            }
            List<MaskGenerator> generators = drawing ? selected.generators() : List.of();
            if (out.isEmpty() && generators.isEmpty()) {
                throw new IllegalArgumentException(
                        "no model nor generator does any of the chosen tasks (" + ids(chosen) + ")");
            }
            return new Selection(out, generators);
        }

        private static String ids(Set<Task> tasks) {
            return tasks.stream().map(Task::id).sorted().collect(Collectors.joining(", "));
        }
    }

    /** {@code score}: score predictions files made outside the harness and write their result row. */
    @Command(
            name = "score",
            description = "Score predictions made outside the harness (numpy .npy, float32, one file per seed) on a"
                    + " test set of the task's plan with the benchmark's Evaluator, and write the same result row as a"
                    + " fitted model's, marked \"source\": \"predictions\". Shape (N,) for spanning and max-cluster,"
                    + " (N, L, L) for max-cluster-mask. A bad file writes no row.")
    static final class Score implements Callable<Integer> {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(
                names = "--task",
                required = true,
                paramLabel = "ID",
                description =
                        "a predictive task: spanning, max-cluster, max-cluster-mask, central-charge or fractal-dimension")
        String task;

        @Option(
                names = "--test",
                required = true,
                paramLabel = "SPEC/SPLIT",
                description = "a test set of the task's plan in the tier, e.g. percolation-L64-pc-test-v1/test")
        String test;

        @Option(names = "--tier", defaultValue = "default", description = "tier id (default, smoke, study, full)")
        String tier;

        @Option(
                names = "--model",
                required = true,
                paramLabel = "ID",
                description = "the model id of the row (not a registered model's)")
        String model;

        @Option(names = "--description", required = true, description = "the model's one-line description")
        String description;

        @Option(
                names = "--params",
                defaultValue = "0",
                description = "trained parameters, as declared (0: not declared)")
        long params;

        @Option(
                names = "--predictions",
                required = true,
                paramLabel = "SEED=FILE",
                description =
                        "the predictions of one seed's fit; repeat once per seed (e.g. 1=seed-1.npy 2=seed-2.npy)")
        Map<Long, Path> predictions;

        @Option(names = "--data-dir", defaultValue = "data", description = "datasets folder")
        Path dataDir;

        @CommandLine.Mixin
        RunFolder runFolder;

        @Override
        public Integer call() throws IOException {
            Task t = Task.byId(task);
            Tier k = Tier.byId(tier);
            if (!ModelRegistry.isWellFormedId(model)) {
                throw new IllegalArgumentException(
                        "--model '" + model + "': expected lower-case letters and digits in dash-separated words");
            }
            ModelRegistry registry = ModelRegistry.load();
            if (registry.all().containsKey(model)) {
                throw new IllegalArgumentException("--model " + model
                        + " is a registered model, whose rows the benchmark writes itself; name your model otherwise");
            }
            ResultRow row =
                    Predictions.score(k, t, test, model, description, params, new TreeMap<>(predictions), dataDir);
            ResultRun resultRun = ResultRun.start(
                    runFolder.runId,
                    "cli score",
                    k.id(),
                    List.copyOf(predictions.keySet()),
                    RunEnvironment.suiteRevision().orElse("unknown"));
            Path file = new ResultStore(resultRun.write(runFolder.resultsDir)).write(row);
            PrintWriter out = spec.commandLine().getOut();
            row.metrics()
                    .forEach((m, s) -> out.printf(
                            Locale.ROOT,
                            "%s %s on %s/%s: %s%n",
                            row.model(),
                            m,
                            row.testSpec(),
                            row.testSplit(),
                            Stat.text(s)));
            out.println("row written to " + file);
            return 0;
        }
    }

    /** {@code check-record}: check results of record, as a pull request that adds one is checked. */
    @Command(
            name = "check-record",
            description = "Check a result of record (a folder <tier>/<model-id>/ holding submission.json, rows/ and"
                    + " optional predictions/<task>/<spec>/<split>/seed-<s>.npy), or every record below a folder."
                    + " validate: the schema, seeds 1..S in the submission and every row, hardware and suite revision"
                    + " present, each row's suite revision the submission's, every dataset SHA-256 equal to"
                    + " today's pin. rescore: validate, then re-score every predictions file as the score command"
                    + " does and require every metric equal to the bit."
                    + " rerun: rescore, then fit and score the record's model again (its jar on the class path) with"
                    + " the record's tier and seeds, and require every metric within the stated tolerance (Welch's"
                    + " t-test of the per-seed values, family-wise p 0.01; exact for a metric with no spread)."
                    + " Each failure names the record and the field; exit 1 if any record fails.")
    static final class CheckRecord implements Callable<Integer> {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @CommandLine.Parameters(
                paramLabel = "DIR",
                description = "a record folder, or a folder of records (results-of-record)")
        Path dir;

        @Option(
                names = "--mode",
                defaultValue = "validate",
                paramLabel = "MODE",
                description = "validate, rescore or rerun")
        String mode;

        @Option(
                names = "--budget-seconds",
                defaultValue = "1800",
                description = "rerun: wall-clock limit of one fit, seconds: a guard against a hung model")
        long budget;

        @Option(
                names = "--data-dir",
                defaultValue = "data",
                description = "datasets folder, for rescore (a missing test set is generated and checked)")
        Path dataDir;

        @Override
        public Integer call() throws IOException {
            Arguments.checkRange("--budget-seconds", budget, 1, 7 * 24 * 3600);
            RecordChecker.Mode m = Arrays.stream(RecordChecker.Mode.values())
                    .filter(x -> x.id().equals(mode))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("--mode '" + mode + "': expected one of "
                            + Arrays.stream(RecordChecker.Mode.values())
                                    .map(RecordChecker.Mode::id)
                                    .collect(Collectors.joining(", "))));
            if (!Files.isDirectory(dir)) {
                throw new IllegalArgumentException(dir + ": no such folder");
            }
            List<Path> records = RecordChecker.records(dir);
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            if (records.isEmpty()) {
                out.println("no record in " + dir + " (records are folders <tier>/<model-id>/)");
                return 0;
            }
            RecordChecker checker = new RecordChecker(dataDir, true, Duration.ofSeconds(budget), out::println);
            int failed = 0;
            for (Path r : records) {
                RecordCheck c = checker.check(r, m);
                c.notes().forEach(out::println);
                if (c.passed()) {
                    long rescored = c.rows().stream()
                            .filter(x -> x.provenance() == Provenance.RE_SCORED)
                            .count();
                    out.printf(
                            Locale.ROOT,
                            "%s: ok (%s): %d row(s), %d re-scored bit for bit, %d re-run within tolerance%n",
                            r,
                            m.id(),
                            c.rows().size(),
                            rescored,
                            c.rows().stream()
                                    .filter(x -> x.provenance() == Provenance.RE_RUN)
                                    .count());
                } else {
                    failed++;
                    c.problems().forEach(p -> err.println("FAILED " + p));
                }
            }
            out.printf(Locale.ROOT, "%d record(s) checked (%s), %d failed%n", records.size(), m.id(), failed);
            return failed == 0 ? 0 : ScaleFreeCli.EXIT_FAILURE;
        }
    }

    /** {@code compare}: two records' primary metrics on the same maps, with the paired test of their difference. */
    @Command(
            name = "compare",
            description = "Compare two results of record of the same tier map by map: for every predictions file of"
                    + " A whose task, test set and seed B holds too, A's primary metric minus B's, its paired standard"
                    + " error (spanning ROC AUC: DeLong's test of correlated ROC curves; a regression task's R²: paired"
                    + " squared errors), z and two-sided p. Compare with density-baseline's record to tell a gap to"
                    + " density from the test set's noise. Both records are validated first.")
    static final class Compare implements Callable<Integer> {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @CommandLine.Parameters(index = "0", paramLabel = "A", description = "a record folder, <tier>/<model-id>")
        Path a;

        @CommandLine.Parameters(
                index = "1",
                paramLabel = "B",
                description = "a record folder of the same tier, e.g. results-of-record/full/density-baseline")
        Path b;

        @Option(
                names = "--tasks",
                split = ",",
                paramLabel = "ID",
                showDefaultValue = CommandLine.Help.Visibility.NEVER,
                description = "the tasks to compare (default: every task with predictions files in both)")
        List<String> tasks = List.of();

        @Option(
                names = "--data-dir",
                defaultValue = "data",
                description = "datasets folder (a missing test set is generated and checked)")
        Path dataDir;

        @Override
        public Integer call() throws IOException {
            Set<Task> chosen = tasks.stream().map(Task::byId).collect(Collectors.toSet());
            for (Path p : List.of(a, b)) {
                if (!Files.isDirectory(p)) {
                    throw new IllegalArgumentException(p + ": no such folder (expected a record, <tier>/<model-id>)");
                }
            }
            RecordComparison.Result r = new RecordComparison(dataDir).compare(a, b, chosen);
            PrintWriter out = spec.commandLine().getOut();
            out.printf(
                    Locale.ROOT,
                    "%s minus %s, tier %s, on the same maps: difference ± paired standard error, z, two-sided p%n",
                    r.modelA(),
                    r.modelB(),
                    r.tier());
            for (RecordComparison.SeedDifference s : r.differences()) {
                PairedDifference d = s.difference();
                out.printf(
                        Locale.ROOT,
                        "%s %s on %s, seed %d (N = %d): %.4f - %.4f = %+.4f ± %.4f, z = %+.2f, p = %.2g%n",
                        d.task().id(),
                        d.metric().id(),
                        d.testSet(),
                        s.seed(),
                        d.samples(),
                        d.a(),
                        d.b(),
                        d.difference(),
                        d.standardError(),
                        d.z(),
                        d.pTwoSided());
            }
            r.unpaired().forEach(u -> out.println("not compared: " + u));
            return 0;
        }
    }

    /** {@code bench-cnn}: the reference CNN's training throughput beside sgemm. */
    @Command(
            name = "bench-cnn",
            description = "Training throughput of the reference CNN (maps/s, GFLOP/s) beside ND4J sgemm, one run.")
    static final class BenchCnn implements Callable<Integer> {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--size", defaultValue = "64", description = "L")
        int size;

        @Option(names = "--batch", defaultValue = "64", description = "maps per step")
        int batch;

        @Option(names = "--rounds", defaultValue = "5", description = "measured rounds, after 2 warm-up rounds")
        int rounds;

        @Option(names = "--steps", defaultValue = "10", description = "steps per round")
        int steps;

        @Override
        public Integer call() {
            Arguments.checkRange("--size", size, 8, 1024);
            Arguments.checkRange("--batch", batch, 1, 4096);
            Arguments.checkRange("--rounds", rounds, 1, 100);
            Arguments.checkRange("--steps", steps, 1, 10_000);
            spec.commandLine()
                    .getOut()
                    .printf(
                            "%s",
                            CnnThroughputBench.run(size, batch, rounds, steps).report());
            return 0;
        }
    }

    /** {@code bench-rg-flow}: rg-flow's training throughput beside sgemm, and its inference time per map. */
    @Command(
            name = "bench-rg-flow",
            description = "Training throughput of rg-flow (maps/s, GFLOP/s) beside ND4J sgemm, and its inference"
                    + " ms/map at L = 64 to 1024, one run.")
    static final class BenchRgFlow implements Callable<Integer> {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--size", defaultValue = "64", description = "L of the training maps")
        int size;

        @Option(names = "--batch", defaultValue = "32", description = "maps per step")
        int batch;

        @Option(names = "--rounds", defaultValue = "5", description = "measured rounds, after 2 warm-up rounds")
        int rounds;

        @Option(names = "--steps", defaultValue = "5", description = "steps per round")
        int steps;

        @Option(
                names = "--infer-sizes",
                split = ",",
                defaultValue = "64,128,256,512,1024",
                description = "the L at which inference is timed")
        int[] inferSizes;

        @Override
        public Integer call() {
            Arguments.checkRange("--size", size, 8, 1024);
            Arguments.checkRange("--batch", batch, 1, 4096);
            Arguments.checkRange("--rounds", rounds, 1, 100);
            Arguments.checkRange("--steps", steps, 1, 10_000);
            for (int l : inferSizes) {
                Arguments.checkRange("--infer-sizes", l, 2, 4096);
            }
            spec.commandLine()
                    .getOut()
                    .printf(
                            "%s",
                            RgFlowThroughputBench.run(size, batch, rounds, steps, inferSizes)
                                    .report());
            return 0;
        }
    }

    /** {@code bench-anagram}: one ANaGRAM step of the reference CNN against one SGD step. */
    @Command(
            name = "bench-anagram",
            description =
                    "Cost of one ANaGRAM step of the reference CNN in SGD steps, with its parts and the memory of J, one run.")
    static final class BenchAnagram implements Callable<Integer> {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--size", defaultValue = "64", description = "L")
        int size;

        @Option(names = "--batch", defaultValue = "128", description = "maps per step")
        int batch;

        @Option(
                names = "--jacobian-samples",
                defaultValue = "" + CnnAnagram.JACOBIAN_SAMPLES,
                description = "maps of the batch J is computed on (0: all)")
        int jacobianSamples;

        @Option(names = "--rounds", defaultValue = "5", description = "measured steps of each, after 2 warm-up steps")
        int rounds;

        @Override
        public Integer call() {
            Arguments.checkRange("--size", size, 8, 1024);
            Arguments.checkRange("--batch", batch, 1, 4096);
            Arguments.checkRange("--jacobian-samples", jacobianSamples, 0, 4096);
            Arguments.checkRange("--rounds", rounds, 1, 100);
            spec.commandLine()
                    .getOut()
                    .printf(
                            "%s",
                            AnagramStepBench.run(size, batch, jacobianSamples, rounds)
                                    .report());
            return 0;
        }
    }

    /** {@code bench-refit}: the same fit repeated in one JVM, as the harness runs it; the ratio of the last fit's time to the first's. */
    @Command(
            name = "bench-refit",
            description =
                    "Fit one model with one seed several times in one JVM (each fit followed by its predictions on "
                            + "the tier's test sets, as in the benchmark), after optional other models; print each fit's time, GC "
                            + "and memory, the ratio of the last fit's time to the first's, and the peak resident memory.")
    static final class BenchRefit implements Callable<Integer> {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--model", required = true, description = "the model id to refit")
        String model;

        @Option(names = "--repeat", defaultValue = "3", description = "fits of that model")
        int repeat;

        @Option(names = "--seed", defaultValue = "1", description = "the seed of every fit")
        long seed;

        @Option(
                names = "--after",
                defaultValue = "",
                showDefaultValue = CommandLine.Help.Visibility.NEVER,
                description =
                        "comma-separated model ids fitted once each (with the same seed) before, as earlier models in a run")
        String after;

        @Option(names = "--tier", defaultValue = "default", description = "tier id (default, smoke)")
        String tier;

        @Option(names = "--budget-seconds", defaultValue = "3600", description = "limit of one fit, seconds")
        long budget;

        @Option(names = "--data-dir", defaultValue = "data", description = "datasets folder")
        Path dataDir;

        @Override
        public Integer call() throws IOException {
            Arguments.checkRange("--repeat", repeat, 2, 20);
            Arguments.checkRange("--budget-seconds", budget, 1, 86_400);
            ModelRegistry registry = ModelRegistry.load();
            BenchmarkModel refit = registry.select(model).get(0);
            List<BenchmarkModel> before = after.isBlank() ? List.of() : registry.select(after);
            PrintWriter out = spec.commandLine().getOut();
            Tier t = Tier.byId(tier);
            TierData data = TierData.load(t, dataDir);
            Duration limit = Duration.ofSeconds(budget);
            for (BenchmarkModel m : before) {
                runOrFail(new Benchmark(settings(t, List.of(seed), limit), data, out::println), m);
            }
            ModelRun run = runOrFail(
                    new Benchmark(settings(t, Collections.nCopies(repeat, seed), limit), data, out::println), refit);
            out.printf(
                    "%n%s, seed %d, %d fits in one JVM%s:%n",
                    refit.id(), seed, repeat, before.isEmpty() ? "" : " after " + after);
            out.printf(
                    "%-4s %9s %9s %9s %11s %11s %11s %11s  %s%n",
                    "fit",
                    "fit s",
                    "GC s",
                    "predict s",
                    "heap",
                    "off-heap",
                    "resident",
                    "peak res.",
                    "scores on the first test set (equal when the fit is deterministic)");
            long peak = 0;
            for (int k = 0; k < run.seeds().size(); k++) {
                ModelRun.Resources r = run.seeds().get(k).resources();
                ResourceUse end = r.afterPredictions();
                out.printf(
                        "%-4d %9.1f %9.1f %9.1f %11s %11s %11s %11s  %s%n",
                        k + 1,
                        run.seeds().get(k).trainSeconds(),
                        (r.afterFit().gcMillis() - r.beforeFit().gcMillis()) / 1e3,
                        (end.nanos() - r.afterFit().nanos()) / 1e9,
                        ResourceUse.gib(end.heapUsed()),
                        ResourceUse.gib(end.offHeapBytes()),
                        ResourceUse.gib(end.resident()),
                        ResourceUse.gib(end.peakResident()),
                        scores(run.seeds().get(k)));
                peak = Math.max(peak, end.peakResident());
            }
            double first = run.seeds().get(0).trainSeconds();
            double last = run.seeds().get(run.seeds().size() - 1).trainSeconds();
            out.printf("last / first fit time: %.2f; peak resident memory: %s%n", last / first, ResourceUse.gib(peak));
            return 0;
        }

        private static String scores(ModelRun.SeedRun seedRun) {
            return seedRun.evaluations().values().iterator().next().values().stream()
                    .map(e -> e.task().id() + " " + e.task().primaryMetric().id() + " "
                            + e.score(e.task().primaryMetric()))
                    .collect(Collectors.joining(", "));
        }

        private BenchmarkSettings settings(Tier t, List<Long> seeds, Duration limit) {
            return new BenchmarkSettings(
                    t,
                    seeds,
                    "",
                    BenchmarkSettings.parseTasks(""),
                    limit,
                    dataDir,
                    Path.of("target/benchmark-results"));
        }

        private static ModelRun runOrFail(Benchmark benchmark, BenchmarkModel m) {
            ModelRun run = benchmark.run(m);
            if (!run.failures().isEmpty()) {
                throw new IllegalStateException(m.id() + " failed: " + run.failures());
            }
            return run;
        }
    }
}
