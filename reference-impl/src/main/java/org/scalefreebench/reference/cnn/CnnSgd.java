package org.scalefreebench.reference.cnn;

import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nesterovs;

/** {@code cnn-sgd}: the study's "CNN+SGD", the reference residual CNN trained by SGD with Nesterov momentum. */
public final class CnnSgd extends ResidualCnnModel {

    /** Learning rate. */
    public static final double LEARNING_RATE = 0.01;
    /** Momentum. */
    public static final double MOMENTUM = 0.9;

    @Override
    public String id() {
        return "cnn-sgd";
    }

    @Override
    public String description() {
        return "residual CNN (global pooling, any L), SGD + Nesterov momentum " + MOMENTUM + ", lr " + LEARNING_RATE
                + ", batch " + BATCH + ", " + PASSES + " pass";
    }

    @Override
    protected IUpdater updater() {
        return new Nesterovs(LEARNING_RATE, MOMENTUM);
    }
}
