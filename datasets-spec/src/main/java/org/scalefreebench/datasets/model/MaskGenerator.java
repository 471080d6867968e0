package org.scalefreebench.datasets.model;

import java.util.EnumSet;
import java.util.Set;
import org.scalefreebench.datasets.task.Tier;

/**
 * The generator interface, beside {@link BenchmarkModel}: a model that draws largest-cluster maps
 * instead of predicting labels. Plain arrays out, no deep-learning framework in sight. Found with
 * {@link java.util.ServiceLoader}: list the class in
 * {@code META-INF/services/org.scalefreebench.datasets.model.MaskGenerator}. An implementation
 * needs a public no-argument constructor and holds no training state itself: {@link #fit} returns
 * the fitted generator.
 */
public interface MaskGenerator {

    /** @return the public id, lower-case letters, digits and dashes, e.g. {@code rg-generator} */
    String id();

    /** @return one line for people: what it draws and how */
    String description();

    /** @return the tiers it runs in: by default smoke, default and full */
    default Set<Tier> tiers() {
        return EnumSet.of(Tier.SMOKE, Tier.DEFAULT, Tier.FULL);
    }

    /** @return false for a reference shown apart and never ranked (the exact sampler) */
    default boolean ranked() {
        return true;
    }

    /**
     * Fits the generator on exact largest-cluster masks (the {@code max_cluster_mask} column of the
     * training splits). The same data and seed must give the same fitted generator. A rule with
     * nothing to learn may ignore the data.
     *
     * @param data    the training and validation splits, smallest L first
     * @param options seed, time budget and loss listener
     * @return the fitted generator
     * @throws Exception if fitting fails; the harness records it as a failed row
     */
    FittedGenerator fit(TrainingData data, FitOptions options) throws Exception;

    /** A fitted generator: draws masks at any size it supports. */
    interface FittedGenerator {

        /** @return the number of trained parameters (0 for a rule) */
        long parameterCount();

        /** @return how training went, in one line for the result rows, or null */
        default String trainingNote() {
            return null;
        }

        /**
         * Draws n largest-cluster masks of L × L sites.
         *
         * @param n    how many
         * @param size L
         * @param seed the seed every draw derives from: the same seed gives the same bytes
         * @return n·L·L values 0 or 1, row-major [n, L, L]
         * @throws IllegalArgumentException if the generator cannot draw at this size (a pyramid model
         *                                  refuses an L that is not a power of two), naming it
         * @throws Exception                if drawing fails; the harness records it as a failed row
         */
        byte[] generate(int n, int size, long seed) throws Exception;

        /**
         * The exact negative log-likelihood of given masks, for generators that have one.
         *
         * @param masks n·L·L values 0 or 1, row-major [n, L, L]
         * @param n     how many masks
         * @param size  L
         * @return −ln P(mask) in nats, one per mask, or null if the generator has no likelihood
         * @throws Exception if the computation fails
         */
        default double[] negativeLogLikelihood(byte[] masks, int n, int size) throws Exception {
            return null;
        }
    }
}
