package org.scalefreebench.datasets.fk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The exact 3×3 torus law, checked against the brief's independent enumeration (§3.5, 9 digits:
 * tolerance half a unit of the last digit) and against the exact duality identities of §3.1.
 */
class ExactTorusLawTest {

    private static final int N = ExactTorusLaw.SIZE * ExactTorusLaw.SIZE;

    @Test
    void enumerationCoversAllConfigurationsIn68Classes() {
        long total = ExactTorusLaw.counts().values().stream()
                .mapToLong(Long::longValue)
                .sum();
        assertEquals(1L << 18, total);
        assertEquals(68, ExactTorusLaw.counts().size());
    }

    @ParameterizedTest
    @CsvSource({
        "1.0, 0.500000000, 0.198821174, 4.500000, 0.287857056, 0.424285889, 0.287857056",
        "1.5, 0.515363491, 0.205138112, 5.570053, 0.237242762, 0.406893095, 0.355864143",
        "2.0, 0.528854788, 0.208397854, 6.442653, 0.204375133, 0.386874602, 0.408750265",
        "2.5, 0.541043067, 0.210006757, 7.175117, 0.180793430, 0.367222993, 0.451983576",
        "3.0, 0.552230614, 0.210619277, 7.799513, 0.162815824, 0.348736705, 0.488447471",
        "3.5, 0.562604706, 0.210590527, 8.336679, 0.148534967, 0.331592650, 0.519872383",
        "4.0, 0.572293214, 0.210132470, 8.801428, 0.136846963, 0.315765184, 0.547387853"
    })
    void momentsMatchTheBriefTable(
            double q,
            double bondDensity,
            double clusterDensity,
            double bondVariance,
            double none,
            double one,
            double cross) {
        double[] p = new double[3];
        double mean = 0;
        double second = 0;
        double clusters = 0;
        for (Map.Entry<ExactTorusLaw.Key, Double> e : ExactTorusLaw.law(q).entrySet()) {
            int b = e.getKey().bonds();
            p[e.getKey().wrapping().rank()] += e.getValue();
            mean += b * e.getValue();
            second += (double) b * b * e.getValue();
            clusters += e.getKey().clusters() * e.getValue();
        }
        assertEquals(bondDensity, mean / (2 * N), 5e-10);
        assertEquals(clusterDensity, clusters / N, 5e-10);
        assertEquals(bondVariance, second - mean * mean, 5e-7);
        assertEquals(none, p[0], 5e-10);
        assertEquals(one, p[1], 5e-10);
        assertEquals(cross, p[2], 5e-10);
    }

    /** §3.1: P(cross) = Q·P(no wrap) and E[|ω| | one direction] = N exactly, for any real Q. */
    @ParameterizedTest
    @ValueSource(doubles = {0.5, 1, 1.37, 2.5, 3.7, 4, 6.25})
    void dualityIdentitiesHoldExactly(double q) {
        double none = 0;
        double one = 0;
        double cross = 0;
        double bondsGivenOne = 0;
        for (Map.Entry<ExactTorusLaw.Key, Double> e : ExactTorusLaw.law(q).entrySet()) {
            switch (e.getKey().wrapping()) {
                case NONE -> none += e.getValue();
                case ONE_DIRECTION -> {
                    one += e.getValue();
                    bondsGivenOne += e.getKey().bonds() * e.getValue();
                }
                case CROSS -> cross += e.getValue();
            }
        }
        assertEquals(q * none, cross, 1e-13);
        assertEquals(N, bondsGivenOne / one, 1e-12);
    }

    /** §3.1: the law of |ω| given cross is the law of 2N − |ω| given no wrap, for any real Q. */
    @ParameterizedTest
    @ValueSource(doubles = {1, 2.5, 3.7})
    void bondCountGivenCrossMirrorsBondCountGivenNoWrap(double q) {
        double[] cross = new double[2 * N + 1];
        double[] none = new double[2 * N + 1];
        for (Map.Entry<ExactTorusLaw.Key, Double> e : ExactTorusLaw.law(q).entrySet()) {
            if (e.getKey().wrapping() == WrappingClass.CROSS) {
                cross[e.getKey().bonds()] += e.getValue();
            } else if (e.getKey().wrapping() == WrappingClass.NONE) {
                none[e.getKey().bonds()] += e.getValue();
            }
        }
        double pCross = java.util.Arrays.stream(cross).sum();
        double pNone = java.util.Arrays.stream(none).sum();
        for (int b = 0; b <= 2 * N; b++) {
            assertEquals(none[2 * N - b] / pNone, cross[b] / pCross, 1e-13, "|w| = " + b);
        }
    }
}
