package org.scalefreebench.datasets.lattice;

/**
 * Exact and best-known values of 2D site percolation on the square lattice that the generators
 * are checked against. Exact values are written as fractions.
 */
public final class CriticalExponents {

    /** Site percolation threshold, square lattice: 0.59274605079210(2), Jacobsen, J. Phys. A 48, 454003 (2015). */
    public static final double SITE_P_C = 0.59274605079210;
    /** Fractal dimension of the incipient infinite cluster, d_f = 2 − β/ν = 91/48 (exact). */
    public static final double FRACTAL_DIMENSION = 91.0 / 48.0;
    /** Top–bottom crossing probability of the open square at p_c as L → ∞: 1/2 (Cardy 1992, by symmetry). */
    public static final double CROSSING_AT_P_C = 1.0 / 2.0;
    /** Correlation-length exponent ν = 4/3 (exact). */
    public static final double NU = 4.0 / 3.0;

    private CriticalExponents() {}
}
