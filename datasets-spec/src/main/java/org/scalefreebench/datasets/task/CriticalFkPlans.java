package org.scalefreebench.datasets.task;

import java.util.List;

/**
 * The tier plans of the critical-FK tasks. Every tier but smoke trains on the nine training values
 * of Q at L = 64 ({@code critical-fk-L64-v1}) and is scored on its test split (the headline), on
 * the values of Q held out of training (1.5, 2.5, 3.5 for interpolation; 4, the marginal point)
 * at L = 64, and on all thirteen values at L = 128 and 256, sizes never seen in training. The
 * smoke tier trains and tests at L = 32 on Q = 1, 2, 3, 4.
 */
final class CriticalFkPlans {

    /** The spec the default, study and full tiers train on. */
    static final String TRAIN_L64 = "critical-fk-L64-v1";
    /** The spec the smoke tier trains and tests on. */
    static final String SMOKE = "critical-fk-L32-smoke-v1";

    private static final List<TestSet> TESTS = List.of(
            new TestSet(TRAIN_L64, "test", TestSet.Role.TRAINED_Q),
            new TestSet("critical-fk-L64-heldout-test-v1", "test", TestSet.Role.HELD_OUT_Q),
            new TestSet("critical-fk-L128-test-v1", "test", TestSet.Role.ALL_Q),
            new TestSet("critical-fk-L256-test-v1", "test", TestSet.Role.ALL_Q));

    private CriticalFkPlans() {}

    static TierPlan of(Task task, Tier tier) {
        if (tier == Tier.SMOKE) {
            return new TierPlan(List.of(SMOKE), List.of(new TestSet(SMOKE, "test", TestSet.Role.TRAINED_Q)));
        }
        return new TierPlan(List.of(TRAIN_L64), TESTS);
    }
}
