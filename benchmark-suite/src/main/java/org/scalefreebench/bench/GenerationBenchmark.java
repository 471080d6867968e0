package org.scalefreebench.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.hipparchus.stat.descriptive.StreamingStatistics;
import org.scalefreebench.bench.chart.Charts;
import org.scalefreebench.bench.result.GenerationHeadline;
import org.scalefreebench.bench.result.ResultRow;
import org.scalefreebench.bench.result.Stat;
import org.scalefreebench.datasets.generate.AtomicFiles;
import org.scalefreebench.datasets.generation.GenerationEvaluator;
import org.scalefreebench.datasets.generation.GenerationScore;
import org.scalefreebench.datasets.generation.SampleSet;
import org.scalefreebench.datasets.load.SplitData;
import org.scalefreebench.datasets.model.FitOptions;
import org.scalefreebench.datasets.model.MaskGenerator;
import org.scalefreebench.datasets.model.TrainingData;
import org.scalefreebench.datasets.npy.NpyDtype;
import org.scalefreebench.datasets.npy.NpyWriter;
import org.scalefreebench.datasets.task.Metric;
import org.scalefreebench.datasets.task.Task;
import org.scalefreebench.datasets.task.TestSet;

/**
 * Runs generators through the generation task of a tier: for each seed, fits the generator once on
 * the exact masks of the task's training specs, has it draw n maps at the L of every critical set
 * the plan names ({@link #generatedCount}), and scores them with {@link GenerationEvaluator}
 * against that set's exact masks: its first N − n maps are the reference A, its last n the held-out
 * set B behind the noise floors. A generator with a likelihood also scores B: the mean −ln P(mask)
 * per site over B's maps, with its standard error over the maps ({@value #NLL_PER_SITE}). A
 * generator that throws, overruns its budget, returns the wrong number of values or a value other
 * than 0 and 1, or a likelihood of the wrong length or a value that is not finite and non-negative,
 * fails with the reason; the next one still runs.
 * The first seed's maps are written as NPY to {@code <results>/samples/<tier>/<generator>/L<L>-seed<seed>.npy},
 * and at L = {@value #PICTURE_SIZE} and the largest L of the plan a picture of its first
 * {@value #PICTURE_MAPS} maps under the first {@value #PICTURE_MAPS} of B beside it, {@code L<L>-seed<seed>.png}
 * ({@link Charts#generatedBesideExact}).
 */
public final class GenerationBenchmark {

    /** The task this harness runs. */
    public static final Task TASK = Task.MAX_CLUSTER_GENERATION;

    /** Row metric: the mean −ln P(mask)/L² over the held-out exact maps B, nats per site (each seed's fit). */
    public static final String NLL_PER_SITE = GenerationHeadline.NLL;

    /** Row metric: the standard error over B's maps of {@value #NLL_PER_SITE} (each seed's fit). */
    public static final String NLL_PER_SITE_SE = "nll_per_site_se";

    /** The size at which, beside the largest of the plan, the first seed's maps are drawn beside exact ones. */
    public static final int PICTURE_SIZE = 64;

    /** Maps per row of that picture. */
    public static final int PICTURE_MAPS = 4;

    private final BenchmarkSettings settings;
    private final TierData data;
    private final Consumer<String> log;
    private final Map<String, SampleSet[]> exact = new HashMap<>();

    /**
     * @param settings seeds, budget
     * @param data     the tier's data of the generation task
     * @param log      receives one line per fit and per test set
     */
    public GenerationBenchmark(BenchmarkSettings settings, TierData data, Consumer<String> log) {
        if (!data.tasks().contains(TASK)) {
            throw new IllegalArgumentException("the data of tasks " + data.tasks() + " hold no " + TASK.id() + " task");
        }
        this.settings = settings;
        this.data = data;
        this.log = log;
    }

