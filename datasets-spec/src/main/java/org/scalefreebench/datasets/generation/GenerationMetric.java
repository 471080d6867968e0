package org.scalefreebench.datasets.generation;

/**
 * One metric of a generated set against the exact reference set, beside its noise floor.
 *
 * <p>For a statistic (a mean or a probability) {@code generated} and {@code exact} are its values
 * on the two sets and {@code distance} = |generated − exact|; for a distribution distance
 * (Wasserstein-1, Kolmogorov–Smirnov, Jensen–Shannon) both are NaN and {@code distance} is the
 * distance between the two sets' distributions.
 *
 * @param id           the metric's id, lower-case with underscores, e.g. {@code spanning_tb}
 * @param description  one line for people
 * @param generated    the statistic on the generated set, or NaN for a distribution distance
 * @param exact        the statistic on the exact reference set, or NaN
 * @param distance     the distance of the generated set from the reference set
 * @param floor        the noise floor: the mean distance between two exact sets of the generated
 *                     and reference sizes (see {@link GenerationEvaluator}), or NaN if none applies
 * @param floorSpread  the standard deviation of that exact-vs-exact distance, or NaN
 * @param exactVsExact the distance of the held-out exact set from the reference set (one draw of
 *                     the noise floor's distribution), or NaN
 * @param inScore      whether it enters the physics score
 */
public record GenerationMetric(
        String id,
        String description,
        double generated,
        double exact,
        double distance,
        double floor,
        double floorSpread,
        double exactVsExact,
        boolean inScore) {

    /**
     * @return distance / floor: about 1 when the generated set is as close to the reference as an
     *     exact set is; 0 if both are 0, +∞ if the floor is 0 and the distance is not; NaN if there
     *     is no floor
     */
    public double ratio() {
        return ratio(distance);
    }

    /** @return exactVsExact / floor: what {@link #ratio()} is for a held-out exact set */
    public double exactRatio() {
        return ratio(exactVsExact);
    }

    /** @return (distance − floor) / floorSpread: how many exact-vs-exact spreads above the floor */
    public double excess() {
        return (distance - floor) / floorSpread;
    }

    private double ratio(double d) {
        if (Double.isNaN(floor)) {
            return Double.NaN;
        }
        if (floor == 0) {
            return d == 0 ? 0 : Double.POSITIVE_INFINITY;
        }
        return d / floor;
    }
}
