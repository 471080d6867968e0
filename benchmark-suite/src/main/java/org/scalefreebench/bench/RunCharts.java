package org.scalefreebench.bench;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.scalefreebench.bench.chart.Charts;
import org.scalefreebench.bench.result.DensityGap;
import org.scalefreebench.bench.result.ResultRow;
import org.scalefreebench.bench.result.Stat;
import org.scalefreebench.datasets.lattice.CriticalExponents;
import org.scalefreebench.datasets.load.SplitData;
import org.scalefreebench.datasets.task.Metric;
import org.scalefreebench.datasets.task.Task;
import org.scalefreebench.datasets.task.TestSet;

/** The pictures of a run, as named PNGs: what the Allure report attaches to each test. */
public final class RunCharts {

    private RunCharts() {}

    /**
     * The pictures of one model on one task: its loss curves (every seed), and per test set the
     * spanning accuracy against p, the predicted against the true largest-cluster fraction, or a
     * few predicted masks beside the true ones (first seed).
     *
     * @param run      the model's run
     * @param task     the task
     * @param rows     the run's rows for this task
     * @param baseline the density baseline's rows of this tier (any tasks; empty if it has not run):
     *                 its spanning accuracy against p is drawn dashed beside the model's
     * @param data     the tier's data
     * @return name → PNG
     */
    public static Map<String, byte[]> of(
            ModelRun run, Task task, List<ResultRow> rows, List<ResultRow> baseline, TierData data) {
        Map<String, byte[]> charts = new LinkedHashMap<>();
        String id = run.model().id();
        Map<String, double[][]> loss = lossSeries(run);
        if (!loss.isEmpty()) {
            charts.put(id + " loss against step", Charts.lossCurves(id + ": loss", "step", loss));
        }
        if (task.kind() == Task.Kind.BINARY) {
            Map<String, double[][]> byL = new LinkedHashMap<>();
            rows.stream().filter(r -> r.ok() && !r.critical()).forEach(r -> byL.put("L = " + r.size(), perP(r)));
            if (!byL.isEmpty()) {
                charts.put(
                        id + " spanning accuracy against p",
                        Charts.accuracyVsP(id + ": spanning accuracy against p", byL, CriticalExponents.SITE_P_C));
            }
        }
        if (run.seeds().isEmpty()) {
            return charts;
        }
        for (SplitData test : data.testSets()) {
            float[] predicted = run.seeds()
                    .get(0)
                    .predictions()
                    .getOrDefault(test.spec().id(), Map.of())
                    .get(task);
            TestSet planned = data.testSet(task, test);
            if (predicted == null || planned == null) {
                continue;
            }
            String where = planned.role().label(test.size());
            if (task.kind() == Task.Kind.REGRESSION) {
                charts.put(
                        id + " " + task.id() + ", " + where,
                        Charts.predictedVsTrue(
                                id + ": " + task.id() + ", predicted against true, " + where,
                                task.target(test),
                                predicted));
            } else if (task.kind() == Task.Kind.SEGMENTATION) {
                int area = test.size() * test.size();
                int count = predicted.length / area;
                float[] truth = Arrays.copyOf(task.target(test), count * area);
                charts.put(
                        id + " masks, " + where,
                        Charts.maskGrid(
                                Arrays.copyOf(test.maps(), count * area), truth, predicted, test.size(), count));
            }
        }
        return charts;
    }

    /**
     * Spanning accuracy against p of every model that has a row for one window test set, p_c marked,
     * the density baseline drawn apart (see {@link Charts#accuracyVsP}).
     *
     * @param rows    result rows of any tasks and test sets
     * @param testSpec the test set's spec id
     * @return the PNG, or null if no spanning row of that test set is ok and has several p values
     */
    public static byte[] spanningAcrossModels(List<ResultRow> rows, String testSpec) {
        Map<String, double[][]> series = new LinkedHashMap<>();
        int size = 0;
        for (ResultRow r : rows) {
            if (r.ok() && r.task().equals(Task.SPANNING.id()) && r.testSpec().equals(testSpec) && overP(r)) {
                series.put(r.model(), perP(r));
                size = r.size();
            }
        }
        if (series.isEmpty()) {
            return null;
        }
        return Charts.accuracyVsP(
                "Spanning accuracy against p, L = " + size + " (" + testSpec + "); dashed: " + DensityGap.BASELINE,
                series,
                CriticalExponents.SITE_P_C,
                Set.of(DensityGap.BASELINE));
    }

