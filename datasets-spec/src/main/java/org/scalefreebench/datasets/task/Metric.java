package org.scalefreebench.datasets.task;

/** A score the Evaluator computes, with its direction. */
public enum Metric {

    /** Fraction of maps whose spanning is predicted right, P(spanning) thresholded at 1/2. */
    ACCURACY("accuracy", true),
    /** Area under the ROC curve of P(spanning), ties counted one half (Mann–Whitney). */
    ROC_AUC("roc_auc", true),
    /** Coefficient of determination of the largest-cluster fraction, 1 − SS_res / SS_tot. */
    R2("r2", true),
    /** Mean absolute error of the largest-cluster fraction. */
    MAE("mae", false),
    /** Intersection over union of the predicted and true largest-cluster masks, averaged over maps. */
    MEAN_IOU("mean_iou", true),
    /**
     * Generated maps against exact ones: the largest ratio distance / noise floor over the physics
     * metrics of {@code GenerationEvaluator} (about 1 to 3 for an exact sampler; lower is better).
     */
    PHYSICS_SCORE("physics_score", false),
    /** Generated maps: the mean share of a map's sites in its largest 4-connected piece (1 for true masks). */
    LARGEST_PIECE_SHARE("largest_piece_share", true);

    private final String id;
    private final boolean higherIsBetter;

    Metric(String id, boolean higherIsBetter) {
        this.id = id;
        this.higherIsBetter = higherIsBetter;
    }

    /** @return the id used in result rows */
    public String id() {
        return id;
    }

    /** @return whether a larger value is a better score */
    public boolean higherIsBetter() {
        return higherIsBetter;
    }
}
