package org.scalefreebench.datasets.task;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.scalefreebench.datasets.family.Families;
import org.scalefreebench.datasets.family.Family;
import org.scalefreebench.datasets.load.LabelValues;
import org.scalefreebench.datasets.load.SplitData;
import org.scalefreebench.datasets.model.MapBatch;
import org.scalefreebench.datasets.spec.DatasetSpec;

/**
 * The task catalogue: what a model predicts from a map (the kind), the family and label column it
 * is scored against, the metrics (sort key first), and per tier the specs it trains on and the sets
 * it is scored on ({@link #plan}). Named and versioned like the data: a change to a task's target,
 * metrics or headline set is a new version.
 *
 * <p>Version 2 of every task puts its headline on the critical sets at p = p_c, where the occupation
 * density decides almost nothing: the sort key is the primary metric on the critical set at the
 * training size, with the critical sets at 2L, 4L and 8L beside it; the p-window sets of version 1
 * remain as secondary columns.
 */
public enum Task {

    /** Does a cluster join row 0 to row L−1? The model gives P(spanning) in [0, 1] per map. */
    SPANNING(
            "spanning",
            2,
            Kind.BINARY,
            "site-percolation",
            "spanning",
            Derivation.NONE,
            null,
            "P(spanning) in [0, 1]",
            "binary: P(a cluster joins the top row to the bottom row), from spanning.npy",
            List.of(Metric.ACCURACY, Metric.ROC_AUC)),

    /** The largest-cluster fraction max_cluster / L², one value per map. */
    MAX_CLUSTER(
            "max-cluster",
            2,
            Kind.REGRESSION,
            "site-percolation",
            "max_cluster",
            Derivation.PER_SITE,
            null,
            "a finite largest-cluster fraction max_cluster / L²",
            "regression: largest-cluster fraction max_cluster / L^2, from max_cluster.npy",
            List.of(Metric.R2, Metric.MAE)),

    /** The largest cluster as a mask: P(site in the largest cluster) in [0, 1] per site. */
    MAX_CLUSTER_MASK(
            "max-cluster-mask",
            2,
            Kind.SEGMENTATION,
            "site-percolation",
            "max_cluster_mask",
            Derivation.NONE,
            null,
            "P(site in the largest cluster) in [0, 1]",
            "segmentation: P(site belongs to the largest cluster) per site, thresholded at 1/2, from max_cluster_mask.npy",
            List.of(Metric.MEAN_IOU)),

    /**
     * Draw largest-cluster masks at p_c: a {@code MaskGenerator} gives uint8 masks [N, L, L], scored
     * against the exact masks of the critical sets by {@code GenerationEvaluator}.
     */
    MAX_CLUSTER_GENERATION(
            "max-cluster-generation",
            1,
            Kind.GENERATION,
            "site-percolation",
            "max_cluster_mask",
            Derivation.NONE,
            null,
            "uint8 masks [N, L, L] of 0 and 1",
            "generation: draw largest-cluster masks at p_c, scored by physics against the exact masks of max_cluster_mask.npy",
            List.of(Metric.PHYSICS_SCORE, Metric.LARGEST_PIECE_SHARE)),

    /**
     * The central charge c of the critical FK model a bond map was drawn from (Q ∈ [1, 4] gives c ∈
     * [0, 1]). The sufficient statistic T = clusters + bonds/2 fixes the Bayes-optimal estimate
     * ({@code fk-count-baseline}), the floor a model must reach, as density is for spanning.
     */
    CENTRAL_CHARGE(
            "central-charge",
            1,
            Kind.REGRESSION,
            "critical-fk",
            "c",
            Derivation.NONE,
            null,
            "a finite central charge c",
            "regression: the central charge c of the FK model a bond map (two planes) was drawn at, from c.npy",
            List.of(Metric.RMSE, Metric.MAE)),

    /**
     * The FK cluster fractal dimension d_f, from the largest-cluster mask alone (one plane, no bonds,
     * so the counting shortcut of the bond map is not available). d_f is the same at Q = 2 and Q =
     * 4 (15/8): a true d_f regressor predicts the same on both.
     */
    FRACTAL_DIMENSION(
            "fractal-dimension",
            1,
            Kind.REGRESSION,
            "critical-fk",
            "d_f",
            Derivation.NONE,
            "max_cluster_mask",
            "a finite fractal dimension d_f",
            "regression: the FK cluster fractal dimension d_f, from the largest-cluster mask alone (max_cluster_mask.npy"
                    + " as the input), target d_f.npy",
            List.of(Metric.RMSE, Metric.MAE, Metric.PARTNER_GAP));

    private final String id;
    private final int version;
    private final Kind kind;
    private final String family;
    private final String targetColumn;
    private final Derivation derivation;
    private final String inputColumn;
    private final String output;
    private final String description;
    private final List<Metric> metrics;

    Task(
            String id,
            int version,
            Kind kind,
            String family,
            String targetColumn,
            Derivation derivation,
            String inputColumn,
            String output,
            String description,
            List<Metric> metrics) {
        this.id = id;
        this.version = version;
        this.kind = kind;
        this.family = family;
        this.targetColumn = targetColumn;
        this.derivation = derivation;
        this.inputColumn = inputColumn;
        this.output = output;
        this.description = description;
        this.metrics = metrics;
    }

