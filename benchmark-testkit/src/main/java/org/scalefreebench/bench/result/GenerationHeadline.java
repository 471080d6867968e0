package org.scalefreebench.bench.result;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.scalefreebench.datasets.task.Metric;
import org.scalefreebench.datasets.task.Task;
import org.scalefreebench.datasets.task.Tier;

/**
 * The generators' headline of a tier: one line per generator and, per L of the critical sets, its
 * physics score (the worst ratio of a physics distance to its noise floor between generated and
 * held-out exact largest-cluster maps, about 1–3 for exact maps), beside the share of a map's sites
 * in its largest connected piece, the top–bottom spanning probability of the generated clusters and
 * their mean mass over the exact maps' (1 at every L when the mass grows as L^{91/48} with the exact
 * amplitude; a ratio that drifts with L is a wrong exponent),
 * with the exact maps' values in the caption of each column. Ranked generators are sorted by their
 * score at the largest L, where every generator extrapolates (trained at L ≤ 64), then by id; the
 * exact sampler is listed apart as the floor. Only rows of the current schema and task version are
 * read.
 */
public final class GenerationHeadline {

    /** The task it shows. */
    public static final Task TASK = Task.MAX_CLUSTER_GENERATION;

    /** Row metric: P(top–bottom spanning) of the generated clusters. */
    public static final String SPANNING = "spanning_tb";
    /** Row metric: P(top–bottom spanning) of the held-out exact maps. */
    public static final String SPANNING_EXACT = "spanning_tb_exact";
    /** Row metric: the held-out exact maps' own physics score against the reference set. */
    public static final String EXACT_SCORE = "exact_physics_score";
    /** Row metric: the generated maps' mean mass ⟨M⟩ / L^{91/48}. */
    public static final String MASS = "mass_mean";
    /** Row metric: the held-out exact maps' mean mass ⟨M⟩ / L^{91/48}. */
    public static final String MASS_EXACT = "mass_mean_exact";
    /** Row metric: the exact negative log-likelihood of the held-out exact maps, nats per site. */
    public static final String NLL = "nll_per_site";

    private final Tier tier;
    private final List<Integer> sizes;
    private final List<Line> ranked;
    private final List<Line> references;
    private final List<ResultRow> rows;

    private GenerationHeadline(
            Tier tier, List<Integer> sizes, List<Line> ranked, List<Line> references, List<ResultRow> rows) {
        this.tier = tier;
        this.sizes = List.copyOf(sizes);
        this.ranked = List.copyOf(ranked);
        this.references = List.copyOf(references);
        this.rows = List.copyOf(rows);
    }

    /**
     * @param tier a tier
     * @param rows result rows of any tiers, tasks and schemas
     * @return the tier's generation headline (empty if no generator has a row there)
     */
    public static GenerationHeadline of(Tier tier, List<ResultRow> rows) {
        List<ResultRow> own = rows.stream()
                .filter(r -> r.schema() == ResultRow.SCHEMA
                        && tier.id().equals(r.tier())
                        && TASK.id().equals(r.task())
                        && r.taskVersion() == TASK.version()
                        && r.model() != null)
                .toList();
        List<Integer> sizes = own.stream().map(ResultRow::size).collect(Collectors.toCollection(TreeSet::new)).stream()
                .toList();
        List<Line> ranked = new ArrayList<>();
        List<Line> references = new ArrayList<>();
        for (String model : own.stream().map(ResultRow::model).collect(Collectors.toCollection(TreeSet::new))) {
            TreeMap<Integer, ResultRow> bySize = new TreeMap<>();
            own.stream().filter(r -> model.equals(r.model())).forEach(r -> bySize.put(r.size(), r));
            List<ResultRow> cells = sizes.stream().map(bySize::get).toList();
            Line line = new Line(0, model, cells);
            (cells.stream().filter(c -> c != null).allMatch(ResultRow::ranked) ? ranked : references).add(line);
        }
        int last = sizes.size() - 1;
        List<Line> placed = new ArrayList<>();
        for (SeedGroups.Placed<Line> p : SeedGroups.rank(
                ranked,
                l -> key(l, last),
                l -> key(l, last) == Double.POSITIVE_INFINITY
                        ? -1
                        : l.cells().get(last).seeds().size(),
                Comparator.comparing(Line::model))) {
            boolean unscored = key(p.item(), last) == Double.POSITIVE_INFINITY;
            placed.add(new Line(
                    unscored ? 0 : p.place(), p.item().model(), p.item().cells(), unscored ? "" : p.mark()));
        }
        return new GenerationHeadline(tier, sizes, placed, references, own);
    }

    private static double key(Line l, int at) {
        if (at < 0) {
            return Double.POSITIVE_INFINITY;
        }
        ResultRow r = l.cells().get(at);
        return r == null || !r.ok() ? Double.POSITIVE_INFINITY : r.rankKey(Metric.PHYSICS_SCORE);
    }

    /** @return the tier */
    public Tier tier() {
        return tier;
    }

    /** @return the L of the columns, increasing */
    public List<Integer> sizes() {
        return sizes;
    }

    /** @return the ranked generators, best (lowest score at the largest L) first */
    public List<Line> ranked() {
        return ranked;
    }

    /** @return the references (the exact sampler), never ranked */
    public List<Line> references() {
        return references;
    }

    /** @return the rows it was built from */
    public List<ResultRow> rows() {
        return rows;
    }

    /** @return whether no generator has a row here */
    public boolean isEmpty() {
        return ranked.isEmpty() && references.isEmpty();
    }

