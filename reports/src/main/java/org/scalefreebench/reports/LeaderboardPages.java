package org.scalefreebench.reports;

import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.scalefreebench.bench.RunCharts;
import org.scalefreebench.bench.record.Provenance;
import org.scalefreebench.bench.result.DensityGap;
import org.scalefreebench.bench.result.FkHeadline;
import org.scalefreebench.bench.result.Footnotes;
import org.scalefreebench.bench.result.GenerationHeadline;
import org.scalefreebench.bench.result.Headline;
import org.scalefreebench.bench.result.Markdown;
import org.scalefreebench.bench.result.ResultRow;
import org.scalefreebench.bench.result.Stat;
import org.scalefreebench.datasets.generate.AtomicFiles;
import org.scalefreebench.datasets.task.Metric;
import org.scalefreebench.datasets.task.PairedDifference;
import org.scalefreebench.datasets.task.Task;
import org.scalefreebench.reports.Leaderboard.Ranked;
import org.scalefreebench.reports.Leaderboard.Table;

/**
 * Writes a {@link Leaderboard} as {@value #MARKDOWN}, {@value #HTML}, one PNG per task of each
 * headline with its primary metric at p_c against L ({@link RunCharts#criticalAcrossSizes}, density
 * dashed) and one accuracy-against-p PNG per spanning table ({@link RunCharts#spanningAcrossModels},
 * p_c marked) and one RMSE-against-L PNG per critical-FK task ({@link RunCharts#fkAcrossSizes}, the
 * task's baseline dashed), every file atomically. Each page opens with the {@link Headline} of each
 * tier and its charts against L, the {@link GenerationHeadline} and the {@link FkHeadline} with
 * theirs, then the table of each task and test set
 * (p = p_c before the p window) with its gap column ("Δ density", or "Δ floor" for central-charge) and,
 * where rows of record pair with the baseline's record map by map, each seed's paired z, then the models, the rows of an older
 * schema (a plain list) and the code coverage. Text from the rows (model ids, descriptions, errors,
 * hardware) is escaped: HTML special characters in the HTML page, Markdown table and inline syntax in
 * the Markdown page.
 */
public final class LeaderboardPages {

    /** Prefix of a headline's chart of one task's primary metric at p_c against L. */
    public static final String SCALE_CHART_PREFIX = "at-pc-vs-L-";
    /** File name prefix of the critical-FK charts against L: {@code fk-vs-L-<tier>-<task>.png}. */
    public static final String FK_CHART_PREFIX = "fk-vs-L-";

    /** File name of the Markdown page. */
    public static final String MARKDOWN = "leaderboard.md";
    /** File name of the HTML page. */
    public static final String HTML = "leaderboard.html";

    private static final String NONE = Stat.NONE;
    private static final String TITLE = "ScaleFree Bench leaderboard";
    /** Title of the section listing the rows of an older schema. */
    static final String OLDER_TITLE = "Rows of an older schema, not compared";

    private static final String GAP_COLUMN = "Δ density";
    private static final String FLOOR_COLUMN = "Δ floor";
    private static final String NO_GAP_COLUMN = "Δ baseline";
    private static final String PAIRED_COLUMN = "paired z by seed";
    private static final String COVERAGE_TITLE = "Code coverage";
    private static final String COVERAGE_CAPTION =
            "JaCoCo, unit and integration tests of this build merged; the reports module's own comes after its pages.";
    private static final List<String> COVERAGE_COLUMNS = List.of("module", "lines", "branches", "report");
    private static final List<String> COST_COLUMNS =
            List.of("#params", "train s", "train samples/s", "predict samples/s", "seeds", "provenance");

    private LeaderboardPages() {}

    /**
     * Writes the charts, then the pages that show them, into a folder.
     *
     * @param board  the leaderboard
     * @param outDir the folder (created if missing)
     * @param date   the date stated in the pages
     * @return the files written: the Markdown page, the HTML page, then the charts
     * @throws IOException if a file cannot be written
     */
    public static List<Path> write(Leaderboard board, Path outDir, LocalDate date) throws IOException {
        return write(board, outDir, date, List.of());
    }

    /**
     * Writes the charts, then the pages that show them, into a folder.
     *
     * @param board  the leaderboard
     * @param outDir the folder (created if missing)
     * @param date   the date stated in the pages
     * @param notes  lines added to the pages' header (how the pages are checked, for example)
     * @return the files written: the Markdown page, the HTML page, then the charts
     * @throws IOException if a file cannot be written
     */
    public static List<Path> write(Leaderboard board, Path outDir, LocalDate date, List<String> notes)
            throws IOException {
        return write(board, outDir, date, notes, List.of());
    }

