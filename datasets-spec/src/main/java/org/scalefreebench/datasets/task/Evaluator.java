package org.scalefreebench.datasets.task;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.scalefreebench.datasets.family.CriticalFkFamily;
import org.scalefreebench.datasets.load.SplitData;

/**
 * Scores a model's prediction against the exact labels of a test set, strictly: a prediction of
 * the wrong length, with a NaN or infinite value, or with a probability outside [0, 1] is
 * refused with an {@link EvaluationException} naming the task, the test set and what was
 * expected, never scored.
 *
 * <p>Prediction layouts ({@link Task#predictionLength} floats), by the task's kind: a binary task
 * ({@link Task#SPANNING}) gives a probability per map; a regression task ({@link Task#MAX_CLUSTER}:
 * the largest-cluster fraction max_cluster / L²) any finite value per map; a segmentation task
 * ({@link Task#MAX_CLUSTER_MASK}) a probability per site, map-major, row-major. The labels are the
 * task's target column. Probabilities are thresholded at 1/2, a value
 * of exactly 1/2 counting as a positive.
 */
public final class Evaluator {

    /** A probability at or above this is read as a positive prediction. */
    public static final float THRESHOLD = 0.5f;

    private Evaluator() {}

    /**
     * Checks and scores a prediction.
     *
     * @param task       the task
     * @param truth      the test set, with its labels
     * @param prediction {@code task.predictionLength(N, L)} values in the task's layout
     * @return the task's metrics (and, for spanning, the accuracy at each p)
     * @throws EvaluationException naming the task, the test set and what was expected, if an
     *                             argument is null, the test set is empty or inconsistent, or the
     *                             prediction has the wrong length or a bad value
     */
    public static Evaluation evaluate(Task task, SplitData truth, float[] prediction) {
        String testSet = describe(truth);
        if (task == null) {
            throw new EvaluationException("no task given for test set " + testSet + ": expected one of " + Task.ids());
        }
        String where = "task " + task.id() + " on " + testSet;
        if (truth == null) {
            throw new EvaluationException(where + ": no test set given: expected a loaded split with its labels");
        }
        int samples = checkTruth(task, truth, where);
        int size = truth.size();
        checkPrediction(task, samples, size, prediction, where);

        Map<Metric, Double> scores = new EnumMap<>(Metric.class);
        SortedMap<Double, Double> accuracyByP = new TreeMap<>();
        switch (task.kind()) {
            case BINARY -> {
                byte[] labels = truth.column(task.targetColumn()).uint8();
                scores.put(Metric.ACCURACY, accuracy(labels, prediction));
                double auc = rocAuc(labels, prediction);
                if (!Double.isNaN(auc)) {
                    scores.put(Metric.ROC_AUC, auc);
                }
                accuracyByP.putAll(accuracyByP(truth.p(), labels, prediction));
            }
            case REGRESSION -> {
                float[] target = task.target(truth);
                double r2 = coefficientOfDetermination(target, prediction);
                if (!Double.isNaN(r2)) {
                    scores.put(Metric.R2, r2);
                }
                scores.put(Metric.MAE, meanAbsoluteError(target, prediction));
                scores.put(Metric.RMSE, rootMeanSquareError(target, prediction));
                if (task.metrics().contains(Metric.PARTNER_GAP)) {
                    double gap = partnerGap(truth, prediction);
                    if (!Double.isNaN(gap)) {
                        scores.put(Metric.PARTNER_GAP, gap);
                    }
                }
            }
            case SEGMENTATION ->
                scores.put(
                        Metric.MEAN_IOU,
                        meanIou(truth.column(task.targetColumn()).uint8(), prediction, samples, size * size));
            case GENERATION ->
                throw new EvaluationException(
                        where + ": a generation task is scored by its own evaluator, not this one");
        }
        scores.keySet().retainAll(task.metrics());
        return new Evaluation(task, truth.spec().id(), truth.split().name(), size, samples, scores, accuracyByP);
    }

