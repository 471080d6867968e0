package org.scalefreebench.datasets.task;

import java.util.Arrays;
import java.util.Comparator;
import org.hipparchus.distribution.continuous.NormalDistribution;
import org.scalefreebench.datasets.load.SplitData;

/**
 * Two models' primary metric on the same maps, and whether their difference is more than the test
 * set's noise: each model's score is noisy, but on the same maps the noise is shared, so the paired
 * standard error of the difference is far smaller than the two scores' own errors together. This is
 * what tells a gap to density from a lucky test set.
 *
 * <ul>
 *   <li>Spanning, ROC AUC: DeLong, DeLong and Clarke-Pearson's test of two correlated ROC curves
 *       (Biometrics 44, 837, 1988), with its structural components found from midranks (Sun and Xu,
 *       IEEE Signal Process. Lett. 21, 1389, 2014).
 *   <li>A regression task, R²: the per-map difference of squared errors, d_i = (b_i − y_i)² − (a_i −
 *       y_i)², so that R²_a − R²_b = Σ d_i / SS_tot, with standard error √N · sd(d) / SS_tot (the
 *       targets, and so SS_tot, held fixed).
 * </ul>
 *
 * Both are asymptotically normal; z = difference / standard error, with its two-sided p.
 *
 * @param task          the task
 * @param metric        the metric compared: the task's primary metric where a paired test exists
 * @param testSet       the test set, {@code <spec>/<split>}
 * @param samples       maps N
 * @param a             model a's metric, as the {@link Evaluator} scores it
 * @param b             model b's metric, as the {@link Evaluator} scores it
 * @param standardError the paired standard error of a − b
 */
