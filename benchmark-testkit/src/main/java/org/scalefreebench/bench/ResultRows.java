package org.scalefreebench.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;
import org.scalefreebench.bench.result.ResultRow;
import org.scalefreebench.bench.result.Stat;
import org.scalefreebench.datasets.load.SplitData;
import org.scalefreebench.datasets.spec.DatasetSpec;
import org.scalefreebench.datasets.spec.SpecCatalogue;
import org.scalefreebench.datasets.task.Evaluation;
import org.scalefreebench.datasets.task.Metric;
import org.scalefreebench.datasets.task.Task;
import org.scalefreebench.datasets.task.TestSet;
import org.scalefreebench.datasets.task.Tier;
import org.scalefreebench.datasets.task.TierPlan;

/**
 * Turns a {@link ModelRun} into result rows: one per task and test set of the task's plan, mean ±
 * std over seeds; and the evaluations of predictions made outside the harness into the same row
 * ({@link #ofPredictions}).
 */
public final class ResultRows {

    private ResultRows() {}

    /**
     * @param run      a model's run
     * @param data     the tier's data
     * @param hardware where it ran
     * @param versions library versions
     * @return one row per (task, test set of its plan), failed rows for failed tasks
     */
    public static List<ResultRow> of(
            ModelRun run, TierData data, Map<String, String> hardware, Map<String, String> versions) {
        List<ResultRow> rows = new ArrayList<>();
        List<Long> seeds = run.seeds().stream().map(ModelRun.SeedRun::seed).toList();
        String now = Instant.now().toString();
        boolean trainedAnything = !run.seeds().isEmpty()
                && run.seeds().stream().allMatch(s -> s.trainedSamples() > 0 && s.trainSeconds() > 0);
        for (Task task : run.tasks()) {
            for (SplitData test : data.testSets()) {
                TestSet planned = data.testSet(task, test);
                if (planned == null) {
                    continue;
                }
                String specId = test.spec().id();
                Map<String, String> sums = new LinkedHashMap<>();
                data.sha256().forEach((k, v) -> {
                    if (data.trainSplits().stream()
                                    .anyMatch(t -> k.startsWith(t.spec().id() + "/train/"))
                            || data.valSplits().stream()
                                    .anyMatch(s -> k.startsWith(s.spec().id() + "/val/"))
                            || k.startsWith(specId + "/" + test.split().name() + "/")) {
                        sums.put(k, v);
                    }
                });
                String failure = run.failures().get(task);
                boolean ok = failure == null && !seeds.isEmpty();
                Map<String, Stat> metrics = new LinkedHashMap<>();
                List<ResultRow.PerP> perP = new ArrayList<>();
                Stat predictRate = null;
                if (ok) {
                    List<Evaluation> bySeed = run.seeds().stream()
                            .map(s -> s.evaluations().get(specId).get(task))
                            .toList();
                    metrics.putAll(metrics(task, bySeed));
                    perP.addAll(perP(bySeed));
                    predictRate =
                            stat(run, s -> test.samples() / s.predictSeconds().get(specId));
                }
                rows.add(new ResultRow(
                        ResultRow.SCHEMA,
                        task.id(),
                        task.version(),
                        task.family(),
                        run.model().id(),
                        run.model().description(),
                        run.model().ranked(),
                        data.tier().id(),
                        data.trainSpecs(),
                        specId,
                        test.split().name(),
                        planned.role().id(),
                        test.size(),
                        ok ? ResultRow.OK : ResultRow.FAILED,
                        ok ? null : failure == null ? "no seed completed" : failure,
                        seeds,
                        metrics,
                        perP,
                        run.seeds().isEmpty() ? 0 : run.seeds().get(0).params(),
                        stat(run, ModelRun.SeedRun::trainSeconds),
                        trainedAnything ? stat(run, s -> s.trainedSamples() / s.trainSeconds()) : null,
                        predictRate,
                        hardware,
                        versions,
                        sums,
                        now,
                        run.seeds().stream()
                                .map(s -> s.trainingNote() == null ? "" : s.trainingNote())
                                .toList()));
            }
        }
        return rows;
    }