    private static String describe(SplitData truth) {
        if (truth == null) {
            return "<no test set>";
        }
        String spec = truth.spec() == null ? "<no spec>" : truth.spec().id();
        String split = truth.split() == null ? "<no split>" : truth.split().name();
        return spec + "/" + split;
    }

    /** Checks the labels the task scores against; returns N. */
    private static int checkTruth(Task task, SplitData truth, String where) {
        if (truth.spec() == null || truth.split() == null) {
            throw new EvaluationException(where + ": the test set names no spec or no split: expected both");
        }
        if (truth.maps() == null || truth.samples() == 0) {
            throw new EvaluationException(where + ": the test set holds no maps: expected at least one");
        }
        int samples = truth.samples();
        long sites = (long) samples * truth.size() * truth.size();
        boolean perSite = task.kind() == Task.Kind.SEGMENTATION;
        String column = task.targetColumn();
        checkLabels(
                truth.has(column) ? truth.column(column).length() : -1,
                column,
                perSite ? sites : samples,
                perSite ? "one per site" : "one per map",
                where);
        return samples;
    }

    /** @param length the labels' length, −1 if they are missing */
    private static void checkLabels(int length, String name, long expected, String layout, String where) {
        if (length != expected) {
            throw new EvaluationException(where + ": the test set's " + name + " labels "
                    + (length < 0 ? "are missing" : "hold " + length + " values") + ": expected " + expected
                    + " (" + layout + ")");
        }
    }

    private static void checkPrediction(Task task, int samples, int size, float[] prediction, String where) {
        long expected = task.predictionLength(samples, size);
        String layout = task.kind() == Task.Kind.SEGMENTATION
                ? "one per site: " + samples + " maps of " + size + "×" + size + ", map-major, row-major"
                : "one per map";
        if (prediction == null) {
            throw new EvaluationException(
                    where + ": no prediction given: expected " + expected + " values (" + layout + ")");
        }
        if (prediction.length != expected) {
            throw new EvaluationException(
                    where + ": expected " + expected + " values (" + layout + "), got " + prediction.length);
        }
        boolean probability = task.kind() != Task.Kind.REGRESSION;
        String wanted = task.output();
        for (int i = 0; i < prediction.length; i++) {
            float v = prediction[i];
            boolean bad = probability ? !(v >= 0f && v <= 1f) : !Float.isFinite(v);
            if (bad) {
                String what = Float.isNaN(v)
                        ? "NaN"
                        : Float.isInfinite(v) ? (v > 0 ? "+Infinity" : "-Infinity") : v + ", outside [0, 1]";
                throw new EvaluationException(where + ": value " + i + " (" + position(task, i, size) + ") is " + what
                        + ": expected " + wanted);
            }
        }
    }

    private static String position(Task task, int index, int size) {
        if (task.kind() != Task.Kind.SEGMENTATION) {
            return "map " + index;
        }
        int sites = size * size;
        int site = index % sites;
        return "map " + index / sites + ", row " + site / size + ", column " + site % size;
    }

    private static boolean predictsPositive(float probability) {
        return probability >= THRESHOLD;
    }

    private static double accuracy(byte[] spanning, float[] prediction) {
        int correct = 0;
        for (int i = 0; i < spanning.length; i++) {
            if (predictsPositive(prediction[i]) == (spanning[i] != 0)) {
                correct++;
            }
        }
        return (double) correct / spanning.length;
    }

    /**
     * ROC AUC as the Mann–Whitney statistic, ties counting one half: the rank sum of the spanning
     * maps, ranks averaged over tied predictions, found by one sort. Doubled ranks are integers, so
     * the sum is exact.
     *
     * @return the AUC, or NaN if the test set holds one class only
     */
    private static double rocAuc(byte[] spanning, float[] prediction) {
        int n = spanning.length;
        long[] keys = new long[n];
        long positives = 0;
        for (int i = 0; i < n; i++) {
            float v = prediction[i];
            long bits = v == 0f ? 0 : Float.floatToIntBits(v);
            int label = spanning[i] != 0 ? 1 : 0;
            positives += label;
            keys[i] = (bits << 1) | label;
        }
        long negatives = n - positives;
        if (positives == 0 || negatives == 0) {
            return Double.NaN;
        }
        Arrays.sort(keys);
        long doubledRankSum = 0;
        int start = 0;
        while (start < n) {
            long value = keys[start] >>> 1;
            int end = start;
            long tiedPositives = 0;
            while (end < n && keys[end] >>> 1 == value) {
                tiedPositives += keys[end] & 1;
                end++;
            }
            doubledRankSum += tiedPositives * (start + 1 + end);
            start = end;
        }
        return (doubledRankSum - positives * (positives + 1)) / (2.0 * positives * negatives);
    }

