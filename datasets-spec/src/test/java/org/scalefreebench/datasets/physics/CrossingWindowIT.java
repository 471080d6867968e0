package org.scalefreebench.datasets.physics;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.scalefreebench.datasets.lattice.CrossingProbability;
import org.scalefreebench.datasets.lattice.CrossingWindow;
import org.scalefreebench.datasets.spec.DatasetSpec;
import org.scalefreebench.datasets.spec.SpecCatalogue;

/**
 * The multi-size training specs ({@code percolation-L<L>-window-v1}) cover the critical window of
 * their L, where the top–bottom crossing probability R(p, L) lies between 0.1 and 0.9, and overshoot
 * it by less than one grid step at each end. R is re-measured here from {@value #SWEEPS} Newman–Ziff
 * sweeps on a seed independent of the one the grids were computed with, so each comparison has the
 * binomial error σ = √(R(1−R)/M) of the estimate at that p; every bound is 4σ.
 */
class CrossingWindowIT {

    private static final int SWEEPS = 20_000;
    private static final long SEED = 777_001L;
    private static final double LOW = 0.1;
    private static final double HIGH = 0.9;

    static List<String> windowSpecIds() {
        return SpecCatalogue.published().ids().stream()
                .filter(id -> id.matches("percolation-L\\d+-window-v1"))
                .toList();
    }

    @Test
    void threeSizesArePublished() {
        assertTrue(windowSpecIds().size() >= 3, "expected window specs at L = 8, 16, 32, found " + windowSpecIds());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("windowSpecIds")
    void gridCoversTheWindowWithinOneStep(String id) {
        DatasetSpec spec = SpecCatalogue.published().get(id);
        List<BigDecimal> p = spec.p();
        double from = p.get(0).doubleValue();
        double to = p.get(p.size() - 1).doubleValue();
        double step = p.get(1).subtract(p.get(0)).doubleValue();
        CrossingProbability r = CrossingWindow.curve(spec.size(), SWEEPS, SEED);
        Measurement.report(
                "%s: R(%.4f) = %.4f, R(%.4f) = %.4f, R(%.4f) = %.4f, R(%.4f) = %.4f (%d sweeps)%n",
                id, from, r.at(from), from + step, r.at(from + step), to - step, r.at(to - step), to, r.at(to), SWEEPS);
        assertBelow(id + ": R at the grid's first p", r.at(from), LOW);
        assertBelow(id + ": the crossing level " + LOW + " below R one step in", LOW, r.at(from + step));
        assertBelow(id + ": R one step before the grid's last p", r.at(to - step), HIGH);
        assertBelow(id + ": the crossing level " + HIGH + " below R at the grid's last p", HIGH, r.at(to));
    }

    /** Asserts a ≤ b within 4σ of the crossing estimate at the level in question. */
    private static void assertBelow(String what, double a, double b) {
        double level = Math.min(Math.max(Math.min(a, b), LOW), HIGH);
        double sigma = Math.sqrt(level * (1 - level) / SWEEPS);
        assertTrue(a <= b + 4 * sigma, what + ": " + a + " > " + b + " + 4σ (σ = " + sigma + ")");
    }
}
