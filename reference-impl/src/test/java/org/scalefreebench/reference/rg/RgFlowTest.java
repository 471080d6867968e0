package org.scalefreebench.reference.rg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.scalefreebench.datasets.load.SplitData;
import org.scalefreebench.datasets.model.BenchmarkModel;
import org.scalefreebench.datasets.model.FitOptions;
import org.scalefreebench.datasets.model.MapBatch;
import org.scalefreebench.datasets.model.TrainingData;
import org.scalefreebench.datasets.model.TrainingListener;
import org.scalefreebench.datasets.task.Task;
import org.scalefreebench.datasets.task.Tier;
import org.scalefreebench.reference.baseline.GeneratedSplit;
import org.scalefreebench.reference.nn.EarlyStop;

class RgFlowTest {

    private static final List<String> P = List.of("0.55", "0.6", "0.65");

    /**
     * A guard against a hang, not a speed check: a fit here takes seconds on a quiet machine, and over
     * 2 minutes at the lowest priority beside a full-tier run on the same 2 cores.
     */
    private static final Duration BUDGET = Duration.ofHours(1);

    /**
     * Training at L = 8 and 16 together: 24 maps per size make one batch per size per pass, so one
     * pass is two steps and 48 samples; the fitted model then predicts at L = 32, a size it never
     * saw, and refuses L = 48 naming it.
     */
    @Test
    void trainsOnEverySizeAndPredictsAtAnyPowerOfTwo() throws Exception {
        List<String> series = new ArrayList<>();
        BenchmarkModel.FittedModel fitted = fit(Tier.SMOKE, (name, step, seconds, loss) -> {
            assertTrue(Double.isFinite(loss), name + " loss at step " + step);
            series.add(name);
        });
        assertEquals(RgFlowNetwork.PARAMETERS, fitted.parameterCount());
        assertEquals(48, fitted.trainedSamples());
        assertEquals(List.of("val"), series);

        SplitData test = GeneratedSplit.of("test", 32, P, 2, 321L);
        MapBatch maps = new MapBatch(test.samples(), test.size(), test.maps());
        float[] spanning = fitted.predict(Task.SPANNING, maps);
        float[] fraction = fitted.predict(Task.MAX_CLUSTER, maps);
        float[] mask = fitted.predict(Task.MAX_CLUSTER_MASK, maps);
        assertEquals(test.samples(), spanning.length);
        assertEquals(test.samples(), fraction.length);
        assertEquals(test.samples() * 32 * 32, mask.length);
        for (int m = 0; m < test.samples(); m++) {
            assertTrue(spanning[m] >= 0 && spanning[m] <= 1, "P(spanning) " + spanning[m]);
            double mass = 0;
            for (int i = m * 1024; i < (m + 1) * 1024; i++) {
                assertTrue(mask[i] >= 0 && mask[i] <= 1, "P(site in the largest cluster) " + mask[i]);
                mass += mask[i];
            }
            assertEquals(mass / 1024, fraction[m], 1e-6, "largest-cluster fraction = mask mass / L²");
        }

        assertArrayEquals(mask, fitted.predict(Task.MAX_CLUSTER_MASK, maps), "the mask asked again, computed again");
        assertArrayEquals(spanning, fitted.predict(Task.SPANNING, maps), "P(spanning) asked again");

        MapBatch odd = new MapBatch(1, 48, new byte[48 * 48]);
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> fitted.predict(Task.SPANNING, odd));
        assertTrue(e.getMessage().contains("L = 48"), e.getMessage());
    }

    /**
     * The full tier's ten passes (two steps each here) are compared on the validation split as the
     * CNNs' are: the loss is measured after every pass, training stops once {@value
     * EarlyStop#PATIENCE} passes have not lowered it, and the weights kept are those of the lowest
     * pass, which the note names and the last point of the validation curve shows.
     */
    @Test
    void aFullTierFitKeepsTheWeightsOfItsLowestValidationLossAndSaysWhich() throws Exception {
        List<Double> val = new ArrayList<>();
        BenchmarkModel.FittedModel fitted = fit(Tier.FULL, (name, step, seconds, loss) -> {
            if (name.equals("val")) {
                val.add(loss);
            }
        });
        String note = fitted.trainingNote();
        int passes = (int) (fitted.trainedSamples() / 48);
        assertEquals(48L * passes, fitted.trainedSamples(), "whole passes of 48 maps");
        assertTrue(note != null && note.contains("validation loss lowest after"), String.valueOf(note));
        List<Double> perPass = val.subList(0, passes);
        int best = 1 + perPass.indexOf(perPass.stream().min(Double::compare).orElseThrow());
        if (passes < 10) {
            assertTrue(
                    note.startsWith("stopped after pass " + passes + " of 10"),
                    "a fit that ended early says so: " + note);
            assertEquals(
                    best + EarlyStop.PATIENCE, passes, "it stopped " + EarlyStop.PATIENCE + " passes after its best");
        }
        if (best < passes) {
            assertTrue(note.endsWith("the weights of pass " + best + " kept"), note);
            assertEquals(passes + 1, val.size(), "after every pass, then the kept weights: " + val);
            assertEquals(
                    perPass.get(best - 1), val.get(passes), 1e-6, "the kept weights are pass " + best + "'s: " + val);
        } else {
            assertTrue(note.endsWith("the last weights kept"), note);
            assertEquals(passes, val.size(), "after every pass: " + val);
        }
    }

    /**
     * The mask kept between two tasks is a quarter of the heap: the full tier's largest set whose mask
     * is scored (4 100 maps at L = 256) fits the 14 GiB harness's cache, which the former fixed 2^28
     * sites missed; on a huge heap it stops at the longest float array.
     */
    @Test
    void keepsTheMaskOfTheLargestFullTierSetAtTheHarnessHeap() {
        long windowSetL256 = 4_100L * 256 * 256;
        assertEquals(939_524_096L, RgFlow.maskCacheSites(14L << 30));
        assertTrue(RgFlow.maskCacheSites(14L << 30) >= windowSetL256);
        assertTrue(windowSetL256 > 1L << 28, "the set the former fixed cache missed");
        assertEquals(Integer.MAX_VALUE - 8L, RgFlow.maskCacheSites(1L << 40));
    }

    /**
     * The same seed on the same data, machine and libraries fits the same network, to the bit: the
     * premise of {@code check-record --mode rerun}'s "the same seeds on the same CPU reproduce every
     * value". The full tier's passes, so the choice of the kept weights by validation loss is
     * reproduced too.
     */
    @Test
    void theSameSeedFitsTheSameNetworkToTheBit() throws Exception {
        TrainingListener quiet = (name, step, seconds, loss) -> {};
        BenchmarkModel.FittedModel first = fit(Tier.FULL, quiet);
        BenchmarkModel.FittedModel second = fit(Tier.FULL, quiet);
        assertEquals(first.trainedSamples(), second.trainedSamples(), "passes made");
        assertEquals(first.trainingNote(), second.trainingNote());
        SplitData test = GeneratedSplit.of("test", 32, P, 2, 321L);
        MapBatch maps = new MapBatch(test.samples(), test.size(), test.maps());
        for (Task task : List.of(Task.SPANNING, Task.MAX_CLUSTER, Task.MAX_CLUSTER_MASK)) {
            assertArrayEquals(
                    first.predict(task, maps), second.predict(task, maps), task.id() + ", two fits of seed 3");
        }
    }

    /**
     * Fits rg-flow on 24 maps at L = 8 and 24 at L = 16 (one batch per size per pass), with 6
     * validation maps at each size.
     */
    private static BenchmarkModel.FittedModel fit(Tier tier, TrainingListener listener) throws InterruptedException {
        TrainingData data = new TrainingData(
                Set.of(Task.SPANNING, Task.MAX_CLUSTER, Task.MAX_CLUSTER_MASK),
                List.of(GeneratedSplit.of("train", 8, P, 8, 81L), GeneratedSplit.of("train", 16, P, 8, 161L)),
                List.of(GeneratedSplit.of("val", 8, P, 2, 82L), GeneratedSplit.of("val", 16, P, 2, 162L)));
        return new RgFlow().fit(data, new FitOptions(3L, BUDGET, listener, tier));
    }
}
