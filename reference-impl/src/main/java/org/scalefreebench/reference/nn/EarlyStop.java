package org.scalefreebench.reference.nn;

import java.util.function.Consumer;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;

/**
 * Early stopping on the validation split, for a training loop that makes whole passes: it keeps a
 * copy of the weights of the lowest validation loss at a pass's end, says when {@value #PATIENCE}
 * passes in a row have not lowered it, and at the end of training puts those weights back if they
 * beat the last ones. A loop that never calls {@link #afterPass} (one pass or less) is never
 * compared and keeps its last weights.
 *
 * @param <W> a copy of a network's weights
 */
public final class EarlyStop<W> {

    /** Passes in a row without a lower validation loss after which training stops. */
    public static final int PATIENCE = 3;

    private final Supplier<W> copy;
    private final Consumer<W> restore;
    private final Consumer<W> free;
    private W best;
    private int bestPass;
    private double bestLoss;
    private Double lossAtStop;
    private boolean restored;

    /**
     * @param copy    copies the network's weights as they are now
     * @param restore puts a copy back into the network
     * @param free    frees a copy no longer needed
     */
    public EarlyStop(Supplier<W> copy, Consumer<W> restore, Consumer<W> free) {
        this.copy = copy;
        this.restore = restore;
        this.free = free;
    }

    /**
     * Records the validation loss at the end of a pass that is not the last.
     *
     * @param pass   the pass just ended, from 1
     * @param loss   the validation loss of the weights after it
     * @param passes the passes the schedule makes, for the note
     * @return why training stops now, or null to go on
     */
    public String afterPass(int pass, double loss, double passes) {
        if (best == null || loss < bestLoss) {
            if (best != null) {
                free.accept(best);
            }
            best = copy.get();
            bestPass = pass;
            bestLoss = loss;
            return null;
        }
        if (pass - bestPass < PATIENCE) {
            return null;
        }
        lossAtStop = loss;
        return String.format(
                "stopped after pass %d of %s: the validation loss had not fallen below pass %d's for %d passes",
                pass, passesOf(passes), bestPass, PATIENCE);
    }

    /**
     * Ends training: puts the weights of the lowest validation loss back if they beat the last ones.
     *
     * @param lastLoss measures the last weights' validation loss; not called when the stop has just
     *                 measured it
     * @param steps    optimiser steps made
     * @param perPass  optimiser steps in one pass
     * @return the training note's sentence saying which weights were kept, or null if no pass was
     *         compared
     */
    public String finish(DoubleSupplier lastLoss, long steps, int perPass) {
        if (best == null) {
            return null;
        }
        double last = lossAtStop != null ? lossAtStop : lastLoss.getAsDouble();
        String passes = String.format("%.2f", steps / (double) perPass);
        try {
            if (bestLoss < last) {
                restore.accept(best);
                restored = true;
                return String.format(
                        "validation loss lowest after pass %d (%.4f; %.4f after the last, %s passes): the weights of pass %d kept",
                        bestPass, bestLoss, last, passes, bestPass);
            }
            return String.format(
                    "validation loss lowest after the last pass (%.4f, %s passes; %.4f at best before): the last weights kept",
                    last, passes, bestLoss);
        } finally {
            free.accept(best);
            best = null;
        }
    }

    /** @return whether {@link #finish} put an earlier pass's weights back */
    public boolean restored() {
        return restored;
    }

    private static String passesOf(double passes) {
        return passes == Math.rint(passes) ? String.valueOf((long) passes) : String.format("%.2f", passes);
    }
}
