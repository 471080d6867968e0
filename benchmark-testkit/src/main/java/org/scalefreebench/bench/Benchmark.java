package org.scalefreebench.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.scalefreebench.datasets.load.SplitData;
import org.scalefreebench.datasets.model.BenchmarkModel;
import org.scalefreebench.datasets.model.FitOptions;
import org.scalefreebench.datasets.model.MapBatch;
import org.scalefreebench.datasets.task.Evaluation;
import org.scalefreebench.datasets.task.Evaluator;
import org.scalefreebench.datasets.task.Task;

/**
 * Runs models through a tier: for each seed, fits the model once on the train and val splits its
 * tasks share, has it predict every task on every test set the task's plan names, and scores the predictions with the strict
 * {@link Evaluator}. A model that throws, returns values the Evaluator rejects or exceeds its
 * budget fails (the task, or all its tasks if the fit failed) with the reason recorded; the run
 * goes on with the next model. Models run on the {@link ModelThread}, so a model that hangs is
 * abandoned at its budget. With {@link SeedCheckpoints}, each finished seed is kept on disk and a run
 * stopped part-way goes on from its last finished seed.
 */
public final class Benchmark {

    /** Masks kept per test set for the report's pictures. */
    public static final int MASKS_KEPT = 4;

    private final BenchmarkSettings settings;
    private final TierData data;
    private final Consumer<String> log;
    private final SeedCheckpoints checkpoints;

    /**
     * @param settings seeds, budget, task filter
     * @param data     the tier's loaded data
     * @param log      receives one line per fit and per test set, for people watching a long run
     */
    public Benchmark(BenchmarkSettings settings, TierData data, Consumer<String> log) {
        this(settings, data, log, null);
    }

    /**
     * @param settings    seeds, budget, task filter
     * @param data        the tier's loaded data
     * @param log         receives one line per fit and per test set, for people watching a long run
     * @param checkpoints where each seed that finishes without a new failure is kept, and from where a
     *                    seed kept by an earlier run of the same model, data and revision is taken
     *                    instead of fitted again; null for none
     */
    public Benchmark(BenchmarkSettings settings, TierData data, Consumer<String> log, SeedCheckpoints checkpoints) {
        this.settings = settings;
        this.data = data;
        this.log = log;
        this.checkpoints = checkpoints;
    }

    /** @return the settings */
    public BenchmarkSettings settings() {
        return settings;
    }

    /** @return the data */
    public TierData data() {
        return data;
    }

    /**
     * @param model a model
     * @return the tasks it is run on: its own, filtered by the settings, plus those the settings name
     *         explicitly that it does not support (they fail with the reason); none in a tier the model
     *         does not run in
     */
    public Set<Task> tasksOf(BenchmarkModel model) {
        Set<Task> t = EnumSet.noneOf(Task.class);
        if (!model.tiers().contains(data.tier())) {
            return t;
        }
        t.addAll(model.tasks());
        t.addAll(unsupported(model));
        t.retainAll(settings.tasks());
        t.retainAll(data.tasks());
        return t;
    }

    /** The tasks the settings name explicitly (not "all") that the model does not support. */
    private Set<Task> unsupported(BenchmarkModel model) {
        Set<Task> t = EnumSet.noneOf(Task.class);
        if (settings.tasks().size() < Task.values().length) {
            t.addAll(settings.tasks());
            t.removeAll(model.tasks());
        }
        return t;
    }

