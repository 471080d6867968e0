package org.scalefreebench.scaleout;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.Function;
import org.scalefreebench.bench.Benchmark;
import org.scalefreebench.bench.BenchmarkSettings;
import org.scalefreebench.bench.ModelRegistry;
import org.scalefreebench.bench.ModelRun;
import org.scalefreebench.bench.ResultRows;
import org.scalefreebench.bench.RunEnvironment;
import org.scalefreebench.bench.TierData;
import org.scalefreebench.bench.result.ResultRow;
import org.scalefreebench.bench.result.ResultRun;
import org.scalefreebench.bench.result.ResultStore;
import org.scalefreebench.datasets.model.BenchmarkModel;
import org.scalefreebench.datasets.task.Task;
import org.scalefreebench.datasets.task.TestSet;
import org.scalefreebench.datasets.task.Tier;

/**
 * A seed or model sweep of the benchmark as independent fits: one Spark task per (model, task,
 * seed) fits the model on the task's training data, scores it on the task's test sets with the
 * harness ({@link Benchmark}) and returns its rows, recording the executor's hardware and host. The
 * driver merges the fits of one (model, task, test set) into one row over their seeds
 * ({@link SeedRows#merge}) and writes it to a results folder the leaderboard reads. A model sweep
 * over hyper-parameters is a sweep over the registered variants that carry them (e.g.
 * {@code cnn-sgd}, {@code cnn-adam}).
 */
public final class FitSweep {

    /** The task cpus key: one fit per executor when it equals the executor's cores. */
    public static final String TASK_CPUS = "spark.task.cpus";

    private FitSweep() {}

    /**
     * One point of the sweep's grid.
     *
     * @param model the model id
     * @param task  the task id
     * @param seed  the seed
     */
    public record Fit(String model, String task, long seed) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    /**
     * One fit as its task ended.
     *
     * @param fit     the grid point
     * @param rows    its rows as JSON, one per test set of the task's plan
     * @param host    the executor's host
     * @param seconds wall-clock seconds of the task (loading the data, the fit and the scoring)
     */
    public record FitRun(Fit fit, List<String> rows, String host, double seconds) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    /**
     * What a sweep did.
     *
     * @param fits    each fit's task, in grid order
     * @param rows    the merged rows written, one per (model, task, test set)
     * @param rowsDir the sweep's own rows folder, {@code <results>/runs/<run id>/rows}
     * @param files   the row files written
     * @param seconds wall-clock seconds of the Spark job
     */
    public record Outcome(List<FitRun> fits, List<ResultRow> rows, Path rowsDir, List<Path> files, double seconds) {}

    /**
     * The grid, checked before anything runs.
     *
     * @param tier   the tier
     * @param models comma-separated model ids
     * @param tasks  comma-separated task ids, blank for every task of each model in the tier
     * @param seeds  the seeds
     * @return one fit per (model, task the model does in the tier, seed), model-major
     * @throws IllegalArgumentException naming an unknown model or task, a model that does not run in
     *     the tier, or a model named with none of the tasks
     */
    public static List<Fit> grid(Tier tier, String models, String tasks, List<Long> seeds) {
        if (models == null || models.isBlank()) {
            throw new IllegalArgumentException("--models is empty; give one or more model ids, comma-separated");
        }
        if (seeds.isEmpty()) {
            throw new IllegalArgumentException("--seeds is empty; give one or more seeds, comma-separated");
        }
        Set<Task> chosen = BenchmarkSettings.parseTasks(tasks);
        List<Fit> grid = new ArrayList<>();
        for (BenchmarkModel m : ModelRegistry.load().select(models, tier)) {
            List<Task> doing =
                    m.tasks().stream().filter(chosen::contains).sorted().toList();
            if (doing.isEmpty()) {
                throw new IllegalArgumentException("model " + m.id() + " does none of the chosen tasks; its tasks: "
                        + m.tasks().stream().map(Task::id).sorted().toList());
            }
            for (Task t : doing) {
                for (long seed : seeds) {
                    grid.add(new Fit(m.id(), t.id(), seed));
                }
            }
        }
        return grid;
    }