    /** @return the title */
    public String title() {
        return "Generation headline, tier " + tier.id() + ": largest-cluster maps at p = p_c, "
                + Metric.PHYSICS_SCORE.id() + " per L (1–3 is what exact maps score; trained at L ≤ 64)";
    }

    /** @return how to read the table */
    public String caption() {
        return "Each cell: " + Metric.PHYSICS_SCORE.id() + " (mean ± std over seeds; the worst ratio of a"
                + " physics distance to its noise floor: connectivity, crossing, mass, hull, holes and the"
                + " 2×2 patterns of every pyramid level; lower is better), then the mean share of a map's"
                + " sites in its largest connected piece (1 for a true cluster) and P(top–bottom"
                + " spanning) of the generated clusters, their mean mass over the exact maps' (mass ×1.00 at"
                + " every L when the mass grows as L^{91/48} with the exact amplitude, which a generator of"
                + " scattered sites can match by construction; a ratio that drifts with L is a wrong exponent),"
                + " and for a generator with a likelihood the exact negative"
                + " log-likelihood of the held-out exact maps in nats per site (lower is better). Column titles give the exact held-out maps' own"
                + " score and spanning probability. Ranked by the score at the largest L, which no"
                + " generator saw in training, then by id; the exact sampler is the floor, not ranked."
                + (ranked.stream().allMatch(l -> l.seedMark().isEmpty())
                        ? ""
                        : " Generators whose rows have different seed counts are never ranked as equals: each seed"
                                + " count is ranked on its own, the most common first, the others after it with"
                                + " their seed count beside the place.");
    }

    /** @return the table as text: column titles, the cells of each line, no notes */
    public Headline.Cells cells() {
        List<String> titles = new ArrayList<>(List.of("rank", "generator"));
        for (int i = 0; i < sizes.size(); i++) {
            titles.add(columnTitle(i));
        }
        return new Headline.Cells(titles, texts(ranked, false), texts(references, true), List.of());
    }

    /** @return the title, caption and table as Markdown, from a level-2 heading */
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
        return b.toString();
    }

    private String columnTitle(int i) {
        int size = sizes.get(i);
        StringBuilder t = new StringBuilder("L = ").append(size);
        rows.stream()
                .filter(r -> r.size() == size && r.ok() && r.metrics() != null)
                .findFirst()
                .ifPresent(r -> {
                    Stat exact = r.metrics().get(EXACT_SCORE);
                    Stat span = r.metrics().get(SPANNING_EXACT);
                    if (exact != null) {
                        t.append(String.format(Locale.ROOT, " (exact: score %.2f", exact.mean()));
                        t.append(span == null ? ")" : String.format(Locale.ROOT, ", P_span %.2f)", span.mean()));
                    }
                });
        return t.toString();
    }

    private static List<List<String>> texts(List<Line> lines, boolean reference) {
        List<List<String>> out = new ArrayList<>();
        for (Line l : lines) {
            List<String> row =
                    new ArrayList<>(List.of(reference ? "ref." : l.rank() > 0 ? l.rank() + l.seedMark() : Stat.NONE));
            row.add(l.model());
            l.cells().forEach(c -> row.add(text(c)));
            out.add(row);
        }
        return out;
    }

    /**
     * @param r a row, or null
     * @return "–" with no row, "failed" for a failed row, else "score ± std · piece share · P_span ·
     *         mass ratio", then the NLL for a generator with a likelihood
     */
    static String text(ResultRow r) {
        if (r == null) {
            return Stat.NONE;
        }
        if (!r.ok()) {
            return ResultRow.FAILED;
        }
        Stat score = r.metrics().get(Metric.PHYSICS_SCORE.id());
        Stat piece = r.metrics().get(Metric.LARGEST_PIECE_SHARE.id());
        Stat span = r.metrics().get(SPANNING);
        StringBuilder s = new StringBuilder(
                score == null ? Stat.NONE : String.format(Locale.ROOT, "%.3g ± %.2g", score.mean(), score.std()));
        if (piece != null) {
            s.append(String.format(Locale.ROOT, " · piece %.2f", piece.mean()));
        }
        if (span != null) {
            s.append(String.format(Locale.ROOT, " · P_span %.2f", span.mean()));
        }
        Stat mass = r.metrics().get(MASS);
        Stat massExact = r.metrics().get(MASS_EXACT);
        if (mass != null && massExact != null && massExact.mean() > 0) {
            s.append(String.format(Locale.ROOT, " · mass ×%.2f", mass.mean() / massExact.mean()));
        }
        Stat nll = r.metrics().get(NLL);
        if (nll != null) {
            s.append(String.format(Locale.ROOT, " · NLL %.3f", nll.mean()));
        }
        return s.toString();
    }

    /**
     * One generator's line.
     *
     * @param rank     its place from 1, equal scores sharing one, among the lines of its seed count
     *                 ({@link SeedGroups}); 0 for a reference or no score at the largest L
     * @param model    the generator id
     * @param cells    its row per L of {@link #sizes()}, null where it has none
     * @param seedMark "" in the main seed count, else e.g. " (5 seeds)", shown after the place
     */
    public record Line(int rank, String model, List<ResultRow> cells, String seedMark) {

        /** A copy that keeps the nulls. */
        public Line {
            cells = Collections.unmodifiableList(new ArrayList<>(cells));
        }

        /**
         * A line of the main seed count.
         *
         * @param rank  its place
         * @param model the generator id
         * @param cells its row per L, null where it has none
         */
        public Line(int rank, String model, List<ResultRow> cells) {
            this(rank, model, cells, "");
        }
    }
}