    /**
     * Fits and scores one model over all seeds. Never throws for the model's own failures.
     *
     * @param model the model
     * @return what happened
     */
    public ModelRun run(BenchmarkModel model) {
        Set<Task> tasks = tasksOf(model);
        Map<Task, String> failures = new EnumMap<>(Task.class);
        for (Task t : unsupported(model)) {
            if (tasks.contains(t)) {
                failures.put(
                        t,
                        model.id() + " does not support task " + t.id() + " ("
                                + t.kind().name().toLowerCase(Locale.ROOT)
                                + "); it supports: "
                                + model.tasks().stream().map(Task::id).sorted().collect(Collectors.joining(", ")));
            }
        }
        List<ModelRun.SeedRun> runs = new ArrayList<>();
        ModelThread worker = ModelThread.harness();
        try {
            for (long seed : settings.seeds()) {
                if (failures.keySet().containsAll(tasks)) {
                    break;
                }
                Optional<ModelRun.SeedRun> kept =
                        checkpoints == null ? Optional.empty() : checkpoints.load(model.id(), tasks, seed);
                if (kept.isPresent()) {
                    log.accept(String.format(
                            "%s seed %d: taken from checkpoint %s (its fit took %.1f s)",
                            model.id(),
                            seed,
                            checkpoints.fileOf(model.id(), seed),
                            kept.get().trainSeconds()));
                    runs.add(kept.get());
                    continue;
                }
                int failedBefore = failures.size();
                ModelRun.SeedRun run = runSeed(model, tasks, seed, runs.isEmpty(), worker, failures);
                if (run == null) {
                    break;
                }
                if (checkpoints != null && failures.size() == failedBefore) {
                    checkpoints.save(model.id(), tasks, run);
                }
                runs.add(run);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            tasks.forEach(t -> failures.putIfAbsent(t, "the benchmark was interrupted"));
        }
        return new ModelRun(
                model, Collections.unmodifiableSet(tasks), List.copyOf(runs), Collections.unmodifiableMap(failures));
    }

    private ModelRun.SeedRun runSeed(
            BenchmarkModel model,
            Set<Task> tasks,
            long seed,
            boolean keepMasks,
            ModelThread worker,
            Map<Task, String> failures)
            throws InterruptedException {
        List<ModelRun.LossPoint> loss = Collections.synchronizedList(new ArrayList<>());
        FitOptions options = new FitOptions(
                seed,
                settings.budget(),
                (series, step, seconds, value) -> loss.add(new ModelRun.LossPoint(series, step, seconds, value)),
                data.tier());
        ResourceUse beforeFit = ResourceUse.now();
        long t0 = beforeFit.nanos();
        BenchmarkModel.FittedModel fitted;
        try {
            fitted = worker.call(
                    () -> model.fit(data.training(supported(model, tasks)), options), settings.budget(), "fit");
            if (fitted == null) {
                throw new ModelFailure("fit returned null", false);
            }
        } catch (ModelFailure f) {
            String why = "seed " + seed + ": " + f.getMessage();
            tasks.forEach(t -> failures.putIfAbsent(t, why));
            return null;
        }
        ResourceUse afterFit = ResourceUse.now();
        double trainSeconds = (afterFit.nanos() - t0) / 1e9;
        log.accept(String.format("%s seed %d: fitted in %s", model.id(), seed, afterFit.since(beforeFit)));
        Map<String, Map<Task, Evaluation>> evaluations = new LinkedHashMap<>();
        Map<String, Double> predictSeconds = new LinkedHashMap<>();
        Map<String, Map<Task, float[]>> kept = new LinkedHashMap<>();
        for (SplitData test : data.testSets()) {
            if (tasks.stream().noneMatch(t -> data.testSet(t, test) != null)) {
                continue;
            }
            String key = test.spec().id();
            Map<Optional<String>, MapBatch> inputs = new HashMap<>();
            Map<Task, Evaluation> scores = new EnumMap<>(Task.class);
            Map<Task, float[]> predictions = new EnumMap<>(Task.class);
            double seconds = 0;
            for (Task task : tasks) {
                if (failures.containsKey(task) || data.testSet(task, test) == null) {
                    continue;
                }
                long p0 = System.nanoTime();
                try {
                    MapBatch maps = inputs.computeIfAbsent(task.inputColumn(), c -> task.input(test));
                    float[] predicted = worker.call(
                            () -> fitted.predict(task, maps), settings.budget(), "predict " + task.id() + " on " + key);
                    seconds += (System.nanoTime() - p0) / 1e9;
                    scores.put(task, Evaluator.evaluate(task, test, predicted));
                    if (keepMasks || task.kind() != Task.Kind.SEGMENTATION) {
                        predictions.put(
                                task,
                                task.kind() == Task.Kind.SEGMENTATION
                                        ? Arrays.copyOf(
                                                predicted,
                                                Math.min(predicted.length, MASKS_KEPT * test.size() * test.size()))
                                        : predicted);
                    }
                } catch (ModelFailure f) {
                    failures.putIfAbsent(task, "seed " + seed + ": " + f.getMessage());
                    if (f.timedOut) {
                        String why =
                                "seed " + seed + ": not run, the model's thread is still busy after: " + f.getMessage();
                        tasks.forEach(t -> failures.putIfAbsent(t, why));
                        return null;
                    }
                } catch (IllegalArgumentException rejected) {
                    failures.putIfAbsent(task, "seed " + seed + ": " + rejected.getMessage());
                }
            }
            evaluations.put(key, scores);
            predictSeconds.put(key, seconds);
            log.accept(String.format(
                    "%s seed %d: predicted %d maps of %s in %.1f s", model.id(), seed, test.samples(), key, seconds));
            kept.put(key, predictions);
        }
        long params;
        long samples;
        String note;
        try {
            params = fitted.parameterCount();
            samples = fitted.trainedSamples();
            note = fitted.trainingNote();
        } catch (RuntimeException e) {
            String why = "seed " + seed + ": parameterCount/trainedSamples/trainingNote threw " + e;
            tasks.forEach(t -> failures.putIfAbsent(t, why));
            return null;
        }
        if (note != null) {
            log.accept(model.id() + " seed " + seed + ": " + note);
        }
        ResourceUse end = ResourceUse.now();
        log.accept(String.format("%s seed %d: predicted in %s", model.id(), seed, end.since(afterFit)));
        return new ModelRun.SeedRun(
                seed,
                params,
                trainSeconds,
                samples,
                List.copyOf(loss),
                evaluations,
                predictSeconds,
                kept,
                note,
                new ModelRun.Resources(beforeFit, afterFit, end));
    }

    private static Set<Task> supported(BenchmarkModel model, Set<Task> tasks) {
        Set<Task> t = EnumSet.noneOf(Task.class);
        t.addAll(tasks);
        t.retainAll(model.tasks());
        return t;
    }

    /** A model's failure: thrown, rejected, or over budget. */
    static final class ModelFailure extends RuntimeException {

        private static final long serialVersionUID = 1L;

        /** Whether the model's thread may still be running. */
        final boolean timedOut;

        ModelFailure(String message, boolean timedOut) {
            super(message);
            this.timedOut = timedOut;
        }
    }
}
