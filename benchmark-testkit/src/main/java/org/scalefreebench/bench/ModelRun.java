package org.scalefreebench.bench;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.scalefreebench.datasets.model.BenchmarkModel;
import org.scalefreebench.datasets.task.Evaluation;
import org.scalefreebench.datasets.task.Task;

/**
 * Everything one model did in a run: a {@link SeedRun} per seed that fitted, and the tasks that
 * failed with the reason.
 *
 * @param model    the model
 * @param tasks    the tasks it was run on
 * @param seeds    one entry per seed that fitted, in seed order
 * @param failures task → why it failed (the first failure), for tasks without a complete set of scores
 */
public record ModelRun(BenchmarkModel model, Set<Task> tasks, List<SeedRun> seeds, Map<Task, String> failures) {

    /**
     * One fit and its scores.
     *
     * @param seed            the seed
     * @param params          trained parameters
     * @param trainSeconds    wall-clock seconds of the fit
     * @param trainedSamples  maps × passes seen in training
     * @param loss            the loss curve
     * @param evaluations     test-set spec id → task → scores
     * @param predictSeconds  test-set spec id → seconds spent predicting all tasks on it
     * @param predictions     test-set spec id → task → the predictions: of every seed for a per-map task (a
     *                        few kB, for results-of-record bundles), of the first seed's first
     *                        {@link Benchmark#MASKS_KEPT} maps for the mask (for charts)
     * @param trainingNote    the model's note on how training went (stopped early, rejected steps), or null
     * @param resources       what the harness JVM held before the fit, after it and after the predictions
     */
    public record SeedRun(
            long seed,
            long params,
            double trainSeconds,
            long trainedSamples,
            List<LossPoint> loss,
            Map<String, Map<Task, Evaluation>> evaluations,
            Map<String, Double> predictSeconds,
            Map<String, Map<Task, float[]>> predictions,
            String trainingNote,
            Resources resources) {}

    /**
     * The harness JVM's memory and GC around one seed's fit and predictions.
     *
     * @param beforeFit       before the fit
     * @param afterFit        after the fit
     * @param afterPredictions after the predictions on every test set
     */
    public record Resources(ResourceUse beforeFit, ResourceUse afterFit, ResourceUse afterPredictions) {}

    /**
     * A point of a loss curve.
     *
     * @param series  {@code train} or {@code val}
     * @param step    optimiser steps so far
     * @param seconds training seconds so far
     * @param loss    the loss
     */
    public record LossPoint(String series, long step, double seconds, double loss) {}
}
