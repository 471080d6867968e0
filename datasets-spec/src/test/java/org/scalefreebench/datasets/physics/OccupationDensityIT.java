package org.scalefreebench.datasets.physics;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.hipparchus.distribution.discrete.BinomialDistribution;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The number of occupied sites in n maps of L² sites is Binomial(n·L², p): its mean is n·L²·p and
 * its standard deviation σ = √(n·L²·p(1−p)). The test accepts |K − n·L²·p| ≤ 4σ (a false alarm
 * rate of 6·10⁻⁵ per p value).
 */
class OccupationDensityIT {

    private static final int SIZE = 64;
    private static final int SAMPLES = 2000;

    @ParameterizedTest(name = "p = {0}")
    @ValueSource(doubles = {0.05, 0.3, 0.5, 0.59274605079210, 0.7, 0.95})
    void occupiedCountIsBinomial(double p) throws IOException {
        Ensemble e = Ensemble.of(SIZE, p, SAMPLES, 11);
        int trials = SIZE * SIZE * SAMPLES;
        BinomialDistribution law = new BinomialDistribution(trials, p);
        double sigma = Math.sqrt(law.getNumericalVariance());
        double deviation = e.occupied - law.getNumericalMean();
        Measurement.report(
                "occupation p=%s: %d of %d sites, deviation %.1f = %.2f sigma%n",
                p, e.occupied, trials, deviation, deviation / sigma);
        assertTrue(
                Math.abs(deviation) <= 4 * sigma,
                "occupied " + e.occupied + " of " + trials + " at p = " + p + ": " + deviation / sigma
                        + " sigma from the mean");
    }
}
