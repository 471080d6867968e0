package org.scalefreebench.datasets.task;

import java.util.ArrayList;
import java.util.List;

/**
 * The tier plans of the site-percolation tasks.
 *
 * <p>Spanning, max-cluster and the mask train on the p window at L = 8, 16, 32 and 64 together
 * (L = 8 … 32 in the window where the crossing probability lies between 0.1 and 0.9; L = 64 on the
 * wider grid of {@code percolation-L64-v1}); a model that trains at one size uses L = 64, the
 * training size. They are scored on the critical sets at p_c (the headline) and on the p-window
 * test set at L = 64. In the default and study tiers spanning and max-cluster are scored at p_c at
 * L = 64, 128, 256 and 512; the mask, whose prediction costs a full-resolution U-Net pass, at p_c
 * at L = 64 and 128 in the default tier and at every L from 64 to 512 in the study tier (the scale
 * question asks for mask IoU against L). The full tier scores the mask at every L as well, every
 * task at p_c at L = 1024, and the window sets at L = 128 and 256, where density decides the label
 * (they were the v1 size-generalisation columns).
 *
 * <p>Max-cluster generation trains on exact largest-cluster masks at p_c at L = 16, 32 and 64 and
 * is scored against the exact masks of the critical sets at L = 64, 256 and 512, and 1024 in the
 * full tier.
 */
final class PercolationPlans {

    /** The spec the default, study and full tiers train on. */
    static final String TRAIN_L64 = "percolation-L64-v1";
    /** The spec the smoke tier trains and tests on. */
    static final String SMOKE = "percolation-L32-smoke-v1";

    /** The multi-size training specs: the critical window at L = 8, 16 and 32, then the training size. */
    static final List<String> TRAIN_MULTI_SIZE =
            List.of("percolation-L8-window-v1", "percolation-L16-window-v1", "percolation-L32-window-v1", TRAIN_L64);

    /** Exact largest-cluster masks at p_c that the generators train on. */
    static final List<String> TRAIN_CRITICAL_MASKS =
            List.of("percolation-L16-pc-v1", "percolation-L32-pc-v1", "percolation-L64-pc-v1");

    private static final List<TestSet> CRITICAL = List.of(
            critical("percolation-L64-pc-test-v1"),
            critical("percolation-L128-pc-test-v1"),
            critical("percolation-L256-pc-test-v1"),
            critical("percolation-L512-pc-test-v1"));

    /** The critical set at L = 1024, in the full tier only (150 maps, 300 MB). */
    private static final TestSet CRITICAL_L1024 = critical("percolation-L1024-pc-test-v1");

    private static final TestSet WINDOW_L64 = new TestSet(TRAIN_L64, "test", TestSet.Role.WINDOW);

    private static final List<TestSet> WINDOW_LARGER = List.of(
            new TestSet("percolation-L128-test-v1", "test", TestSet.Role.WINDOW),
            new TestSet("percolation-L256-test-v1", "test", TestSet.Role.WINDOW));

    private PercolationPlans() {}

    static TierPlan of(Task task, Tier tier) {
        if (task.kind() == Task.Kind.GENERATION) {
            return switch (tier) {
                case SMOKE ->
                    new TierPlan(
                            TRAIN_CRITICAL_MASKS.subList(0, 1),
                            List.of(new TestSet("percolation-L32-pc-v1", "val", TestSet.Role.CRITICAL)));
                case DEFAULT, STUDY ->
                    new TierPlan(TRAIN_CRITICAL_MASKS, List.of(CRITICAL.get(0), CRITICAL.get(2), CRITICAL.get(3)));
                case FULL ->
                    new TierPlan(
                            TRAIN_CRITICAL_MASKS,
                            List.of(CRITICAL.get(0), CRITICAL.get(2), CRITICAL.get(3), CRITICAL_L1024));
            };
        }
        boolean mask = task == Task.MAX_CLUSTER_MASK;
        return switch (tier) {
            case SMOKE -> new TierPlan(List.of(SMOKE), List.of(new TestSet(SMOKE, "test", TestSet.Role.WINDOW)));
            case DEFAULT ->
                new TierPlan(TRAIN_MULTI_SIZE, concat(mask ? CRITICAL.subList(0, 2) : CRITICAL, List.of(WINDOW_L64)));
            case STUDY -> new TierPlan(TRAIN_MULTI_SIZE, concat(CRITICAL, List.of(WINDOW_L64)));
            case FULL ->
                new TierPlan(TRAIN_MULTI_SIZE, concat(CRITICAL, List.of(CRITICAL_L1024, WINDOW_L64), WINDOW_LARGER));
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
