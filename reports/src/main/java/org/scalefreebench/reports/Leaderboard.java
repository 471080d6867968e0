package org.scalefreebench.reports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.scalefreebench.bench.record.Provenance;
import org.scalefreebench.bench.record.RecordBundle;
import org.scalefreebench.bench.record.RecordCheck;
import org.scalefreebench.bench.record.RecordChecker;
import org.scalefreebench.bench.record.RecordComparison;
import org.scalefreebench.bench.result.DensityGap;
import org.scalefreebench.bench.result.FkHeadline;
import org.scalefreebench.bench.result.GenerationHeadline;
import org.scalefreebench.bench.result.Headline;
import org.scalefreebench.bench.result.ResultRow;
import org.scalefreebench.bench.result.ResultStore;
import org.scalefreebench.bench.result.SeedGroups;
import org.scalefreebench.datasets.task.Metric;
import org.scalefreebench.datasets.task.PairedDifference;
import org.scalefreebench.datasets.task.Task;
import org.scalefreebench.datasets.task.TestSet;
import org.scalefreebench.datasets.task.Tier;

/**
 * The leaderboard built from a folder of result rows: first the {@link Headline} of each tier (the
 * scores at p = p_c and their gap to the density baseline) and its {@link GenerationHeadline} (the
 * generators' physics scores per L) and {@link FkHeadline} (the critical-FK tasks' RMSE per test set
 * and their gap to the counting floor), then one table per (tier, task, test set),
 * the current task version before older ones, critical sets before window sets, its ranked models sorted by the task's primary metric with their
 * gap to the density baseline, the references (the exact oracle) apart, the failed rows with their
 * errors; plus where the rows ran (tiers, hardware, library versions), the models, the rows of an
 * older schema (listed, never compared) and warnings about rows that could not be shown.
 *
 * @param source         where the rows were read from
 * @param rowCount       how many rows were read
 * @param tiers          the tier ids of the rows, in {@link Tier} order
 * @param hardware       each distinct hardware description of the rows
 * @param versions       each distinct set of library versions of the rows
 * @param lastFinishedAt the latest {@link ResultRow#finishedAt} of the rows; null if none
 * @param headlines      the headline of each tier that has rows of the current task versions, in tier order
 * @param tables         the tables, by tier, task, task version (newest first), test role and test set
 * @param models         model id → description, by id
 * @param older          the rows of an older schema, as read: listed apart, in no table
 * @param warnings       one message per unreadable row file or row that could not be placed, and per
 *                       result of record left out, with why
 * @param provenance     where each shown row comes from, by row identity: this run's rows
 *                       {@link Provenance#RE_RUN}, rows of record re-scored or self-reported
 * @param paired         by row identity: each seed's paired difference of a row of record to its
 *                       task's baseline's record on the same maps ({@link DensityGap#baselineOf}), where
 *                       both records keep that set's predictions; rows without one are absent
 * @param records        a header line on the results of record merged in; null if none were read
 */