    /**
     * Writes the charts, then the pages that show them, into a folder.
     *
     * @param board    the leaderboard
     * @param outDir   the folder (created if missing)
     * @param date     the date stated in the pages
     * @param notes    lines added to the pages' header (how the pages are checked, for example)
     * @param coverage the code coverage of the modules, listed with links to their reports at the pages' end
     * @return the files written: the Markdown page, the HTML page, then the charts
     * @throws IOException if a file cannot be written
     */
    public static List<Path> write(
            Leaderboard board, Path outDir, LocalDate date, List<String> notes, List<CodeCoverage> coverage)
            throws IOException {
        List<Path> charts = new ArrayList<>();
        for (Headline h : board.headlines()) {
            for (Map.Entry<String, Task> c : scaleCharts(h).entrySet()) {
                Path png = outDir.resolve(c.getKey());
                byte[] bytes = RunCharts.criticalAcrossSizes(h.rows(), c.getValue());
                try (FileOutputStream out = AtomicFiles.openPart(png)) {
                    out.write(bytes);
                }
                AtomicFiles.commit(png);
                charts.add(png);
            }
        }
        for (Headline h : board.headlines()) {
            for (Map.Entry<String, Task> c : fkCharts(h).entrySet()) {
                Path png = outDir.resolve(c.getKey());
                byte[] bytes = RunCharts.fkAcrossSizes(
                        FkHeadline.of(h.tier(), h.rows()).rows(), c.getValue());
                try (FileOutputStream out = AtomicFiles.openPart(png)) {
                    out.write(bytes);
                }
                AtomicFiles.commit(png);
                charts.add(png);
            }
        }
        for (Table t : board.tables()) {
            if (t.chart() != null) {
                Path png = outDir.resolve(t.chart());
                byte[] bytes = RunCharts.spanningAcrossModels(t.okRows(), t.testSpec());
                try (FileOutputStream out = AtomicFiles.openPart(png)) {
                    out.write(bytes);
                }
                AtomicFiles.commit(png);
                charts.add(png);
            }
        }
        Path md = outDir.resolve(MARKDOWN);
        AtomicFiles.writeString(md, markdown(board, date, notes, coverageLinks(outDir, coverage)));
        Path html = outDir.resolve(HTML);
        AtomicFiles.writeString(html, html(board, date, notes, coverageLinks(outDir, coverage)));
        List<Path> written = new ArrayList<>(List.of(md, html));
        written.addAll(charts);
        return written;
    }

    /**
     * @param board the leaderboard
     * @param date  the date stated in the page
     * @return the Markdown page
     */
    public static String markdown(Leaderboard board, LocalDate date) {
        return markdown(board, date, List.of());
    }

    /**
     * @param board the leaderboard
     * @param date  the date stated in the page
     * @param notes lines added to the header
     * @return the Markdown page
     */
    public static String markdown(Leaderboard board, LocalDate date, List<String> notes) {
        return markdown(board, date, notes, List.of());
    }

