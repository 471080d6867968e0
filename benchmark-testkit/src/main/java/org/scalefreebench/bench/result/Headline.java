package org.scalefreebench.bench.result;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.scalefreebench.datasets.family.Families;
import org.scalefreebench.datasets.task.Task;
import org.scalefreebench.datasets.task.TestSet;
import org.scalefreebench.datasets.task.Tier;
import org.scalefreebench.datasets.task.TierPlan;

/**
 * The first table of a tier's leaderboard: one line per model, and per task the primary metric on
 * each critical set at p = p_c, by L, where the occupation density decides almost nothing; beside
 * each score its gap to {@value DensityGap#BASELINE} ({@link DensityGap}), and after them the
 * same gap on the p-window sets, where density decides most labels. Ranked models are sorted by the
 * spanning primary metric on the spanning headline set ({@link TierPlan#headline()}, the critical
 * set at the training size), then by id; references are listed apart. Only rows of the current
 * schema and task versions are read; a tier without critical sets (smoke) shows its headline set.
 * Generation tasks have their own table, {@link GenerationHeadline}: a generator has no density gap;
 * so do the tasks of other families (critical FK), whose floor is not density.
 */
public final class Headline {

    private final Tier tier;
    private final List<Column> columns;
    private final Column sortColumn;
    private final List<Line> ranked;
    private final List<Line> references;
    private final List<ResultRow> rows;

    private Headline(
            Tier tier,
            List<Column> columns,
            Column sortColumn,
            List<Line> ranked,
            List<Line> references,
            List<ResultRow> rows) {
        this.tier = tier;
        this.rows = List.copyOf(rows);
        this.columns = List.copyOf(columns);
        this.sortColumn = sortColumn;
        this.ranked = List.copyOf(ranked);
        this.references = List.copyOf(references);
    }

    /**
     * @param tier a tier
     * @param rows result rows of any tiers and schemas; those of other tiers, older schemas and
     *             older task versions are left out
     * @return the tier's headline
     */
    public static Headline of(Tier tier, List<ResultRow> rows) {
        List<ResultRow> current = rows.stream()
                .filter(r -> r.schema() == ResultRow.SCHEMA && tier.id().equals(r.tier()) && r.model() != null)
                .filter(Headline::ofCurrentTaskVersion)
                .toList();
        List<Column> columns = columnsOf(tier, current);
        Column by = columns.stream()
                .filter(c -> c.scored() && c.set().equals(c.task().plan(tier).headline()))
                .findFirst()
                .orElse(null);
        List<Line> ranked = new ArrayList<>();
        List<Line> references = new ArrayList<>();
        List<String> predictive = current.stream()
                .filter(r -> predictive(Task.byId(r.task())))
                .map(ResultRow::model)
                .collect(Collectors.toCollection(TreeSet::new))
                .stream()
                .toList();
        for (String model : predictive) {
            List<ResultRow> own =
                    current.stream().filter(r -> model.equals(r.model())).toList();
            List<Cell> cells = new ArrayList<>();
            for (Column c : columns) {
                ResultRow row = own.stream()
                        .filter(r -> on(r, c.task(), c.set()))
                        .findFirst()
                        .orElse(null);
                cells.add(new Cell(row, row == null ? null : DensityGap.of(row, c.task(), current)));
            }
            (own.stream().allMatch(ResultRow::ranked) ? ranked : references).add(new Line(0, model, cells));
        }
        return new Headline(tier, columns, by, placed(ranked, by, columns.indexOf(by)), references, current);
    }

    /** The family whose predictive tasks this table shows; other families have their own tables. */
    public static final String FAMILY = Families.SITE_PERCOLATION.id();

    /**
     * @param task a task
     * @return whether this table shows it: a predictive (not generation) task of {@link #FAMILY}
     */
    static boolean predictive(Task task) {
        return task.kind() != Task.Kind.GENERATION && FAMILY.equals(task.family());
    }

    /**
     * Per task in catalogue order, its critical sets (or its headline set in a tier without any) by L,
     * then per task its other sets by L; only the sets some row is on.
     */
    private static List<Column> columnsOf(Tier tier, List<ResultRow> rows) {
        List<Column> scored = new ArrayList<>();
        List<Column> window = new ArrayList<>();
        for (Task task : Task.values()) {
            if (!predictive(task)) {
                continue;
            }
            TierPlan plan = task.plan(tier);
            List<TestSet> critical = plan.testSets().stream()
                    .filter(t -> t.role() == TestSet.Role.CRITICAL)
                    .toList();
            List<TestSet> headed = critical.isEmpty() ? List.of(plan.headline()) : critical;
            List<Column> own = new ArrayList<>();
            List<Column> rest = new ArrayList<>();
            for (TestSet set : plan.testSets()) {
                boolean isScored = headed.contains(set);
                rows.stream()
                        .filter(r -> on(r, task, set))
                        .findFirst()
                        .ifPresent(r -> (isScored ? own : rest).add(new Column(task, set, r.size(), isScored)));
            }
            own.sort(Comparator.comparingInt(Column::size));
            rest.sort(Comparator.comparingInt(Column::size));
            scored.addAll(own);
            window.addAll(rest);
        }
        scored.addAll(window);
        return scored;
    }

