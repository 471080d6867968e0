package org.scalefreebench.bench.result;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.scalefreebench.datasets.task.Metric;
import org.scalefreebench.datasets.task.Task;
import org.scalefreebench.datasets.task.TestSet;
import org.scalefreebench.datasets.task.Tier;
import org.scalefreebench.datasets.task.TierPlan;

/**
 * The critical-FK family's headline of a tier: one line per model and, per FK task, its primary
 * metric (RMSE) on each test set in plan order (L = 64 at the trained values of Q, L = 64 at the
 * held-out values, then every value at L = 128 and 256). Beside each central-charge score its gap
 * to the floor {@value DensityGap#FK_FLOOR} ({@link DensityGap}, "Δ floor": negative when the
 * model beats counting); beside each fractal-dimension score the d_f-partner gap where the set
 * holds Q = 2 and Q = 4. Ranked models are sorted by central-charge RMSE on its headline set, then
 * by id, rows of different seed counts apart ({@link SeedGroups}); references are listed apart.
 * Only rows of the current schema and task versions are read.
 */
public final class FkHeadline {

    /** The tasks it shows, in column order. */
    public static final List<Task> TASKS = List.of(Task.CENTRAL_CHARGE, Task.FRACTAL_DIMENSION);

    /** The task whose headline set sorts the ranked models. */
    public static final Task SORT_TASK = Task.CENTRAL_CHARGE;

    private final Tier tier;
    private final List<Headline.Column> columns;
    private final Headline.Column sortColumn;
    private final List<Headline.Line> ranked;
    private final List<Headline.Line> references;
    private final List<ResultRow> rows;
    private final String seedNote;

    private FkHeadline(
            Tier tier,
            List<Headline.Column> columns,
            Headline.Column sortColumn,
            List<Headline.Line> ranked,
            List<Headline.Line> references,
            List<ResultRow> rows,
            String seedNote) {
        this.tier = tier;
        this.seedNote = seedNote;
        this.columns = List.copyOf(columns);
        this.sortColumn = sortColumn;
        this.ranked = List.copyOf(ranked);
        this.references = List.copyOf(references);
        this.rows = List.copyOf(rows);
    }

    /**
     * @param tier a tier
     * @param rows result rows of any tiers, tasks and schemas
     * @return the tier's critical-FK headline (empty if no model has a row of an FK task there)
     */
    public static FkHeadline of(Tier tier, List<ResultRow> rows) {
        List<ResultRow> own = rows.stream()
                .filter(r -> r.schema() == ResultRow.SCHEMA && tier.id().equals(r.tier()) && r.model() != null)
                .filter(r -> TASKS.stream().anyMatch(t -> t.id().equals(r.task()) && t.version() == r.taskVersion()))
                .toList();
        List<Headline.Column> columns = new ArrayList<>();
        for (Task task : TASKS) {
            for (TestSet set : task.plan(tier).testSets()) {
                own.stream()
                        .filter(r -> on(r, task, set))
                        .findFirst()
                        .ifPresent(r -> columns.add(new Headline.Column(task, set, r.size(), true)));
            }
        }
        TierPlan sortPlan = SORT_TASK.plan(tier);
        Headline.Column by = columns.stream()
                .filter(c -> c.task() == SORT_TASK && c.set().equals(sortPlan.headline()))
                .findFirst()
                .orElse(null);
        List<Headline.Line> ranked = new ArrayList<>();
        List<Headline.Line> references = new ArrayList<>();
        for (String model : own.stream().map(ResultRow::model).collect(Collectors.toCollection(TreeSet::new))) {
            List<ResultRow> mine =
                    own.stream().filter(r -> model.equals(r.model())).toList();
            List<Headline.Cell> cells = new ArrayList<>();
            for (Headline.Column c : columns) {
                ResultRow row = mine.stream()
                        .filter(r -> on(r, c.task(), c.set()))
                        .findFirst()
                        .orElse(null);
                String baseline = DensityGap.baselineOf(c.task());
                cells.add(new Headline.Cell(
                        row, row == null || baseline == null ? null : DensityGap.of(row, c.task(), own, baseline)));
            }
            (mine.stream().allMatch(ResultRow::ranked) ? ranked : references).add(new Headline.Line(0, model, cells));
        }
        int at = columns.indexOf(by);
        List<Headline.Line> placed = new ArrayList<>();
        List<SeedGroups.Placed<Headline.Line>> order = SeedGroups.rank(
                ranked, l -> key(l, at), l -> seedCount(l, at), Comparator.comparing(Headline.Line::model));
        for (SeedGroups.Placed<Headline.Line> p : order) {
            boolean unscored = key(p.item(), at) == Double.POSITIVE_INFINITY;
            placed.add(new Headline.Line(
                    unscored ? 0 : p.place(), p.item().model(), p.item().cells(), unscored ? "" : p.mark()));
        }
        return new FkHeadline(tier, columns, by, placed, references, own, SeedGroups.note(order));
    }

