package org.scalefreebench.datasets.fk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The exact Ising torus (Kaufman; Ferdinand–Fisher) against enumeration of all 2^N spin states at
 * L = 2, 3, 4 (ln Z, the first two K-derivatives of ln Z, the twisted ratios, to 1e−12 relative),
 * against the exact FK law of the 3×3 torus at Q = 2 (the bond count's mean and variance, which
 * tests E|ω| = p E S and Var|ω| = p(1 − p) E S + p² Var S independently of the Ising side), and
 * against the 50-digit values tabulated in the brief §3.3 at L = 4…256, to the digits given there.
 */
class IsingTorusExactTest {

    /** Enumerated sums over the 2^N spin states of one torus at one coupling. */
    private record Enumeration(double logZ, double meanEnergy, double varianceEnergy, double ap, double aa) {}

    /** Σ_s exp(K E(s)), E = Σ_edges s_i s_j; also with the horizontal seam, or both seams, antiperiodic. */
    private static Enumeration enumerate(int size, double k) {
        int n = size * size;
        int edges = 2 * n;
        int[] from = new int[edges];
        int[] to = new int[edges];
        boolean[] horizontalSeam = new boolean[edges];
        boolean[] verticalSeam = new boolean[edges];
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                int i = y * size + x;
                from[2 * i] = i;
                to[2 * i] = y * size + (x + 1) % size;
                horizontalSeam[2 * i] = x == size - 1;
                from[2 * i + 1] = i;
                to[2 * i + 1] = ((y + 1) % size) * size + x;
                verticalSeam[2 * i + 1] = y == size - 1;
            }
        }
        double shift = k * edges; // the largest exponent, to keep the sums finite
        int[] energies = new int[1 << n];
        double z = 0;
        double z1 = 0;
        double zap = 0;
        double zaa = 0;
        for (int s = 0; s < 1 << n; s++) {
            int energy = 0;
            int ap = 0;
            int aa = 0;
            for (int e = 0; e < edges; e++) {
                int product = ((s >>> from[e]) & 1) == ((s >>> to[e]) & 1) ? 1 : -1;
                energy += product;
                ap += horizontalSeam[e] ? -product : product;
                aa += horizontalSeam[e] || verticalSeam[e] ? -product : product;
            }
            energies[s] = energy;
            double w = Math.exp(k * energy - shift);
            z += w;
            z1 += w * energy;
            zap += Math.exp(k * ap - shift);
            zaa += Math.exp(k * aa - shift);
        }
        double mean = z1 / z;
        double z2 = 0; // second pass about the mean: the ordered phase's small variance cancels otherwise
        for (int energy : energies) {
            z2 += Math.exp(k * energy - shift) * (energy - mean) * (energy - mean);
        }
        return new Enumeration(Math.log(z) + shift, mean, z2 / z, zap / z, zaa / z);
    }

    @ParameterizedTest(name = "L = {0}, K = {1}")
    @CsvSource({
        "2, 0.3",
        "2, 0.4406867935097715",
        "2, 0.8",
        "3, 0.1",
        "3, 0.3",
        "3, 0.4406867935097715",
        "3, 0.6",
        "3, 1.2",
        "4, 0.2",
        "4, 0.3",
        "4, 0.4406867935097715",
        "4, 0.5",
        "4, 0.9"
    })
    void equalsEnumerationOfAllSpinStates(int size, double k) {
        Enumeration e = enumerate(size, k);
        IsingTorusExact exact = IsingTorusExact.of(size, k);
        assertEquals(e.logZ(), exact.logPartitionFunction(), 1e-12 * Math.abs(e.logZ()), "ln Z");
        assertEquals(
                e.meanEnergy(),
                exact.logPartitionFunctionFirstDerivative(),
                1e-12 * Math.abs(e.meanEnergy()),
                "d ln Z / dK = <E>");
        assertEquals(
                e.varianceEnergy(),
                exact.logPartitionFunctionSecondDerivative(),
                1e-11 * e.varianceEnergy(),
                "d2 ln Z / dK2 = Var E");
        assertEquals(e.ap(), exact.antiperiodicRatio(), 1e-12, "Z_AP / Z_PP");
        assertEquals(e.aa(), exact.doublyAntiperiodicRatio(), 1e-12, "Z_AA / Z_PP");
    }

    @Test
    void criticalFkBondCountOnThe3By3TorusEqualsTheEnumeratedFkLaw() {
        double mean = 0;
        double second = 0;
        for (Map.Entry<ExactTorusLaw.Key, Double> e : ExactTorusLaw.law(2).entrySet()) {
            int b = e.getKey().bonds();
            mean += e.getValue() * b;
            second += e.getValue() * (double) b * b;
        }
        double variance = second - mean * mean;
        IsingTorusExact exact = IsingTorusExact.critical(3);
        assertEquals(FkParameters.of(2).bondProbability(), exact.bondProbability(), 1e-15);
        assertEquals(mean, exact.bondCountMean(), 1e-12 * mean, "E|w|");
        assertEquals(variance, exact.bondCountVariance(), 1e-11 * variance, "Var|w|");
        // the brief's §3.5 row for Q = 2: E[n_b]/18 and Var(n_b)/9, to the digits given
        assertEquals(0.528854788, exact.bondDensity(), 1e-9);
        assertEquals(0.7158503, exact.bondCountVariance() / 9, 1e-7);
    }

    /**
     * The brief §3.3 table at K_c (mpmath, 50 digits, numerical differentiation): u, c_L, ρ_FK,
     * Var(n_b)/N, Z_AP/Z_PP, Z_AA/Z_PP. Each is matched to one unit of the last digit given.
     */
    @ParameterizedTest(name = "L = {0}")
    @CsvSource({
        "4, -1.56562378763832, 0.783266825928909, 0.522173514119601, 0.778576485861, 0.380669144981, 0.238661710037",
        "8, -1.49158910743971, 1.14555923989441, 0.511331386226003, 0.929630615262, 0.374646653628, 0.250706692745",
        "16, -1.45306485281348, 1.49870495940003, 0.50568963975607, 1.08095249684, 0.37331667573, 0.253366648541",
        "32, -1.43365846614625, 1.84676759003956, 0.502847640227818, 1.23234840327, 0.37299239212, 0.254015215759",
        "64, -1.42393838983301, 2.19221139314057, 0.50142416800857, 1.38376263707, 0.372911732462, 0.254176535077",
        "128, -1.41907627208499, 2.5363313351086, 0.500712127349835, 1.53518144865, 0.372891592114, 0.254216815772",
        "256, -1.41664495419683, 2.8797862552025, 0.500356069088726, 1.68660140446, 0.372886558546, 0.254226882908"
    })
    void reproducesTheBriefsTableAtTheCriticalCoupling(
            int size, String u, String c, String rho, String variance, String ap, String aa) {
        IsingTorusExact exact = IsingTorusExact.critical(size);
        assertDigits(u, exact.energyPerSite(), "u");
        assertDigits(c, exact.specificHeatPerSite(), "c_L");
        assertDigits(rho, exact.bondDensity(), "rho_FK");
        assertDigits(variance, exact.bondCountVariance() / exact.sites(), "Var(n_b)/N");
        assertDigits(ap, exact.antiperiodicRatio(), "Z_AP/Z_PP");
        assertDigits(aa, exact.doublyAntiperiodicRatio(), "Z_AA/Z_PP");
    }

    private static void assertDigits(String expected, double actual, String what) {
        int decimals = expected.length() - expected.indexOf('.') - 1;
        assertEquals(Double.parseDouble(expected), actual, Math.pow(10, -decimals), what);
    }

    @Test
    void criticalBondDensityApproachesOneHalfAsOneOverL() {
        // brief §3.2: (ρ − ½)·L = 0.0911541 at L = 1024
        IsingTorusExact exact = IsingTorusExact.critical(1024);
        assertEquals(0.0911541, (exact.bondDensity() - 0.5) * 1024, 1e-7);
        assertTrue(Double.isFinite(exact.specificHeatPerSite()));
    }

    @Test
    void refusesSizesAndCouplingsOutsideTheDomainNamingTheValue() {
        IllegalArgumentException small = assertThrows(IllegalArgumentException.class, () -> IsingTorusExact.of(1, 0.4));
        assertTrue(small.getMessage().contains("L = 1"), small.getMessage());
        for (double k : new double[] {0, -0.1, Double.NaN, Double.POSITIVE_INFINITY}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> IsingTorusExact.of(4, k));
            assertTrue(e.getMessage().contains("K = " + k), e.getMessage());
        }
    }
}
