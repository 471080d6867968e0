package org.scalefreebench.reference.cnn;

import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.scalefreebench.reference.nn.GraphTrainer;

/** {@code cnn-sgd}: the study's "CNN+SGD", the reference residual CNN trained by SGD with Nesterov momentum. */
public class CnnSgd extends ResidualCnnModel {

    /** Learning rate. */
    public static final double LEARNING_RATE = 0.01;
    /**
     * Learning rate of the critical-FK regression networks: at {@link #LEARNING_RATE} the squared error
     * of the standardised target diverged within 15 steps (seed 1, central-charge).
     */
    public static final double FK_LEARNING_RATE = 1e-3;
    /** Momentum. */
    public static final double MOMENTUM = 0.9;

    @Override
    public String id() {
        return "cnn-sgd";
    }

    /** @return true, except for the equal-time variant, which compares trainers on percolation only */
    @Override
    protected boolean fitsCriticalFk() {
        return schedule().timeLimit() == null;
    }

    @Override
    protected String optimiser() {
        return "SGD + Nesterov momentum " + MOMENTUM + ", lr " + LEARNING_RATE + " (" + FK_LEARNING_RATE
                + " on critical-FK)";
    }

    @Override
    protected IUpdater updater() {
        return new Nesterovs(LEARNING_RATE, MOMENTUM);
    }

    @Override
    protected IUpdater criticalFkUpdater() {
        return new Nesterovs(FK_LEARNING_RATE, MOMENTUM);
    }

    /** {@code cnn-sgd-45s}: {@code cnn-sgd} trained for {@link #EQUAL_TIME} of wall-clock time. */
    public static final class EqualTime extends CnnSgd {

        @Override
        public String id() {
            return "cnn-sgd-" + EQUAL_TIME.toSeconds() + "s";
        }

        @Override
        protected GraphTrainer.Schedule schedule() {
            return equalTime(BATCH);
        }
    }
}
