package org.scalefreebench.bench.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.scalefreebench.bench.Benchmark;
import org.scalefreebench.bench.BenchmarkSettings;
import org.scalefreebench.bench.ModelRegistry;
import org.scalefreebench.bench.ModelRun;
import org.scalefreebench.bench.ResultRows;
import org.scalefreebench.bench.RunEnvironment;
import org.scalefreebench.bench.TierData;
import org.scalefreebench.bench.result.ResultRow;
import org.scalefreebench.bench.result.ResultStore;
import org.scalefreebench.datasets.cli.Arguments;
import org.scalefreebench.datasets.cli.ScaleFreeCli;
import org.scalefreebench.datasets.model.BenchmarkModel;
import org.scalefreebench.datasets.task.Tier;
import org.scalefreebench.reference.bench.AnagramStepBench;
import org.scalefreebench.reference.bench.CnnThroughputBench;
import org.scalefreebench.reference.cnn.CnnAnagram;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code scalefree-bench} command-line tool: list the registered models, run the benchmark
 * outside Maven, and measure the reference CNN's throughput against sgemm. Exit codes: 0 success,
 * 1 a model failed or the data are bad, 2 bad usage (unknown id, bad option).
 */
@Command(name = "scalefree-bench", mixinStandardHelpOptions = true,
        description = "ScaleFree Bench: run models on the benchmark's tasks and measure them.",
        subcommands = {BenchCli.Models.class, BenchCli.Run.class, BenchCli.BenchCnn.class, BenchCli.BenchAnagram.class})
public final class BenchCli {

    private BenchCli() {
    }

    /**
     * @param args command-line arguments
     */
    public static void main(String[] args) {
        System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
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

    /** {@code models}: the registered models, a line each. */
    @Command(name = "models", description = "List the registered models with their tasks.")
    static final class Models implements Callable<Integer> {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            for (BenchmarkModel m : ModelRegistry.load().all().values()) {
                spec.commandLine().getOut().printf("%-18s %-40s %s%s%n", m.id(),
                        m.tasks().stream().map(t -> t.id()).sorted().toList(), m.description(),
                        m.ranked() ? "" : " (reference, not ranked)");
            }
            return 0;
        }
    }

    /** {@code run}: fit and score models, write result rows. */
    @Command(name = "run", description = "Fit and score models on a tier's tasks; write result rows.")
    static final class Run implements Callable<Integer> {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--tier", defaultValue = "default", description = "tier id (default, smoke)")
        String tier;

        @Option(names = "--models", defaultValue = "", description = "comma-separated model ids (default: all)")
        String models;

        @Option(names = "--tasks", defaultValue = "", description = "comma-separated task ids (default: all)")
        String tasks;

        @Option(names = "--seeds", split = ",", defaultValue = "1,2,3", description = "seeds (default 1,2,3)")
        List<Long> seeds;

        @Option(names = "--budget-seconds", defaultValue = "600", description = "limit of one fit, seconds")
        long budget;

        @Option(names = "--data-dir", defaultValue = "data", description = "datasets folder")
        Path dataDir;

        @Option(names = "--results-dir", defaultValue = "target/benchmark-results", description = "results folder")
        Path resultsDir;

        @Override
        public Integer call() throws Exception {
            BenchmarkSettings settings = new BenchmarkSettings(Tier.byId(tier), seeds, models,
                    BenchmarkSettings.parseTasks(tasks), Duration.ofSeconds(budget), dataDir, resultsDir);
            List<BenchmarkModel> selected = ModelRegistry.load().select(models);
            PrintWriter out = spec.commandLine().getOut();
            TierData data = TierData.load(settings.tier(), settings.dataDir());
            Benchmark benchmark = new Benchmark(settings, data, out::println);
            ResultStore store = new ResultStore(settings.rowsDir());
            int failed = 0;
            for (BenchmarkModel m : selected) {
                ModelRun run = benchmark.run(m);
                for (ResultRow r : ResultRows.of(run, data, RunEnvironment.hardware(), RunEnvironment.versions())) {
                    store.write(r);
                    out.printf("%-18s %-17s L=%-4d %s%n", r.model(), r.task(), r.size(),
                            r.ok() ? r.metrics().entrySet().stream()
                                    .map(e -> String.format("%s %.4f ± %.4f", e.getKey(), e.getValue().mean(),
                                            e.getValue().std()))
                                    .toList()
                                    : "FAILED: " + r.error());
                    failed += r.ok() ? 0 : 1;
                }
            }
            out.println("rows written to " + store.dir());
            return failed == 0 ? 0 : 1;
        }
    }

    /** {@code bench-cnn}: the reference CNN's training throughput beside sgemm. */
    @Command(name = "bench-cnn",
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
            spec.commandLine().getOut().printf("%s", CnnThroughputBench.run(size, batch, rounds, steps).report());
            return 0;
        }
    }

    /** {@code bench-anagram}: one ANaGRAM step of the reference CNN against one SGD step. */
    @Command(name = "bench-anagram",
            description = "Cost of one ANaGRAM step of the reference CNN in SGD steps, with its parts and the memory of J, one run.")
    static final class BenchAnagram implements Callable<Integer> {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--size", defaultValue = "64", description = "L")
        int size;

        @Option(names = "--batch", defaultValue = "128", description = "maps per step")
        int batch;

        @Option(names = "--jacobian-samples", defaultValue = "" + CnnAnagram.JACOBIAN_SAMPLES,
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
            spec.commandLine().getOut().printf("%s", AnagramStepBench.run(size, batch, jacobianSamples, rounds).report());
            return 0;
        }
    }
}