    private static double key(Headline.Line l, int at) {
        if (at < 0) {
            return Double.POSITIVE_INFINITY;
        }
        ResultRow r = l.cells().get(at).row();
        return r == null || !r.ok() ? Double.POSITIVE_INFINITY : r.rankKey(SORT_TASK.primaryMetric());
    }

    private static int seedCount(Headline.Line l, int at) {
        if (key(l, at) == Double.POSITIVE_INFINITY) {
            return -1;
        }
        ResultRow r = l.cells().get(at).row();
        return r.seeds() == null ? 0 : r.seeds().size();
    }

    private static boolean on(ResultRow r, Task task, TestSet set) {
        return task.id().equals(r.task())
                && set.specId().equals(r.testSpec())
                && set.split().equals(r.testSplit());
    }

    /** @return the tier */
    public Tier tier() {
        return tier;
    }

    /** @return the columns: per FK task, its test sets in plan order, those some row is on */
    public List<Headline.Column> columns() {
        return columns;
    }

    /** @return the column the ranked models are sorted by; null if no row is on central-charge's headline set */
    public Headline.Column sortColumn() {
        return sortColumn;
    }

    /** @return the ranked models, best (lowest central-charge RMSE on the headline set) first */
    public List<Headline.Line> ranked() {
        return ranked;
    }

    /** @return the references, by id, never ranked */
    public List<Headline.Line> references() {
        return references;
    }

    /** @return the rows it was built from: the tier's FK rows of the current schema and task versions */
    public List<ResultRow> rows() {
        return rows;
    }

    /** @return whether no model has an FK row here */
    public boolean isEmpty() {
        return ranked.isEmpty() && references.isEmpty();
    }

    /** @return the title */
    public String title() {
        return "Critical-FK headline, tier " + tier.id() + ": "
                + TASKS.stream().map(t -> t.id() + " " + t.primaryMetric().id()).collect(Collectors.joining(", "))
                + " per test set, with the gap to the counting floor " + DensityGap.FK_FLOOR;
    }

    /** @return how to read the table, and whether any model beats counting */
    public String caption() {
        return "Mean ± std over seeds of each task's " + Metric.RMSE.id() + " (lower is better). Δ floor: the"
                + " model's central-charge mean minus " + DensityGap.FK_FLOOR + "'s (the Bayes-optimal estimate from"
                + " the sufficient statistic T = clusters + bonds/2) on the same set with the same seeds; negative"
                + " beats counting. partner: the fractal-dimension " + Metric.PARTNER_GAP.id() + ", |mean prediction"
                + " at Q = 2 − at Q = 4| (both have d_f = 15/8; 0 for a true d_f regressor), where the set holds both."
                + " Ranked by " + (sortColumn == null ? "model id" : sortColumn.title() + ", then by model id")
                + "; references apart, never ranked." + seedNote + " " + verdict();
    }