    /**
     * How many maps a generator draws at L: 400 at L ≤ 64, then halved per doubling of L, at least
     * 50, and at most half the exact set.
     *
     * @param size      L
     * @param available the exact set's maps
     * @return n
     */
    public static int generatedCount(int size, int available) {
        long n = Math.max(50, Math.min(400, 400L * 64 / size));
        return (int) Math.min(n, available / 2);
    }

    /**
     * One seed of a generator.
     *
     * @param seed            the seed
     * @param params          trained parameters
     * @param trainSeconds    wall-clock seconds of the fit
     * @param scores          test spec id → the score of the maps drawn at its L
     * @param generateSeconds test spec id → seconds spent drawing them
     * @param likelihoods     test spec id → the held-out likelihood of its exact set B (no entry for a
     *                        generator without a likelihood)
     * @param pictures        what each picture of the seed's maps beside exact ones shows → its PNG file (first
     *                        seed only, at L = {@value #PICTURE_SIZE} and the largest L of the plan)
     * @param note            the generator's training note, or null
     */
    public record SeedRun(
            long seed,
            long params,
            double trainSeconds,
            Map<String, GenerationScore> scores,
            Map<String, Double> generateSeconds,
            Map<String, HeldOutLikelihood> likelihoods,
            Map<String, Path> pictures,
            String note) {}

    /**
     * The likelihood of the held-out exact maps B under a fitted generator.
     *
     * @param perSite       the mean over B's maps of −ln P(mask)/L², in nats per site
     * @param standardError the standard error of that mean over the maps (sample standard deviation / √n)
     * @param maps          n, B's maps
     */
    public record HeldOutLikelihood(double perSite, double standardError, int maps) {

        /**
         * Checks a generator's answer and summarises it.
         *
         * @param nll  −ln P per map as the generator returned it
         * @param n    the maps scored
         * @param size L
         * @return the mean and standard error per site
         * @throws IllegalArgumentException naming the map and value if the length is not n or a value is NaN,
         *                                  infinite or negative
         */
        public static HeldOutLikelihood of(double[] nll, int n, int size) {
            if (nll.length != n) {
                throw new IllegalArgumentException("negativeLogLikelihood(" + n + " maps, L = " + size + ") returned "
                        + nll.length + " values, expected one per map, " + n);
            }
            double sites = (double) size * size;
            StreamingStatistics stats = new StreamingStatistics();
            for (int m = 0; m < n; m++) {
                if (!Double.isFinite(nll[m]) || nll[m] < 0) {
                    throw new IllegalArgumentException("negativeLogLikelihood(" + n + " maps, L = " + size
                            + ") returned " + nll[m] + " for exact map " + m
                            + ": −ln P of a held-out exact mask must be finite and non-negative");
                }
                stats.addValue(nll[m] / sites);
            }
            double se = n > 1 ? stats.getStandardDeviation() / Math.sqrt(n) : 0;
            return new HeldOutLikelihood(stats.getMean(), se, n);
        }
    }

    /**
     * What happened to one generator.
     *
     * @param generator the generator
     * @param seeds     the seeds that completed
     * @param failure   why it failed, or null
     */
    public record Run(MaskGenerator generator, List<SeedRun> seeds, String failure) {}

