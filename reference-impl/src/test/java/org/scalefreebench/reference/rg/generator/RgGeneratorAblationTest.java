package org.scalefreebench.reference.rg.generator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.scalefreebench.datasets.model.FitOptions;
import org.scalefreebench.datasets.model.MaskGenerator;
import org.scalefreebench.datasets.model.TrainingData;
import org.scalefreebench.datasets.model.TrainingListener;
import org.scalefreebench.datasets.task.Task;
import org.scalefreebench.datasets.task.Tier;
import org.scalefreebench.reference.nn.GraphTrainer;

/** The ablations fit on a few exact masks and then draw consistent pyramids beyond the training size. */
class RgGeneratorAblationTest {

    private static final TrainingData DATA = new TrainingData(
            Set.of(Task.MAX_CLUSTER_MASK),
            List.of(
                    ExactMaskSplit.atCriticalPoint("train", 16, 64, 1L),
                    ExactMaskSplit.atCriticalPoint("train", 32, 32, 2L)),
            List.of(
                    ExactMaskSplit.atCriticalPoint("val", 16, 8, 3L),
                    ExactMaskSplit.atCriticalPoint("val", 32, 8, 4L)));

    private static MaskGenerator.FittedGenerator fit(MaskGenerator g) throws Exception {
        return ((RgGenerator) g)
                .fit(
                        DATA,
                        new FitOptions(7L, Duration.ofMinutes(2), TrainingListener.NONE, Tier.SMOKE),
                        new GraphTrainer.Schedule(16, 1));
    }

    @Test
    void theUnsharedGeneratorHasOneNetworkPerTrainingLevel() throws Exception {
        MaskGenerator.FittedGenerator g = fit(new RgGeneratorUnshared());
        assertEquals(5 * ChildPatternNet.PARAMETERS, g.parameterCount());
        checkDraws((FittedRgGenerator) g);
    }

    @Test
    void theIndependentGeneratorSharesOneNetwork() throws Exception {
        MaskGenerator.FittedGenerator g = fit(new RgGeneratorIndep());
        assertEquals(ChildPatternNet.PARAMETERS, g.parameterCount());
        assertTrue(g.trainingNote().contains("optimiser steps"), g.trainingNote());
        checkDraws((FittedRgGenerator) g);
    }

    /** Draws at L = 128, four times the largest training size: every level is the block-OR of the one below. */
    private static void checkDraws(FittedRgGenerator g) throws Exception {
        int size = 128;
        g.generate(2, size, 3L, (index, levels, drawnNll) -> {
            int side = size;
            for (int l = 0; l < levels.length - 1; l++) {
                assertArrayEquals(BlockOrPyramid.coarsen(levels[l], side), levels[l + 1], "level " + l);
                side /= 2;
            }
        });
        double[] nll = g.negativeLogLikelihood(g.generate(2, size, 4L), 2, size);
        assertTrue(Double.isFinite(nll[0]) && nll[0] > 0, "NLL " + nll[0]);
    }
}