    /**
     * The row of predictions made outside the harness, one file per seed, each scored by the
     * {@link org.scalefreebench.datasets.task.Evaluator}: the same metrics and accuracy by p as a
     * fitted model's row, marked {@link ResultRow#PREDICTIONS}, with no train or predict times
     * (they were not measured here) and no hardware (where the predictions were made is not known).
     *
     * @param tier        the tier whose plan names the test set
     * @param planned     the test set, as the task's plan in the tier names it
     * @param test        the test set's data
     * @param model       the model id
     * @param description the model's one-line description
     * @param params      trained parameters as declared by the submitter (0 if not declared)
     * @param bySeed      the evaluation of each seed's predictions, by seed
     * @param versions    library versions of the scorer
     * @return the row
     */
    public static ResultRow ofPredictions(
            Tier tier,
            TestSet planned,
            SplitData test,
            String model,
            String description,
            long params,
            SortedMap<Long, Evaluation> bySeed,
            Map<String, String> versions) {
        if (bySeed.isEmpty()) {
            throw new IllegalArgumentException("no predictions: expected one file per seed");
        }
        Task task = bySeed.values().iterator().next().task();
        TierPlan plan = task.plan(tier);
        Map<String, String> sums = new LinkedHashMap<>();
        for (String trainSpec : plan.trainSpecs()) {
            DatasetSpec spec = SpecCatalogue.published().get(trainSpec);
            sums.putAll(TierData.pinnedSha256(spec, "train"));
            sums.putAll(TierData.pinnedSha256(spec, "val"));
        }
        sums.putAll(TierData.pinnedSha256(test.spec(), test.split().name()));
        List<Evaluation> evaluations = List.copyOf(bySeed.values());
        return new ResultRow(
                ResultRow.SCHEMA,
                task.id(),
                task.version(),
                task.family(),
                model,
                description,
                true,
                tier.id(),
                String.join("+", plan.trainSpecs()),
                test.spec().id(),
                test.split().name(),
                planned.role().id(),
                test.size(),
                ResultRow.OK,
                null,
                List.copyOf(bySeed.keySet()),
                metrics(task, evaluations),
                perP(evaluations),
                params,
                null,
                null,
                null,
                Map.of(),
                versions,
                sums,
                Instant.now().toString(),
                Collections.nCopies(evaluations.size(), ""),
                ResultRow.PREDICTIONS);
    }

    /** Mean ± std over seeds of every metric of the task that every seed's evaluation has. */
    private static Map<String, Stat> metrics(Task task, List<Evaluation> bySeed) {
        Map<String, Stat> metrics = new LinkedHashMap<>();
        for (Metric m : task.metrics()) {
            List<Double> v = new ArrayList<>();
            for (Evaluation e : bySeed) {
                Double score = e.scores().get(m);
                if (score != null) {
                    v.add(score);
                }
            }
            if (v.size() == bySeed.size()) {
                metrics.put(m.id(), Stat.of(v));
            }
        }
        return metrics;
    }

    /** Accuracy at each p over seeds, by increasing p (empty but for spanning). */
    private static List<ResultRow.PerP> perP(List<Evaluation> bySeed) {
        SortedMap<Double, List<Double>> byP = new TreeMap<>();
        for (Evaluation e : bySeed) {
            e.accuracyByP()
                    .forEach((p, a) ->
                            byP.computeIfAbsent(p, k -> new ArrayList<>()).add(a));
        }
        List<ResultRow.PerP> perP = new ArrayList<>();
        byP.forEach((p, a) -> perP.add(new ResultRow.PerP(p, Stat.of(a))));
        return perP;
    }

    private static Stat stat(ModelRun run, ToDoubleFunction<ModelRun.SeedRun> f) {
        if (run.seeds().isEmpty()) {
            return null;
        }
        return Stat.of(run.seeds().stream().map(s -> f.applyAsDouble(s)).toList());
    }
}