    /**
     * The scale question in one picture: a task's primary metric on the critical sets at p_c against
     * L, one line per ranked model with an ok row, the density baseline dashed; spanning accuracy with
     * the coin toss (½) marked, R² with the set's mean (0). References (the exact oracle, 1 everywhere)
     * are left out. A generation task's score is drawn on a logarithmic axis with the references (the
     * exact sampler, the score of exact maps) dashed, as the floor.
     *
     * @param rows result rows of one tier, any tasks
     * @param task the task
     * @return the PNG, or null if no ranked model has an ok row of the task on a critical set
     */
    public static byte[] criticalAcrossSizes(List<ResultRow> rows, Task task) {
        Map<String, double[][]> series = criticalSeries(rows, task);
        if (series.isEmpty()) {
            return null;
        }
        if (task.kind() == Task.Kind.GENERATION) {
            Map<String, double[][]> withFloor = new LinkedHashMap<>(series);
            Map<String, double[][]> floor = series(rows, task, false);
            withFloor.putAll(floor);
            return Charts.scoreVsSize(
                    task.primaryMetric().id() + " at p = p_c against L; dashed: exact maps (the floor)",
                    task.primaryMetric().id() + " (lower is better)",
                    withFloor,
                    floor.keySet());
        }
        String metric = task.primaryMetric().id();
        double reference =
                task.primaryMetric() == Metric.ACCURACY ? 0.5 : task.primaryMetric() == Metric.R2 ? 0 : Double.NaN;
        String label = task.primaryMetric() == Metric.ACCURACY ? "coin toss" : "the set's mean";
        return Charts.metricVsSize(
                task.id() + ": " + metric + " at p = p_c against L; dashed: " + DensityGap.BASELINE,
                metric,
                series,
                Set.of(DensityGap.BASELINE),
                reference,
                label);
    }

    /**
     * @param rows result rows of one tier, any tasks
     * @param task the task
     * @return per ranked model with an ok row of the task on a critical set, {L[], mean[], std[]} of
     *         the task's primary metric by increasing L; empty if there is none
     */
    public static Map<String, double[][]> criticalSeries(List<ResultRow> rows, Task task) {
        return series(rows, task, true);
    }

    /** Per model of the given rank status with an ok row of the task on a critical set, {L[], mean[], std[]}. */
    private static Map<String, double[][]> series(List<ResultRow> rows, Task task, boolean ranked) {
        String metric = task.primaryMetric().id();
        Map<String, TreeMap<Integer, Stat>> byModel = new TreeMap<>();
        for (ResultRow r : rows) {
            if (r.ok()
                    && r.ranked() == ranked
                    && r.critical()
                    && task.id().equals(r.task())
                    && r.metrics().get(metric) != null) {
                byModel.computeIfAbsent(r.model(), m -> new TreeMap<>())
                        .put(r.size(), r.metrics().get(metric));
            }
        }
        Map<String, double[][]> series = new LinkedHashMap<>();
        byModel.forEach((model, points) -> {
            double[][] s = new double[3][points.size()];
            int i = 0;
            for (Map.Entry<Integer, Stat> e : points.entrySet()) {
                s[0][i] = e.getKey();
                s[1][i] = e.getValue().mean();
                s[2][i] = e.getValue().std();
                i++;
            }
            series.put(model, s);
        });
        return series;
    }

    /** Whether a row holds accuracies over several p values: an ok row of a window set. */
    private static boolean overP(ResultRow r) {
        return r.ok() && !r.critical() && r.perP() != null && r.perP().size() > 1;
    }

    private static double[][] perP(ResultRow r) {
        List<ResultRow.PerP> pts = r.perP();
        double[][] s = new double[3][pts.size()];
        for (int i = 0; i < pts.size(); i++) {
            s[0][i] = pts.get(i).p();
            s[1][i] = pts.get(i).accuracy().mean();
            s[2][i] = pts.get(i).accuracy().std();
        }
        return s;
    }

    private static Map<String, double[][]> lossSeries(ModelRun run) {
        Map<String, double[][]> out = new LinkedHashMap<>();
        for (ModelRun.SeedRun s : run.seeds()) {
            for (String series : List.of("train", "val")) {
                double[][] xy = curve(s, series, false);
                if (xy != null) {
                    out.put("seed " + s.seed() + " " + series, xy);
                }
            }
        }
        return out;
    }

    /** One loss series of a fit as {x[], loss[]}, x the step or the training seconds; null if it has no points. */
    private static double[][] curve(ModelRun.SeedRun s, String series, boolean againstTime) {
        List<ModelRun.LossPoint> pts =
                s.loss().stream().filter(p -> p.series().equals(series)).toList();
        if (pts.isEmpty()) {
            return null;
        }
        double[][] xy = new double[2][pts.size()];
        for (int i = 0; i < pts.size(); i++) {
            xy[0][i] = againstTime ? pts.get(i).seconds() : pts.get(i).step();
            xy[1][i] = pts.get(i).loss();
        }
        return xy;
    }

    /**
     * The training and validation loss of several models (trainers of one network) on one chart, first seed each.
     *
     * @param runs        the models' runs, in legend order
     * @param againstTime x is training seconds (true) or optimiser steps (false)
     * @return the PNG, or null if no run has a loss curve
     */
    public static byte[] lossAcrossModels(List<ModelRun> runs, boolean againstTime) {
        Map<String, double[][]> series = new LinkedHashMap<>();
        long seed = 0;
        for (ModelRun run : runs) {
            if (run.seeds().isEmpty()) {
                continue;
            }
            ModelRun.SeedRun s = run.seeds().get(0);
            seed = s.seed();
            for (String name : List.of("train", "val")) {
                double[][] xy = curve(s, name, againstTime);
                if (xy != null) {
                    series.put(run.model().id() + " " + name, xy);
                }
            }
        }
        if (series.isEmpty()) {
            return null;
        }
        return Charts.lossCurves(
                "Loss against " + (againstTime ? "training time" : "optimiser step") + ", seed " + seed,
                againstTime ? "seconds" : "step",
                series);
    }
}
