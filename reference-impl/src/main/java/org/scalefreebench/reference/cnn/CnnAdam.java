package org.scalefreebench.reference.cnn;

import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;

/** {@code cnn-adam}: the reference residual CNN, same architecture and initialisation as {@code cnn-sgd}, trained by Adam. */
public final class CnnAdam extends ResidualCnnModel {

    /** Learning rate. */
    public static final double LEARNING_RATE = 1e-3;

    @Override
    public String id() {
        return "cnn-adam";
    }

    @Override
    public String description() {
        return "residual CNN (global pooling, any L), same architecture and init as cnn-sgd, Adam lr " + LEARNING_RATE
                + ", batch " + BATCH + ", " + PASSES + " pass";
    }

    @Override
    protected IUpdater updater() {
        return new Adam(LEARNING_RATE);
    }
}