    /**
     * @return one sentence stating, from the rows, whether any model's central-charge RMSE is below
     *         the floor's on the headline set
     */
    public String verdict() {
        if (sortColumn == null) {
            return "No central-charge row on its headline set, so no comparison with " + DensityGap.FK_FLOOR + ".";
        }
        int at = columns.indexOf(sortColumn);
        List<String> below = new ArrayList<>();
        String best = null;
        double bestGap = Double.POSITIVE_INFINITY;
        for (Headline.Line l : ranked) {
            DensityGap gap = l.cells().get(at).gap();
            if (DensityGap.FK_FLOOR.equals(l.model()) || gap == null || !gap.present()) {
                continue;
            }
            if (gap.value() < 0) {
                below.add(l.model() + String.format(Locale.ROOT, " (%+.4f)", gap.value()));
            }
            if (gap.value() < bestGap) {
                bestGap = gap.value();
                best = l.model();
            }
        }
        String where = " on " + sortColumn.set().role().label(sortColumn.size());
        if (best == null) {
            return "No model has a Δ floor" + where + ", so none is compared with counting.";
        }
        if (below.isEmpty()) {
            return String.format(
                    Locale.ROOT,
                    "No model beats counting%s: the closest, %s, is %+.4f above %s.",
                    where,
                    best,
                    bestGap,
                    DensityGap.FK_FLOOR);
        }
        return "Beats counting" + where + " (central-charge RMSE below " + DensityGap.FK_FLOOR + "'s): "
                + String.join(", ", below) + ".";
    }

    /** @return the table as text: column titles, the cells of each line and the notes they cite */
    public Headline.Cells cells() {
        List<String> titles = new ArrayList<>(List.of("rank", "model"));
        columns.forEach(c -> titles.add(columnTitle(c)));
        Footnotes notes = new Footnotes();
        return new Headline.Cells(titles, texts(ranked, false, notes), texts(references, true, notes), notes.lines());
    }

    /** @return the title, caption, table and notes as Markdown, from a level-2 heading */
    public String markdown() {
        Headline.Cells cells = cells();
        StringBuilder b = new StringBuilder();
        b.append("## ").append(Markdown.escape(title())).append("\n\n");
        b.append(Markdown.escape(caption())).append("\n\n");
        if (!cells.ranked().isEmpty()) {
            Markdown.table(b, cells.columns(), cells.ranked());
        }
        if (!cells.references().isEmpty()) {
            b.append("Reference, not ranked:\n\n");
            Markdown.table(b, cells.columns(), cells.references());
        }
        Markdown.notes(b, cells.notes());
        return b.toString();
    }

    /**
     * @param c a column
     * @return e.g. "central-charge rmse, Δ floor, L = 64, held-out Q"
     */
    static String columnTitle(Headline.Column c) {
        String extra = DensityGap.baselineOf(c.task()) != null
                ? ", Δ floor"
                : c.task().metrics().contains(Metric.PARTNER_GAP) ? ", partner" : "";
        return c.task().id() + " " + c.task().primaryMetric().id() + extra + ", "
                + c.set().role().label(c.size());
    }

    private List<List<String>> texts(List<Headline.Line> lines, boolean reference, Footnotes notes) {
        List<List<String>> out = new ArrayList<>();
        for (Headline.Line l : lines) {
            String place = reference ? "ref." : l.rank() > 0 ? l.rank() + l.seedMark() : Stat.NONE;
            List<String> row = new ArrayList<>(List.of(place, l.model()));
            for (int i = 0; i < columns.size(); i++) {
                row.add(text(l.cells().get(i), columns.get(i), notes));
            }
            out.add(row);
        }
        return out;
    }

    /**
     * @return "–" with no row, "failed" for a failed row, else the RMSE with, for central-charge, its
     *         Δ floor and, for fractal-dimension, the partner gap when the row has one
     */
    static String text(Headline.Cell cell, Headline.Column column, Footnotes notes) {
        ResultRow row = cell.row();
        if (row == null) {
            return Stat.NONE;
        }
        if (!row.ok()) {
            return ResultRow.FAILED;
        }
        Stat s = row.metrics() == null
                ? null
                : row.metrics().get(column.task().primaryMetric().id());
        StringBuilder t = new StringBuilder(Stat.text(s));
        if (cell.gap() != null) {
            t.append(", Δ ").append(cell.gap().text(notes));
        }
        Stat partner = row.metrics() == null ? null : row.metrics().get(Metric.PARTNER_GAP.id());
        if (partner != null && Double.isFinite(partner.mean())) {
            t.append(String.format(Locale.ROOT, ", partner %.4f", partner.mean()));
        }
        return t.toString();
    }
}