    /**
     * Fits and scores one generator over all seeds. Never throws for the generator's own failures.
     *
     * @param generator the generator
     * @return what happened
     */
    public Run run(MaskGenerator generator) {
        List<SeedRun> seeds = new ArrayList<>();
        ModelThread worker = ModelThread.harness();
        try {
            for (long seed : settings.seeds()) {
                seeds.add(runSeed(generator, seed, seeds.isEmpty(), worker));
            }
        } catch (Benchmark.ModelFailure | IllegalArgumentException | IOException f) {
            return new Run(
                    generator,
                    List.copyOf(seeds),
                    "seed " + (settings.seeds().get(seeds.size())) + ": " + f.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Run(generator, List.copyOf(seeds), "the benchmark was interrupted");
        }
        return new Run(generator, List.copyOf(seeds), null);
    }

    private SeedRun runSeed(MaskGenerator generator, long seed, boolean keepSamples, ModelThread worker)
            throws InterruptedException, IOException {
        FitOptions options = new FitOptions(seed, settings.budget(), (series, step, seconds, value) -> {}, data.tier());
        TrainingData training = data.training(java.util.Set.of(TASK));
        long t0 = System.nanoTime();
        MaskGenerator.FittedGenerator fitted =
                worker.call(() -> generator.fit(training, options), settings.budget(), "fit");
        if (fitted == null) {
            throw new Benchmark.ModelFailure("fit returned null", false);
        }
        double trainSeconds = (System.nanoTime() - t0) / 1e9;
        log.accept(String.format("%s seed %d: fitted in %.1f s", generator.id(), seed, trainSeconds));
        Map<String, GenerationScore> scores = new LinkedHashMap<>();
        Map<String, Double> seconds = new LinkedHashMap<>();
        Map<String, HeldOutLikelihood> likelihoods = new LinkedHashMap<>();
        Map<String, Path> pictures = new LinkedHashMap<>();
        int largest = data.testSets().stream()
                .filter(t -> data.testSet(TASK, t) != null)
                .mapToInt(SplitData::size)
                .max()
                .orElse(0);
        for (SplitData test : data.testSets()) {
            if (data.testSet(TASK, test) == null) {
                continue;
            }
            int size = test.size();
            SampleSet[] ab = exactSets(test);
            int n = ab[1].count();
            long drawSeed = seed * 1_000_003L + size;
            long g0 = System.nanoTime();
            byte[] maps = worker.call(
                    () -> fitted.generate(n, size, drawSeed),
                    settings.budget(),
                    "generate " + n + " maps at L = " + size);
            double s = (System.nanoTime() - g0) / 1e9;
            requireMasks(maps, n, size);
            SampleSet g = SampleSet.measure(size, maps, n, Runtime.getRuntime().availableProcessors());
            GenerationScore score =
                    GenerationEvaluator.score(g, ab[0], ab[1], null, GenerationEvaluator.Options.DEFAULT);
            scores.put(test.spec().id(), score);
            seconds.put(test.spec().id(), s);
            log.accept(String.format(
                    "%s seed %d: drew %d maps at L = %d in %.1f s; physics score %.2f (set by %s; exact maps %.2f)",
                    generator.id(),
                    seed,
                    n,
                    size,
                    s,
                    score.physicsScore(),
                    score.worstMetric(),
                    score.exactPhysicsScore()));
            byte[] heldOut = heldOutMasks(test, n);
            double[] nll = worker.call(
                    () -> fitted.negativeLogLikelihood(heldOut.clone(), n, size),
                    settings.budget(),
                    "negativeLogLikelihood of " + n + " exact maps at L = " + size);
            if (nll != null) {
                HeldOutLikelihood likelihood = HeldOutLikelihood.of(nll, n, size);
                likelihoods.put(test.spec().id(), likelihood);
                log.accept(String.format(
                        "%s seed %d: held-out NLL %.5f ± %.5f nats per site (%d exact maps at L = %d)",
                        generator.id(), seed, likelihood.perSite(), likelihood.standardError(), n, size));
            }
            if (keepSamples) {
                writeSamples(generator.id(), size, seed, maps, n);
                if (size == PICTURE_SIZE || size == largest) {
                    pictures.put(
                            generator.id() + " (seed " + seed + ") under exact masks, L = " + size,
                            writePicture(generator.id(), size, seed, heldOut, maps, Math.min(PICTURE_MAPS, n)));
                }
            }
        }
        return new SeedRun(
                seed,
                fitted.parameterCount(),
                trainSeconds,
                scores,
                seconds,
                likelihoods,
                pictures,
                fitted.trainingNote());
    }

    /** The exact reference set A and held-out set B of a test set, measured once per run. */
    private synchronized SampleSet[] exactSets(SplitData test) {
        return exact.computeIfAbsent(test.spec().id() + "/" + test.split().name(), k -> {
            int size = test.size();
            int total = test.samples();
            int n = generatedCount(size, total);
            byte[] masks = test.column(TASK.targetColumn()).uint8();
            long sites = (long) size * size;
            int threads = Runtime.getRuntime().availableProcessors();
            SampleSet a = SampleSet.measure(
                    size, Arrays.copyOfRange(masks, 0, (int) ((total - n) * sites)), total - n, threads);
            SampleSet b = SampleSet.measure(size, heldOutMasks(test, n), n, threads);
            return new SampleSet[] {a, b};
        });
    }

    /** The held-out set B of a test set as masks: its last n maps. */
    private static byte[] heldOutMasks(SplitData test, int n) {
        byte[] masks = test.column(TASK.targetColumn()).uint8();
        long sites = (long) test.size() * test.size();
        int total = test.samples();
        return Arrays.copyOfRange(masks, (int) ((total - n) * sites), (int) (total * sites));
    }

    private static void requireMasks(byte[] maps, int n, int size) {
        long expected = (long) n * size * size;
        if (maps == null || maps.length != expected) {
            throw new IllegalArgumentException("generate(" + n + ", " + size + ") returned "
                    + (maps == null ? "null" : maps.length + " values") + ", expected n·L·L = " + expected);
        }
        for (int i = 0; i < maps.length; i++) {
            if (maps[i] != 0 && maps[i] != 1) {
                throw new IllegalArgumentException("generate(" + n + ", " + size + ") returned " + maps[i]
                        + " at index " + i + ": a mask holds 0 and 1 only");
            }
        }
    }

    private Path samplesDir(String id) throws IOException {
        Path dir = settings.resultsDir()
                .resolve("samples")
                .resolve(data.tier().id())
                .resolve(id);
        Files.createDirectories(dir);
        return dir;
    }

    private Path writePicture(String id, int size, long seed, byte[] exact, byte[] generated, int count)
            throws IOException {
        byte[] png = Charts.generatedBesideExact(
                "exact: the first " + count + " maps of the held-out set B, L = " + size,
                id + ": its first " + count + " maps of seed " + seed,
                exact,
                generated,
                size,
                count);
        Path file = samplesDir(id).resolve("L" + size + "-seed" + seed + ".png");
        Files.write(AtomicFiles.partOf(file), png);
        AtomicFiles.commit(file);
        return file;
    }

    private void writeSamples(String id, int size, long seed, byte[] maps, int n) throws IOException {
        Path file = samplesDir(id).resolve("L" + size + "-seed" + seed + ".npy");
        NpyWriter.write(AtomicFiles.partOf(file), NpyDtype.UINT8, new long[] {n, size, size}, maps);
        AtomicFiles.commit(file);
    }

    /**
     * The result rows of a run: one per critical set of the plan.
     *
     * @param run      the run
     * @param hardware the machine
     * @param versions library versions
     * @return the rows
     */
    public List<ResultRow> rows(Run run, Map<String, String> hardware, Map<String, String> versions) {
        List<ResultRow> rows = new ArrayList<>();
        String now = Instant.now().toString();
        for (SplitData test : data.testSets()) {
            TestSet planned = data.testSet(TASK, test);
            if (planned == null) {
                continue;
            }
            String specId = test.spec().id();
            boolean ok = run.failure() == null && !run.seeds().isEmpty();
            Map<String, Stat> metrics = new LinkedHashMap<>();
            if (ok) {
                put(metrics, Metric.PHYSICS_SCORE.id(), run, specId, GenerationScore::physicsScore);
                put(
                        metrics,
                        Metric.LARGEST_PIECE_SHARE.id(),
                        run,
                        specId,
                        s -> s.metric("largest_piece_share").generated());
                put(metrics, GenerationHeadline.EXACT_SCORE, run, specId, GenerationScore::exactPhysicsScore);
                put(
                        metrics,
                        GenerationHeadline.SPANNING,
                        run,
                        specId,
                        s -> s.metric("spanning_tb").generated());
                put(
                        metrics,
                        GenerationHeadline.SPANNING_EXACT,
                        run,
                        specId,
                        s -> s.metric("spanning_tb").exact());
                put(
                        metrics,
                        "disconnected_share",
                        run,
                        specId,
                        s -> s.metric("disconnected_share").generated());
                put(
                        metrics,
                        GenerationHeadline.MASS,
                        run,
                        specId,
                        s -> s.metric("mass_mean").generated());
                put(
                        metrics,
                        GenerationHeadline.MASS_EXACT,
                        run,
                        specId,
                        s -> s.metric("mass_mean").exact());
                putLikelihood(metrics, NLL_PER_SITE, run, specId, HeldOutLikelihood::perSite);
                putLikelihood(metrics, NLL_PER_SITE_SE, run, specId, HeldOutLikelihood::standardError);
            }
            Map<String, String> sums = new LinkedHashMap<>();
            data.sha256().forEach((k, v) -> {
                if (k.startsWith(specId + "/" + test.split().name() + "/")
                        || data.trainSplits().stream()
                                .anyMatch(t -> k.startsWith(t.spec().id() + "/train/"))) {
                    sums.put(k, v);
                }
            });
            List<SeedRun> seeds = run.seeds();
            rows.add(new ResultRow(
                    ResultRow.SCHEMA,
                    TASK.id(),
                    TASK.version(),
                    TASK.family(),
                    run.generator().id(),
                    run.generator().description(),
                    run.generator().ranked(),
                    data.tier().id(),
                    data.trainSpecs(),
                    specId,
                    test.split().name(),
                    planned.role().id(),
                    test.size(),
                    ok ? ResultRow.OK : ResultRow.FAILED,
                    ok ? null : run.failure() == null ? "no seed completed" : run.failure(),
                    seeds.stream().map(SeedRun::seed).toList(),
                    metrics,
                    List.of(),
                    seeds.isEmpty() ? 0 : seeds.get(0).params(),
                    seeds.isEmpty()
                            ? null
                            : Stat.of(seeds.stream().map(SeedRun::trainSeconds).toList()),
                    null,
                    ok
                            ? Stat.of(seeds.stream()
                                    .map(s -> s.scores().get(specId).generatedCount()
                                            / s.generateSeconds().get(specId))
                                    .toList())
                            : null,
                    hardware,
                    versions,
                    sums,
                    now,
                    seeds.stream().map(s -> s.note() == null ? "" : s.note()).toList()));
        }
        return rows;
    }

    /** Puts a metric of the held-out likelihood when every seed has one (never for a generator without). */
    private static void putLikelihood(
            Map<String, Stat> metrics,
            String id,
            Run run,
            String specId,
            java.util.function.ToDoubleFunction<HeldOutLikelihood> f) {
        putPerSeed(metrics, id, run, s -> {
            HeldOutLikelihood h = s.likelihoods().get(specId);
            return h == null ? Double.NaN : f.applyAsDouble(h);
        });
    }

    private static void put(
            Map<String, Stat> metrics,
            String id,
            Run run,
            String specId,
            java.util.function.ToDoubleFunction<GenerationScore> f) {
        putPerSeed(metrics, id, run, s -> f.applyAsDouble(s.scores().get(specId)));
    }

    /** Puts mean ± std over seeds of a per-seed value when every seed has a finite one. */
    private static void putPerSeed(
            Map<String, Stat> metrics, String id, Run run, java.util.function.ToDoubleFunction<SeedRun> f) {
        List<Double> v = new ArrayList<>();
        for (SeedRun s : run.seeds()) {
            double x = f.applyAsDouble(s);
            if (Double.isFinite(x)) {
                v.add(x);
            }
        }
        if (!v.isEmpty() && v.size() == run.seeds().size()) {
            metrics.put(id, Stat.of(v));
        }
    }
}
