package org.scalefreebench.datasets.task;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The scores of one prediction on one test set, as computed by {@link Evaluator}.
 *
 * @param task        the task scored
 * @param testSpec    id of the test set's spec
 * @param testSplit   name of the test set's split
 * @param size        linear size L of the test maps
 * @param samples     number of test maps N
 * @param scores      the task's metrics, in {@link Metric} order; a metric undefined on this test
 *                    set (ROC AUC with one class only, R² with one target value only) is absent
 * @param accuracyByP for {@link Task#SPANNING}: accuracy at each distinct occupation probability
 *                    p of the test set, by increasing p; empty for the other tasks
 */
public record Evaluation(
        Task task,
        String testSpec,
        String testSplit,
        int size,
        int samples,
        Map<Metric, Double> scores,
        SortedMap<Double, Double> accuracyByP) {

    /** Checks that every score is one of the task's metrics; keeps unmodifiable copies in metric order. */
    public Evaluation {
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(testSpec, "testSpec");
        Objects.requireNonNull(testSplit, "testSplit");
        EnumMap<Metric, Double> ordered = new EnumMap<>(Metric.class);
        for (Map.Entry<Metric, Double> e : scores.entrySet()) {
            if (!task.metrics().contains(e.getKey())) {
                throw new IllegalArgumentException("metric " + e.getKey().id() + " is not a metric of task " + task.id()
                        + "; its metrics are " + metricIds(task));
            }
            ordered.put(
                    e.getKey(), Objects.requireNonNull(e.getValue(), e.getKey().id()));
        }
        scores = Collections.unmodifiableMap(ordered);
        accuracyByP = Collections.unmodifiableSortedMap(new TreeMap<>(accuracyByP));
    }

    /** @return the test set as {@code <spec id>/<split name>} */
    public String testSet() {
        return testSpec + "/" + testSplit;
    }

    /**
     * @param metric one of the task's metrics
     * @return its score
     * @throws NoSuchElementException naming the metric if it was not computed on this test set
     */
    public double score(Metric metric) {
        Double s = scores.get(metric);
        if (s == null) {
            throw new NoSuchElementException("no " + metric.id() + " score for task " + task.id() + " on " + testSet()
                    + (task.metrics().contains(metric)
                            ? " (it is undefined on this test set)"
                            : " (it is not a metric of this task)")
                    + "; scores present: "
                    + scores.keySet().stream().map(Metric::id).collect(Collectors.joining(", ")));
        }
        return s;
    }

    private static String metricIds(Task task) {
        return task.metrics().stream().map(Metric::id).collect(Collectors.joining(", "));
    }
}
