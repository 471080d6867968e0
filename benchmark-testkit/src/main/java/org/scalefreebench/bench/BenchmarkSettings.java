package org.scalefreebench.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.scalefreebench.bench.result.ResultRun;
import org.scalefreebench.datasets.task.Task;
import org.scalefreebench.datasets.task.Tier;

/**
 * What a benchmark run does: the tier, the seeds, which models and tasks, the time budget of each
 * fit, and where data and results live. {@link #fromSystemProperties()} reads them from
 * {@code -Dscalefree.*} properties, which is how {@code mvn verify} is filtered.
 *
 * @param tier       the tier
 * @param seeds      the seeds, one fit per seed
 * @param modelIds   comma-separated model ids, blank for all
 * @param tasks      the tasks to score
 * @param budget     wall-clock limit of one fit, and separately of one model's predictions
 * @param dataDir    the folder holding the datasets ({@code <spec-id>/} each)
 * @param resultsDir the folder result rows are written to
 */
public record BenchmarkSettings(
        Tier tier, List<Long> seeds, String modelIds, Set<Task> tasks, Duration budget, Path dataDir, Path resultsDir) {

    /** Seeds of the default tier. */
    public static final List<Long> DEFAULT_SEEDS = List.of(1L, 2L, 3L);
    /**
     * Default wall-clock limit of one fit (and, separately, of one model's predictions on one test
     * set). It only guards against a model that hangs: the reference models are bounded by work
     * (passes over the training split), and the slowest of them, {@code cnn-anagram}, fits in 230–270 s
     * on the 2-core reference machine, so the limit leaves it a margin of more than 6×, room for a
     * second job slowing the machine. A model that stops itself at a time limit of its own (the
     * {@code -45s} variants) says so in its rows' training notes.
     */
    public static final Duration DEFAULT_BUDGET = Duration.ofMinutes(30);

    /** Checks and copies. */
    public BenchmarkSettings {
        seeds = List.copyOf(seeds);
        tasks = Set.copyOf(tasks);
        if (seeds.isEmpty()) {
            throw new IllegalArgumentException("at least one seed is needed");
        }
        if (tasks.isEmpty()) {
            throw new IllegalArgumentException("at least one task is needed; known task ids: " + Task.ids());
        }
        if (budget.isNegative() || budget.isZero()) {
            throw new IllegalArgumentException("the budget must be positive, got " + budget);
        }
    }

    /**
     * Reads {@code scalefree.tier} (default {@code default}), {@code scalefree.seeds} (comma-separated,
     * default 1,2,3), {@code scalefree.models}, {@code scalefree.tasks} (comma-separated ids, default
     * all), {@code scalefree.budget.seconds} (default 1800), {@code scalefree.data.dir} (default
     * {@code data}) and {@code scalefree.results.dir} (default {@code target/benchmark-results}).
     *
     * @return the settings
     * @throws IllegalArgumentException naming the property and the known values if one is wrong
     */
    public static BenchmarkSettings fromSystemProperties() {
        Tier tier = Tier.byId(System.getProperty("scalefree.tier", Tier.DEFAULT.id()));
        List<Long> seeds = DEFAULT_SEEDS;
        String s = System.getProperty("scalefree.seeds");
        if (s != null && !s.isBlank()) {
            seeds = new ArrayList<>();
            for (String part : s.split(",")) {
                try {
                    seeds.add(Long.parseLong(part.trim()));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("scalefree.seeds: '" + part.trim() + "' is not an integer");
                }
            }
        }
        long budget;
        String b = System.getProperty("scalefree.budget.seconds", Long.toString(DEFAULT_BUDGET.toSeconds()));
        try {
            budget = Long.parseLong(b.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "scalefree.budget.seconds: '" + b + "' is not a whole number of seconds");
        }
        return new BenchmarkSettings(
                tier,
                seeds,
                System.getProperty("scalefree.models", ""),
                parseTasks(System.getProperty("scalefree.tasks", "")),
                Duration.ofSeconds(budget),
                Path.of(System.getProperty("scalefree.data.dir", "data")),
                Path.of(System.getProperty("scalefree.results.dir", "target/benchmark-results")));
    }

    /**
     * @param filter comma-separated task ids; blank for all
     * @return the tasks
     * @throws IllegalArgumentException listing the known ids if one is unknown
     */
    public static Set<Task> parseTasks(String filter) {
        if (filter == null || filter.isBlank()) {
            return EnumSet.allOf(Task.class);
        }
        Set<Task> tasks = EnumSet.noneOf(Task.class);
        for (String id : filter.split(",")) {
            tasks.add(Task.byId(id.trim()));
        }
        return tasks;
    }

    /**
     * Starts a run of these settings in its own folder below {@code resultsDir} and records what it is.
     *
     * @param id     the run id, or blank for a new one (property {@code scalefree.run.id} in a build)
     * @param source what runs it, e.g. {@code mvn verify}
     * @return the run; its rows go to {@code run.rowsDir(resultsDir())}
     * @throws IOException if the run's folder cannot be written
     */
    public ResultRun startRun(String id, String source) throws IOException {
        ResultRun run = ResultRun.start(
                id, source, tier.id(), seeds, RunEnvironment.suiteRevision().orElse("unknown"));
        run.write(resultsDir);
        return run;
    }
}
