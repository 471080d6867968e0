package org.scalefreebench.bench.record;

import java.io.IOException;

/** A result of record that cannot be read as one, naming the record and the field. */
public final class InvalidRecordException extends IOException {

    private static final long serialVersionUID = 1L;

    /** The problem, as {@link #getMessage()} states it. */
    private final transient RecordProblem problem;

    /** @param problem the record, the field and what is wrong */
    public InvalidRecordException(RecordProblem problem) {
        super(problem.toString());
        this.problem = problem;
    }

    /** @return the record, the field and what is wrong */
    public RecordProblem problem() {
        return problem;
    }
}
