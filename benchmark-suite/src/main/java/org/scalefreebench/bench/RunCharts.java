package org.scalefreebench.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.scalefreebench.bench.chart.Charts;
import org.scalefreebench.bench.result.DensityGap;
import org.scalefreebench.bench.result.ResultRow;
import org.scalefreebench.bench.result.Stat;
import org.scalefreebench.datasets.family.CriticalFkFamily;
import org.scalefreebench.datasets.family.Families;
import org.scalefreebench.datasets.fk.FkLabel;
import org.scalefreebench.datasets.fk.FkParameters;
import org.scalefreebench.datasets.lattice.CriticalExponents;
import org.scalefreebench.datasets.load.LabelValues;
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
        fkCharts(List.of(run), task, data).forEach((name, png) -> charts.put(id + " " + name, png));
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
                task.id() + ": " + metric + " at p = p_c against L"
                        + (series.containsKey(DensityGap.BASELINE) ? "; dashed: " + DensityGap.BASELINE : ""),
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

    /**
     * @param rows result rows of one tier, any tasks
     * @param task the task
     * @return whether {@link #criticalAcrossSizes} draws the density baseline (dashed) for the task: it
     *         has no line on a task it does not do, such as the mask
     */
    public static boolean densityBaselineDrawn(List<ResultRow> rows, Task task) {
        return criticalSeries(rows, task).containsKey(DensityGap.BASELINE);
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
        return seriesOf(byModel);
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

    /** The family of the tasks {@link #fkCharts} draws. */
    public static final String FK_FAMILY = Families.CRITICAL_FK.id();

    /** Points of the exact curve drawn through the FK charts, evenly over Q ∈ [1, 4]. */
    public static final int EXACT_POINTS = 121;

    /**
     * @param task a task
     * @return the model drawn dashed on the task's FK charts: the floor {@value DensityGap#FK_FLOOR}
     *         for central-charge, the classical box counting for fractal-dimension; null for other tasks
     */
    public static String fkDashed(Task task) {
        return task == Task.CENTRAL_CHARGE
                ? DensityGap.FK_FLOOR
                : task == Task.FRACTAL_DIMENSION ? "box-count-baseline" : null;
    }

    /**
     * @param task a task
     * @return the exact family label it regresses (c, d_f), or null if it is not a critical-FK label
     */
    public static FkLabel exactLabel(Task task) {
        if (!FK_FAMILY.equals(task.family())) {
            return null;
        }
        return Arrays.stream(FkLabel.values())
                .filter(l -> l.id().equals(task.targetColumn()))
                .findFirst()
                .orElse(null);
    }

    /**
     * @param label an exact FK label
     * @return {Q[], value[]}: the label's closed form at {@value #EXACT_POINTS} values of Q evenly over [1, 4]
     */
    public static double[][] exactCurve(FkLabel label) {
        double[][] curve = new double[2][EXACT_POINTS];
        for (int i = 0; i < EXACT_POINTS; i++) {
            double q = FkParameters.MIN_Q + (FkParameters.MAX_Q - FkParameters.MIN_Q) * i / (EXACT_POINTS - 1);
            curve[0][i] = q;
            curve[1][i] = FkParameters.of(q).value(label);
        }
        return curve;
    }

    /**
     * The critical-FK pictures of a task, from the kept per-map predictions of every seed: per L of
     * its test sets (the sets of one L pooled, so L = 64 holds the trained and the held-out values of
     * Q), each model's mean ± std of its predictions at each Q with the exact curve drawn through,
     * and each model's RMSE at each Q (mean ± std over seeds); then each model's RMSE against L over
     * all the maps of each L. Held-out values of Q are marked; the task's {@link #fkDashed} model is
     * dashed.
     *
     * @param runs the models' runs, in legend order
     * @param task a critical-FK task
     * @param data the tier's data
     * @return name → PNG; empty for a task of another family or when no run kept predictions
     */
    public static Map<String, byte[]> fkCharts(List<ModelRun> runs, Task task, TierData data) {
        Map<String, byte[]> charts = new LinkedHashMap<>();
        FkLabel label = exactLabel(task);
        if (label == null) {
            return charts;
        }
        TreeMap<Integer, List<SplitData>> bySize = new TreeMap<>();
        Set<Double> heldOut = new HashSet<>();
        for (SplitData test : data.testSets()) {
            TestSet planned = data.testSet(task, test);
            if (planned == null || !test.has(CriticalFkFamily.Q_VALUE.id())) {
                continue;
            }
            bySize.computeIfAbsent(test.size(), l -> new ArrayList<>()).add(test);
            if (planned.role() == TestSet.Role.HELD_OUT_Q) {
                Arrays.stream(doubles(test.column(CriticalFkFamily.Q_VALUE.id())))
                        .forEach(heldOut::add);
            }
        }
        Map<String, Map<Integer, FkErrors>> errors = new LinkedHashMap<>();
        for (ModelRun run : runs) {
            for (Map.Entry<Integer, List<SplitData>> e : bySize.entrySet()) {
                FkErrors err = FkErrors.of(run, task, e.getValue());
                if (err != null) {
                    errors.computeIfAbsent(run.model().id(), m -> new TreeMap<>())
                            .put(e.getKey(), err);
                }
            }
        }
        if (errors.isEmpty()) {
            return charts;
        }
        Set<String> dashed = fkDashed(task) == null ? Set.of() : Set.of(fkDashed(task));
        String metric = Metric.RMSE.id();
        String partners = task == Task.FRACTAL_DIMENSION ? " (d_f(2) = d_f(4) = 15/8)" : "";
        String dashNote = dashed.isEmpty() ? "" : "; dashed: " + fkDashed(task);
        for (int size : bySize.keySet()) {
            Map<String, double[][]> predicted = new LinkedHashMap<>();
            Map<String, double[][]> rmse = new LinkedHashMap<>();
            errors.forEach((model, bySizeErr) -> {
                FkErrors err = bySizeErr.get(size);
                if (err != null) {
                    predicted.put(model, err.predictedByQ());
                    rmse.put(model, err.rmseByQ());
                }
            });
            if (predicted.isEmpty()) {
                continue;
            }
            charts.put(
                    task.id() + ": predicted against Q, L = " + size,
                    Charts.againstQ(
                            task.id() + ": predicted " + label.id() + " against Q, L = " + size + ", mean ± std"
                                    + partners,
                            "predicted " + label.id(),
                            predicted,
                            "exact " + label.id() + "(Q)",
                            exactCurve(label),
                            heldOut,
                            dashed));
            charts.put(
                    task.id() + ": " + metric + " against Q, L = " + size,
                    Charts.againstQ(
                            task.id() + ": " + metric + " against Q, L = " + size + ", mean ± std over seeds",
                            metric,
                            rmse,
                            "",
                            null,
                            heldOut,
                            dashed));
        }
        Map<String, double[][]> bySizeSeries = new LinkedHashMap<>();
        errors.forEach((model, bySizeErr) -> {
            double[][] s = new double[3][bySizeErr.size()];
            int i = 0;
            for (Map.Entry<Integer, FkErrors> e : bySizeErr.entrySet()) {
                Stat st = e.getValue().rmse();
                s[0][i] = e.getKey();
                s[1][i] = st.mean();
                s[2][i] = st.std();
                i++;
            }
            bySizeSeries.put(model, s);
        });
        charts.put(
                task.id() + ": " + metric + " against L",
                Charts.metricVsSize(
                        task.id() + ": " + metric + " against L, all Q of each L" + dashNote,
                        metric,
                        bySizeSeries,
                        dashed,
                        Double.NaN,
                        ""));
        return charts;
    }

    /**
     * A critical-FK task's primary metric against L from result rows, one line per model with ok
     * rows (references too), the task's {@link #fkDashed} model dashed: at L = 64 the set at the
     * trained values of Q (the headline), at larger L the sets at every value of Q.
     *
     * @param rows result rows of one tier, any tasks
     * @param task a critical-FK task
     * @return the PNG, or null if no model has an ok row of the task on such a set
     */
    public static byte[] fkAcrossSizes(List<ResultRow> rows, Task task) {
        Map<String, double[][]> series = fkSizeSeries(rows, task);
        if (series.isEmpty()) {
            return null;
        }
        String dashed = fkDashed(task);
        String metric = task.primaryMetric().id();
        return Charts.metricVsSize(
                task.id() + ": " + metric + " against L (smallest L: trained Q; larger L: all Q)"
                        + (dashed == null ? "" : "; dashed: " + dashed),
                metric,
                series,
                dashed == null ? Set.of() : Set.of(dashed),
                Double.NaN,
                "");
    }

    /**
     * @param rows result rows of one tier, any tasks
     * @param task a critical-FK task
     * @return per model with an ok row of the task on a trained-Q or an all-Q set, {L[], mean[], std[]}
     *         of its primary metric by increasing L; empty if there is none or the task is not critical FK
     */
    public static Map<String, double[][]> fkSizeSeries(List<ResultRow> rows, Task task) {
        String metric = task.primaryMetric().id();
        Map<String, TreeMap<Integer, Stat>> byModel = new TreeMap<>();
        if (exactLabel(task) == null) {
            return Map.of();
        }
        for (ResultRow r : rows) {
            if (r.ok()
                    && task.id().equals(r.task())
                    && r.taskVersion() == task.version()
                    && (TestSet.Role.TRAINED_Q.id().equals(r.testRole())
                            || TestSet.Role.ALL_Q.id().equals(r.testRole()))
                    && r.metrics() != null
                    && r.metrics().get(metric) != null) {
                byModel.computeIfAbsent(r.model(), m -> new TreeMap<>())
                        .put(r.size(), r.metrics().get(metric));
            }
        }
        return seriesOf(byModel);
    }

    /** A label column's values as doubles (FLOAT64 or FLOAT32). */
    static double[] doubles(LabelValues v) {
        return switch (v.column().dtype()) {
            case FLOAT64 -> v.float64();
            case FLOAT32 -> {
                float[] f = v.float32();
                double[] d = new double[f.length];
                for (int i = 0; i < f.length; i++) {
                    d[i] = f[i];
                }
                yield d;
            }
            default ->
                throw new IllegalArgumentException(
                        "column " + v.column().id() + " is " + v.column().dtype() + ", not a float column");
        };
    }

    /**
     * One model's errors at one L, its sets pooled.
     *
     * @param predictions Q → every seed's predictions of the maps at that Q
     * @param seedErrors  Q → per seed, {sum of squared errors, maps}
     * @param seedTotals  per seed, {sum of squared errors, maps} over every Q
     */
    private record FkErrors(
            TreeMap<Double, List<Double>> predictions,
            TreeMap<Double, Map<Long, double[]>> seedErrors,
            Map<Long, double[]> seedTotals) {

        /** Null if no seed kept predictions of the right length on these sets. */
        static FkErrors of(ModelRun run, Task task, List<SplitData> sets) {
            FkErrors e = new FkErrors(new TreeMap<>(), new TreeMap<>(), new LinkedHashMap<>());
            for (ModelRun.SeedRun seed : run.seeds()) {
                for (SplitData test : sets) {
                    float[] predicted = seed.predictions() == null
                            ? null
                            : seed.predictions()
                                    .getOrDefault(test.spec().id(), Map.of())
                                    .get(task);
                    if (predicted == null || predicted.length != test.samples()) {
                        continue;
                    }
                    double[] q = doubles(test.column(CriticalFkFamily.Q_VALUE.id()));
                    float[] truth = task.target(test);
                    for (int i = 0; i < predicted.length; i++) {
                        double d = predicted[i] - truth[i];
                        e.predictions
                                .computeIfAbsent(q[i], k -> new ArrayList<>())
                                .add((double) predicted[i]);
                        double[] atQ = e.seedErrors
                                .computeIfAbsent(q[i], k -> new LinkedHashMap<>())
                                .computeIfAbsent(seed.seed(), k -> new double[2]);
                        atQ[0] += d * d;
                        atQ[1]++;
                        double[] total = e.seedTotals.computeIfAbsent(seed.seed(), k -> new double[2]);
                        total[0] += d * d;
                        total[1]++;
                    }
                }
            }
            return e.seedTotals.isEmpty() ? null : e;
        }

        double[][] predictedByQ() {
            double[][] s = new double[3][predictions.size()];
            int i = 0;
            for (Map.Entry<Double, List<Double>> p : predictions.entrySet()) {
                Stat st = Stat.of(p.getValue());
                s[0][i] = p.getKey();
                s[1][i] = st.mean();
                s[2][i] = st.std();
                i++;
            }
            return s;
        }

        double[][] rmseByQ() {
            double[][] s = new double[3][seedErrors.size()];
            int i = 0;
            for (Map.Entry<Double, Map<Long, double[]>> p : seedErrors.entrySet()) {
                Stat st = rmse(p.getValue());
                s[0][i] = p.getKey();
                s[1][i] = st.mean();
                s[2][i] = st.std();
                i++;
            }
            return s;
        }

        Stat rmse() {
            return rmse(seedTotals);
        }

        private static Stat rmse(Map<Long, double[]> bySeed) {
            return Stat.of(
                    bySeed.values().stream().map(se -> Math.sqrt(se[0] / se[1])).toList());
        }
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

    /**
     * @param byModel per model, its metric's mean and std by L
     * @return per model, the chart series {L, mean, std}
     */
    private static Map<String, double[][]> seriesOf(Map<String, ? extends Map<Integer, Stat>> byModel) {
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
}