public record PairedDifference(
        Task task, Metric metric, String testSet, int samples, double a, double b, double standardError) {

    private static final NormalDistribution NORMAL = new NormalDistribution();

    /** @return a − b */
    public double difference() {
        return a - b;
    }

    /**
     * @return (a − b) / standard error; 0 when the two predictions score the same with no spread
     *         (identical predictions), ±∞ when they differ with none
     */
    public double z() {
        double d = difference();
        if (standardError == 0) {
            return d == 0 ? 0 : Math.copySign(Double.POSITIVE_INFINITY, d);
        }
        return d / standardError;
    }

    /** @return the two-sided p of z under the normal law */
    public double pTwoSided() {
        return 2 * NORMAL.cumulativeProbability(-Math.abs(z()));
    }

    /**
     * @param task a task
     * @return whether it has a paired test here: a binary task (ROC AUC) or a regression task scored by
     *         R²; a mask, a generation task, or a regression scored by RMSE only has none
     */
    public static boolean hasTest(Task task) {
        return switch (task.kind()) {
            case BINARY -> true;
            case REGRESSION -> task.metrics().contains(Metric.R2);
            case SEGMENTATION, GENERATION -> false;
        };
    }

    /**
     * Scores both predictions with the {@link Evaluator} (each refused as it refuses it) and compares
     * them on the same maps.
     *
     * @param task  spanning or a regression task
     * @param truth the test set, with its labels
     * @param a     model a's predictions, in the Evaluator's layout
     * @param b     model b's predictions, in the Evaluator's layout
     * @return the paired difference a − b of the task's primary metric
     * @throws EvaluationException      if either prediction is refused, naming the task and the set
     * @throws IllegalArgumentException if the task has no paired test here (a mask, a generation task),
     *                                  or the set holds one class only (no ROC AUC)
     */
    public static PairedDifference of(Task task, SplitData truth, float[] a, float[] b) {
        Evaluation ea = Evaluator.evaluate(task, truth, a);
        Evaluation eb = Evaluator.evaluate(task, truth, b);
        String set = ea.testSpec() + "/" + ea.testSplit();
        return switch (task.kind()) {
            case BINARY -> {
                Double auc = ea.scores().get(Metric.ROC_AUC);
                if (auc == null) {
                    throw new IllegalArgumentException("task " + task.id() + " on " + set
                            + ": the set holds one class only, so there is no ROC AUC to compare");
                }
                byte[] labels = truth.column(task.targetColumn()).uint8();
                yield new PairedDifference(
                        task,
                        Metric.ROC_AUC,
                        set,
                        labels.length,
                        auc,
                        eb.scores().get(Metric.ROC_AUC),
                        deLongStandardError(labels, a, b));
            }
            case REGRESSION -> {
                if (!task.metrics().contains(Metric.R2) || !ea.scores().containsKey(Metric.R2)) {
                    throw new IllegalArgumentException("task " + task.id() + " on " + set
                            + ": no R² (every target equal, or not a metric of the task) to compare");
                }
                float[] target = task.target(truth);
                yield new PairedDifference(
                        task,
                        Metric.R2,
                        set,
                        target.length,
                        ea.scores().get(Metric.R2),
                        eb.scores().get(Metric.R2),
                        squaredErrorStandardError(target, a, b));
            }
            case SEGMENTATION, GENERATION ->
                throw new IllegalArgumentException("task " + task.id()
                        + " has no paired test here: spanning (ROC AUC) and the regression tasks (R²) have");
        };
    }

    /**
     * DeLong's standard error of AUC_a − AUC_b.
     *
     * @param labels 1 for a positive map, 0 otherwise; both classes present
     * @param a      model a's scores
     * @param b      model b's scores
     * @return the standard error
     */
    static double deLongStandardError(byte[] labels, float[] a, float[] b) {
        int m = 0;
        for (byte l : labels) {
            m += l != 0 ? 1 : 0;
        }
        int n = labels.length - m;
        double[][] v10 = new double[2][m];
        double[][] v01 = new double[2][n];
        float[][] scores = {a, b};
        for (int r = 0; r < 2; r++) {
            float[] positives = new float[m];
            float[] negatives = new float[n];
            int[] where = new int[labels.length];
            for (int i = 0, p = 0, q = 0; i < labels.length; i++) {
                if (labels[i] != 0) {
                    positives[p] = scores[r][i];
                    where[i] = p++;
                } else {
                    negatives[q] = scores[r][i];
                    where[i] = q++;
                }
            }
            double[] all = midranks(scores[r]);
            double[] amongPositives = midranks(positives);
            double[] amongNegatives = midranks(negatives);
            for (int i = 0; i < labels.length; i++) {
                if (labels[i] != 0) {
                    v10[r][where[i]] = (all[i] - amongPositives[where[i]]) / n;
                } else {
                    v01[r][where[i]] = 1 - (all[i] - amongNegatives[where[i]]) / m;
                }
            }
        }
        double variance = differenceVariance(v10) / m + differenceVariance(v01) / n;
        return Math.sqrt(variance);
    }

    /** The sample variance (N − 1) of x[0] − x[1]: var a + var b − 2 cov(a, b). */
    private static double differenceVariance(double[][] x) {
        int k = x[0].length;
        if (k < 2) {
            return 0;
        }
        double mean = 0;
        for (int i = 0; i < k; i++) {
            mean += x[0][i] - x[1][i];
        }
        mean /= k;
        double sum = 0;
        for (int i = 0; i < k; i++) {
            double d = x[0][i] - x[1][i] - mean;
            sum += d * d;
        }
        return sum / (k - 1);
    }

    /** 1-based ranks, ties given their mean rank; −0 and +0 tie, as in the Evaluator. */
    static double[] midranks(float[] x) {
        Integer[] order = new Integer[x.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.comparingDouble(i -> x[i] == 0f ? 0.0 : x[i]));
        double[] rank = new double[x.length];
        int start = 0;
        while (start < x.length) {
            int end = start;
            while (end < x.length && x[order[end]] == x[order[start]]) {
                end++;
            }
            double mid = (start + 1 + end) / 2.0;
            for (int i = start; i < end; i++) {
                rank[order[i]] = mid;
            }
            start = end;
        }
        return rank;
    }

    /** √N · sd(d) / SS_tot, d_i = (b_i − y_i)² − (a_i − y_i)²: the standard error of R²_a − R²_b. */
    static double squaredErrorStandardError(float[] target, float[] a, float[] b) {
        int n = target.length;
        double mean = 0;
        for (float t : target) {
            mean += t;
        }
        mean /= n;
        double total = 0;
        double[] d = new double[n];
        double dMean = 0;
        for (int i = 0; i < n; i++) {
            double centred = target[i] - mean;
            total += centred * centred;
            double ra = (double) target[i] - a[i];
            double rb = (double) target[i] - b[i];
            d[i] = rb * rb - ra * ra;
            dMean += d[i];
        }
        if (n < 2 || total == 0) {
            return Double.NaN;
        }
        dMean /= n;
        double sum = 0;
        for (double v : d) {
            sum += (v - dMean) * (v - dMean);
        }
        return Math.sqrt(n * sum / (n - 1)) / total;
    }
}
