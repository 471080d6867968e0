package org.scalefreebench.datasets.task;

/** A score the Evaluator computes, with its direction. */
public enum Metric {

    /** Fraction of maps whose spanning is predicted right, P(spanning) thresholded at 1/2. */
    ACCURACY("accuracy", true),
    /** Area under the ROC curve of P(spanning), ties counted one half (Mann–Whitney). */
    ROC_AUC("roc_auc", true),
    /** Coefficient of determination of a regression target, 1 − SS_res / SS_tot. */
    R2("r2", true),
    /** Mean absolute error of a regression target (the largest-cluster fraction, c, d_f). */
    MAE("mae", false),
    /** Root-mean-square error of a regression target. */
    RMSE("rmse", false),
    /**
     * The d_f-partner probe: |mean prediction at Q = 2 − mean prediction at Q = 4| on a critical-FK
     * set holding both (d_f is 15/8 at both, so a true d_f regressor gives 0; read it beside the
     * RMSE, since a constant does too).
     */
    PARTNER_GAP("partner_gap", false),
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
