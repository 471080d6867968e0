package org.scalefreebench.datasets.fk;

import java.util.Optional;
import org.hipparchus.fraction.Fraction;

/**
 * One value of the critical-FK family: the cluster weight Q ∈ [1, 4] of the random-cluster model
 * P(ω) ∝ v^{|ω|} Q^{k(ω)} at the self-dual point v = √Q of the periodic square lattice, and the
 * exact labels it fixes.
 *
 * <p>The self-dual point is p = √Q/(1 + √Q), the Potts coupling K_c = ln(1 + √Q); the hulls are
 * SLE_κ with √Q = −2 cos(4π/κ), κ ∈ [4, 6] (PHYSICS.md, "Critical Q-state Potts models"). The
 * transition is continuous for Q ≤ 4 (Duminil-Copin et al.); the Chayes–Machta sampler needs
 * Q ≥ 1. So the family takes Q in [1, 4] and refuses anything else, naming the value.
 *
 * <p>Exact fractions: for rational Q, κ is rational only at Q ∈ {0, 1, 2, 3, 4}. (Q = 2 + 2
 * cos(8π/κ); by Niven's theorem the cosine of a rational multiple of π is rational only at 0, ±½,
 * ±1.) There arccos(−√Q/2)/π = 2/3, 3/4, 5/6, 1, so κ = 6, 16/3, 24/5, 4, and every label,
 * a rational function of κ, is an exact fraction.
 */
public final class FkParameters {

    /** Smallest Q of the family (percolation). */
    public static final double MIN_Q = 1;
    /** Largest Q of the family (the marginal 4-state Potts point). */
    public static final double MAX_Q = 4;
    /** Smallest linear size L of a family map; smaller tori are for exact tests only. */
    public static final int MIN_FAMILY_SIZE = 4;

    private final double q;

    private FkParameters(double q) {
        this.q = q;
    }

    /**
     * @param q the cluster weight Q
     * @return the family value at Q
     * @throws IllegalArgumentException if Q is not a finite number in [1, 4], naming the value
     */
    public static FkParameters of(double q) {
        if (!Double.isFinite(q)) {
            throw new IllegalArgumentException("cluster weight Q = " + q + " is not a finite number; the critical-FK"
                    + " family takes Q in [" + MIN_Q + ", " + MAX_Q + "]");
        }
        if (q < MIN_Q || q > MAX_Q) {
            throw new IllegalArgumentException("cluster weight Q = " + q + " is outside [" + MIN_Q + ", " + MAX_Q
                    + "]: below 1 the Chayes–Machta sampler is not valid, above 4 the transition is first order");
        }
        return new FkParameters(q);
    }

    /**
     * Rejects a linear size too small for a family map, naming the value.
     *
     * @param size the linear size L of the periodic L×L lattice
     * @return {@code size}
     * @throws IllegalArgumentException if L < 4
     */
    public static int requireFamilySize(int size) {
        if (size < MIN_FAMILY_SIZE) {
            throw new IllegalArgumentException("lattice size L = " + size + " is below " + MIN_FAMILY_SIZE
                    + ", the smallest L of a critical-FK map");
        }
        return size;
    }

    /** @return the cluster weight Q */
    public double q() {
        return q;
    }

    /** @return the self-dual bond probability p = √Q/(1 + √Q) */
    public double bondProbability() {
        double s = Math.sqrt(q);
        return s / (1 + s);
    }

    /** @return the critical Potts coupling K_c = ln(1 + √Q), for H = −K Σ δ(σ_i, σ_j) */
    public double coupling() {
        return Math.log1p(Math.sqrt(q));
    }

    /** @return κ = 4π / arccos(−√Q/2) */
    public double kappa() {
        return 4 * Math.PI / Math.acos(-Math.sqrt(q) / 2);
    }

    /** @return the Coulomb-gas coupling g = 4/κ, with √Q = −2 cos(πg) */
    public double coulombGasCoupling() {
        return 4 / kappa();
    }

    /**
     * @param label a family label
     * @return its value at this Q
     */
    public double value(FkLabel label) {
        return label.of(kappa());
    }

    /** @return κ as an exact fraction if Q is 1, 2, 3 or 4, else empty */
    public Optional<Fraction> exactKappa() {
        Fraction angle; // arccos(−√Q/2) / π
        if (q == 1) {
            angle = new Fraction(2, 3);
        } else if (q == 2) {
            angle = new Fraction(3, 4);
        } else if (q == 3) {
            angle = new Fraction(5, 6);
        } else if (q == 4) {
            angle = Fraction.ONE;
        } else {
            return Optional.empty();
        }
        return Optional.of(new Fraction(4).divide(angle));
    }

    /**
     * @param label a family label
     * @return its exact value if Q is 1, 2, 3 or 4 (where κ is rational), else empty
     */
    public Optional<Fraction> exactValue(FkLabel label) {
        return exactKappa().map(label::of);
    }

    @Override
    public String toString() {
        return "critical FK at Q = " + q;
    }
}
