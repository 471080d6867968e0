package org.scalefreebench.reference.cnn;

import java.util.EnumSet;
import java.util.Set;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.scalefreebench.datasets.task.Tier;
import org.scalefreebench.reference.nn.GraphTrainer;

/** {@code cnn-adam}: the reference residual CNN, same architecture and initialisation as {@code cnn-sgd}, trained by Adam. */
public class CnnAdam extends ResidualCnnModel {

    /** Learning rate. */
    public static final double LEARNING_RATE = 1e-3;

    @Override
    public String id() {
        return "cnn-adam";
    }

    /**
     * @return the study and full tiers, not the default: Adam is a trainer comparison beside the two
     *         reference trainers (SGD and ANaGRAM), and the default tier's budget holds those two
     */
    @Override
    public Set<Tier> tiers() {
        Set<Tier> tiers = EnumSet.copyOf(super.tiers());
        tiers.remove(Tier.DEFAULT);
        return tiers;
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
