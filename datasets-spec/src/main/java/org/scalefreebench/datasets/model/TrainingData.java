package org.scalefreebench.datasets.model;

import java.util.Set;
import org.scalefreebench.datasets.load.SplitData;
import org.scalefreebench.datasets.task.Task;

/**
 * What a model is fitted on: the tasks to learn (those of its tasks the run asks for) and the
 * checksum-verified train and validation splits with all their labels.
 *
 * @param tasks the tasks the fitted model will be asked to predict
 * @param train the training split
 * @param val   the validation split (for early stopping or model selection; never the test split)
 */
public record TrainingData(Set<Task> tasks, SplitData train, SplitData val) {

    /** Immutable copy of the task set. */
    public TrainingData {
        tasks = Set.copyOf(tasks);
    }

    /**
     * Refuses training data whose maps have a channel count the model cannot read.
     *
     * @param model    the model's id
     * @param expected the channels it reads
     * @throws IllegalArgumentException naming the model and both counts if they differ
     */
    public void requireChannels(String model, int expected) {
        MapBatch.requireChannels(model, expected, train.channels());
    }
}