    static String markdown(Leaderboard board, LocalDate date, List<String> notes, List<CoverageLink> coverage) {
        StringBuilder b = new StringBuilder();
        b.append("# ").append(TITLE).append("\n\n");
        for (String line : header(board, date, notes, LeaderboardPages::escapeMarkdown)) {
            b.append(line).append("  \n");
        }
        b.append('\n');
        if (!board.warnings().isEmpty()) {
            b.append("## Warnings\n\n");
            for (String w : board.warnings()) {
                b.append("- ").append(escapeMarkdown(w)).append('\n');
            }
            b.append('\n');
        }
        if (board.isEmpty()) {
            b.append(escapeMarkdown(emptyMessage(board))).append("\n");
            markdownOlder(b, board);
            return b.toString();
        }
        for (Headline h : board.headlines()) {
            GenerationHeadline g = GenerationHeadline.of(h.tier(), h.rows());
            if (!h.isEmpty()) {
                b.append(h.markdown());
            }
            String records = recordNote(board, h);
            if (!records.isEmpty()) {
                b.append(escapeMarkdown(records)).append("\n\n");
            }
            for (boolean generation : new boolean[] {false, true}) {
                if (generation && !g.isEmpty()) {
                    b.append(g.markdown());
                }
                for (Map.Entry<String, Task> c : scaleCharts(h).entrySet()) {
                    if (isGeneration(c.getValue()) == generation) {
                        b.append("![")
                                .append(escapeMarkdown(scaleChartTitle(h, c.getValue())))
                                .append("](")
                                .append(c.getKey())
                                .append(")\n\n");
                    }
                }
            }
            FkHeadline fk = FkHeadline.of(h.tier(), h.rows());
            if (!fk.isEmpty()) {
                b.append(fk.markdown());
                for (Map.Entry<String, Task> c : fkCharts(h).entrySet()) {
                    b.append("![")
                            .append(escapeMarkdown(fkChartTitle(h, c.getValue())))
                            .append("](")
                            .append(c.getKey())
                            .append(")\n\n");
                }
            }
        }
        for (Table t : board.tables()) {
            b.append("## ").append(escapeMarkdown(tableTitle(t))).append("\n\n");
            b.append(escapeMarkdown(tableCaption(board, t))).append("\n\n");
            List<String> columns = columns(board, t);
            Footnotes footnotes = new Footnotes();
            if (!t.ranked().isEmpty()) {
                Markdown.table(
                        b,
                        columns,
                        t.ranked().stream()
                                .map(r -> cells(board, t, r.place(), r.row(), footnotes))
                                .toList());
            }
            if (!t.reference().isEmpty()) {
                b.append("Reference, not ranked:\n\n");
                Markdown.table(
                        b,
                        columns,
                        t.reference().stream()
                                .map(r -> cells(board, t, "ref.", r, footnotes))
                                .toList());
            }
            Markdown.notes(b, footnotes.lines());
            if (!t.failed().isEmpty()) {
                b.append("Failed:\n\n");
                for (ResultRow r : t.failed()) {
                    b.append("- ")
                            .append(escapeMarkdown(r.model()))
                            .append(": ")
                            .append(escapeMarkdown(errorOf(r)))
                            .append('\n');
                }
                b.append('\n');
            }
            if (t.chart() != null) {
                b.append("![spanning accuracy against p, ")
                        .append(escapeMarkdown(t.testSpec()))
                        .append("](")
                        .append(t.chart())
                        .append(")\n\n");
            }
        }
        b.append("## Models\n\n");
        for (Map.Entry<String, String> m : board.models().entrySet()) {
            b.append("- **")
                    .append(escapeMarkdown(m.getKey()))
                    .append("**: ")
                    .append(escapeMarkdown(m.getValue()))
                    .append('\n');
        }
        markdownOlder(b, board);
        if (!coverage.isEmpty()) {
            b.append("\n## ")
                    .append(COVERAGE_TITLE)
                    .append("\n\n")
                    .append(COVERAGE_CAPTION)
                    .append("\n\n");
            b.append("| ").append(String.join(" | ", COVERAGE_COLUMNS)).append(" |\n|---|---:|---:|---|\n");
            for (CoverageLink c : coverage) {
                b.append("| ")
                        .append(escapeMarkdown(c.coverage().module()))
                        .append(" | ")
                        .append(escapeMarkdown(c.coverage().lineText()))
                        .append(" | ")
                        .append(escapeMarkdown(c.coverage().branchText()))
                        .append(" | [index.html](<")
                        .append(c.href())
                        .append(">) |\n");
            }
        }
        return b.toString();
    }

    /** The rows of an older schema as a plain list, under a heading of their own; nothing if there are none. */
    private static void markdownOlder(StringBuilder b, Leaderboard board) {
        if (board.older().isEmpty()) {
            return;
        }
        b.append("\n## ")
                .append(OLDER_TITLE)
                .append("\n\n")
                .append(olderCaption())
                .append("\n\n");
        for (ResultRow r : board.older()) {
            b.append("- ").append(escapeMarkdown(olderText(r))).append('\n');
        }
    }

    /**
     * @param board the leaderboard
     * @param date  the date stated in the page
     * @return the HTML page; every row of a task-and-set table is a {@code <tr>} with {@code data-tier},
     *         {@code data-task}, {@code data-model} and {@code data-test-spec} attributes, and no other
     *         row has them (the headline's rows have none), so that there is one such row per result row
     */
    public static String html(Leaderboard board, LocalDate date) {
        return html(board, date, List.of());
    }

    /**
     * @param board the leaderboard
     * @param date  the date stated in the page
     * @param notes lines added to the header
     * @return the HTML page, as {@link #html(Leaderboard, LocalDate)}
     */
    public static String html(Leaderboard board, LocalDate date, List<String> notes) {
        return html(board, date, notes, List.of());
    }