    /**
     * Generates (or completes) on the driver every dataset the grid's tasks read, so that no two
     * fits generate one dataset into the shared folder at once.
     *
     * @param tier    the tier
     * @param grid    the fits
     * @param dataDir the data folder every executor reads
     * @throws IOException if generating fails or a dataset does not match its pins
     */
    public static void prepareData(Tier tier, List<Fit> grid, Path dataDir) throws IOException {
        Set<String> specs = new LinkedHashSet<>();
        for (Fit f : grid) {
            Task t = Task.byId(f.task());
            specs.addAll(t.plan(tier).trainSpecs());
            t.plan(tier).testSets().stream().map(TestSet::specId).forEach(specs::add);
        }
        for (String id : specs) {
            TierData.ensure(id, dataDir);
        }
    }

    /**
     * Runs the fits as Spark tasks and writes the merged rows.
     *
     * @param spark      the Spark context; set {@value #TASK_CPUS} to an executor's cores for one fit per executor
     * @param tier       the tier
     * @param grid       the fits
     * @param budget     wall-clock limit of one fit, and of its predictions
     * @param dataDir    the data folder, one every executor sees, prepared by {@link #prepareData}
     * @param resultsDir the results folder; rows go to the sweep's own run folder in it ({@link ResultRun})
     * @return what was done
     * @throws IOException if a row cannot be written
     */
    public static Outcome run(
            JavaSparkContext spark, Tier tier, List<Fit> grid, Duration budget, Path dataDir, Path resultsDir)
            throws IOException {
        FitTask task = new FitTask(
                tier.id(), budget.toSeconds(), dataDir.toAbsolutePath().toString());
        long t0 = System.nanoTime();
        List<FitRun> runs =
                spark.parallelize(grid, Math.max(1, grid.size())).map(task).collect();
        double seconds = (System.nanoTime() - t0) / 1e9;
        List<ResultRow> single = new ArrayList<>();
        for (FitRun r : runs) {
            for (String json : r.rows()) {
                single.add(TRANSPORT.readValue(json, ResultRow.class));
            }
        }
        List<ResultRow> merged = SeedRows.merge(single);
        ResultRun sweep = ResultRun.start(
                "",
                "spark sweep",
                tier.id(),
                grid.stream().map(Fit::seed).distinct().sorted().toList(),
                RunEnvironment.suiteRevision().orElse("unknown"));
        ResultStore store = new ResultStore(sweep.write(resultsDir));
        List<Path> files = new ArrayList<>();
        for (ResultRow row : merged) {
            files.add(store.write(row));
        }
        return new Outcome(List.copyOf(runs), merged, store.dir(), files, seconds);
    }

    /** Rows in transit from an executor to the driver (the store writes them as it always does). */
    private static final ObjectMapper TRANSPORT = new ObjectMapper();

    /** The task of one fit, run on an executor. */
    private record FitTask(String tier, long budgetSeconds, String dataDir) implements Function<Fit, FitRun> {

        private static final long serialVersionUID = 1L;

        @Override
        public FitRun call(Fit fit) throws IOException {
            long t0 = System.nanoTime();
            Tier t = Tier.byId(tier);
            Task task = Task.byId(fit.task());
            BenchmarkSettings settings = new BenchmarkSettings(
                    t,
                    List.of(fit.seed()),
                    fit.model(),
                    EnumSet.of(task),
                    Duration.ofSeconds(budgetSeconds),
                    Path.of(dataDir),
                    Path.of(dataDir));
            BenchmarkModel model = ModelRegistry.load().get(fit.model());
            Map<String, String> hardware = new LinkedHashMap<>(RunEnvironment.hardware());
            hardware.put("host", ExecutorHost.name());
            Map<String, String> versions = RunEnvironment.versions();
            List<String> rows = new ArrayList<>();
            for (TierData data : TierData.loadAll(t, EnumSet.of(task), settings.dataDir())) {
                Benchmark benchmark = new Benchmark(settings, data, System.err::println);
                if (benchmark.tasksOf(model).isEmpty()) {
                    continue;
                }
                ModelRun run = benchmark.run(model);
                for (ResultRow row : ResultRows.of(run, data, hardware, versions)) {
                    rows.add(TRANSPORT.writeValueAsString(row));
                }
            }
            return new FitRun(fit, List.copyOf(rows), ExecutorHost.name(), (System.nanoTime() - t0) / 1e9);
        }
    }
}
