package org.scalefreebench.bench.result;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.scalefreebench.datasets.task.Task;

/**
 * How far a row's primary metric is above a baseline's: by default {@value #BASELINE}'s, the model
 * that sees only the occupied fraction; for a task of another family its own floor ({@link
 * #baselineOf(Task)}, e.g. {@value #FK_FLOOR} for central-charge). The gap is the row's mean minus
 * the baseline's on the same tier, task version, test set and seeds. Where the baseline has no
 * comparable row there is no gap, only the reason.
 *
 * @param value   the row's mean minus the baseline's; NaN when there is no gap
 * @param missing why there is no gap; null when there is one
 */
public record DensityGap(double value, String missing) {

    /** The model every gap, chart and headline is read against: it sees the occupied fraction only. */
    public static final String BASELINE = "density-baseline";

    /**
     * The floor of central-charge: the Bayes-optimal estimate from the sufficient statistic T =
     * clusters + bonds/2 of the FK law, as density is for spanning.
     */
    public static final String FK_FLOOR = "fk-count-baseline";

    /**
     * @param task a task
     * @return the model its gaps are read against: {@value #FK_FLOOR} for central-charge, {@value
     *         #BASELINE} for the predictive site-percolation tasks; null for a task without one
     *         (generation, fractal-dimension, whose input has no counting shortcut)
     */
    public static String baselineOf(Task task) {
        if (task == Task.CENTRAL_CHARGE) {
            return FK_FLOOR;
        }
        return task.kind() != Task.Kind.GENERATION && Headline.FAMILY.equals(task.family()) ? BASELINE : null;
    }

    /**
     * @param row  a row
     * @param task the row's task (its primary metric is compared)
     * @param rows the rows to look for the baseline's in (any tiers, tasks and sets)
     * @return the gap, or why there is none
     */
    public static DensityGap of(ResultRow row, Task task, List<ResultRow> rows) {
        return of(row, task, rows, BASELINE);
    }

    /**
     * @param row      a row
     * @param task     the row's task (its primary metric is compared)
     * @param rows     the rows to look for the baseline's in (any tiers, tasks and sets)
     * @param baseline the baseline's model id, e.g. {@link #baselineOf(Task)}
     * @return the gap to that baseline, or why there is none
     */
    public static DensityGap of(ResultRow row, Task task, List<ResultRow> rows, String baseline) {
        String metric = task.primaryMetric().id();
        String where = row.testSpec() + "/" + row.testSplit();
        if (!row.ok()) {
            return none(row.model() + " failed on " + where);
        }
        ResultRow base = rows.stream()
                .filter(r -> isBaseline(r, row, baseline) && Objects.equals(r.testSpec(), row.testSpec()))
                .filter(r -> Objects.equals(r.testSplit(), row.testSplit()))
                .findFirst()
                .orElse(null);
        if (base == null) {
            return rows.stream().anyMatch(r -> isBaseline(r, row, baseline))
                    ? none(baseline + " has no row on " + where)
                    : none(baseline + " has no " + task.id()
                            + (row.taskVersion() == task.version() ? "" : " v" + row.taskVersion()) + " row in tier "
                            + row.tier());
        }
        if (!base.ok()) {
            return none(baseline + " failed on " + where);
        }
        Stat mine = row.metrics() == null ? null : row.metrics().get(metric);
        Stat theirs = base.metrics() == null ? null : base.metrics().get(metric);
        if (mine == null || Double.isNaN(mine.mean())) {
            return none(row.model() + " has no " + metric + " on " + where);
        }
        if (theirs == null || Double.isNaN(theirs.mean())) {
            return none(baseline + " has no " + metric + " on " + where);
        }
        if (!Objects.equals(row.seeds(), base.seeds())) {
            return none("different seeds: " + row.model() + " ran " + seeds(row) + ", " + baseline + " " + seeds(base));
        }
        return new DensityGap(mine.mean() - theirs.mean(), null);
    }

    /** @return whether there is a gap */
    public boolean present() {
        return missing == null;
    }

    /**
     * @param notes the notes of the table the cell is in
     * @return the gap with its sign and 4 decimals, e.g. {@code +0.1010}; when there is none, the
     *         mark of the note saying why, e.g. {@code (1)}
     */
    public String text(Footnotes notes) {
        return present() ? String.format(Locale.ROOT, "%+.4f", value) : notes.mark(missing);
    }

    private static DensityGap none(String why) {
        return new DensityGap(Double.NaN, why);
    }

    /** Whether r is a row of the baseline of the same tier, task and task version as row. */
    private static boolean isBaseline(ResultRow r, ResultRow row, String baseline) {
        return baseline.equals(r.model())
                && Objects.equals(r.tier(), row.tier())
                && Objects.equals(r.task(), row.task())
                && r.taskVersion() == row.taskVersion();
    }

    private static String seeds(ResultRow r) {
        return r.seeds() == null
                ? "no seeds"
                : String.join(", ", r.seeds().stream().map(String::valueOf).toList());
    }
}
