package org.scalefreebench.bench.result;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import org.scalefreebench.datasets.task.Metric;

/**
 * One leaderboard row: a model's scores on one task and one test set, over all seeds. Fields
 * follow JMH's and OGB's result records: what ran (task, model, tier, seeds, data checksums),
 * the scores (mean ± std per metric), the cost (#params, train time, throughput) and where
 * (hardware, library versions).
 *
 * @param schema           version of this record's layout
 * @param task             task id
 * @param taskVersion      task version
 * @param family           the family of the task's data (schema 3; null in older rows)
 * @param model            model id
 * @param modelDescription the model's one-line description
 * @param ranked           false for a reference shown apart (the exact oracle)
 * @param tier             tier id
 * @param trainSpec        spec the model was fitted on (train and val splits); several specs
 *                         trained on together are joined by {@code +}, smallest L first
 * @param testSpec         spec of the test set
 * @param testSplit        split of the test set
 * @param testRole         the {@link org.scalefreebench.datasets.task.TestSet.Role#id()} of the test set:
 *                         {@code critical} (maps at p_c: the headline) or {@code window} (a window of p)
 *                         for percolation, {@code trained-q}, {@code held-out-q} or {@code all-q} for
 *                         critical FK (schema 3; null in older rows)
 * @param size             L of the test maps
 * @param status           {@code ok} or {@code failed}
 * @param error            why it failed; null when ok
 * @param seeds            the seeds, in order
 * @param metrics          metric id → score over seeds (empty when failed)
 * @param perP             for spanning: accuracy at each p of the test set, over seeds
 * @param params           trained parameters
 * @param trainSeconds     wall-clock seconds of each fit (null when no seed fitted)
 * @param trainSamplesPerSecond training samples (maps × passes) per second of each fit; null for a rule that trains on nothing
 * @param predictSamplesPerSecond maps predicted per second on this test set
 * @param hardware         CPU, cores, memory, OS, JVM
 * @param versions         library versions (ScaleFree Bench, DL4J/ND4J, backend)
 * @param datasetSha256    SHA-256 of every data file read, by {@code <spec>/<split>/<file>}
 * @param finishedAt       ISO-8601 instant the row was written
 * @param trainingNotes    per seed, the model's note on how training went ("" if none): stopped early at a time
 *                         limit or after rejected optimiser steps, and why
 * @param source           where the scores come from: null (absent from the file, as in every row
 *                         written before it existed) when the harness fitted the model and scored its
 *                         predictions, {@link #PREDICTIONS} when they were scored from predictions files
 *                         made elsewhere; optional, so the {@link #schema} is unchanged
 */
public record ResultRow(
        int schema,
        String task,
        int taskVersion,
        String family,
        String model,
        String modelDescription,
        boolean ranked,
        String tier,
        String trainSpec,
        String testSpec,
        String testSplit,
        String testRole,
        int size,
        String status,
        String error,
        List<Long> seeds,
        Map<String, Stat> metrics,
        List<PerP> perP,
        long params,
        Stat trainSeconds,
        Stat trainSamplesPerSecond,
        Stat predictSamplesPerSecond,
        Map<String, String> hardware,
        Map<String, String> versions,
        Map<String, String> datasetSha256,
        String finishedAt,
        List<String> trainingNotes,
        @JsonInclude(JsonInclude.Include.NON_NULL) String source) {

    /** Current {@link #schema}: 3 added {@link #family} and {@link #testRole}. */
    public static final int SCHEMA = 3;
    /** {@link #status} of a row whose every seed ran and was scored. */
    public static final String OK = "ok";
    /** {@link #status} of a row where the model threw, returned bad values or exceeded its budget. */
    public static final String FAILED = "failed";

    /** {@link #source} of a row scored from predictions files made outside the harness. */
    public static final String PREDICTIONS = "predictions";

    /** {@link #testRole} of a set at p = p_c. */
    public static final String CRITICAL = "critical";

    /**
     * A row of a model the harness fitted and scored itself ({@link #source} null); the arguments are
     * those of the canonical constructor without {@code source}.
     */
    public ResultRow(
            int schema,
            String task,
            int taskVersion,
            String family,
            String model,
            String modelDescription,
            boolean ranked,
            String tier,
            String trainSpec,
            String testSpec,
            String testSplit,
            String testRole,
            int size,
            String status,
            String error,
            List<Long> seeds,
            Map<String, Stat> metrics,
            List<PerP> perP,
            long params,
            Stat trainSeconds,
            Stat trainSamplesPerSecond,
            Stat predictSamplesPerSecond,
            Map<String, String> hardware,
            Map<String, String> versions,
            Map<String, String> datasetSha256,
            String finishedAt,
            List<String> trainingNotes) {
        this(
                schema,
                task,
                taskVersion,
                family,
                model,
                modelDescription,
                ranked,
                tier,
                trainSpec,
                testSpec,
                testSplit,
                testRole,
                size,
                status,
                error,
                seeds,
                metrics,
                perP,
                params,
                trainSeconds,
                trainSamplesPerSecond,
                predictSamplesPerSecond,
                hardware,
                versions,
                datasetSha256,
                finishedAt,
                trainingNotes,
                null);
    }

    /** @return whether the scores were computed from predictions files made outside the harness */
    public boolean fromPredictions() {
        return PREDICTIONS.equals(source);
    }

    /** @return whether the row is on a critical set, at p = p_c */
    public boolean critical() {
        return CRITICAL.equals(testRole);
    }

    /** @return whether the row holds scores */
    public boolean ok() {
        return OK.equals(status);
    }

    /**
     * @param metric a metric
     * @return the row's place in a ranking by that metric, smaller first: minus the mean when
     *         higher is better, the mean otherwise; +∞ when the row has no mean of it (missing or NaN)
     */
    public double rankKey(Metric metric) {
        Stat s = metrics == null ? null : metrics.get(metric.id());
        if (s == null || Double.isNaN(s.mean())) {
            return Double.POSITIVE_INFINITY;
        }
        return metric.higherIsBetter() ? -s.mean() : s.mean();
    }

    /**
     * Accuracy at one p value, over seeds.
     *
     * @param p        the occupation probability
     * @param accuracy accuracy of the maps at that p
     */
    public record PerP(double p, Stat accuracy) {}
}
