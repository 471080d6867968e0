package org.scalefreebench.datasets.model;

import java.time.Duration;

/**
 * How the harness asks a model to fit.
 *
 * @param seed     the seed every random draw of the fit (init, shuffling, dropout) derives from
 * @param budget   wall-clock limit of the fit; the harness fails a model that exceeds it, so a
 *                 model that can trade time for quality should stop before it
 * @param listener receives the loss curve
 */
public record FitOptions(long seed, Duration budget, TrainingListener listener) {}
