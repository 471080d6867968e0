package org.scalefreebench.datasets.task;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.scalefreebench.datasets.load.SplitData;

/**
 * A benchmark task: what a model predicts from a map, the label file it is scored against, and the
 * metrics. Named and versioned like the data: a change to a task's target or metrics is a new
 * version.
 */
public enum Task {

    /** Does a cluster join row 0 to row L−1? The model gives P(spanning) in [0, 1] per map. */
    SPANNING(
            "spanning",
            1,
            "binary: P(a cluster joins the top row to the bottom row), from spanning.npy",
            List.of(Metric.ACCURACY, Metric.ROC_AUC)),

    /** The largest-cluster fraction max_cluster / L², one value per map. */
    MAX_CLUSTER(
            "max-cluster",
            1,
            "regression: largest-cluster fraction max_cluster / L^2, from max_cluster.npy",
            List.of(Metric.R2, Metric.MAE)),

    /** The largest cluster as a mask: P(site in the largest cluster) in [0, 1] per site. */
    MAX_CLUSTER_MASK(
            "max-cluster-mask",
            1,
            "segmentation: P(site belongs to the largest cluster) per site, thresholded at 1/2, from max_cluster_mask.npy",
            List.of(Metric.MEAN_IOU));

    private final String id;
    private final int version;
    private final String description;
    private final List<Metric> metrics;

    Task(String id, int version, String description, List<Metric> metrics) {
        this.id = id;
        this.version = version;
        this.description = description;
        this.metrics = metrics;
    }

    /** @return the public id, e.g. {@code max-cluster} */
    public String id() {
        return id;
    }

    /** @return the task's version; rows of different versions are not comparable */
    public int version() {
        return version;
    }

    /** @return one line for people */
    public String description() {
        return description;
    }

    /** @return the metrics, the first being the one leaderboards sort by */
    public List<Metric> metrics() {
        return metrics;
    }

    /** @return the metric leaderboards sort by */
    public Metric primaryMetric() {
        return metrics.get(0);
    }

    /**
     * @param samples maps N
     * @param size    linear size L
     * @return how many values a prediction for N maps of size L holds
     */
    public long predictionLength(long samples, int size) {
        return this == MAX_CLUSTER_MASK ? samples * size * size : samples;
    }

    /**
     * The exact target of every map of a split, as the model should predict it: 0/1 spanning,
     * the largest-cluster fraction, or the 0/1 mask.
     *
     * @param data a loaded split
     * @return the targets, {@link #predictionLength} values
     */
    public float[] target(SplitData data) {
        return switch (this) {
            case SPANNING -> toFloat(data.spanning());
            case MAX_CLUSTER -> {
                float[] t = new float[data.samples()];
                double sites = (double) data.size() * data.size();
                for (int i = 0; i < t.length; i++) {
                    t[i] = (float) (data.maxCluster()[i] / sites);
                }
                yield t;
            }
            case MAX_CLUSTER_MASK -> toFloat(data.maxClusterMask());
        };
    }

    private static float[] toFloat(byte[] b) {
        float[] f = new float[b.length];
        for (int i = 0; i < b.length; i++) {
            f[i] = b[i];
        }
        return f;
    }

    /**
     * @param id a task id
     * @return the task
     * @throws IllegalArgumentException naming the known ids if there is none of that id
     */
    public static Task byId(String id) {
        for (Task t : values()) {
            if (t.id.equals(id)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown task id '" + id + "'; known task ids: " + ids());
    }

    /** @return the known ids, comma-separated */
    public static String ids() {
        return Arrays.stream(values()).map(Task::id).collect(Collectors.joining(", "));
    }
}
