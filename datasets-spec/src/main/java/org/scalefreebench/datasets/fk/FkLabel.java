package org.scalefreebench.datasets.fk;

import org.hipparchus.fraction.Fraction;

/**
 * The exact family-level labels of the critical FK model, each a closed form in the SLE parameter
 * κ of the FK cluster hulls (dense branch, κ ∈ [4, 6] for Q ∈ [1, 4]). Sources: Cardy,
 * cond-mat/0503313 (c); Rohde–Schramm, math/0106036 and Beffara (hull and external perimeter);
 * the Coulomb gas (d_f = 2 − x_σ, 1/ν = y_t).
 *
 * <p>Each label is given twice, in doubles for any κ and in exact fractions for rational κ (that
 * is, for Q ∈ {1, 2, 3, 4}: see {@link FkParameters#exactKappa()}); the test checks they agree.
 */
public enum FkLabel {
    /** The SLE parameter of the FK hulls: √Q = −2 cos(4π/κ). */
    KAPPA("kappa", "SLE parameter κ of the FK cluster hulls, sqrt(Q) = -2 cos(4 pi / kappa)") {
        @Override
        public double of(double kappa) {
            return kappa;
        }

        @Override
        public Fraction of(Fraction kappa) {
            return kappa;
        }
    },
    /** The central charge c = (8 − 3κ)(κ − 6)/(2κ). */
    CENTRAL_CHARGE("c", "central charge c = (8 - 3 kappa)(kappa - 6) / (2 kappa)") {
        @Override
        public double of(double kappa) {
            return (8 - 3 * kappa) * (kappa - 6) / (2 * kappa);
        }

        @Override
        public Fraction of(Fraction kappa) {
            Fraction eight = new Fraction(8);
            return eight.subtract(kappa.multiply(3)).multiply(kappa.subtract(6)).divide(kappa.multiply(2));
        }
    },
    /** The fractal dimension of FK clusters d_f = (8 + κ)(8 + 3κ)/(32κ). */
    FRACTAL_DIMENSION("d_f", "FK cluster fractal dimension d_f = (8 + kappa)(8 + 3 kappa) / (32 kappa)") {
        @Override
        public double of(double kappa) {
            return (8 + kappa) * (8 + 3 * kappa) / (32 * kappa);
        }

        @Override
        public Fraction of(Fraction kappa) {
            return kappa.add(8).multiply(kappa.multiply(3).add(8)).divide(kappa.multiply(32));
        }
    },
    /** The hull dimension d_hull = 1 + κ/8. */
    HULL_DIMENSION("d_hull", "FK cluster hull dimension d_hull = 1 + kappa / 8") {
        @Override
        public double of(double kappa) {
            return 1 + kappa / 8;
        }

        @Override
        public Fraction of(Fraction kappa) {
            return kappa.divide(8).add(1);
        }
    },
    /** The external perimeter dimension d_ext = 1 + 2/κ. */
    EXTERNAL_PERIMETER_DIMENSION("d_ext", "external perimeter dimension d_ext = 1 + 2 / kappa") {
        @Override
        public double of(double kappa) {
            return 1 + 2 / kappa;
        }

        @Override
        public Fraction of(Fraction kappa) {
            return new Fraction(2).divide(kappa).add(1);
        }
    },
    /** The thermal exponent 1/ν = y_t = 3(8 − κ)/8. */
    INVERSE_NU("inverse_nu", "thermal exponent 1/nu = y_t = 3 (8 - kappa) / 8") {
        @Override
        public double of(double kappa) {
            return 3 * (8 - kappa) / 8;
        }

        @Override
        public Fraction of(Fraction kappa) {
            return new Fraction(8).subtract(kappa).multiply(3).divide(8);
        }
    };

    private final String id;
    private final String description;

    FkLabel(String id, String description) {
        this.id = id;
        this.description = description;
    }

    /** @return the label's short name, as in a label file */
    public String id() {
        return id;
    }

    /** @return the label's meaning, with its closed form */
    public String description() {
        return description;
    }

    /**
     * @param kappa the SLE parameter κ
     * @return this label's value at κ
     */
    public abstract double of(double kappa);

    /**
     * @param kappa a rational SLE parameter κ
     * @return this label's exact value at κ
     */
    public abstract Fraction of(Fraction kappa);
}