    /**
     * The lines sorted by their score in column {@code at}, then by id, each with its place; lines
     * whose rows there have different seed counts are ranked apart ({@link SeedGroups}), lines
     * without a score last and unplaced.
     */
    private static List<Line> placed(List<Line> lines, Column by, int at) {
        List<Line> placed = new ArrayList<>();
        for (SeedGroups.Placed<Line> p : SeedGroups.rank(
                lines, l -> key(l, by, at), l -> seedCount(l, by, at), Comparator.comparing(Line::model))) {
            boolean unscored = key(p.item(), by, at) == Double.POSITIVE_INFINITY;
            placed.add(new Line(
                    unscored ? 0 : p.place(), p.item().model(), p.item().cells(), unscored ? "" : p.mark()));
        }
        return placed;
    }

    /** The seed count of the line's scored row in column {@code at}; -1 (ranked last) if it has no score. */
    private static int seedCount(Line l, Column by, int at) {
        if (key(l, by, at) == Double.POSITIVE_INFINITY) {
            return -1;
        }
        ResultRow r = l.cells().get(at).row();
        return r.seeds() == null ? 0 : r.seeds().size();
    }

    /**
     * @param sortedKeys sort keys in increasing order, +∞ for a line with nothing to sort by
     * @return each line's place from 1, equal keys sharing the first one's place, 0 for +∞
     */
    static int[] places(double[] sortedKeys) {
        int[] ranks = new int[sortedKeys.length];
        for (int i = 0; i < sortedKeys.length; i++) {
            ranks[i] = sortedKeys[i] == Double.POSITIVE_INFINITY
                    ? 0
                    : i > 0 && sortedKeys[i] == sortedKeys[i - 1] ? ranks[i - 1] : i + 1;
        }
        return ranks;
    }

    /**
     * @return the rows it was built from: the tier's rows of the current schema and task versions,
     *         generation rows included (for {@link GenerationHeadline} and the charts against L)
     */
    public List<ResultRow> rows() {
        return rows;
    }

    /** @return the tier */
    public Tier tier() {
        return tier;
    }

    /** @return the columns: the scored sets (critical, by task then L), then the window sets (Δ only) */
    public List<Column> columns() {
        return columns;
    }

    /** @return the column the ranked models are sorted by; null if no row is on a task's headline set */
    public Column sortColumn() {
        return sortColumn;
    }

    /** @return the ranked models, best first */
    public List<Line> ranked() {
        return ranked;
    }

    /** @return the references (the exact oracle), by id, never ranked */
    public List<Line> references() {
        return references;
    }

    /** @return whether no model has a row here */
    public boolean isEmpty() {
        return ranked.isEmpty() && references.isEmpty();
    }

    /** @return the title: what the table shows, at a glance */
    public String title() {
        boolean atPc = columns.stream().anyMatch(c -> c.scored() && c.set().role() == TestSet.Role.CRITICAL);
        String scores = columns.stream()
                .filter(Column::scored)
                .map(c -> c.task().id() + " " + c.task().primaryMetric().id())
                .distinct()
                .collect(Collectors.joining(", "));
        return "Headline, tier " + tier.id() + ": "
                + (atPc
                        ? "at p = p_c, where density cannot decide"
                        : "no set at p = p_c in this tier, the p window instead")
                + " — " + scores + ", per L"
                + (sortColumn == null ? "" : " (trained at L = " + sortColumn.size() + ")")
                + ", with the gap to " + DensityGap.BASELINE;
    }

    /** @return how to read the table */
    public String caption() {
        return "Mean ± std over seeds of each task's primary metric, and Δ: the model's mean minus "
                + DensityGap.BASELINE + "'s on the same set, given only where " + DensityGap.BASELINE
                + " has an ok row with the same seeds (otherwise a note says why). The Δ density columns give the"
                + " same gap on the p-window sets, where density decides most labels. Ranked by "
                + (sortColumn == null ? "model id" : sortColumn.title() + ", then by model id")
                + "; references apart, never ranked."
                + (ranked.stream().allMatch(l -> l.seedMark().isEmpty())
                        ? ""
                        : " Models whose rows have different seed counts are never ranked as equals: each seed count"
                                + " is ranked on its own, the most common first, the others after it with their seed"
                                + " count beside the place.");
    }

