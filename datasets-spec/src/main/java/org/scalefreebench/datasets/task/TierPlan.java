package org.scalefreebench.datasets.task;

import java.util.List;

/**
 * What a task trains on and is scored on in one tier.
 *
 * @param trainSpecs the specs whose {@code train} and {@code val} splits a model is fitted on (today
 *                   one; several when a task trains on several sizes together)
 * @param testSets   the sets it is scored on: the critical set at the training size first (the
 *                   headline), then the other critical sets by L, then the window sets
 */
public record TierPlan(List<String> trainSpecs, List<TestSet> testSets) {

    /** Immutable copy; at least one training spec and one test set. */
    public TierPlan {
        trainSpecs = List.copyOf(trainSpecs);
        testSets = List.copyOf(testSets);
        if (trainSpecs.isEmpty() || testSets.isEmpty()) {
            throw new IllegalArgumentException("a tier plan needs a training spec and a test set");
        }
    }

    /** @return the headline set: the first critical set, or the first set if none is critical */
    public TestSet headline() {
        return testSets.stream()
                .filter(t -> t.role() == TestSet.Role.CRITICAL)
                .findFirst()
                .orElse(testSets.get(0));
    }
}