    static String html(Leaderboard board, LocalDate date, List<String> notes, List<CoverageLink> coverage) {
        StringBuilder b = new StringBuilder();
        b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
                .append(TITLE)
                .append("</title>\n<style>\n")
                .append("body{font-family:sans-serif;margin:2em;max-width:80em}\n")
                .append("table{border-collapse:collapse;margin:1em 0}\n")
                .append("th,td{border:1px solid #ccc;padding:.25em .6em;text-align:right}\n")
                .append("td.model,th.model,td.error{text-align:left}\n")
                .append("tr.section th{background:#f3f3f3;text-align:left;font-style:italic}\n")
                .append("tbody.failed td{color:#a00}\n")
                .append("table.headline{border:2px solid #444}\n")
                .append("p.notes{font-size:.9em;color:#444}\n")
                .append(".warnings{border:2px solid #d80;background:#fff5e0;padding:.5em 1em}\n")
                .append("img{max-width:100%}\n")
                .append("</style>\n</head>\n<body>\n<h1>")
                .append(TITLE)
                .append("</h1>\n<p class=\"header\">\n");
        for (String line : header(board, date, notes, LeaderboardPages::escapeHtml)) {
            b.append(line).append("<br>\n");
        }
        b.append("</p>\n");
        if (!board.warnings().isEmpty()) {
            b.append("<section class=\"warnings\" id=\"warnings\">\n<h2>Warnings</h2>\n<ul>\n");
            for (String w : board.warnings()) {
                b.append("<li>").append(escapeHtml(w)).append("</li>\n");
            }
            b.append("</ul>\n</section>\n");
        }
        if (board.isEmpty()) {
            b.append("<p class=\"empty\">")
                    .append(escapeHtml(emptyMessage(board)))
                    .append("</p>\n");
            htmlOlder(b, board);
            b.append("</body>\n</html>\n");
            return b.toString();
        }
        for (Headline h : board.headlines()) {
            htmlHeadline(b, h);
            String records = recordNote(board, h);
            if (!records.isEmpty()) {
                b.append("<p class=\"notes records\">")
                        .append(escapeHtml(records))
                        .append("</p>\n");
            }
        }
        for (Table t : board.tables()) {
            List<String> columns = columns(board, t);
            Footnotes footnotes = new Footnotes();
            b.append("<section class=\"board\">\n<h2>")
                    .append(escapeHtml(tableTitle(t)))
                    .append("</h2>\n<p>")
                    .append(escapeHtml(tableCaption(board, t)))
                    .append("</p>\n<table>\n");
            htmlHead(b, columns);
            b.append("<tbody class=\"ranked\">\n");
            for (Ranked r : t.ranked()) {
                b.append(rowStart(t, r.row()));
                htmlCells(b, cells(board, t, r.place(), r.row(), footnotes));
            }
            b.append("</tbody>\n");
            if (!t.reference().isEmpty()) {
                htmlSection(b, "reference", columns.size(), "reference, not ranked");
                for (ResultRow r : t.reference()) {
                    b.append(rowStart(t, r));
                    htmlCells(b, cells(board, t, "ref.", r, footnotes));
                }
                b.append("</tbody>\n");
            }
            if (!t.failed().isEmpty()) {
                htmlSection(b, "failed", columns.size(), "failed");
                for (ResultRow r : t.failed()) {
                    b.append(rowStart(t, r))
                            .append("<td>")
                            .append(NONE)
                            .append("</td><td class=\"model\">")
                            .append(escapeHtml(r.model()))
                            .append("</td><td class=\"error\" colspan=\"")
                            .append(columns.size() - 2)
                            .append("\">")
                            .append(escapeHtml(errorOf(r)))
                            .append("</td></tr>\n");
                }
                b.append("</tbody>\n");
            }
            b.append("</table>\n");
            htmlNotes(b, footnotes.lines());
            if (t.chart() != null) {
                b.append("<p><img src=\"")
                        .append(t.chart())
                        .append("\" alt=\"spanning accuracy against p, ")
                        .append(escapeHtml(t.testSpec()))
                        .append("\"></p>\n");
            }
            b.append("</section>\n");
        }
        b.append("<h2>Models</h2>\n<dl class=\"models\">\n");
        for (Map.Entry<String, String> m : board.models().entrySet()) {
            b.append("<dt>")
                    .append(escapeHtml(m.getKey()))
                    .append("</dt><dd>")
                    .append(escapeHtml(m.getValue()))
                    .append("</dd>\n");
        }
        b.append("</dl>\n");
        htmlOlder(b, board);
        if (!coverage.isEmpty()) {
            b.append("<h2>")
                    .append(COVERAGE_TITLE)
                    .append("</h2>\n<p>")
                    .append(COVERAGE_CAPTION)
                    .append("</p>\n<table class=\"coverage\">\n<thead><tr>");
            COVERAGE_COLUMNS.forEach(c -> b.append("<th>").append(c).append("</th>"));
            b.append("</tr></thead>\n<tbody>\n");
            for (CoverageLink c : coverage) {
                b.append("<tr><td class=\"model\">")
                        .append(escapeHtml(c.coverage().module()))
                        .append("</td><td>")
                        .append(escapeHtml(c.coverage().lineText()))
                        .append("</td><td>")
                        .append(escapeHtml(c.coverage().branchText()))
                        .append("</td><td><a href=\"")
                        .append(escapeHtml(c.href()))
                        .append("\">")
                        .append(escapeHtml(c.href()))
                        .append("</a></td></tr>\n");
            }
            b.append("</tbody>\n</table>\n");
        }
        b.append("</body>\n</html>\n");
        return b.toString();
    }

