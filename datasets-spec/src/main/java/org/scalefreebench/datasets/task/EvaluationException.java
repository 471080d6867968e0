package org.scalefreebench.datasets.task;

/**
 * A prediction (or test set) the {@link Evaluator} refuses to score: the message names the task,
 * the test set ({@code <spec id>/<split name>}) and what was expected.
 */
public final class EvaluationException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what was wrong, naming the task, the test set and what was expected
     */
    public EvaluationException(String message) {
        super(message);
    }
}
