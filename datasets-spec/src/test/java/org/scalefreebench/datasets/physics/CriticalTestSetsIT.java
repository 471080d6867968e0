package org.scalefreebench.datasets.physics;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.scalefreebench.datasets.family.Families;
import org.scalefreebench.datasets.generate.DatasetGenerator;
import org.scalefreebench.datasets.lattice.CriticalExponents;
import org.scalefreebench.datasets.load.DatasetLoader;
import org.scalefreebench.datasets.load.SplitData;
import org.scalefreebench.datasets.spec.DatasetSpec;
import org.scalefreebench.datasets.spec.SpecCatalogue;

/**
 * The published critical test sets: every site-percolation spec of the catalogue whose p values are
 * all exactly p_c and that has a test split (the generators' training masks at p_c have train and
 * val splits only, and are checked by {@code PublishedDatasetsIT}), its test split read from the data folder (system property {@code
 * scalefree.data.dir}; generated there first if missing, and checked against the spec's pins on
 * loading).
 *
 * <ul>
 *   <li>Top–bottom crossing of the open L×L square at p_c → 1/2 (Cardy 1992; square by symmetry):
 *       the fraction of the n maps that span has binomial σ = √(R(1−R)/n), R = 1/2; the test accepts
 *       |fraction − 1/2| ≤ 4σ, and requires σ ≤ 0.01 at L ≤ 256 and σ ≤ 0.025 above, the standard
 *       errors the specs' descriptions give.
 *   <li>The occupied fraction of n maps of L² independent sites has mean p_c and σ = √(p(1−p)/(n·L²));
 *       the test accepts |fraction − p_c| ≤ 4σ.
 * </ul>
 */
@Execution(ExecutionMode.SAME_THREAD)
class CriticalTestSetsIT {

    private static final int MIN_SETS = 4;
    private static final String SPLIT = "test";

    static List<String> criticalSpecIds() {
        BigDecimal pc = BigDecimal.valueOf(CriticalExponents.SITE_P_C);
        return SpecCatalogue.published().specs().stream()
                .filter(s -> s.family() == Families.SITE_PERCOLATION)
                .filter(s -> s.p().stream().allMatch(v -> v.compareTo(pc) == 0))
                .filter(s -> s.splits().stream().anyMatch(t -> t.name().equals(SPLIT)))
                .map(DatasetSpec::id)
                .toList();
    }

    @Test
    void atLeastFourCriticalSetsArePublished() {
        List<String> ids = criticalSpecIds();
        Measurement.report("critical test sets at p_c: %s%n", ids);
        assertTrue(ids.size() >= MIN_SETS, "expected at least " + MIN_SETS + " specs at p = p_c, found " + ids);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("criticalSpecIds")
    void crossingFractionIsOneHalf(String id) throws IOException {
        DatasetSpec spec = SpecCatalogue.published().get(id);
        SplitData data = load(spec);
        int n = data.samples();
        long spanning = 0;
        for (byte s : data.spanning()) {
            spanning += s;
        }
        double fraction = (double) spanning / n;
        double r = CriticalExponents.CROSSING_AT_P_C;
        double sigma = Math.sqrt(r * (1 - r) / n);
        // The claims the README states: 0.01 at L <= 256, 0.025 at L = 512, 0.041 (150 maps, 300 MB)
        // for the full tier's L = 1024 set.
        double claimed = spec.size() <= 256 ? 0.01 : spec.size() <= 512 ? 0.025 : 0.041;
        Measurement.report(
                "crossing %s (L=%d): %.4f ± %.4f (%d of %d maps span)%n",
                id, spec.size(), fraction, sigma, spanning, n);
        assertTrue(
                sigma <= claimed,
                id + ": too few maps: σ = " + sigma + " exceeds the claimed standard error " + claimed);
        assertTrue(
                Math.abs(fraction - r) <= 4 * sigma,
                id + ": crossing fraction " + fraction + ", expected 1/2 within 4σ = " + 4 * sigma);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("criticalSpecIds")
    void occupiedFractionIsTheThreshold(String id) throws IOException {
        DatasetSpec spec = SpecCatalogue.published().get(id);
        SplitData data = load(spec);
        byte[] maps = data.maps();
        long occupied = 0;
        for (byte b : maps) {
            occupied += b;
        }
        double sites = maps.length;
        double p = CriticalExponents.SITE_P_C;
        double fraction = occupied / sites;
        double sigma = Math.sqrt(p * (1 - p) / sites);
        Measurement.report(
                "occupied %s (L=%d, %d maps): %.6f ± %.6f (p_c = %.6f), deviation %.2f sigma%n",
                id, spec.size(), data.samples(), fraction, sigma, p, (fraction - p) / sigma);
        assertTrue(
                Math.abs(fraction - p) <= 4 * sigma,
                id + ": occupied fraction " + fraction + ", expected p_c within 4σ = " + 4 * sigma);
    }

    private static SplitData load(DatasetSpec spec) throws IOException {
        Path dataDir = Path.of(System.getProperty("scalefree.data.dir", "target/data"));
        new DatasetGenerator(Runtime.getRuntime().availableProcessors(), DatasetGenerator.Progress.NONE)
                .generate(spec, dataDir);
        return DatasetLoader.load(spec, dataDir, SPLIT);
    }
}
