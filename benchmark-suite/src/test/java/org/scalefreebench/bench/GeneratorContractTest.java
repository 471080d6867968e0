package org.scalefreebench.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.scalefreebench.datasets.load.SplitData;
import org.scalefreebench.datasets.model.FitOptions;
import org.scalefreebench.datasets.model.MaskGenerator;
import org.scalefreebench.datasets.model.TrainingData;
import org.scalefreebench.datasets.model.TrainingListener;
import org.scalefreebench.datasets.task.Task;
import org.scalefreebench.datasets.task.Tier;
import org.scalefreebench.reference.rg.generator.ExactMaskSplit;

/**
 * The one contract every registered generator must pass, fitted in the smoke tier (its smallest
 * training budget) on a tiny split of exact masks at p_c made in memory (64 maps at L = 16): a
 * well-formed id and a description; n·L² values 0 or 1 at the training size and at twice it; the
 * same seed gives the same bytes, another seed other bytes (at the training size), and two fits
 * with the same seed the same draws; at an L that is not a power of two it draws masks or refuses with an
 * IllegalArgumentException naming the L; its likelihood, if it has one, is one finite,
 * non-negative −ln P per exact mask.
 */
class GeneratorContractTest {

    private static final int SIZE = 16;
    private static final Map<String, MaskGenerator.FittedGenerator> FITTED = new ConcurrentHashMap<>();

    private static TrainingData tiny;

    @BeforeAll
    static void tinyExactSplit() {
        SplitData train = ExactMaskSplit.atCriticalPoint("train", SIZE, 64, 31L);
        SplitData val = ExactMaskSplit.atCriticalPoint("val", SIZE, 16, 32L);
        tiny = new TrainingData(Set.of(Task.MAX_CLUSTER_GENERATION), train, val);
    }

    static Stream<MaskGenerator> generators() {
        return GeneratorRegistry.load().all().values().stream();
    }

    private static MaskGenerator.FittedGenerator fit(MaskGenerator g, long seed) throws Exception {
        MaskGenerator.FittedGenerator f =
                g.fit(tiny, new FitOptions(seed, Duration.ofMinutes(2), TrainingListener.NONE, Tier.SMOKE));
        assertNotNull(f, g.id() + ": fit returned null");
        return f;
    }

    private static MaskGenerator.FittedGenerator fitted(MaskGenerator g) throws Exception {
        MaskGenerator.FittedGenerator f = FITTED.get(g.id());
        if (f == null) {
            f = fit(g, 1L);
            FITTED.put(g.id(), f);
        }
        return f;
    }

    private static void assertMasks(MaskGenerator g, byte[] maps, int n, int size) {
        assertNotNull(maps, g.id() + " at L = " + size + " returned null");
        assertEquals((long) n * size * size, maps.length, g.id() + " at L = " + size + ": n·L² values");
        for (int i = 0; i < maps.length; i++) {
            if (maps[i] != 0 && maps[i] != 1) {
                throw new AssertionError(g.id() + " at L = " + size + ": value " + maps[i] + " at index " + i);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("generators")
    void describesItself(MaskGenerator g) {
        assertEquals(g.id(), ModelRegistry.requireWellFormedId(g, g.id()));
        assertFalse(g.description() == null || g.description().isBlank(), g.id() + ": no description");
        assertFalse(g.tiers().isEmpty(), g.id() + ": runs in no tier");
        assertEquals(g.getClass(), GeneratorRegistry.load().all().get(g.id()).getClass(), "id lookup");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("generators")
    void drawsReproducibleMasksAtTheTrainingSizeAndTwiceIt(MaskGenerator g) throws Exception {
        MaskGenerator.FittedGenerator f = fitted(g);
        assertTrue(f.parameterCount() >= 0, g.id() + ": negative parameter count");
        int n = 3;
        byte[] a = f.generate(n, SIZE, 5L);
        assertMasks(g, a, n, SIZE);
        assertArrayEquals(a, f.generate(n, SIZE, 5L), g.id() + ": seed 5 twice");
        assertFalse(
                Arrays.equals(a, f.generate(n, SIZE, 6L)),
                g.id() + ": seeds 5 and 6 drew the same " + n * SIZE * SIZE + " sites");
        assertMasks(g, f.generate(n, 2 * SIZE, 5L), n, 2 * SIZE);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("generators")
    void twoFitsWithOneSeedDrawTheSameMasks(MaskGenerator g) throws Exception {
        byte[] first = fitted(g).generate(2, SIZE, 3L);
        byte[] second = fit(g, 1L).generate(2, SIZE, 3L);
        assertArrayEquals(first, second, g.id() + ": two fits with seed 1 draw different masks");
    }

    /** A pyramid generator refuses an L that is not a power of two, naming it; any other draws masks there. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("generators")
    void anLThatIsNotAPowerOfTwoIsDrawnOrRefusedByName(MaskGenerator g) throws Exception {
        MaskGenerator.FittedGenerator f = fitted(g);
        int size = 12;
        byte[] maps;
        try {
            maps = f.generate(2, size, 1L);
        } catch (IllegalArgumentException e) {
            assertTrue(
                    e.getMessage() != null
                            && Pattern.compile("\\b12\\b")
                                    .matcher(e.getMessage())
                                    .find(),
                    g.id() + " refused L = 12 without naming it: " + e.getMessage());
            return;
        }
        assertMasks(g, maps, 2, size);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("generators")
    void itsLikelihoodIfAnyIsOneFiniteNonNegativeValuePerExactMask(MaskGenerator g) throws Exception {
        MaskGenerator.FittedGenerator f = fitted(g);
        for (int size : new int[] {SIZE, 2 * SIZE}) {
            int n = 4;
            byte[] masks = ExactMaskSplit.atCriticalPoint("test", size, n, 41L).maxClusterMask();
            double[] nll = f.negativeLogLikelihood(masks, n, size);
            if (nll == null) {
                return;
            }
            assertEquals(n, nll.length, g.id() + " at L = " + size + ": one value per mask");
            for (int m = 0; m < n; m++) {
                assertTrue(
                        Double.isFinite(nll[m]) && nll[m] >= 0,
                        g.id() + " at L = " + size + ": −ln P = " + nll[m] + " for exact mask " + m);
            }
        }
    }
}
