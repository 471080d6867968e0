package org.scalefreebench.reference.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.scalefreebench.datasets.load.SplitData;
import org.scalefreebench.datasets.model.FitOptions;
import org.scalefreebench.reference.baseline.GeneratedSplit;
import org.scalefreebench.reference.cnn.CnnSgd;
import org.scalefreebench.reference.cnn.ResidualCnnModel;

/**
 * Early stopping on the validation split: a fit of several passes whose later passes make the
 * network worse ends with the weights of its best pass, and says so; it stops once
 * {@link EarlyStop#PATIENCE} passes in a row have not lowered the validation loss; a fit of one
 * pass is never compared.
 */
class GraphTrainerTest {

    private static final SplitData TRAIN = GeneratedSplit.of("train", 16, List.of("0.55", "0.6", "0.65"), 16, 11);
    private static final SplitData VAL = GeneratedSplit.of("val", 16, List.of("0.55", "0.6", "0.65"), 8, 12);
    private static final int BATCH = 16;

    /** DL4J's step during the first pass, then a step that spoils every weight. */
    private static GraphTrainer.StepRule learnThenSpoil() {
        int perPass = TRAIN.samples() / BATCH;
        int[] steps = {0};
        return (net, batch) -> {
            if (steps[0]++ < perPass) {
                return GraphTrainer.UPDATER.step(net, batch);
            }
            net.params().addi(0.5);
            return net.score(batch, false);
        };
    }

    private static List<Double> fit(ComputationGraph net, double passes, List<String> note) throws Exception {
        return fit(net, passes, note, new ArrayList<>());
    }

    private static List<Double> fit(ComputationGraph net, double passes, List<String> note, List<Long> samples)
            throws Exception {
        List<Double> val = new ArrayList<>();
        GraphTrainer.Trained trained = GraphTrainer.train(
                net,
                TRAIN,
                VAL,
                ResidualCnnModel::labels,
                new GraphTrainer.Schedule(BATCH, passes),
                learnThenSpoil(),
                new FitOptions(5, Duration.ofMinutes(10), (series, step, seconds, loss) -> {
                    if (series.equals("val")) {
                        val.add(loss);
                    }
                }));
        note.add(trained.note());
        samples.add(trained.samples());
        return val;
    }

    @Test
    void aFitOfSeveralPassesEndsWithTheWeightsOfItsLowestValidationLoss() throws Exception {
        ComputationGraph net = new CnnSgd().network(5, 16);
        List<String> note = new ArrayList<>();
        List<Double> val = fit(net, 3, note);
        assertEquals(3, val.size(), "after passes 1 and 2, and at the end: " + val);
        assertTrue(val.get(1) > val.get(0), "the spoiling step makes pass 2 worse: " + val);
        assertEquals(val.get(0), val.get(2), 1e-9 * Math.abs(val.get(0)), "the kept weights are pass 1's: " + val);
        assertNotNull(note.get(0));
        assertTrue(note.get(0).contains("the weights of pass 1 kept"), note.get(0));
    }

    @Test
    void aFitStopsOnceThePatienceInPassesHasNotLoweredTheValidationLoss() throws Exception {
        ComputationGraph net = new CnnSgd().network(5, 16);
        List<String> note = new ArrayList<>();
        List<Long> samples = new ArrayList<>();
        List<Double> val = fit(net, 10, note, samples);
        int stop = 1 + EarlyStop.PATIENCE;
        assertEquals(stop + 1, val.size(), "after passes 1.." + stop + ", and at the end: " + val);
        for (int pass = 2; pass <= stop; pass++) {
            assertTrue(val.get(pass - 1) >= val.get(0), "pass " + pass + " is no better than pass 1: " + val);
        }
        assertEquals(
                (long) stop * (TRAIN.samples() / BATCH) * BATCH, samples.get(0), "training ended after pass " + stop);
        assertEquals(val.get(0), val.get(stop), 1e-9 * Math.abs(val.get(0)), "the kept weights are pass 1's: " + val);
        assertTrue(
                note.get(0)
                        .contains("stopped after pass " + stop
                                + " of 10: the validation loss had not fallen below pass 1's"),
                note.get(0));
        assertTrue(note.get(0).contains("the weights of pass 1 kept"), note.get(0));
    }

    @Test
    void aFitOfOnePassEndsWithItsLastWeights() throws Exception {
        ComputationGraph once = new CnnSgd().network(5, 16);
        List<String> note = new ArrayList<>();
        List<Double> val = fit(once, 1, note);
        assertEquals(1, val.size(), "one pass: only the end is measured: " + val);
        assertNull(note.get(0), "nothing compared, nothing to say");
    }
}