    private static SortedMap<Double, Double> accuracyByP(double[] p, byte[] spanning, float[] prediction) {
        SortedMap<Double, int[]> counts = new TreeMap<>();
        for (int i = 0; i < p.length; i++) {
            int[] c = counts.computeIfAbsent(p[i], k -> new int[2]);
            c[1]++;
            if (predictsPositive(prediction[i]) == (spanning[i] != 0)) {
                c[0]++;
            }
        }
        SortedMap<Double, Double> out = new TreeMap<>();
        counts.forEach((value, c) -> out.put(value, (double) c[0] / c[1]));
        return out;
    }

    /** @return 1 − SS_res / SS_tot, or NaN if every target is the same */
    private static double coefficientOfDetermination(float[] target, float[] prediction) {
        double mean = 0;
        for (float t : target) {
            mean += t;
        }
        mean /= target.length;
        double total = 0;
        double residual = 0;
        for (int i = 0; i < target.length; i++) {
            double d = target[i] - mean;
            double r = (double) target[i] - prediction[i];
            total += d * d;
            residual += r * r;
        }
        return total == 0 ? Double.NaN : 1 - residual / total;
    }

    /** The d_f partners of the critical-FK family: Q = 2 and Q = 4 share d_f = 15/8. */
    private static final double[] PARTNERS = {2, 4};

    /** |mean prediction at Q = 2 − mean at Q = 4|, or NaN if the set lacks a q column or either value. */
    private static double partnerGap(SplitData truth, float[] prediction) {
        String column = CriticalFkFamily.Q_VALUE.id();
        if (!truth.has(column)) {
            return Double.NaN;
        }
        double[] q = truth.column(column).float64();
        double[] sum = new double[2];
        int[] count = new int[2];
        for (int i = 0; i < q.length; i++) {
            for (int k = 0; k < 2; k++) {
                if (q[i] == PARTNERS[k]) {
                    sum[k] += prediction[i];
                    count[k]++;
                }
            }
        }
        return count[0] == 0 || count[1] == 0 ? Double.NaN : Math.abs(sum[0] / count[0] - sum[1] / count[1]);
    }

    private static double rootMeanSquareError(float[] target, float[] prediction) {
        double sum = 0;
        for (int i = 0; i < target.length; i++) {
            double d = (double) prediction[i] - target[i];
            sum += d * d;
        }
        return Math.sqrt(sum / target.length);
    }

    private static double meanAbsoluteError(float[] target, float[] prediction) {
        double sum = 0;
        for (int i = 0; i < target.length; i++) {
            sum += Math.abs((double) target[i] - prediction[i]);
        }
        return sum / target.length;
    }

    /** Per map: |predicted ∩ true| / |predicted ∪ true|, 1 when both are empty; averaged over maps. */
    private static double meanIou(byte[] mask, float[] prediction, int samples, int sites) {
        double sum = 0;
        for (int m = 0; m < samples; m++) {
            int intersection = 0;
            int union = 0;
            for (int i = m * sites, end = i + sites; i < end; i++) {
                boolean predicted = predictsPositive(prediction[i]);
                boolean inCluster = mask[i] != 0;
                if (predicted && inCluster) {
                    intersection++;
                }
                if (predicted || inCluster) {
                    union++;
                }
            }
            sum += union == 0 ? 1.0 : (double) intersection / union;
        }
        return sum / samples;
    }
}
