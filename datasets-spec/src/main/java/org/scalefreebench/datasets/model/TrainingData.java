package org.scalefreebench.datasets.model;

import java.util.List;
import java.util.Set;
import org.scalefreebench.datasets.load.SplitData;
import org.scalefreebench.datasets.task.Task;

/**
 * What a model is fitted on: the tasks to learn (those of its tasks the run asks for) and the
 * checksum-verified train and validation splits with all their labels, one pair per training spec
 * of the tier's plan. Most plans train at one size; a multi-size plan (the RG family's L = 8 … 64)
 * gives several, and {@link #train()} is then the largest, the training size its headline is
 * scored at. A model that trains at one size uses {@link #train()} and says so in its description.
 *
 * @param tasks       the tasks the fitted model will be asked to predict
 * @param trainSplits the training splits, one per training spec, smallest L first
 * @param valSplits   the validation splits (for early stopping or model selection; never a test
 *                    split), in the same order
 */
public record TrainingData(Set<Task> tasks, List<SplitData> trainSplits, List<SplitData> valSplits) {

    /** Immutable copies; at least one training spec, as many validation splits, sizes strictly increasing. */
    public TrainingData {
        tasks = Set.copyOf(tasks);
        trainSplits = List.copyOf(trainSplits);
        valSplits = List.copyOf(valSplits);
        if (trainSplits.isEmpty() || trainSplits.size() != valSplits.size()) {
            throw new IllegalArgumentException("training data needs one validation split per training split, got "
                    + trainSplits.size() + " and " + valSplits.size());
        }
        for (int i = 1; i < trainSplits.size(); i++) {
            if (trainSplits.get(i).size() <= trainSplits.get(i - 1).size()) {
                throw new IllegalArgumentException("training splits must be ordered by increasing L, got "
                        + trainSplits.stream().map(t -> t.spec().id()).toList());
            }
        }
    }

    /**
     * Training data of one size.
     *
     * @param tasks the tasks
     * @param train the training split
     * @param val   the validation split
     */
    public TrainingData(Set<Task> tasks, SplitData train, SplitData val) {
        this(tasks, List.of(train), List.of(val));
    }

    /** @return the training split at the largest L (the only one in a one-size plan) */
    public SplitData train() {
        return trainSplits.get(trainSplits.size() - 1);
    }

    /** @return the validation split at the largest L */
    public SplitData val() {
        return valSplits.get(valSplits.size() - 1);
    }

    /**
     * Refuses training data whose maps have a channel count the model cannot read.
     *
     * @param model    the model's id
     * @param expected the channels it reads
     * @throws IllegalArgumentException naming the model and both counts if they differ
     */
    public void requireChannels(String model, int expected) {
        for (SplitData t : trainSplits) {
            MapBatch.requireChannels(model, expected, t.channels());
        }
    }

    /**
     * Refuses training data of another family than the one a model was built for.
     *
     * @param model  the model's id
     * @param family the family id it reads
     * @throws IllegalArgumentException naming the model and both families if a training split is of another
     */
    public void requireFamily(String model, String family) {
        for (SplitData t : trainSplits) {
            if (!t.family().id().equals(family)) {
                throw new IllegalArgumentException("model " + model + " reads " + family + " maps, got "
                        + t.family().id() + " (" + t.spec().id() + ")");
            }
        }
    }
}
