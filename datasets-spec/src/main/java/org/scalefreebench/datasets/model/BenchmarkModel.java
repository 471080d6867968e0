package org.scalefreebench.datasets.model;

import java.util.EnumSet;
import java.util.Set;
import org.scalefreebench.datasets.task.Task;
import org.scalefreebench.datasets.task.Tier;

/**
 * The model interface every benchmarked model implements: plain arrays in, plain arrays out, no
 * deep-learning framework in sight. Implementations are found with {@link java.util.ServiceLoader}:
 * list the class in {@code META-INF/services/org.scalefreebench.datasets.model.BenchmarkModel}. An
 * implementation needs a public no-argument constructor and holds no training state itself:
 * {@link #fit} returns the fitted model.
 */
public interface BenchmarkModel {

    /** @return the public id, lower-case letters, digits and dashes, e.g. {@code cnn-sgd} */
    String id();

    /** @return one line for people: architecture, optimiser, what it shows */
    String description();

    /** @return the tasks it can be fitted for */
    Set<Task> tasks();

    /**
     * @return the tiers it runs in: by default smoke, default and full; a study-only variant (the
     *         equal-time trainers) returns smoke and study, a baseline every tier
     */
    default Set<Tier> tiers() {
        return EnumSet.of(Tier.SMOKE, Tier.DEFAULT, Tier.FULL);
    }

    /**
     * @return false for a reference that is shown on the leaderboard apart and never ranked (the
     *         exact labeller, an upper bound)
     */
    default boolean ranked() {
        return true;
    }

    /**
     * Fits the model. The same data, tasks and seed must give the same fitted model.
     *
     * @param data    train and validation data, and the tasks to learn
     * @param options seed, time budget and loss listener
     * @return the fitted model
     * @throws Exception if fitting fails; the harness records it as a failed row
     */
    FittedModel fit(TrainingData data, FitOptions options) throws Exception;

    /** A fitted model: predicts its tasks for maps of any size. */
    interface FittedModel {

        /** @return the number of trained parameters (0 for a rule) */
        long parameterCount();

        /** @return training samples seen, maps × passes (0 for a rule); gives the harness samples/s */
        default long trainedSamples() {
            return 0;
        }

        /**
         * @return how training went, in one line for the result rows (e.g. stopped early at a time
         *         limit, or after rejected steps, and why), or null if there is nothing to say
         */
        default String trainingNote() {
            return null;
        }

        /**
         * @param task a task it was fitted for
         * @param maps the maps, with their channel count C; a model that cannot read C planes per map
         *             throws {@link IllegalArgumentException} (see {@link MapBatch#requireChannels})
         * @return {@link Task#predictionLength} values: P(spanning), the largest-cluster fraction,
         *         or P(site in the largest cluster), in the maps' order
         * @throws Exception if prediction fails; the harness records it as a failed row
         */
        float[] predict(Task task, MapBatch maps) throws Exception;
    }
}
