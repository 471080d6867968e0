package org.scalefreebench.datasets.family;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The parameter a family's spec lists values of, and each map is drawn at: the occupation
 * probability p of site percolation, the cluster weight Q of the critical FK model. A spec names it
 * in its JSON ({@code "p"} or {@code "q"}, and {@code samples_per_p} or {@code samples_per_q}).
 *
 * @param name    the JSON key and label column id, lower case, e.g. {@code q}
 * @param min     the smallest allowed value
 * @param max     the largest allowed value
 * @param meaning what the parameter is, for people
 */
public record ControlParameter(String name, BigDecimal min, BigDecimal max, String meaning) {

    /** The occupation probability p ∈ [0, 1] of site percolation. */
    public static final ControlParameter OCCUPATION_PROBABILITY =
            new ControlParameter("p", BigDecimal.ZERO, BigDecimal.ONE, "occupation probability");

    /** Checks the fields. */
    public ControlParameter {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(meaning, "meaning");
        if (min.compareTo(max) > 0) {
            throw new IllegalArgumentException("control parameter " + name + ": min " + min + " above max " + max);
        }
    }

    /**
     * @param value a value
     * @return whether it lies in [min, max]
     */
    public boolean allows(BigDecimal value) {
        return value.compareTo(min) >= 0 && value.compareTo(max) <= 0;
    }
}