    /** @return the table as text: the column titles, the cells of each line and the notes they cite */
    public Cells cells() {
        List<String> titles = new ArrayList<>(List.of("rank", "model"));
        columns.forEach(c -> titles.add(c.title()));
        Footnotes notes = new Footnotes();
        return new Cells(titles, texts(ranked, false, notes), texts(references, true, notes), notes.lines());
    }

    /** @return the title, caption, table and notes as Markdown, from a level-2 heading */
    public String markdown() {
        Cells cells = cells();
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
     * @param task   a task
     * @param specId a test set's spec
     * @param line   a line of this headline
     * @return the line's cell of that task and set; null if there is no such column
     */
    public Cell cell(Line line, Task task, String specId) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).task() == task && columns.get(i).set().specId().equals(specId)) {
                return line.cells().get(i);
            }
        }
        return null;
    }

    private List<List<String>> texts(List<Line> lines, boolean reference, Footnotes notes) {
        List<List<String>> out = new ArrayList<>();
        for (Line l : lines) {
            String place = reference ? "ref." : l.rank() > 0 ? l.rank() + l.seedMark() : Stat.NONE;
            List<String> row = new ArrayList<>(List.of(place, l.model()));
            for (int i = 0; i < columns.size(); i++) {
                row.add(l.cells().get(i).text(columns.get(i), notes));
            }
            out.add(row);
        }
        return out;
    }

    private static double key(Line l, Column by, int at) {
        if (by == null) {
            return Double.POSITIVE_INFINITY;
        }
        ResultRow r = l.cells().get(at).row();
        return r == null || !r.ok()
                ? Double.POSITIVE_INFINITY
                : r.rankKey(by.task().primaryMetric());
    }

    private static boolean on(ResultRow r, Task task, TestSet set) {
        return task.id().equals(r.task())
                && set.specId().equals(r.testSpec())
                && set.split().equals(r.testSplit());
    }

    private static boolean ofCurrentTaskVersion(ResultRow r) {
        try {
            return r.taskVersion() == Task.byId(r.task()).version();
        } catch (IllegalArgumentException unknownTask) {
            return false;
        }
    }

    /**
     * A column: one task on one test set.
     *
     * @param task   the task
     * @param set    the test set
     * @param size   L of its maps
     * @param scored whether the cells give the score and its gap (a critical set) or the gap only (a window set)
     */
    public record Column(Task task, TestSet set, int size, boolean scored) {

        /** @return e.g. "spanning accuracy, L = 64, p = p_c" or "spanning Δ density, L = 64, p window" */
        public String title() {
            return task.id() + " " + (scored ? task.primaryMetric().id() : "Δ density") + ", "
                    + set.role().label(size);
        }
    }

    /**
     * One model's row in one column.
     *
     * @param row the row; null if the model has none there
     * @param gap its gap to the density baseline; null when there is no row
     */
    public record Cell(ResultRow row, DensityGap gap) {

        /**
         * @param column the cell's column
         * @param notes  the table's notes, where a missing gap's reason goes
         * @return "–" with no row, "failed" for a failed row, else the score and "Δ" gap (the gap only
         *         in a window column)
         */
        public String text(Column column, Footnotes notes) {
            if (row == null) {
                return Stat.NONE;
            }
            if (!row.ok()) {
                return ResultRow.FAILED;
            }
            if (!column.scored()) {
                return gap.text(notes);
            }
            Stat s = row.metrics() == null
                    ? null
                    : row.metrics().get(column.task().primaryMetric().id());
            return Stat.text(s) + ", Δ " + gap.text(notes);
        }
    }

    /**
     * One model's line.
     *
     * @param rank     its place, from 1, equal scores sharing one, among the lines of its seed count
     *                 ({@link SeedGroups}); 0 for a reference or a model without a score to sort by
     * @param model    the model id
     * @param cells    one cell per column
     * @param seedMark "" in the main seed count, else e.g. " (5 seeds)", shown after the place
     */
    public record Line(int rank, String model, List<Cell> cells, String seedMark) {

        /** Immutable copy. */
        public Line {
            cells = List.copyOf(cells);
        }

        /**
         * A line of the main seed count.
         *
         * @param rank  its place
         * @param model the model id
         * @param cells one cell per column
         */
        public Line(int rank, String model, List<Cell> cells) {
            this(rank, model, cells, "");
        }
    }

    /**
     * The table as text, for any page format to escape and lay out.
     *
     * @param columns    the column titles: rank, model, then one per {@link Column}
     * @param ranked     the cells of the ranked lines, best first
     * @param references the cells of the references
     * @param notes      the notes the cells cite, e.g. "(1) different seeds: …"
     */
    public record Cells(
            List<String> columns, List<List<String>> ranked, List<List<String>> references, List<String> notes) {}
}
