package org.scalefreebench.datasets.model;

/** Receives a model's loss curve while it trains; the harness draws it into the report. */
public interface TrainingListener {

    /** Discards everything. */
    TrainingListener NONE = (series, step, seconds, loss) -> {};

    /**
     * @param series  the curve, e.g. {@code train} or {@code val}
     * @param step    optimiser steps so far
     * @param seconds training wall-clock seconds so far
     * @param loss    the loss
     */
    void loss(String series, long step, double seconds, double loss);
}
