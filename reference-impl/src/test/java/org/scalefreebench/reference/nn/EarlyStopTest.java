package org.scalefreebench.reference.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The early-stopping rule on a scripted validation loss: the "network" is one number, the pass that
 * last set it, so which weights were put back can be read off directly, and every copy is freed
 * exactly once.
 */
class EarlyStopTest {

    /** A network of one weight, the copies it handed out and the copies freed. */
    private static final class OneWeight {
        int weight;
        final List<int[]> copies = new ArrayList<>();
        final List<int[]> freed = new ArrayList<>();

        EarlyStop<int[]> early() {
            return new EarlyStop<>(
                    () -> {
                        int[] copy = {weight};
                        copies.add(copy);
                        return copy;
                    },
                    copy -> weight = copy[0],
                    freed::add);
        }
    }

    @Test
    void itStopsOncePatiencePassesHaveNotLoweredTheLossAndPutsTheBestPassBack() {
        OneWeight net = new OneWeight();
        EarlyStop<int[]> early = net.early();
        double[] loss = {3.0, 2.0, 2.5, 2.0, 2.2};
        String stopped = null;
        int pass = 0;
        while (stopped == null) {
            pass++;
            net.weight = pass;
            stopped = early.afterPass(pass, loss[pass - 1], 10);
        }
        assertEquals(2 + EarlyStop.PATIENCE, pass, "pass 2 is the lowest; a tie (pass 4) does not lower it");
        assertEquals(
                "stopped after pass 5 of 10: the validation loss had not fallen below pass 2's for 3 passes", stopped);
        String kept = early.finish(() -> fail("the stop has just measured the last weights"), 50, 10);
        assertEquals(2, net.weight, "pass 2's weight is put back");
        assertTrue(early.restored());
        assertEquals(
                "validation loss lowest after pass 2 (2.0000; 2.2000 after the last, 5.00 passes): the weights of pass 2"
                        + " kept",
                kept);
        assertEquals(net.copies, net.freed, "every copy (passes 1 and 2) freed once, in order");
    }

    @Test
    void aLastPassBelowEveryEarlierOneKeepsTheLastWeights() {
        OneWeight net = new OneWeight();
        EarlyStop<int[]> early = net.early();
        for (int pass = 1; pass <= 3; pass++) {
            net.weight = pass;
            assertNull(early.afterPass(pass, 1.0 / pass, 4), "a falling loss never stops");
        }
        net.weight = 4;
        String kept = early.finish(() -> 0.1, 40, 10);
        assertEquals(4, net.weight);
        assertFalse(early.restored());
        assertEquals(
                "validation loss lowest after the last pass (0.1000, 4.00 passes; 0.3333 at best before): the last"
                        + " weights kept",
                kept);
        assertEquals(net.copies, net.freed);
    }

    @Test
    void aFitThatComparedNoPassSaysNothingAndMeasuresNothing() {
        OneWeight net = new OneWeight();
        EarlyStop<int[]> early = net.early();
        assertNull(early.finish(() -> fail("one pass or less is never compared"), 7, 10));
        assertFalse(early.restored());
        assertTrue(net.copies.isEmpty());
    }
}
