package org.scalefreebench.datasets.model;

import java.time.Duration;
import java.util.Objects;
import org.scalefreebench.datasets.task.Tier;

/**
 * How the harness asks a model to fit.
 *
 * @param seed     the seed every random draw of the fit (init, shuffling, dropout) derives from
 * @param budget   wall-clock limit of the fit; the harness fails a model that exceeds it, so a
 *                 model that can trade time for quality should stop before it
 * @param listener receives the loss curve
 * @param tier     the tier being run; a model that trains for a number of passes makes
 *                 {@link Tier#passScale()} times its default-tier passes
 */
public record FitOptions(long seed, Duration budget, TrainingListener listener, Tier tier) {

    /** The tier is required. */
    public FitOptions {
        Objects.requireNonNull(tier, "tier");
    }

    /**
     * Options of a default-tier fit.
     *
     * @param seed     the seed
     * @param budget   the wall-clock limit
     * @param listener the loss listener
     */
    public FitOptions(long seed, Duration budget, TrainingListener listener) {
        this(seed, budget, listener, Tier.DEFAULT);
    }
}
