package org.scalefreebench.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;
import org.scalefreebench.bench.result.ResultRow;
import org.scalefreebench.bench.result.Stat;
import org.scalefreebench.datasets.load.SplitData;
import org.scalefreebench.datasets.task.Metric;
import org.scalefreebench.datasets.task.Task;
import org.scalefreebench.datasets.task.TestSet;

/**
 * Turns a {@link ModelRun} into result rows: one per task and test set of the task's plan, mean ±
 * std over seeds.
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
                    for (Metric m : task.metrics()) {
                        List<Double> v = new ArrayList<>();
                        for (ModelRun.SeedRun s : run.seeds()) {
                            Double score = s.evaluations()
                                    .get(specId)
                                    .get(task)
                                    .scores()
                                    .get(m);
                            if (score != null) {
                                v.add(score);
                            }
                        }
                        if (v.size() == seeds.size()) {
                            metrics.put(m.id(), Stat.of(v));
                        }
                    }
                    SortedMap<Double, List<Double>> byP = new TreeMap<>();
                    for (ModelRun.SeedRun s : run.seeds()) {
                        s.evaluations()
                                .get(specId)
                                .get(task)
                                .accuracyByP()
                                .forEach((p, a) -> byP.computeIfAbsent(p, k -> new ArrayList<>())
                                        .add(a));
                    }
                    byP.forEach((p, a) -> perP.add(new ResultRow.PerP(p, Stat.of(a))));
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

    private static Stat stat(ModelRun run, ToDoubleFunction<ModelRun.SeedRun> f) {
        if (run.seeds().isEmpty()) {
            return null;
        }
        return Stat.of(run.seeds().stream().map(s -> f.applyAsDouble(s)).toList());
    }
}