public record Leaderboard(
        String source,
        int rowCount,
        List<String> tiers,
        List<Map<String, String>> hardware,
        List<Map<String, String>> versions,
        String lastFinishedAt,
        List<Headline> headlines,
        List<Table> tables,
        Map<String, String> models,
        List<ResultRow> older,
        List<String> warnings,
        Map<ResultRow, Provenance> provenance,
        Map<ResultRow, List<PairedDifference>> paired,
        String records) {

    /** Prefix of the accuracy-against-p chart of a spanning table. */
    public static final String SPANNING_CHART_PREFIX = "spanning-accuracy-vs-p-";

    /** Immutable copy. */
    public Leaderboard {
        tiers = List.copyOf(tiers);
        hardware = List.copyOf(hardware);
        versions = List.copyOf(versions);
        headlines = List.copyOf(headlines);
        tables = List.copyOf(tables);
        models = Collections.unmodifiableMap(new TreeMap<>(models));
        older = List.copyOf(older);
        warnings = List.copyOf(warnings);
        Map<ResultRow, Provenance> byIdentity = new IdentityHashMap<>();
        byIdentity.putAll(provenance);
        provenance = Collections.unmodifiableMap(byIdentity);
        Map<ResultRow, List<PairedDifference>> pairedByIdentity = new IdentityHashMap<>();
        paired.forEach((row, d) -> pairedByIdentity.put(row, List.copyOf(d)));
        paired = Collections.unmodifiableMap(pairedByIdentity);
    }

    /**
     * @param row a row of this leaderboard
     * @return each seed's paired difference to its task's baseline on the same maps, in seed order;
     *         empty for a row of this run, or a record without a baseline record to pair it with
     */
    public List<PairedDifference> pairedOf(ResultRow row) {
        return paired.getOrDefault(row, List.of());
    }

    /**
     * @param row a row of this leaderboard
     * @return where it comes from; {@link Provenance#RE_RUN} for a row of this run
     */
    public Provenance provenanceOf(ResultRow row) {
        return provenance.getOrDefault(row, Provenance.RE_RUN);
    }

    /**
     * Reads every row file of a folder; unreadable files become warnings.
     *
     * @param rowsDir the folder the harness writes rows into (may not exist yet)
     * @return the leaderboard
     * @throws IOException if the folder exists but cannot be listed
     */
    public static Leaderboard read(Path rowsDir) throws IOException {
        return of(rowsDir.toString(), new ResultStore(rowsDir).readAll());
    }

    /**
     * Reads this run's rows and merges the rows of the results of record below a folder, each
     * checked first ({@link RecordChecker.Mode#RESCORE}, never generating data): a record that fails
     * is left out and a warning says which and why.
     *
     * @param rowsDir     the folder the harness writes rows into (may not exist yet)
     * @param recordsRoot the folder of results of record ({@code <tier>/<model-id>/} below it; may not exist)
     * @param dataDir     the datasets folder, for re-scoring records' predictions; a test set absent
     *                    from it leaves its rows self-reported, with a warning
     * @return the leaderboard
     * @throws IOException if a folder exists but cannot be listed
     */
    public static Leaderboard read(Path rowsDir, Path recordsRoot, Path dataDir) throws IOException {
        RecordChecker checker = new RecordChecker(dataDir, false);
        List<RecordCheck> checks = new ArrayList<>();
        for (Path r : RecordChecker.records(recordsRoot)) {
            checks.add(checker.check(r, RecordChecker.Mode.RESCORE));
        }
        List<String> warnings = new ArrayList<>();
        Map<Path, List<PairedDifference>> paired = pairedWithBaselines(checks, checker, warnings);
        return of(
                rowsDir.toString(),
                new ResultStore(rowsDir).readAll(),
                recordsRoot.toString(),
                checks,
                paired,
                warnings);
    }

    /**
     * Every passed record with predictions against its tier's passed baseline records ({@link
     * DensityGap#baselineOf}), on the tasks that have a paired test ({@link PairedDifference#hasTest}):
     * the paired differences on the same maps, by record folder. A test set
     * absent from the data folder is not generated, and the test sets the checker loaded to re-score
     * are not read again; a pair that cannot be compared adds a warning.
     */
    private static Map<Path, List<PairedDifference>> pairedWithBaselines(
            List<RecordCheck> checks, RecordChecker checker, List<String> warnings) {
        Map<Path, RecordCheck> passed = new LinkedHashMap<>();
        checks.stream().filter(RecordCheck::passed).forEach(c -> passed.put(c.record(), c));
        Map<String, Set<Task>> tasksByBaseline = new TreeMap<>();
        for (Task t : Task.values()) {
            String b = DensityGap.baselineOf(t);
            if (b != null && PairedDifference.hasTest(t)) {
                tasksByBaseline
                        .computeIfAbsent(b, k -> EnumSet.noneOf(Task.class))
                        .add(t);
            }
        }
        RecordComparison comparison = new RecordComparison(checker);
        Map<Path, List<PairedDifference>> paired = new HashMap<>();
        for (RecordCheck c : passed.values()) {
            for (Map.Entry<String, Set<Task>> e : tasksByBaseline.entrySet()) {
                RecordCheck base = passed.get(c.record().resolveSibling(e.getKey()));
                if (base == null || c.submission().modelId().equals(e.getKey()) || !hasPredictions(c, e.getValue())) {
                    continue;
                }
                try {
                    comparison
                            .compare(c, base, e.getValue())
                            .differences()
                            .forEach(d -> paired.computeIfAbsent(c.record(), k -> new ArrayList<>())
                                    .add(d.difference()));
                } catch (IllegalArgumentException | IOException ex) {
                    warnings.add("result of record " + c.record() + " not paired with " + base.record() + ": "
                            + ex.getMessage());
                }
            }
        }
        return paired;
    }

    /** Whether a record keeps predictions of any of the tasks. */
    private static boolean hasPredictions(RecordCheck c, Set<Task> tasks) {
        return tasks.stream().anyMatch(t -> Files.isDirectory(RecordBundle.predictionsDir(c.record(), t)));
    }

    /**
     * Builds the leaderboard from this run's rows and checked results of record.
     *
     * @param source        where this run's rows were read from, for people
     * @param contents      this run's rows, the rows of an older schema and the unreadable files
     * @param recordsSource where the records were read from, for people
     * @param records       the checked records: those that passed add their rows with their
     *                      provenance, those that failed a warning; a record's row of the same tier,
     *                      task, model and test set as a row of this run gives way to it, with a warning
     * @return the leaderboard
     */
    public static Leaderboard of(
            String source, ResultStore.Contents contents, String recordsSource, List<RecordCheck> records) {
        return of(source, contents, recordsSource, records, Map.of(), List.of());
    }

    /**
     * As {@link #of(String, ResultStore.Contents, String, List)}, with the records' paired differences
     * to their baselines, by record folder, each filed with the record's row of the same task and
     * test set, and the warnings of the pairs that could not be compared.
     */
    private static Leaderboard of(
            String source,
            ResultStore.Contents contents,
            String recordsSource,
            List<RecordCheck> records,
            Map<Path, List<PairedDifference>> paired,
            List<String> pairingWarnings) {
        List<ResultRow> rows = new ArrayList<>(contents.rows());
        Map<ResultRow, Provenance> provenance = new IdentityHashMap<>();
        Map<ResultRow, List<PairedDifference>> pairedByRow = new IdentityHashMap<>();
        List<String> warnings = new ArrayList<>(pairingWarnings);
        Set<List<String>> ran = new HashSet<>();
        contents.rows().forEach(r -> ran.add(key(r)));
        int accepted = 0;
        int left = 0;
        Map<Provenance, Integer> counts = new EnumMap<>(Provenance.class);
        for (RecordCheck c : records) {
            c.notes().forEach(n -> warnings.add("result of record: " + n + "; its row is shown as self-reported"));
            if (!c.passed()) {
                left++;
                warnings.add("result of record " + c.record() + " left out: "
                        + c.problems().stream()
                                .map(p -> p.field() + ": " + p.message())
                                .collect(Collectors.joining("; ")));
                continue;
            }
            accepted++;
            for (RecordCheck.CheckedRow r : c.rows()) {
                if (ran.contains(key(r.row()))) {
                    warnings.add("result of record " + c.record() + ": " + RecordChecker.ROWS + "/" + r.file()
                            + " not shown: this run has a row of the same tier, task, model and test set");
                    continue;
                }
                rows.add(r.row());
                provenance.put(r.row(), r.provenance());
                String set = r.row().testSpec() + "/" + r.row().testSplit();
                List<PairedDifference> mine = paired.getOrDefault(c.record(), List.of()).stream()
                        .filter(d -> d.task().id().equals(r.row().task())
                                && d.testSet().equals(set))
                        .toList();
                if (!mine.isEmpty()) {
                    pairedByRow.put(r.row(), mine);
                }
                counts.merge(r.provenance(), 1, Integer::sum);
            }
        }
        String line = records.isEmpty()
                ? null
                : "Results of record: " + accepted + " accepted, " + left + " left out, from " + recordsSource + "; "
                        + counts.entrySet().stream()
                                .map(e -> e.getValue() + " " + e.getKey().id() + " row(s)")
                                .collect(Collectors.joining(", "))
                        + ". Provenance: "
                        + Arrays.stream(Provenance.values())
                                .map(p -> p.id() + ", " + p.description())
                                .collect(Collectors.joining("; "));
        return of(
                source,
                new ResultStore.Contents(rows, contents.older(), contents.unreadable()),
                warnings,
                provenance,
                pairedByRow,
                line);
    }

    /** The key a result store files a row under: tier, task, model, test set. */
    private static List<String> key(ResultRow r) {
        return Arrays.asList(r.tier(), r.task(), r.model(), r.testSpec());
    }

    /**
     * Builds the leaderboard from rows already read.
     *
     * @param source   where they were read from, for people
     * @param contents the rows, the rows of an older schema and the unreadable files
     * @return the leaderboard
     */
    public static Leaderboard of(String source, ResultStore.Contents contents) {
        return of(source, contents, List.of(), Map.of(), Map.of(), null);
    }

    private static Leaderboard of(
            String source,
            ResultStore.Contents contents,
            List<String> recordWarnings,
            Map<ResultRow, Provenance> provenance,
            Map<ResultRow, List<PairedDifference>> paired,
            String records) {
        List<String> warnings = new ArrayList<>();
        for (String u : contents.unreadable()) {
            warnings.add("unreadable row file: " + u);
        }
        Set<String> tierIds =
                new TreeSet<>(Comparator.comparing(Leaderboard::tierOrder).thenComparing(t -> t));
        Set<Map<String, String>> hardware = new LinkedHashSet<>();
        Set<Map<String, String>> versions = new LinkedHashSet<>();
        Map<String, String> models = new TreeMap<>();
        Map<TableKey, List<ResultRow>> grouped = new LinkedHashMap<>();
        String last = null;
        for (ResultRow r : contents.rows()) {
            tierIds.add(text(r.tier()));
            if (r.hardware() != null && !r.hardware().isEmpty()) {
                hardware.add(r.hardware());
            }
            if (r.versions() != null && !r.versions().isEmpty()) {
                versions.add(r.versions());
            }
            models.putIfAbsent(text(r.model()), text(r.modelDescription()) + trainingNotes(r));
            if (r.finishedAt() != null && (last == null || r.finishedAt().compareTo(last) > 0)) {
                last = r.finishedAt();
            }
            Task task;
            try {
                task = Task.byId(text(r.task()));
            } catch (IllegalArgumentException e) {
                warnings.add("row of model " + r.model() + " on " + r.testSpec() + " not shown: " + e.getMessage());
                continue;
            }
            TestSet.Role role;
            try {
                role = role(r);
            } catch (IllegalArgumentException e) {
                warnings.add("row of model " + r.model() + " on " + r.testSpec() + " not shown: " + e.getMessage());
                continue;
            }
            TableKey key = new TableKey(
                    text(r.tier()), task, r.taskVersion(), role, text(r.testSpec()), text(r.testSplit()), r.size());
            grouped.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
        }
        List<TableKey> keys = new ArrayList<>(grouped.keySet());
        keys.sort(Comparator.comparing((TableKey k) -> tierOrder(k.tier()))
                .thenComparing(TableKey::tier)
                .thenComparing(TableKey::task)
                .thenComparing(Comparator.comparingInt(TableKey::taskVersion).reversed())
                .thenComparing(TableKey::role)
                .thenComparingInt(k -> testSetOrder(k.tier(), k.task(), k.testSpec()))
                .thenComparingInt(TableKey::size)
                .thenComparing(TableKey::testSpec)
                .thenComparing(TableKey::testSplit));
        Map<String, Integer> chartNames = new HashMap<>();
        List<Table> tables = new ArrayList<>();
        for (TableKey k : keys) {
            List<ResultRow> rows = grouped.get(k);
            String chart = null;
            if (k.task() == Task.SPANNING
                    && k.role() == TestSet.Role.WINDOW
                    && rows.stream()
                            .anyMatch(
                                    r -> r.ok() && r.perP() != null && r.perP().size() > 1)) {
                String base = SPANNING_CHART_PREFIX + k.testSpec().replaceAll("[^A-Za-z0-9._-]", "_");
                int n = chartNames.merge(base, 1, Integer::sum);
                chart = base + (n > 1 ? "-" + n : "") + ".png";
            }
            tables.add(Table.of(k, rows, contents.rows(), chart));
        }
        List<Headline> headlines = new ArrayList<>();
        for (Tier tier : Tier.values()) {
            Headline h = Headline.of(tier, contents.rows());
            if (!h.isEmpty()
                    || !GenerationHeadline.of(tier, contents.rows()).isEmpty()
                    || !FkHeadline.of(tier, contents.rows()).isEmpty()) {
                headlines.add(h);
            }
        }
        return new Leaderboard(
                source,
                contents.rows().size(),
                List.copyOf(tierIds),
                List.copyOf(hardware),
                List.copyOf(versions),
                last,
                headlines,
                tables,
                models,
                contents.older(),
                Stream.concat(warnings.stream(), recordWarnings.stream()).toList(),
                provenance,
                paired,
                records);
    }

    /** @return whether there is no row to show */
    public boolean isEmpty() {
        return rowCount == 0;
    }

    private static int tierOrder(String tier) {
        Tier[] tiers = Tier.values();
        for (int i = 0; i < tiers.length; i++) {
            if (tiers[i].id().equals(tier)) {
                return i;
            }
        }
        return tiers.length;
    }

    private static int testSetOrder(String tier, Task task, String testSpec) {
        for (Tier t : Tier.values()) {
            if (t.id().equals(tier)) {
                List<TestSet> sets = task.plan(t).testSets();
                for (int i = 0; i < sets.size(); i++) {
                    if (sets.get(i).specId().equals(testSpec)) {
                        return i;
                    }
                }
            }
        }
        return Integer.MAX_VALUE;
    }

    /**
     * @param r a row
     * @return the role of its test set, from the id it stores; {@link TestSet.Role#WINDOW} for a row
     *         that stores none (written before roles were stored, when every set but p = p_c was a window)
     * @throws IllegalArgumentException naming the known ids if the row stores an unknown one
     */
    static TestSet.Role role(ResultRow r) {
        return r.testRole() == null ? TestSet.Role.WINDOW : TestSet.Role.byId(r.testRole());
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }

    private record TableKey(
            String tier, Task task, int taskVersion, TestSet.Role role, String testSpec, String testSplit, int size) {}

    /**
     * The rows of one task on one test set of one tier.
     *
     * @param tier        tier id
     * @param task        the task
     * @param taskVersion the task version of the rows
     * @param testSpec    spec of the test set
     * @param testSplit   split of the test set
     * @param size        L of the test maps
     * @param role        what the set measures: maps at p = p_c, or a window of p
     * @param trainSpecs  the specs the models were fitted on
     * @param metrics     metric ids of the columns: the task's, then any other the rows hold
     * @param ranked      ok rows of ranked models, best first by the primary metric
     * @param reference   ok rows of references (not ranked), in the same order
     * @param failed      rows whose status is not ok, by model id
     * @param gaps        model id → its ok row's gap to the task's baseline on this set ({@link
     *                    DensityGap#baselineOf(Task)}); empty for a task without one
     * @param chart       file name of the spanning accuracy-against-p chart; null unless the task is
     *                    spanning, the set a p window and an ok row has accuracies at several p (a
     *                    critical set has one p, p_c)
     */
    public record Table(
            String tier,
            Task task,
            int taskVersion,
            String testSpec,
            String testSplit,
            int size,
            TestSet.Role role,
            List<String> trainSpecs,
            List<String> metrics,
            List<Ranked> ranked,
            List<ResultRow> reference,
            List<ResultRow> failed,
            Map<String, DensityGap> gaps,
            String chart) {

        /** Immutable copy. */
        public Table {
            trainSpecs = List.copyOf(trainSpecs);
            metrics = List.copyOf(metrics);
            ranked = List.copyOf(ranked);
            reference = List.copyOf(reference);
            failed = List.copyOf(failed);
            gaps = Map.copyOf(gaps);
        }

        private static Table of(TableKey k, List<ResultRow> rows, List<ResultRow> all, String chart) {
            Metric primary = k.task().primaryMetric();
            Comparator<ResultRow> best = Comparator.comparingDouble((ResultRow r) -> r.rankKey(primary))
                    .thenComparing(r -> text(r.model()));
            List<String> metrics =
                    new ArrayList<>(k.task().metrics().stream().map(Metric::id).toList());
            Set<String> extra = new TreeSet<>();
            Set<String> trainSpecs = new TreeSet<>();
            List<ResultRow> ranked = new ArrayList<>();
            List<ResultRow> reference = new ArrayList<>();
            List<ResultRow> failed = new ArrayList<>();
            Map<String, DensityGap> gaps = new HashMap<>();
            String baseline = DensityGap.baselineOf(k.task());
            for (ResultRow r : rows) {
                if (r.trainSpec() != null) {
                    trainSpecs.add(r.trainSpec());
                }
                if (!r.ok()) {
                    failed.add(r);
                    continue;
                }
                (r.ranked() ? ranked : reference).add(r);
                if (baseline != null) {
                    gaps.put(text(r.model()), DensityGap.of(r, k.task(), all, baseline));
                }
                if (r.metrics() != null) {
                    extra.addAll(r.metrics().keySet());
                }
            }
            extra.removeAll(metrics);
            metrics.addAll(extra);
            reference.sort(best);
            failed.sort(Comparator.comparing(r -> text(r.model())));
            List<Ranked> numbered = new ArrayList<>();
            for (SeedGroups.Placed<ResultRow> p : SeedGroups.rank(
                    ranked,
                    r -> r.rankKey(primary),
                    r -> r.seeds() == null ? 0 : r.seeds().size(),
                    Comparator.comparing(r -> text(r.model())))) {
                numbered.add(new Ranked(p.place(), p.item(), p.mark()));
            }
            return new Table(
                    k.tier(),
                    k.task(),
                    k.taskVersion(),
                    k.testSpec(),
                    k.testSplit(),
                    k.size(),
                    k.role(),
                    List.copyOf(trainSpecs),
                    metrics,
                    numbered,
                    reference,
                    failed,
                    gaps,
                    chart);
        }

        /**
         * @param r an ok row of this table
         * @return its gap to the task's baseline on this set ({@link DensityGap#baselineOf(Task)}), or
         *         why there is none; null if the task has no baseline
         */
        public DensityGap gap(ResultRow r) {
            return gaps.get(text(r.model()));
        }

        /** @return how many rows the table shows: ranked, reference and failed */
        public int rowCount() {
            return ranked.size() + reference.size() + failed.size();
        }

        /** @return the ok rows: the ranked ones in order, then the references */
        public List<ResultRow> okRows() {
            List<ResultRow> ok =
                    new ArrayList<>(ranked.stream().map(Ranked::row).toList());
            ok.addAll(reference);
            return ok;
        }
    }

    /**
     * A ranked row with its place; equal primary scores share a place (1, 1, 3). Rows of different
     * seed counts are ranked apart ({@link SeedGroups}).
     *
     * @param rank     the place, from 1, among the rows of its seed count
     * @param row      the row
     * @param seedMark "" for the table's main seed count, else e.g. " (5 seeds)", shown after the place
     */
    public record Ranked(int rank, ResultRow row, String seedMark) {

        /**
         * A row of the table's main seed count.
         *
         * @param rank the place
         * @param row  the row
         */
        public Ranked(int rank, ResultRow row) {
            this(rank, row, "");
        }

        /** @return the place as shown: "3", or "3 (5 seeds)" outside the main seed count */
        public String place() {
            return rank + seedMark;
        }
    }

    /** The row's training notes as ". Training: seed 1: …; seed 2: …", or "" if it has none. */
    private static String trainingNotes(ResultRow r) {
        if (r.trainingNotes() == null
                || r.seeds() == null
                || r.trainingNotes().stream().allMatch(n -> n == null || n.isBlank())) {
            return "";
        }
        StringBuilder b = new StringBuilder(". Training:");
        for (int i = 0; i < r.trainingNotes().size() && i < r.seeds().size(); i++) {
            b.append(i == 0 ? " seed " : "; seed ")
                    .append(r.seeds().get(i))
                    .append(": ")
                    .append(text(r.trainingNotes().get(i)));
        }
        return b.toString();
    }
}
