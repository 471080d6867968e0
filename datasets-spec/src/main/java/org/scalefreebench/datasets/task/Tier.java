package org.scalefreebench.datasets.task;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A benchmark tier: the spec models are trained on (its {@code train} and {@code val} splits) and
 * the test sets they are scored on, the first at the training size and the others at larger L for
 * scale generalisation.
 */
public enum Tier {

    /** What {@code mvn verify} runs on a 2-core CPU: train at L = 64, test at L = 64, 128 and 256. */
    DEFAULT(
            "default",
            "percolation-L64-v1",
            List.of(
                    new TestSet("percolation-L64-v1", "test"),
                    new TestSet("percolation-L128-test-v1", "test"),
                    new TestSet("percolation-L256-test-v1", "test"))),

    /** Seconds-long: train and test at L = 32 on the smoke spec; the model contract test runs on it. */
    SMOKE("smoke", "percolation-L32-smoke-v1", List.of(new TestSet("percolation-L32-smoke-v1", "test")));

    private final String id;
    private final String trainSpec;
    private final List<TestSet> testSets;

    Tier(String id, String trainSpec, List<TestSet> testSets) {
        this.id = id;
        this.trainSpec = trainSpec;
        this.testSets = testSets;
    }

    /** @return the public id */
    public String id() {
        return id;
    }

    /** @return the id of the spec whose train and val splits models are fitted on */
    public String trainSpec() {
        return trainSpec;
    }

    /** @return the test sets, the training size first */
    public List<TestSet> testSets() {
        return testSets;
    }

    /**
     * @param id a tier id
     * @return the tier
     * @throws IllegalArgumentException naming the known ids if there is none of that id
     */
    public static Tier byId(String id) {
        for (Tier t : values()) {
            if (t.id.equals(id)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown tier id '" + id + "'; known tier ids: "
                + Arrays.stream(values()).map(Tier::id).collect(Collectors.joining(", ")));
    }

    /**
     * A split a tier scores models on.
     *
     * @param specId the dataset spec
     * @param split  the split's name
     */
    public record TestSet(String specId, String split) {}
}
