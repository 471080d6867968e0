package org.scalefreebench.datasets.fk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumMap;
import java.util.Map;
import org.hipparchus.fraction.Fraction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Reference vectors for the family labels: the exact table of PHYSICS.md ("Critical Q-state Potts
 * models and their FK clusters") and of the critical-families brief §1 at Q = 1, 2, 3, 4, as
 * fractions, and the brief's decimal table at the non-integer Q.
 */
class FkParametersTest {

    private static Map<FkLabel, Fraction> row(
            Fraction kappa, Fraction c, Fraction df, Fraction hull, Fraction ext, Fraction inverseNu) {
        Map<FkLabel, Fraction> m = new EnumMap<>(FkLabel.class);
        m.put(FkLabel.KAPPA, kappa);
        m.put(FkLabel.CENTRAL_CHARGE, c);
        m.put(FkLabel.FRACTAL_DIMENSION, df);
        m.put(FkLabel.HULL_DIMENSION, hull);
        m.put(FkLabel.EXTERNAL_PERIMETER_DIMENSION, ext);
        m.put(FkLabel.INVERSE_NU, inverseNu);
        return m;
    }

    private static Fraction f(int num, int den) {
        return new Fraction(num, den);
    }

    private static final Map<Integer, Map<FkLabel, Fraction>> EXACT = Map.of(
            1, row(f(6, 1), f(0, 1), f(91, 48), f(7, 4), f(4, 3), f(3, 4)),
            2, row(f(16, 3), f(1, 2), f(15, 8), f(5, 3), f(11, 8), f(1, 1)),
            3, row(f(24, 5), f(4, 5), f(28, 15), f(8, 5), f(17, 12), f(6, 5)),
            4, row(f(4, 1), f(1, 1), f(15, 8), f(3, 2), f(3, 2), f(3, 2)));

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4})
    void integerQHasTheExactFractionsOfTheTable(int q) {
        FkParameters params = FkParameters.of(q);
        for (FkLabel label : FkLabel.values()) {
            Fraction expected = EXACT.get(q).get(label);
            assertEquals(expected, params.exactValue(label).orElseThrow(), label.id() + " at Q = " + q);
            // the double closed form, through arccos, agrees with the fraction to rounding
            assertEquals(expected.doubleValue(), params.value(label), 1e-13, label.id() + " at Q = " + q);
        }
    }

    @Test
    void integerQHasTheExactBondProbabilityAndCouplingOfPhysicsMd() {
        assertEquals(0.5, FkParameters.of(1).bondProbability(), 1e-15);
        assertEquals(2 - Math.sqrt(2), FkParameters.of(2).bondProbability(), 1e-15);
        assertEquals((3 - Math.sqrt(3)) / 2, FkParameters.of(3).bondProbability(), 1e-15);
        assertEquals(2.0 / 3.0, FkParameters.of(4).bondProbability(), 1e-15);
        assertEquals(Math.log(2), FkParameters.of(1).coupling(), 1e-15);
        assertEquals(Math.log(3), FkParameters.of(4).coupling(), 1e-15);
        // ±1 Ising convention: beta_c J = K_c / 2 = 0.4406867935 (brief §1)
        assertEquals(0.4406867935, FkParameters.of(2).coupling() / 2, 5e-11);
    }

    /** The brief's §1 table (derived, 5–6 significant digits): tolerance half a unit of the last digit. */
    @ParameterizedTest
    @CsvSource({
        "1.5, 0.799642, 0.550510, 5.63551, 0.28802, 1.88322, 1.70444, 1.35489, 0.88668",
        "2.5, 0.948231, 0.612574, 5.06191, 0.66584, 1.86966, 1.63274, 1.39511, 1.10178",
        "3.5, 1.054601, 0.651669, 4.51991, 0.91029, 1.86623, 1.56499, 1.44249, 1.30503"
    })
    void nonIntegerQMatchesTheBriefTable(
            double q, double k, double p, double kappa, double c, double df, double hull, double ext, double yt) {
        FkParameters params = FkParameters.of(q);
        assertTrue(params.exactKappa().isEmpty());
        assertEquals(k, params.coupling(), 5e-7);
        assertEquals(p, params.bondProbability(), 5e-7);
        assertEquals(kappa, params.value(FkLabel.KAPPA), 5e-6);
        assertEquals(c, params.value(FkLabel.CENTRAL_CHARGE), 5e-6);
        assertEquals(df, params.value(FkLabel.FRACTAL_DIMENSION), 5e-6);
        assertEquals(hull, params.value(FkLabel.HULL_DIMENSION), 5e-6);
        assertEquals(ext, params.value(FkLabel.EXTERNAL_PERIMETER_DIMENSION), 5e-6);
        assertEquals(yt, params.value(FkLabel.INVERSE_NU), 5e-6);
    }

    @Test
    void goldenRatioSquaredIsKappaFiveWithTricriticalCentralCharge() {
        double phi = (1 + Math.sqrt(5)) / 2;
        FkParameters params = FkParameters.of(phi * phi);
        assertEquals(5, params.kappa(), 1e-12);
        assertEquals(0.7, params.value(FkLabel.CENTRAL_CHARGE), 1e-12);
        assertEquals(4.0 / 5, params.coulombGasCoupling(), 1e-12);
    }

    @Test
    void fractalDimensionIsNotInjectiveButKappaAndCAreMonotone() {
        assertEquals(
                FkParameters.of(2).exactValue(FkLabel.FRACTAL_DIMENSION),
                FkParameters.of(4).exactValue(FkLabel.FRACTAL_DIMENSION));
        double previousKappa = Double.POSITIVE_INFINITY;
        double previousC = Double.NEGATIVE_INFINITY;
        for (int i = 0; i <= 300; i++) {
            FkParameters params = FkParameters.of(1 + i / 100.0);
            assertTrue(params.kappa() < previousKappa);
            assertTrue(params.value(FkLabel.CENTRAL_CHARGE) > previousC);
            previousKappa = params.kappa();
            previousC = params.value(FkLabel.CENTRAL_CHARGE);
        }
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.999, 4.001, -2, 0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
    void refusesQOutsideOneToFourNamingTheValue(double q) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FkParameters.of(q));
        assertTrue(e.getMessage().contains("Q = " + q), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(ints = {3, 2, 0, -4})
    void refusesFamilySizesBelowFourNamingTheValue(int size) {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> FkParameters.requireFamilySize(size));
        assertTrue(e.getMessage().contains("L = " + size), e.getMessage());
        assertEquals(4, FkParameters.requireFamilySize(4));
    }

    @Test
    void labelsHaveDistinctIdsAndDescriptions() {
        assertEquals(
                FkLabel.values().length,
                java.util.Arrays.stream(FkLabel.values())
                        .map(FkLabel::id)
                        .distinct()
                        .count());
        for (FkLabel label : FkLabel.values()) {
            assertTrue(label.description().contains("kappa"), label.description());
        }
        assertTrue(FkParameters.of(2.5).toString().contains("2.5"));
    }
}
