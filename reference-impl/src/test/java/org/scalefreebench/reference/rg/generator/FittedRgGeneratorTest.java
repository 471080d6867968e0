package org.scalefreebench.reference.rg.generator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.scalefreebench.datasets.model.MaskGenerator;

/**
 * The sampler and the likelihood of an (untrained) pyramid generator: exact properties that hold for
 * any weights.
 */
class FittedRgGeneratorTest {

    private static FittedRgGenerator untrained(int passes) {
        return new FittedRgGenerator(ChildPatternNet.build(11L), passes, null);
    }

    @Test
    void theNetworkHasTheParameterCountOfTheDesign() {
        assertEquals(ChildPatternNet.PARAMETERS, ChildPatternNet.build(1L).numParams());
        assertEquals(40_144L, ChildPatternNet.PARAMETERS);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 4})
    void everyGeneratedLevelIsTheBlockOrOfTheLevelBelow(int passes) throws Exception {
        int size = 32;
        int[] maps = {0};
        untrained(passes).generate(5, size, 42L, (index, levels, drawnNll) -> {
            assertEquals(6, levels.length);
            int side = size;
            for (int l = 0; l < levels.length - 1; l++) {
                assertEquals(side * side, levels[l].length);
                for (byte v : levels[l]) {
                    assertTrue(v == 0 || v == 1);
                }
                assertArrayEquals(BlockOrPyramid.coarsen(levels[l], side), levels[l + 1], "level " + l);
                side /= 2;
            }
            assertArrayEquals(new byte[] {1}, levels[levels.length - 1]);
            maps[0]++;
        });
        assertEquals(5, maps[0]);
    }

    @Test
    void theSameSeedGivesTheSameBytesAndAnotherSeedOthers() throws Exception {
        FittedRgGenerator g = untrained(4);
        byte[] a = g.generate(4, 16, 5L);
        assertEquals(4 * 16 * 16, a.length);
        assertArrayEquals(a, g.generate(4, 16, 5L));
        assertFalse(Arrays.equals(a, g.generate(4, 16, 6L)));
    }

    @Test
    void aSizeThatIsNotAPowerOfTwoIsRefusedByName() {
        FittedRgGenerator g = untrained(4);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> g.generate(1, 48, 1L));
        assertTrue(e.getMessage().contains("L = 48"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> g.negativeLogLikelihood(new byte[48 * 48], 1, 48));
    }

    /**
     * The likelihood is a normalised distribution over masks: at L = 4 every one of the 2^16 masks is
     * scored, and Σ exp(−NLL) over them is 1 (the empty mask has probability 0), up to float
     * rounding of the softmax (relative 1e-6 per factor, a few factors per mask). The four-pass
     * schedule is the one with revealed children; the one-pass schedule runs the same code with one pass.
     */
    @Test
    void theLikelihoodSumsToOneOverAllMasks() throws Exception {
        int passes = BlockOrPyramid.COLOURS;
        int size = 4;
        int count = 1 << 16;
        byte[] masks = new byte[count * 16];
        for (int m = 0; m < count; m++) {
            for (int s = 0; s < 16; s++) {
                masks[m * 16 + s] = (byte) ((m >> s) & 1);
            }
        }
        double[] nll = untrained(passes).negativeLogLikelihood(masks, count, size);
        assertEquals(Double.POSITIVE_INFINITY, nll[0]);
        double total = 0;
        for (double v : nll) {
            total += Math.exp(-v);
        }
        assertEquals(1.0, total, 1e-4);
    }

    /**
     * Teacher forcing reproduces the sampler: for every drawn mask, the likelihood computed from the
     * mask alone (its block-OR pyramid, each pass conditioned on the true children of the earlier
     * passes) equals −Σ ln p of the probabilities the sampler itself drew that mask's patterns with.
     * Both sides evaluate the same network on the same features, so they agree to rounding of the sum
     * (1e-6 nats per mask is far above it, and far below one pattern's term). Checked for one and four
     * passes, and for one weight set per level, at L = 8 and 16.
     */
    @ParameterizedTest
    @ValueSource(strings = {"1 8 shared", "4 8 shared", "4 16 shared", "1 16 unshared", "4 16 unshared"})
    void theLikelihoodOfADrawnMaskIsWhatTheSamplerDrewItWith(String setting) throws Exception {
        String[] parts = setting.split(" ");
        int passes = Integer.parseInt(parts[0]);
        int size = Integer.parseInt(parts[1]);
        int levels = BlockOrPyramid.levels(size);
        FittedRgGenerator g = parts[2].equals("shared")
                ? untrained(passes)
                : new FittedRgGenerator(
                        IntStream.range(0, levels)
                                .mapToObj(i -> ChildPatternNet.build(20L + i))
                                .toList(),
                        levels,
                        passes,
                        null);
        int n = 6;
        int area = size * size;
        byte[] masks = new byte[n * area];
        double[] drawn = new double[n];
        g.generate(n, size, 9L, (index, pyramid, drawnNll) -> {
            System.arraycopy(pyramid[0], 0, masks, index * area, area);
            drawn[index] = drawnNll;
        });
        double[] nll = g.negativeLogLikelihood(masks, n, size);
        for (int m = 0; m < n; m++) {
            assertTrue(drawn[m] > 0, "map " + m + ": " + drawn[m]);
            assertEquals(drawn[m], nll[m], 1e-6, "map " + m);
        }
    }

    @Test
    void bothGeneratorsAreRegisteredForTheServiceLoader() {
        Set<String> ids = ServiceLoader.load(MaskGenerator.class).stream()
                .map(p -> p.get().id())
                .collect(Collectors.toSet());
        assertTrue(ids.contains(RgGenerator.ID), ids.toString());
        assertTrue(ids.contains(RgGeneratorIndep.ID), ids.toString());
        assertTrue(ids.contains(RgGeneratorUnshared.ID), ids.toString());
    }

    @Test
    void unsharedWeightSetsFollowTheLevelsAndReuseTheLastBulkSetBeyondTraining() {
        // trained at L = 64: K_t = 6 sets; drawn at L = 64 every level has its own set
        for (int l = 0; l < 6; l++) {
            assertEquals(l, FittedRgGenerator.weightSet(l, 6, 6, 6));
            assertEquals(0, FittedRgGenerator.weightSet(l, 6, 6, 1));
        }
        // drawn at L = 1024 (K = 10): levels 0-3 own sets, 4-7 the last bulk set 3, 8 and 9 the top sets
        int[] expected = {0, 1, 2, 3, 3, 3, 3, 3, 4, 5};
        for (int l = 0; l < 10; l++) {
            assertEquals(expected[l], FittedRgGenerator.weightSet(l, 10, 6, 6), "level " + l);
        }
        // a smaller pyramid (L = 16, K = 4): bulk levels 0, 1, top levels matched by depth
        int[] small = {0, 1, 4, 5};
        for (int l = 0; l < 4; l++) {
            assertEquals(small[l], FittedRgGenerator.weightSet(l, 4, 6, 6), "level " + l);
        }
    }
}
