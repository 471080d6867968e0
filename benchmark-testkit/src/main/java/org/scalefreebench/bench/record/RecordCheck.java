package org.scalefreebench.bench.record;

import java.nio.file.Path;
import java.util.List;
import org.scalefreebench.bench.result.ResultRow;

/**
 * What the {@link RecordChecker} found in one result of record.
 *
 * @param record     the record's folder
 * @param mode       how it was checked
 * @param submission its submission; null if {@code submission.json} could not be read
 * @param rows       its rows, each with its provenance (empty unless the record {@link #passed()})
 * @param problems   every reason it is not accepted; empty if it passed
 * @param notes      what the check could not do but did not hold against the record (a test set
 *                   absent from the data folder, so its predictions were not re-scored)
 */
public record RecordCheck(
        Path record,
        RecordChecker.Mode mode,
        Submission submission,
        List<CheckedRow> rows,
        List<RecordProblem> problems,
        List<String> notes) {

    /** Immutable copies. */
    public RecordCheck {
        rows = List.copyOf(rows);
        problems = List.copyOf(problems);
        notes = List.copyOf(notes);
    }

    /** @return whether the record is accepted */
    public boolean passed() {
        return problems.isEmpty();
    }

    /**
     * A row of a record with its provenance.
     *
     * @param row        the row
     * @param file       its file name under {@code rows/}
     * @param provenance {@link Provenance#RE_SCORED} if its predictions were re-scored to the same
     *                   bits, {@link Provenance#SELF_REPORTED} otherwise
     */
    public record CheckedRow(ResultRow row, String file, Provenance provenance) {}
}
