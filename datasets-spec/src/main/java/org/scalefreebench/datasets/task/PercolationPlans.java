package org.scalefreebench.datasets.task;

import java.util.ArrayList;
import java.util.List;

/**
 * The tier plans of the site-percolation tasks: trained at L = 64 on the p window, scored on the
 * critical sets at p_c (the headline) and on the p-window test set at the training size. In the
 * default and study tiers spanning and max-cluster are scored at p_c at L = 64, 128, 256 and 512;
 * the mask, whose prediction costs a full-resolution U-Net pass, at p_c at L = 64 and 128. The full
 * tier adds the mask at L = 256 and 512 and the window sets at L = 128 and 256, where density
 * decides the label (they were the v1 size-generalisation columns).
 */
final class PercolationPlans {

    /** The spec the default, study and full tiers train on. */
    static final String TRAIN_L64 = "percolation-L64-v1";
    /** The spec the smoke tier trains and tests on. */
    static final String SMOKE = "percolation-L32-smoke-v1";

    private static final List<TestSet> CRITICAL = List.of(
            critical("percolation-L64-pc-test-v1"),
            critical("percolation-L128-pc-test-v1"),
            critical("percolation-L256-pc-test-v1"),
            critical("percolation-L512-pc-test-v1"));

    private static final TestSet WINDOW_L64 = new TestSet(TRAIN_L64, "test", TestSet.Role.WINDOW);

    private static final List<TestSet> WINDOW_LARGER = List.of(
            new TestSet("percolation-L128-test-v1", "test", TestSet.Role.WINDOW),
            new TestSet("percolation-L256-test-v1", "test", TestSet.Role.WINDOW));

    private PercolationPlans() {}

    static TierPlan of(Task task, Tier tier) {
        boolean mask = task == Task.MAX_CLUSTER_MASK;
        return switch (tier) {
            case SMOKE -> new TierPlan(List.of(SMOKE), List.of(new TestSet(SMOKE, "test", TestSet.Role.WINDOW)));
            case DEFAULT, STUDY ->
                new TierPlan(List.of(TRAIN_L64), concat(mask ? CRITICAL.subList(0, 2) : CRITICAL, List.of(WINDOW_L64)));
            case FULL -> new TierPlan(List.of(TRAIN_L64), concat(CRITICAL, List.of(WINDOW_L64), WINDOW_LARGER));
        };
    }

    private static TestSet critical(String specId) {
        return new TestSet(specId, "test", TestSet.Role.CRITICAL);
    }

    @SafeVarargs
    private static List<TestSet> concat(List<TestSet>... parts) {
        List<TestSet> out = new ArrayList<>();
        for (List<TestSet> p : parts) {
            out.addAll(p);
        }
        return out;
    }
}
