package org.scalefreebench.bench.record;

/**
 * One reason a result of record is not accepted.
 *
 * @param record  the record's folder, as given
 * @param field   what is wrong: a field of {@code submission.json} ({@code seeds}), of a row
 *                ({@code rows/<file>: metrics.ACCURACY}) or a file ({@code predictions/...})
 * @param message what was found and what was expected
 */
public record RecordProblem(String record, String field, String message) {

    @Override
    public String toString() {
        return record + ": " + field + ": " + message;
    }
}
