package org.scalefreebench.reference.cnn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.scalefreebench.datasets.model.FitOptions;
import org.scalefreebench.datasets.model.MaskGenerator;
import org.scalefreebench.datasets.model.TrainingData;
import org.scalefreebench.datasets.task.Task;
import org.scalefreebench.datasets.task.Tier;
import org.scalefreebench.reference.baseline.ExactSampler;
import org.scalefreebench.reference.baseline.GeneratedSplit;
import org.scalefreebench.reference.nn.GraphTrainer;
import org.scalefreebench.reference.nn.MapTensors;

/**
 * {@code unet-mask-generator}: registered in the right tiers, fits on a tiny split, draws 0/1 maps of
 * the right shape reproducibly, is exactly the U-Net's P &gt; 1/2 on the exact sampler's
 * configurations, and refuses an L its U-Net cannot take.
 */
class UnetMaskGeneratorTest {

    private static final String P_C = "0.59274605079210";

    private static TrainingData tinySplit() {
        return new TrainingData(
                Set.of(Task.MAX_CLUSTER_GENERATION),
                GeneratedSplit.of("train", 16, List.of(P_C), 64, 1L),
                GeneratedSplit.of("val", 16, List.of(P_C), 8, 2L));
    }

    private static ComputationGraph untrained(long seed, int size) {
        return UNet.build(UnetSgd.CHANNELS, new Nesterovs(UnetSgd.LEARNING_RATE, UnetSgd.MOMENTUM), seed, size);
    }

    @Test
    void itIsRegisteredRankedInTheSmokeAndFullTiers() {
        MaskGenerator g = ServiceLoader.load(MaskGenerator.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(m -> m.id().equals(UnetMaskGenerator.ID))
                .findFirst()
                .orElseThrow();
        assertEquals(EnumSet.of(Tier.SMOKE, Tier.FULL), g.tiers());
        assertTrue(g.ranked());
    }

    @Test
    void aFitOnATinySplitDrawsZeroOneMapsOfTheRightShapeAndTheSameSeedGivesTheSameBytes() throws Exception {
        List<double[]> curve = new java.util.ArrayList<>();
        UnetMaskGenerator.Fitted f = new UnetMaskGenerator()
                .fit(
                        tinySplit(),
                        new FitOptions(
                                3L,
                                Duration.ofMinutes(2),
                                (series, step, seconds, loss) -> curve.add(new double[] {step, loss}),
                                Tier.SMOKE),
                        new GraphTrainer.Schedule(16, 0.5));
        assertTrue(!curve.isEmpty(), "the validation loss was reported");
        assertEquals(untrained(3L, 16).numParams(), f.parameterCount(), "the unet-sgd network");
        assertTrue(f.trainingNote().startsWith("32 samples at L = 16"), f.trainingNote());
        byte[] a = f.generate(3, 24, 9L);
        assertEquals(3 * 24 * 24, a.length);
        for (byte b : a) {
            assertTrue(b == 0 || b == 1);
        }
        assertArrayEquals(a, f.generate(3, 24, 9L));
        assertFalse(java.util.Arrays.equals(a, f.generate(3, 24, 10L)), "another seed, other configurations");
    }

    /** The draw is the U-Net's own output on the exact sampler's configurations, thresholded at 1/2. */
    @Test
    void theDrawIsTheUnetsOutputAboveOneHalfOnTheExactSamplersConfigurations() throws Exception {
        int n = 4;
        int size = 32;
        ComputationGraph net = untrained(5L, 16);
        byte[] drawn = new UnetMaskGenerator.Fitted(net, "", 1).generate(n, size, 11L);
        assertArrayEquals(drawn, new UnetMaskGenerator.Fitted(net, "", 2).generate(n, size, 11L), "any thread count");
        byte[] maps = ExactSampler.draw("test", n, size, 11L, 1, false);
        for (int m = 0; m < n; m++) {
            INDArray x = MapTensors.maps(maps, size, MapTensors.identity(n), m, 1);
            float[] p = net.output(false, x)[0].ravel().toFloatVector();
            for (int i = 0; i < size * size; i++) {
                assertEquals(p[i] > 0.5f ? 1 : 0, drawn[m * size * size + i], "map " + m + " site " + i);
            }
        }
    }

    @Test
    void itRefusesAnLItsUnetCannotTakeNamingIt() {
        UnetMaskGenerator.Fitted f = new UnetMaskGenerator.Fitted(untrained(1L, 16), "", 1);
        for (int size : new int[] {36, 4, 0}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> f.generate(1, size, 1L));
            assertTrue(e.getMessage().contains("L = " + size), e.getMessage());
        }
    }
}