    /**
     * The headline: a table with no {@code data-model} rows, so that the data rows still number one
     * per result row.
     */
    private static void htmlHeadline(StringBuilder b, Headline h) {
        if (!h.isEmpty()) {
            htmlHeadlineTable(b, "headline-" + h.tier().id(), h.title(), h.caption(), h.cells());
            htmlScaleCharts(b, h, false);
            b.append("</section>\n");
        }
        GenerationHeadline g = GenerationHeadline.of(h.tier(), h.rows());
        if (!g.isEmpty()) {
            htmlHeadlineTable(b, "generation-headline-" + h.tier().id(), g.title(), g.caption(), g.cells());
            htmlScaleCharts(b, h, true);
            b.append("</section>\n");
        }
        FkHeadline fk = FkHeadline.of(h.tier(), h.rows());
        if (!fk.isEmpty()) {
            htmlHeadlineTable(b, "fk-headline-" + h.tier().id(), fk.title(), fk.caption(), fk.cells());
            for (Map.Entry<String, Task> c : fkCharts(h).entrySet()) {
                htmlFigure(b, c.getKey(), fkChartTitle(h, c.getValue()));
            }
            b.append("</section>\n");
        }
    }

    private static void htmlFigure(StringBuilder b, String file, String title) {
        b.append("<figure><img src=\"")
                .append(escapeHtml(file))
                .append("\" alt=\"")
                .append(escapeHtml(title))
                .append("\"><figcaption>")
                .append(escapeHtml(title))
                .append("</figcaption></figure>\n");
    }

    /** Opens a headline section and writes its table; the caller closes the section. */
    private static void htmlHeadlineTable(
            StringBuilder b, String id, String title, String caption, Headline.Cells cells) {
        b.append("<section class=\"headline\" id=\"")
                .append(escapeHtml(id))
                .append("\">\n<h2>")
                .append(escapeHtml(title))
                .append("</h2>\n<p>")
                .append(escapeHtml(caption))
                .append("</p>\n<table class=\"headline\">\n");
        htmlHead(b, cells.columns());
        b.append("<tbody class=\"ranked\">\n");
        for (List<String> line : cells.ranked()) {
            b.append("<tr>");
            htmlCells(b, line);
        }
        b.append("</tbody>\n");
        if (!cells.references().isEmpty()) {
            htmlSection(b, "reference", cells.columns().size(), "reference, not ranked");
            for (List<String> line : cells.references()) {
                b.append("<tr>");
                htmlCells(b, line);
            }
            b.append("</tbody>\n");
        }
        b.append("</table>\n");
        htmlNotes(b, cells.notes());
    }

    /** The headline's charts against L of the predictive tasks, or of the generation tasks. */
    private static void htmlScaleCharts(StringBuilder b, Headline h, boolean generation) {
        for (Map.Entry<String, Task> c : scaleCharts(h).entrySet()) {
            if (isGeneration(c.getValue()) != generation) {
                continue;
            }
            b.append("<figure><img src=\"")
                    .append(escapeHtml(c.getKey()))
                    .append("\" alt=\"")
                    .append(escapeHtml(scaleChartTitle(h, c.getValue())))
                    .append("\"><figcaption>")
                    .append(escapeHtml(scaleChartTitle(h, c.getValue())))
                    .append("</figcaption></figure>\n");
        }
    }

    /**
     * @return which models of the tier's headlines have rows of record, with their provenance; "" if
     *         every row there is this run's
     */
    static String recordNote(Leaderboard board, Headline h) {
        Map<String, Set<String>> byModel = new TreeMap<>();
        for (ResultRow r : h.rows()) {
            Provenance p = board.provenanceOf(r);
            if (p != Provenance.RE_RUN) {
                byModel.computeIfAbsent(r.model(), k -> new TreeSet<>()).add(p.id());
            }
        }
        if (byModel.isEmpty()) {
            return "";
        }
        return "Rows of record in the headlines of tier " + h.tier().id() + ": "
                + byModel.entrySet().stream()
                        .map(e -> e.getKey() + " (" + String.join(", ", e.getValue()) + ")")
                        .collect(Collectors.joining(", "))
                + "; every other row there is " + Provenance.RE_RUN.id() + ".";
    }

