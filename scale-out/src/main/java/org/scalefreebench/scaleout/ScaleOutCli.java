package org.scalefreebench.scaleout;

import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.scalefreebench.bench.result.ResultRow;
import org.scalefreebench.bench.result.Stat;
import org.scalefreebench.datasets.cli.DatasetChoice;
import org.scalefreebench.datasets.cli.ScaleFreeCli;
import org.scalefreebench.datasets.spec.DatasetSpec;
import org.scalefreebench.datasets.task.Tier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code scale-out} command-line tool: sharded generation and fit sweeps on Spark. Every command
 * prints Spark's start-up time apart from the work's. Exit codes: 0 success, 1 a failure (bad data,
 * a failed fit, I/O), 2 bad usage.
 */
@Command(
        name = "scale-out",
        mixinStandardHelpOptions = true,
        showDefaultValues = true,
        scope = CommandLine.ScopeType.INHERIT,
        description = "ScaleFree Bench on Apache Spark: generate datasets as shards, run sweeps of independent fits.",
        subcommands = {ScaleOutCli.Generate.class, ScaleOutCli.Sweep.class})
public final class ScaleOutCli {

    private ScaleOutCli() {}

    /** @param args command-line arguments */
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
        return ScaleFreeCli.execute(ScaleOutCli.class, out, err, args);
    }

    /** The options every command shares: where Spark runs. */
    static class SparkOptions {
        @Option(
                names = "--master",
                defaultValue = SparkJobs.LOCAL,
                description = "Spark master: local[*], local[N], local[N,F] (F attempts per task), spark://..., yarn,"
                        + " k8s://...")
        String master;

        @Option(
                names = "--conf",
                paramLabel = "KEY=VALUE",
                description = "a Spark setting, repeatable (e.g. --conf spark.executor.memory=8g)")
        Map<String, String> conf = new LinkedHashMap<>();
    }

    /** {@code generate}: a spec as shards in parallel, merged and checked against its pins. */
    @Command(
            name = "generate",
            description = {
                "Generate a dataset as shards, one Spark task each, into OUT/<id>/shards/, then merge them into OUT/<id>/"
                        + " exactly as `scalefree generate` writes it (a published spec is checked against its pins).",
                "OUT is a folder every executor sees, or a Hadoop file system URI (hdfs://, s3a://, file://)."
            })
    static final class Generate implements Callable<Integer> {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec command;

        @CommandLine.Mixin
        SparkOptions spark = new SparkOptions();

        @CommandLine.Mixin
        DatasetChoice dataset = new DatasetChoice();

        @Option(
                names = "--shards",
                paramLabel = "N",
                description = "number of shards (default: Spark's default parallelism, one per worker)")
        Integer shards;

        @Option(names = "--out", required = true, paramLabel = "DIR|URI", description = "root folder or URI")
        String out;

        @Override
        public Integer call() throws Exception {
            DatasetSpec spec = dataset.spec();
            PrintWriter o = command.commandLine().getOut();
            long t0 = System.nanoTime();
            try (SparkJobs.Started started =
                    SparkJobs.start(spark.master, "scalefree generate " + spec.id(), spark.conf)) {
                int count = shards != null ? shards : started.workers();
                int threads = Integer.parseInt(started.context().getConf().get(FitSweep.TASK_CPUS, "1"));
                o.printf(
                        "Spark %s on %s: started in %.1f s; %d workers, %d shard(s), %d generator thread(s) per task%n",
                        started.context().version(),
                        spark.master,
                        started.startSeconds(),
                        started.workers(),
                        count,
                        threads);
                ShardedGeneration.Outcome r = ShardedGeneration.run(started.context(), spec, count, out, threads, -1);
                for (ShardedGeneration.ShardRun s : r.shards()) {
                    o.printf(
                            "  shard %d: %s in %.1f s on %s (attempt %d)%n",
                            s.index(), s.kept() ? "kept" : "generated", s.seconds(), s.host(), s.attempt());
                }
                o.printf(
                        "%s: shards in %.1f s, merge in %.1f s%s; total with Spark's start %.1f s%n",
                        r.dataset(),
                        r.generateSeconds(),
                        r.mergeSeconds(),
                        spec.pinned() ? " (matches the spec's pinned SHA-256)" : "",
                        (System.nanoTime() - t0) / 1e9);
            }
            return 0;
        }
    }

    /** {@code sweep}: independent fits, one Spark task each, merged into one results folder. */
    @Command(
            name = "sweep",
            description = {
                "Fit and score every (model, task, seed) as its own Spark task and merge the rows of each (model,"
                        + " task, test set) over the seeds into RESULTS/rows/, as `scalefree-bench run` writes them.",
                "The data folder must be one every executor sees; missing datasets are generated first by the driver."
            })
    static final class Sweep implements Callable<Integer> {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec command;

        @CommandLine.Mixin
        SparkOptions spark = new SparkOptions();

        @Option(names = "--tier", defaultValue = "default", description = "tier id (smoke, default, study, full)")
        String tier;

        @Option(names = "--models", required = true, description = "comma-separated model ids (variants = a sweep)")
        String models;

        @Option(
                names = "--tasks",
                defaultValue = "",
                showDefaultValue = CommandLine.Help.Visibility.NEVER,
                description = "comma-separated task ids (default: every task of each model)")
        String tasks;

        @Option(names = "--seeds", split = ",", defaultValue = "1,2,3", description = "seeds")
        List<Long> seeds;

        @Option(
                names = "--fit-cpus",
                paramLabel = "N",
                description = "cores one fit takes (spark.task.cpus); default: every worker thread of a local"
                        + " master, spark.executor.cores on a cluster, so that one fit runs per executor")
        Integer fitCpus;

        @Option(names = "--budget-seconds", defaultValue = "1800", description = "wall-clock limit of one fit")
        long budget;

        @Option(names = "--data-dir", defaultValue = "data", description = "datasets folder every executor sees")
        Path dataDir;

        @Option(
                names = "--results-dir",
                defaultValue = "target/benchmark-results",
                description = "results folder; the sweep's rows go to its own RESULTS/runs/<run id>/rows")
        Path resultsDir;

        @Override
        public Integer call() throws Exception {
            Tier t = Tier.byId(tier);
            List<FitSweep.Fit> grid = FitSweep.grid(t, models, tasks, seeds);
            Map<String, String> conf = new LinkedHashMap<>(spark.conf);
            conf.put(FitSweep.TASK_CPUS, Integer.toString(fitCpus(conf)));
            PrintWriter o = command.commandLine().getOut();
            long t0 = System.nanoTime();
            FitSweep.prepareData(t, grid, dataDir);
            o.printf("data ready in %s in %.1f s%n", dataDir, (System.nanoTime() - t0) / 1e9);
            try (SparkJobs.Started started = SparkJobs.start(spark.master, "scalefree sweep " + tier, conf)) {
                o.printf(
                        "Spark %s on %s: started in %.1f s; %d fit(s), %s core(s) each%n",
                        started.context().version(),
                        spark.master,
                        started.startSeconds(),
                        grid.size(),
                        conf.get(FitSweep.TASK_CPUS));
                FitSweep.Outcome r =
                        FitSweep.run(started.context(), t, grid, Duration.ofSeconds(budget), dataDir, resultsDir);
                for (FitSweep.FitRun f : r.fits()) {
                    o.printf(
                            "  %s %s seed %d: %.1f s on %s%n",
                            f.fit().model(), f.fit().task(), f.fit().seed(), f.seconds(), f.host());
                }
                int failed = 0;
                for (ResultRow row : r.rows()) {
                    o.printf(
                            "%-18s %-17s %-8s L=%-4d seeds %s %s%n",
                            row.model(),
                            row.task(),
                            row.testRole(),
                            row.size(),
                            row.seeds(),
                            row.ok()
                                    ? row.metrics().entrySet().stream()
                                            .map(e -> e.getKey() + " " + Stat.text(e.getValue()))
                                            .toList()
                                    : "FAILED: " + row.error());
                    failed += row.ok() ? 0 : 1;
                }
                o.printf(
                        "rows written to %s; fits in %.1f s; total with data and Spark's start %.1f s%n",
                        r.rowsDir(), r.seconds(), (System.nanoTime() - t0) / 1e9);
                return failed == 0 ? 0 : 1;
            }
        }

        private int fitCpus(Map<String, String> conf) {
            if (fitCpus != null) {
                if (fitCpus < 1) {
                    throw new IllegalArgumentException(
                            "--fit-cpus " + fitCpus + " is outside the allowed range [1, ∞)");
                }
                return fitCpus;
            }
            if (SparkJobs.isLocal(spark.master)) {
                return localThreads(spark.master);
            }
            String cores = conf.get("spark.executor.cores");
            if (cores == null) {
                throw new IllegalArgumentException(
                        "on a cluster master give --fit-cpus N or --conf spark.executor.cores=N"
                                + " (one fit per executor takes all its cores)");
            }
            return Integer.parseInt(cores);
        }

        /** The worker threads of a local master: local, local[N], local[*], local[N,F], local[*,F]. */
        static int localThreads(String master) {
            if (master.equals("local")) {
                return 1;
            }
            String n = master.substring("local[".length(), master.length() - 1)
                    .split(",")[0]
                    .trim();
            return n.equals("*") ? Runtime.getRuntime().availableProcessors() : Integer.parseInt(n);
        }
    }
}
