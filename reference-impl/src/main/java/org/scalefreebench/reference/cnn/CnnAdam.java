package org.scalefreebench.reference.cnn;

import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.scalefreebench.reference.nn.GraphTrainer;

/** {@code cnn-adam}: the reference residual CNN, same architecture and initialisation as {@code cnn-sgd}, trained by Adam. */
public class CnnAdam extends ResidualCnnModel {

    /** Learning rate. */
    public static final double LEARNING_RATE = 1e-3;

    @Override
    public String id() {
        return "cnn-adam";
    }

    @Override
    protected String optimiser() {
        return "Adam lr " + LEARNING_RATE;
    }

    @Override
    protected IUpdater updater() {
        return new Adam(LEARNING_RATE);
    }

    /** {@code cnn-adam-45s}: {@code cnn-adam} trained for {@link #EQUAL_TIME} of wall-clock time. */
    public static final class EqualTime extends CnnAdam {

        @Override
        public String id() {
            return "cnn-adam-" + EQUAL_TIME.toSeconds() + "s";
        }

        @Override
        protected GraphTrainer.Schedule schedule() {
            return equalTime(BATCH);
        }
    }
}