    private static boolean isGeneration(Task task) {
        return task.kind() == Task.Kind.GENERATION;
    }

    /**
     * @param board a leaderboard
     * @return the file name of every chart its pages show: the headlines' charts against L, then the
     *         spanning tables' charts against p
     */
    public static Set<String> chartFiles(Leaderboard board) {
        Set<String> files = new LinkedHashSet<>();
        board.headlines().forEach(h -> files.addAll(scaleCharts(h).keySet()));
        board.headlines().forEach(h -> files.addAll(fkCharts(h).keySet()));
        board.tables().stream().map(Table::chart).filter(c -> c != null).forEach(files::add);
        return files;
    }

    /**
     * The headline's scale charts: per task with a ranked model's ok row on a critical set, its
     * primary metric at p_c against L ({@link RunCharts#criticalAcrossSizes}), by file name.
     */
    static Map<String, Task> scaleCharts(Headline h) {
        Map<String, Task> charts = new LinkedHashMap<>();
        for (Task task : Task.values()) {
            if (!RunCharts.criticalSeries(h.rows(), task).isEmpty()) {
                charts.put(SCALE_CHART_PREFIX + h.tier().id() + "-" + task.id() + ".png", task);
            }
        }
        return charts;
    }

    /**
     * The critical-FK headline's charts: per FK task with a model's ok row on a trained-Q or all-Q
     * set, its RMSE against L ({@link RunCharts#fkAcrossSizes}), by file name.
     */
    static Map<String, Task> fkCharts(Headline h) {
        Map<String, Task> charts = new LinkedHashMap<>();
        List<ResultRow> rows = FkHeadline.of(h.tier(), h.rows()).rows();
        for (Task task : FkHeadline.TASKS) {
            if (!RunCharts.fkSizeSeries(rows, task).isEmpty()) {
                charts.put(FK_CHART_PREFIX + h.tier().id() + "-" + task.id() + ".png", task);
            }
        }
        return charts;
    }

    private static String fkChartTitle(Headline h, Task task) {
        String dashed = RunCharts.fkDashed(task);
        return "tier " + h.tier().id() + ", " + task.id() + ": "
                + task.primaryMetric().id()
                + " against L (smallest L: trained Q; larger L: all Q), every model"
                + (dashed == null ? "" : ", " + dashed + " dashed");
    }

    private static String scaleChartTitle(Headline h, Task task) {
        return "tier " + h.tier().id() + ", " + task.id() + ": "
                + task.primaryMetric().id() + " at p = p_c against L, every "
                + (isGeneration(task)
                        ? "generator, the exact sampler dashed (the floor), log scale"
                        : "model"
                                + (RunCharts.densityBaselineDrawn(h.rows(), task)
                                        ? ", " + DensityGap.BASELINE + " dashed"
                                        : ""));
    }

    private static void htmlHead(StringBuilder b, List<String> columns) {
        b.append("<thead><tr>");
        for (int i = 0; i < columns.size(); i++) {
            b.append(i == 1 ? "<th class=\"model\">" : "<th>")
                    .append(escapeHtml(columns.get(i)))
                    .append("</th>");
        }
        b.append("</tr></thead>\n");
    }

    /** Opens a tbody of the given class with a row naming it across every column. */
    private static void htmlSection(StringBuilder b, String cssClass, int columns, String name) {
        b.append("<tbody class=\"")
                .append(cssClass)
                .append("\">\n<tr class=\"section\"><th colspan=\"")
                .append(columns)
                .append("\">")
                .append(name)
                .append("</th></tr>\n");
    }

    private static void htmlNotes(StringBuilder b, List<String> notes) {
        if (notes.isEmpty()) {
            return;
        }
        b.append("<p class=\"notes\">\n");
        notes.forEach(n -> b.append(escapeHtml(n)).append("<br>\n"));
        b.append("</p>\n");
    }

    /** The rows of an older schema as a plain list, under a heading of their own; nothing if there are none. */
    private static void htmlOlder(StringBuilder b, Leaderboard board) {
        if (board.older().isEmpty()) {
            return;
        }
        b.append("<section class=\"older\" id=\"older\">\n<h2>")
                .append(OLDER_TITLE)
                .append("</h2>\n<p>")
                .append(escapeHtml(olderCaption()))
                .append("</p>\n<ul>\n");
        for (ResultRow r : board.older()) {
            b.append("<li>").append(escapeHtml(olderText(r))).append("</li>\n");
        }
        b.append("</ul>\n</section>\n");
    }

