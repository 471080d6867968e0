package org.scalefreebench.datasets.task;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * A benchmark tier: how much a run costs and what it is for. Which specs a task trains and is
 * scored on in a tier is the task's own declaration ({@link Task#plan}); which models run in a tier
 * is the model's ({@code BenchmarkModel#tiers}).
 */
public enum Tier {

    /**
     * What {@code mvn verify} runs on a 2-core CPU: short training at L = 64, scored on the critical
     * sets at p_c, L = 64 … 512, and on the p window at L = 64.
     */
    DEFAULT("default", "what mvn verify runs on 2 CPU cores: short training, the p_c headline at L = 64 to 512", 1),

    /**
     * Opt-in: the trainer comparisons (SGD, Adam and ANaGRAM at equal passes, and their {@code -45s}
     * variants at equal wall-clock time), scored on the default tier's sets beside the density
     * baseline.
     */
    STUDY(
            "study",
            "opt-in: the trainers compared at equal passes and at equal wall-clock time, on the default tier's test sets",
            1),

    /**
     * Opt-in, hours: ten times the default tier's training passes, and the window sets at L = 128 and
     * 256 as well, for rows of record.
     */
    FULL("full", "opt-in, hours: ten times the default training passes, for rows of record", 10),

    /** Seconds-long: train and test at L = 32 on the smoke spec; the model contract test runs on it. */
    SMOKE("smoke", "seconds: train and test at L = 32, for the model contract test", 1);

    private final String id;
    private final String description;
    private final int passScale;

    Tier(String id, String description, int passScale) {
        this.id = id;
        this.description = description;
        this.passScale = passScale;
    }

    /** @return the public id */
    public String id() {
        return id;
    }

    /** @return one line for people */
    public String description() {
        return description;
    }

    /**
     * @return how many times the default tier's training passes a model should make here (1, or 10 in
     *         {@link #FULL}); a model that trains for a fixed time ignores it
     */
    public int passScale() {
        return passScale;
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
        throw new IllegalArgumentException("unknown tier id '" + id + "'; known tier ids: " + ids());
    }

    /** @return the known ids, comma-separated */
    public static String ids() {
        return Arrays.stream(values()).map(Tier::id).collect(Collectors.joining(", "));
    }
}