    /** How a task's target is derived from its label column. */
    public enum Derivation {
        /** The column's values as they are (0/1 for a binary or segmentation task). */
        NONE,
        /** The column's values divided by the number of sites L² (a fraction of the lattice). */
        PER_SITE
    }

    /** What a model gives for a task. */
    public enum Kind {
        /** A probability per map. */
        BINARY,
        /** A real number per map. */
        REGRESSION,
        /** A probability per site. */
        SEGMENTATION,
        /** New maps, scored by their physics against exact ones. */
        GENERATION
    }

    /** @return what a model gives */
    public Kind kind() {
        return kind;
    }

    /** @return the id of the family whose maps and labels the task uses */
    public String family() {
        return family;
    }

    /**
     * @return the label column the target comes from (see {@link #derivation()})
     */
    public String targetColumn() {
        return targetColumn;
    }

    /** @return what a model gives per value, for error messages, e.g. "P(spanning) in [0, 1]" */
    public String output() {
        return output;
    }

    /** @return how the target is derived from the column */
    public Derivation derivation() {
        return derivation;
    }

    /**
     * @return the label column a model reads instead of the family's input (one plane per map, e.g.
     *     {@code max_cluster_mask} for fractal-dimension), or empty if it reads the family's input
     */
    public Optional<String> inputColumn() {
        return java.util.Optional.ofNullable(inputColumn);
    }

    /**
     * The maps a model reads for this task: the family's input, or the task's input column.
     *
     * @param data a loaded split
     * @return its maps as the task presents them
     * @throws IllegalArgumentException naming the split if it lacks the task's input column
     */
    public MapBatch input(SplitData data) {
        if (inputColumn == null) {
            return new MapBatch(data.samples(), data.channels(), data.size(), data.maps());
        }
        return new MapBatch(
                data.samples(), 1, data.size(), data.column(inputColumn).uint8());
    }

    /**
     * @param tier a tier
     * @return the specs the task trains on and the sets it is scored on there
     */
    public TierPlan plan(Tier tier) {
        return Families.CRITICAL_FK.id().equals(family)
                ? CriticalFkPlans.of(this, tier)
                : PercolationPlans.of(this, tier);
    }

    /**
     * Checks the catalogue against the specs: every spec a task names exists, belongs to the
     * task's family, and that family has the task's target column.
     *
     * @param specs looks a spec up by id; throws naming the known ids if there is none
     * @throws IllegalStateException naming the task and the spec or column at fault
     */
    public static void checkCatalogue(Function<String, DatasetSpec> specs) {
        for (Task task : values()) {
            for (Tier tier : Tier.values()) {
                TierPlan plan = task.plan(tier);
                List<String> ids = new ArrayList<>(plan.trainSpecs());
                plan.testSets().forEach(t -> ids.add(t.specId()));
                for (String specId : ids) {
                    String where = "task " + task.id() + " v" + task.version() + " (tier " + tier.id() + ") names spec "
                            + specId;
                    DatasetSpec spec;
                    try {
                        spec = specs.apply(specId);
                    } catch (RuntimeException e) {
                        throw new IllegalStateException(where + ", which does not exist: " + e.getMessage(), e);
                    }
                    Family family = spec.family();
                    if (!family.id().equals(task.family())) {
                        throw new IllegalStateException(
                                where + " of family " + family.id() + ": expected family " + task.family());
                    }
                    if (family.labels().stream().noneMatch(c -> c.id().equals(task.targetColumn()))) {
                        throw new IllegalStateException(where + ", whose family " + family.id()
                                + " has no label column '" + task.targetColumn() + "' (its columns: "
                                + family.labels().stream().map(c -> c.id()).collect(Collectors.joining(", "))
                                + ")");
                    }
                }
            }
        }
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
        return kind == Kind.SEGMENTATION ? samples * size * size : samples;
    }

    /**
     * The exact target of every map of a split, as the model should predict it: the target column's
     * values as floats (0/1 for a binary or segmentation task), divided by L² if the derivation
     * says so.
     *
     * @param data a loaded split
     * @return the targets, {@link #predictionLength} values
     * @throws IllegalArgumentException naming the split and its columns if it lacks the target column
     */
    public float[] target(SplitData data) {
        LabelValues v = data.column(targetColumn);
        float[] t = new float[v.length()];
        switch (v.column().dtype()) {
            case UINT8 -> {
                byte[] b = v.uint8();
                for (int i = 0; i < t.length; i++) {
                    t[i] = b[i] & 0xFF;
                }
            }
            case INT32 -> {
                int[] b = v.int32();
                for (int i = 0; i < t.length; i++) {
                    t[i] = b[i];
                }
            }
            case FLOAT32 -> System.arraycopy(v.float32(), 0, t, 0, t.length);
            case FLOAT64 -> {
                double[] b = v.float64();
                for (int i = 0; i < t.length; i++) {
                    t[i] = (float) b[i];
                }
            }
        }
        if (derivation == Derivation.PER_SITE) {
            double sites = (double) data.size() * data.size();
            for (int i = 0; i < t.length; i++) {
                t[i] = (float) (t[i] / sites);
            }
        }
        return t;
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