    /** A module's coverage with the address of its report, relative to the pages' folder. */
    record CoverageLink(CodeCoverage coverage, String href) {}

    private static List<CoverageLink> coverageLinks(Path outDir, List<CodeCoverage> coverage) {
        Path from = outDir.toAbsolutePath().normalize();
        return coverage.stream()
                .map(c -> new CoverageLink(
                        c,
                        from.relativize(c.page().toAbsolutePath().normalize())
                                .toString()
                                .replace('\\', '/')))
                .toList();
    }

    /**
     * @param s text, may be null
     * @return the text with {@code & < > " '} as HTML character references
     */
    public static String escapeHtml(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /**
     * @param s text, may be null
     * @return the text on one line, with a backslash before each character that Markdown tables or
     *         inline syntax would interpret ({@code \ | ` * _ [ ] < > &}), so it renders as written
     */
    public static String escapeMarkdown(String s) {
        return Markdown.escape(s);
    }

    /**
     * @param s a score over seeds, may be null
     * @return mean ± std with 4 decimals, e.g. {@code 0.9512 ± 0.0031}; "–" when null
     */
    public static String score(Stat s) {
        return Stat.text(s);
    }

    /**
     * @param s a cost over seeds (seconds, samples per second), may be null
     * @return mean ± std with three significant digits of the mean (no decimals from 100 on), "–" when null
     */
    public static String cost(Stat s) {
        if (s == null) {
            return NONE;
        }
        double a = Math.abs(s.mean());
        int decimals =
                a == 0 || !Double.isFinite(a) ? 2 : Math.max(0, Math.min(3, 2 - (int) Math.floor(Math.log10(a))));
        String f = "%." + decimals + "f";
        return String.format(Locale.ROOT, f + " ± " + f, s.mean(), s.std());
    }

    private static List<String> header(Leaderboard board, LocalDate date, List<String> notes, UnaryOperator<String> e) {
        List<String> lines = new ArrayList<>();
        lines.add("Date: " + date
                + (board.lastFinishedAt() == null ? "" : "; latest row finished " + e.apply(board.lastFinishedAt())));
        lines.add((board.tiers().size() > 1 ? "Tiers: " : "Tier: ")
                + e.apply(board.tiers().isEmpty() ? NONE : String.join(", ", board.tiers())));
        lines.add("Rows: " + board.rowCount() + " from " + e.apply(board.source())
                + (board.older().isEmpty()
                        ? ""
                        : "; " + board.older().size() + " of an older schema, listed apart below"));
        if (board.records() != null) {
            lines.add(e.apply(board.records()));
        }
        if (board.hardware().isEmpty()) {
            lines.add("Hardware: " + NONE);
        }
        for (Map<String, String> h : board.hardware()) {
            lines.add("Hardware: " + e.apply(joined(h)));
        }
        if (board.versions().isEmpty()) {
            lines.add("Versions: " + NONE);
        }
        for (Map<String, String> v : board.versions()) {
            lines.add("Versions: " + e.apply(joined(v)));
        }
        notes.forEach(n -> lines.add(e.apply(n)));
        return lines;
    }

    private static String joined(Map<String, String> m) {
        return m.entrySet().stream().map(x -> x.getKey() + " " + x.getValue()).collect(Collectors.joining(", "));
    }

    private static String emptyMessage(Leaderboard board) {
        return "No result rows in " + board.source() + ". The harness (the benchmark-suite integration tests, run by"
                + " mvn verify) writes one row per tier, task, model and test set.";
    }

    private static String tableTitle(Table t) {
        return t.task().id() + (t.taskVersion() == t.task().version() ? "" : " v" + t.taskVersion()) + " on "
                + t.testSpec() + "/" + t.testSplit() + " (" + t.role().label(t.size()) + "), tier "
                + t.tier();
    }

    private static String tableCaption(Leaderboard board, Table t) {
        Metric m = t.task().primaryMetric();
        return t.task().description() + ". Sorted by " + m.id() + " (" + (m.higherIsBetter() ? "higher" : "lower")
                + " is better); trained on " + (t.trainSpecs().isEmpty() ? NONE : String.join(", ", t.trainSpecs()))
                + "; scores are mean ± std over seeds; " + gapCaption(t.task()) + pairedCaption(board, t)
                + (t.ranked().stream().allMatch(r -> r.seedMark().isEmpty())
                        ? ""
                        : " Rows of different seed counts are never ranked as equals: each seed count is ranked on"
                                + " its own, the most common first, the others after it with their seed count beside"
                                + " the place.");
    }

    /** The title of a table's gap column: to density, to the FK floor, or none. */
    private static String gapColumn(Task task) {
        String baseline = DensityGap.baselineOf(task);
        return baseline == null ? NO_GAP_COLUMN : baseline.equals(DensityGap.BASELINE) ? GAP_COLUMN : FLOOR_COLUMN;
    }

    private static String gapCaption(Task task) {
        String baseline = DensityGap.baselineOf(task);
        return baseline == null
                ? NO_GAP_COLUMN + ": none, this task has no baseline to read it against."
                : gapColumn(task) + ": the primary metric's mean minus " + baseline
                        + "'s on this set with the same seeds.";
    }

    /** Whether a row of the table has paired differences to its baseline: only then is the column shown. */
    private static boolean hasPaired(Leaderboard board, Table t) {
        return t.ranked().stream().anyMatch(r -> !board.pairedOf(r.row()).isEmpty())
                || t.reference().stream().anyMatch(r -> !board.pairedOf(r).isEmpty());
    }

    private static String pairedCaption(Leaderboard board, Table t) {
        if (!hasPaired(board, t)) {
            return "";
        }
        return " " + PAIRED_COLUMN + ": for a row of record whose predictions pair with "
                + DensityGap.baselineOf(t.task()) + "'s record on the same maps, each seed's difference of the"
                + " named metric over its paired standard error (DeLong's test for ROC AUC, paired squared"
                + " errors for R²; |z| > 3 is beyond this test set's noise); "
                + NONE + " where there is no such pair (rows of this run keep no predictions).";
    }

    /** Each seed's paired z, e.g. {@code roc_auc +18.2 / +21.8}; {@link #NONE} if the row has none. */
    private static String pairedText(List<PairedDifference> paired) {
        if (paired.isEmpty()) {
            return NONE;
        }
        return paired.get(0).metric().id() + " "
                + paired.stream()
                        .map(d -> Double.isInfinite(d.z())
                                ? (d.z() > 0 ? "+∞" : "-∞")
                                : String.format(Locale.ROOT, "%+.1f", d.z()))
                        .collect(Collectors.joining(" / "));
    }

    private static List<String> columns(Leaderboard board, Table t) {
        List<String> c = new ArrayList<>(List.of("rank", "model"));
        c.addAll(t.metrics());
        c.add(gapColumn(t.task()));
        if (hasPaired(board, t)) {
            c.add(PAIRED_COLUMN);
        }
        c.addAll(COST_COLUMNS);
        return c;
    }

    private static List<String> cells(Leaderboard board, Table t, String rank, ResultRow r, Footnotes notes) {
        List<String> c = new ArrayList<>(List.of(rank, r.model() == null ? "" : r.model()));
        for (String m : t.metrics()) {
            c.add(score(r.metrics() == null ? null : r.metrics().get(m)));
        }
        DensityGap gap = t.gap(r);
        c.add(gap == null ? NONE : gap.text(notes));
        if (hasPaired(board, t)) {
            c.add(pairedText(board.pairedOf(r)));
        }
        c.add(String.format(Locale.ROOT, "%,d", r.params()));
        c.add(cost(r.trainSeconds()));
        c.add(cost(r.trainSamplesPerSecond()));
        c.add(cost(r.predictSamplesPerSecond()));
        c.add(r.seeds() == null ? NONE : String.valueOf(r.seeds().size()));
        c.add(board.provenanceOf(r).id());
        return c;
    }

    private static String errorOf(ResultRow r) {
        return r.error() == null || r.error().isBlank() ? "status " + r.status() + ", no error message" : r.error();
    }

    private static String rowStart(Table t, ResultRow r) {
        return "<tr data-tier=\"" + escapeHtml(t.tier()) + "\" data-task=\""
                + escapeHtml(t.task().id()) + "\" data-model=\"" + escapeHtml(r.model()) + "\" data-test-spec=\""
                + escapeHtml(t.testSpec()) + "\">";
    }

    private static void htmlCells(StringBuilder b, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            b.append(i == 1 ? "<td class=\"model\">" : "<td>")
                    .append(escapeHtml(cells.get(i)))
                    .append("</td>");
        }
        b.append("</tr>\n");
    }

    private static String olderCaption() {
        return "Read from the rows folder but written with an older row schema than " + ResultRow.SCHEMA
                + " (no test role): not in the headline nor in any table; rerun the benchmark to compare them.";
    }

    private static String olderText(ResultRow r) {
        return r.model() + ": " + r.task() + " v" + r.taskVersion() + " on " + r.testSpec() + "/" + r.testSplit()
                + ", tier " + r.tier() + ", schema " + r.schema();
    }
}
