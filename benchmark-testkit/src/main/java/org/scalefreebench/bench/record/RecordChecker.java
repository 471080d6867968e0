package org.scalefreebench.bench.record;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.scalefreebench.bench.Benchmark;
import org.scalefreebench.bench.BenchmarkSettings;
import org.scalefreebench.bench.ModelRegistry;
import org.scalefreebench.bench.ModelRun;
import org.scalefreebench.bench.Predictions;
import org.scalefreebench.bench.ResultRows;
import org.scalefreebench.bench.RunEnvironment;
import org.scalefreebench.bench.TierData;
import org.scalefreebench.bench.result.ResultRow;
import org.scalefreebench.bench.result.ResultStore;
import org.scalefreebench.bench.result.Stat;
import org.scalefreebench.datasets.load.DatasetLoader;
import org.scalefreebench.datasets.load.SplitData;
import org.scalefreebench.datasets.model.BenchmarkModel;
import org.scalefreebench.datasets.spec.DatasetSpec;
import org.scalefreebench.datasets.spec.SpecCatalogue;
import org.scalefreebench.datasets.task.Evaluation;
import org.scalefreebench.datasets.task.Task;
import org.scalefreebench.datasets.task.TestSet;
import org.scalefreebench.datasets.task.Tier;

/**
 * Checks results of record ({@code results-of-record/<tier>/<model-id>/}: {@value Submission#FILE},
 * {@code rows/*.json}, optional {@code predictions/<task>/<spec>/<split>/seed-<s>.npy}).
 *
 * <p>{@link Mode#VALIDATE}: the submission reads strictly; the folder names equal its tier and
 * model id; the seeds are the canonical {@code 1..S}; hardware, code, suite version and git revision
 * are present; every dataset SHA-256 equals today's pin of its spec; every row parses, is ok, has
 * the current row schema and task version, is on a test set of its task's plan in the tier, is in
 * the file the result store would write it to, has the submission's tier, model and seeds, names
 * only checksums the submission names, and, where it records the build's git revision, was written
 * by the revision the submission names; every predictions file belongs to a row and seed, and
 * a row with predictions has one file per seed.
 *
 * <p>{@link Mode#RESCORE}: after a clean validation, every predictions file is scored again through
 * the same path as the {@code score} command ({@link Predictions#evaluate}, then
 * {@link ResultRows#ofPredictions}) and every metric and accuracy-by-p of the row must be equal to
 * the bit (mean, std and each seed's value).
 *
 * <p>{@link Mode#RERUN}: after a clean re-score, the record's model (found on the class path by its
 * id) is fitted and scored again with the record's tier and seeds on the test sets of its predictive
 * rows, through the same harness as {@code run}, and every metric must agree within
 * {@link RerunTolerance}. Generation rows are not re-run (their generators are not
 * {@code BenchmarkModel}s); a note says so.
 */
public final class RecordChecker {

    /** How deep a check goes. */
    public enum Mode {
        /** Schema, seeds, hardware, revision and dataset checksums: milliseconds. */
        VALIDATE,
        /** Validation, then every predictions file re-scored bit for bit: seconds. */
        RESCORE,
        /** Re-score, then the model fitted and scored again, its metrics within a stated tolerance: the model's cost. */
        RERUN;

        /** @return the id on the command line */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The folder of a record's predictions files. */
    public static final String PREDICTIONS = "predictions";
    /** The folder of a record's rows. */
    public static final String ROWS = "rows";

    private static final Pattern SEED_FILE = Pattern.compile("seed-(\\d+)\\.npy");

    private final Path dataDir;
    private final boolean generate;
    private final Duration budget;
    private final Consumer<String> log;
    private final Map<String, SplitData> loaded = new HashMap<>();

    /**
     * A checker that does not re-run models with a log ({@link Mode#RERUN} runs with the default budget, silently).
     *
     * @param dataDir  the folder holding {@code <spec-id>/}, for re-scoring
     * @param generate whether a test set absent from it is generated (and checked against its pins)
     *                 for re-scoring; if not, the rows on it are left self-reported with a note
     */
    public RecordChecker(Path dataDir, boolean generate) {
        this(dataDir, generate, BenchmarkSettings.DEFAULT_BUDGET, line -> {});
    }

    /**
     * @param dataDir  the folder holding {@code <spec-id>/}, for re-scoring and re-running
     * @param generate whether a test set absent from it is generated (and checked against its pins)
     * @param budget   for {@link Mode#RERUN}: the wall-clock limit of one fit, a guard against a hung model
     * @param log      for {@link Mode#RERUN}: receives the harness's line per fit and per test set
     */
    public RecordChecker(Path dataDir, boolean generate, Duration budget, Consumer<String> log) {
        this.dataDir = dataDir;
        this.generate = generate;
        this.budget = budget;
        this.log = log;
    }

    /**
     * @param dir a record folder (holding {@value Submission#FILE}) or a folder of records
     *            ({@code <tier>/<model-id>/} below it)
     * @return the record folders, sorted; the folder itself if it is one; none if there are none
     * @throws IOException if a folder cannot be listed
     */
    public static List<Path> records(Path dir) throws IOException {
        if (Files.isRegularFile(dir.resolve(Submission.FILE))) {
            return List.of(dir);
        }
        List<Path> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        for (Path tier : folders(dir)) {
            out.addAll(folders(tier));
        }
        return out;
    }

    private static List<Path> folders(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isDirectory)
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted()
                    .toList();
        }
    }

    /**
     * Checks one record. Never throws for the record's own faults: they are its problems.
     *
     * @param record the record folder
     * @param mode   how deep
     * @return what was found
     */
    public RecordCheck check(Path record, Mode mode) {
        if (mode == Mode.RERUN) {
            return rerun(record, submission -> ModelRegistry.load().get(submission.modelId()));
        }
        String name = record.toString();
        List<RecordProblem> problems = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Submission s;
        try {
            s = Submission.read(record);
        } catch (InvalidRecordException e) {
            return new RecordCheck(record, mode, null, List.of(), List.of(e.problem()), notes);
        } catch (IOException e) {
            return new RecordCheck(
                    record,
                    mode,
                    null,
                    List.of(),
                    List.of(new RecordProblem(name, Submission.FILE, e.toString())),
                    notes);
        }
        Tier tier = validateSubmission(record, s, problems);
        Map<String, ResultRow> rows = readRows(record, s, tier, problems);
        Map<String, SortedMap<Long, Path>> predictions = readPredictions(record, rows, problems);
        Set<String> rescored = new TreeSet<>();
        if (problems.isEmpty() && mode == Mode.RESCORE) {
            for (Map.Entry<String, SortedMap<Long, Path>> p : predictions.entrySet()) {
                if (rescore(record, tier, s, p.getKey(), rows.get(p.getKey()), p.getValue(), problems, notes)) {
                    rescored.add(p.getKey());
                }
            }
        }
        if (!problems.isEmpty()) {
            return new RecordCheck(record, mode, s, List.of(), problems, notes);
        }
        List<RecordCheck.CheckedRow> checked = new ArrayList<>();
        rows.forEach((file, row) -> checked.add(new RecordCheck.CheckedRow(
                row, file, rescored.contains(file) ? Provenance.RE_SCORED : Provenance.SELF_REPORTED)));
        return new RecordCheck(record, mode, s, checked, problems, notes);
    }

    /**
     * Fits and scores {@code model} again with the record's tier and seeds, and compares every metric
     * of the record's predictive rows with the re-run's within {@link RerunTolerance}.
     *
     * @param record a record folder
     * @param model  the model to re-run: the record's, by id
     * @return what was found; rows that agree have the provenance {@link Provenance#RE_RUN}
     */
    public RecordCheck rerun(Path record, BenchmarkModel model) {
        return rerun(record, submission -> model);
    }

    /**
     * Re-scores the record, then re-runs the model {@code modelOf} gives for its submission; a model
     * that cannot be found (an {@link IllegalArgumentException}) is the record's problem.
     */
    private RecordCheck rerun(Path record, Function<Submission, BenchmarkModel> modelOf) {
        RecordCheck scored = check(record, Mode.RESCORE);
        if (!scored.passed()) {
            return new RecordCheck(
                    record, Mode.RERUN, scored.submission(), List.of(), scored.problems(), scored.notes());
        }
        if (scored.rows().stream().allMatch(r -> Task.byId(r.row().task()).kind() == Task.Kind.GENERATION)) {
            List<String> notes = new ArrayList<>(scored.notes());
            notes.add(record + ": not re-run: a generator's record (every row of the generation task) is"
                    + " validated only; its generator is not a BenchmarkModel, and its rows are the submitter's");
            return new RecordCheck(record, Mode.RERUN, scored.submission(), scored.rows(), List.of(), notes);
        }
        BenchmarkModel model;
        try {
            model = modelOf.apply(scored.submission());
        } catch (IllegalArgumentException e) {
            return new RecordCheck(
                    record,
                    Mode.RERUN,
                    scored.submission(),
                    List.of(),
                    List.of(new RecordProblem(
                            record.toString(),
                            Submission.FILE + ": modelId",
                            "cannot re-run: " + e.getMessage()
                                    + " (put the model's jar on the class path, registered in META-INF/services)")),
                    scored.notes());
        }
        return rerun(scored, model);
    }

    private RecordCheck rerun(RecordCheck scored, BenchmarkModel model) {
        Path record = scored.record();
        String name = record.toString();
        Submission s = scored.submission();
        List<RecordProblem> problems = new ArrayList<>();
        List<String> notes = new ArrayList<>(scored.notes());
        Tier tier = Tier.byId(s.tier());
        if (!model.id().equals(s.modelId())) {
            problems.add(new RecordProblem(
                    name,
                    Submission.FILE + ": modelId",
                    "is '" + s.modelId() + "', the model re-run is '" + model.id() + "'"));
        }
        if (!model.tiers().contains(tier)) {
            problems.add(new RecordProblem(
                    name,
                    Submission.FILE + ": tier",
                    "model " + model.id() + " does not run in tier " + tier.id() + "; its tiers: "
                            + model.tiers().stream().map(Tier::id).sorted().collect(Collectors.joining(", "))));
        }
        Map<List<String>, RecordCheck.CheckedRow> wanted = new LinkedHashMap<>();
        Set<Task> tasks = EnumSet.noneOf(Task.class);
        for (RecordCheck.CheckedRow r : scored.rows()) {
            Task task = Task.byId(r.row().task());
            if (task.kind() == Task.Kind.GENERATION) {
                notes.add(name + ": " + ROWS + "/" + r.file() + " not re-run: its generator is not a BenchmarkModel");
                continue;
            }
            tasks.add(task);
            wanted.put(rowKey(r.row()), r);
        }
        Map<List<String>, ResultRow> again = new HashMap<>();
        if (problems.isEmpty() && !tasks.isEmpty()) {
            try {
                BenchmarkSettings settings =
                        new BenchmarkSettings(tier, s.seeds(), model.id(), tasks, budget, dataDir, dataDir);
                for (TierData data : TierData.loadAll(tier, tasks, dataDir)) {
                    ModelRun run = new Benchmark(settings, data, log).run(model);
                    for (ResultRow r : ResultRows.of(run, data, RunEnvironment.hardware(), RunEnvironment.versions())) {
                        again.put(rowKey(r), r);
                    }
                }
            } catch (IOException | RuntimeException e) {
                problems.add(new RecordProblem(name, "re-run", "could not load the tier's data: " + e.getMessage()));
            }
        }
        List<RecordCheck.CheckedRow> checked = new ArrayList<>();
        if (problems.isEmpty()) {
            int comparisons = wanted.values().stream()
                    .mapToInt(r -> r.row().metrics().size())
                    .sum();
            for (RecordCheck.CheckedRow r : scored.rows()) {
                List<String> key = rowKey(r.row());
                if (!wanted.containsKey(key)) {
                    checked.add(r);
                    continue;
                }
                ResultRow a = again.get(key);
                String field = ROWS + "/" + r.file();
                if (a == null) {
                    problems.add(new RecordProblem(name, field, "the re-run made no row of this task and test set"));
                } else if (!a.ok()) {
                    problems.add(new RecordProblem(name, field, "the re-run failed: " + a.error()));
                } else {
                    int before = problems.size();
                    Set<String> metrics = new TreeSet<>(r.row().metrics().keySet());
                    metrics.addAll(a.metrics().keySet());
                    for (String m : metrics) {
                        String why = RerunTolerance.disagreement(
                                r.row().metrics().get(m), a.metrics().get(m), Math.max(1, comparisons));
                        if (why != null) {
                            problems.add(new RecordProblem(name, field + ": metrics." + m, why));
                        }
                    }
                    if (problems.size() == before) {
                        checked.add(new RecordCheck.CheckedRow(r.row(), r.file(), Provenance.RE_RUN));
                    }
                }
            }
        }
        return new RecordCheck(record, Mode.RERUN, s, problems.isEmpty() ? checked : List.of(), problems, notes);
    }

    private static List<String> rowKey(ResultRow r) {
        return List.of(r.task(), r.testSpec(), r.testSplit());
    }

    /** The submission's own fields; returns its tier, or null if the tier id is unknown. */
    private static Tier validateSubmission(Path record, Submission s, List<RecordProblem> problems) {
        String name = record.toString();
        String f = Submission.FILE + ": ";
        if (s.schema() != Submission.SCHEMA) {
            problems.add(new RecordProblem(
                    name, f + "schema", "is " + s.schema() + ", this version reads " + Submission.SCHEMA));
        }
        Tier tier = null;
        try {
            tier = Tier.byId(s.tier());
        } catch (IllegalArgumentException e) {
            problems.add(new RecordProblem(name, f + "tier", e.getMessage()));
        }
        Path parent = record.toAbsolutePath().normalize().getParent();
        if (parent == null || !s.tier().equals(parent.getFileName().toString())) {
            problems.add(new RecordProblem(
                    name,
                    f + "tier",
                    "is '" + s.tier() + "' but the record lies in folder '"
                            + (parent == null ? "" : parent.getFileName()) + "'; expected <tier>/<model-id>/"));
        }
        if (!ModelRegistry.isWellFormedId(s.modelId())) {
            problems.add(new RecordProblem(
                    name,
                    f + "modelId",
                    "'" + s.modelId() + "': expected lower-case letters and digits in dash-separated words"));
        }
        String folder = record.toAbsolutePath().normalize().getFileName().toString();
        if (!s.modelId().equals(folder)) {
            problems.add(new RecordProblem(
                    name, f + "modelId", "is '" + s.modelId() + "' but the record's folder is '" + folder + "'"));
        }
        blank(name, f + "description", s.description(), problems);
        blank(name, f + "code", s.code(), problems);
        blank(name, f + "suiteVersion", s.suiteVersion(), problems);
        if (!GitRevision.COMMIT.matcher(s.suiteRevision()).matches()) {
            problems.add(new RecordProblem(
                    name, f + "suiteRevision", "'" + s.suiteRevision() + "': expected a git commit, 40 hex digits"));
        }
        if (s.hardware().isEmpty() || s.hardware().values().stream().anyMatch(v -> v == null || v.isBlank())) {
            problems.add(new RecordProblem(
                    name,
                    f + "hardware",
                    "expected where the model was fitted (cpu, cores, os, jvm), got " + s.hardware()));
        }
        if (s.parameterCount() < 0) {
            problems.add(new RecordProblem(name, f + "parameterCount", "is negative: " + s.parameterCount()));
        }
        List<Long> canonical =
                LongStream.rangeClosed(1, Math.max(1, s.seeds().size())).boxed().toList();
        if (!s.seeds().equals(canonical)) {
            problems.add(new RecordProblem(
                    name, f + "seeds", "are " + s.seeds() + ", expected the canonical seeds " + canonical));
        }
        if (s.datasetSha256().isEmpty()) {
            problems.add(
                    new RecordProblem(name, f + "datasetSha256", "empty: expected the SHA-256 of every data file"));
        }
        s.datasetSha256().forEach((key, sum) -> {
            String why = againstPin(key, sum);
            if (why != null) {
                problems.add(new RecordProblem(name, f + "datasetSha256[" + key + "]", why));
            }
        });
        return tier;
    }

    private static void blank(String record, String field, String value, List<RecordProblem> problems) {
        if (value.isBlank()) {
            problems.add(new RecordProblem(record, field, "blank, a value is required"));
        }
    }

    /**
     * @param key a data file as {@code <spec>/<split>/<file>}
     * @param sum its recorded SHA-256
     * @return why it is not today's pin, or null if it is
     */
    static String againstPin(String key, String sum) {
        int slash = key.indexOf('/');
        if (slash <= 0) {
            return "expected a key <spec>/<split>/<file>";
        }
        String specId = key.substring(0, slash);
        SpecCatalogue catalogue = SpecCatalogue.published();
        if (!catalogue.ids().contains(specId)) {
            return "spec '" + specId + "' is not published in this version";
        }
        DatasetSpec spec = catalogue.get(specId);
        String pin = spec.sha256().get(key.substring(slash + 1));
        if (pin == null) {
            return "spec " + specId + " pins no file '" + key.substring(slash + 1) + "'";
        }
        return pin.equals(sum) ? null : "is " + sum + ", today's pin of spec " + specId + " is " + pin;
    }

    /** Reads and checks every row file, by file name; a row that fails is left out and reported. */
    private static Map<String, ResultRow> readRows(Path record, Submission s, Tier tier, List<RecordProblem> problems) {
        String name = record.toString();
        Map<String, ResultRow> rows = new TreeMap<>();
        Path dir = record.resolve(ROWS);
        List<Path> files = List.of();
        if (Files.isDirectory(dir)) {
            try (Stream<Path> list = Files.list(dir)) {
                files = list.filter(Files::isRegularFile).sorted().toList();
            } catch (IOException e) {
                problems.add(new RecordProblem(name, ROWS, "cannot be listed: " + e));
                return rows;
            }
        }
        if (files.stream().noneMatch(p -> p.getFileName().toString().endsWith(".json"))) {
            problems.add(new RecordProblem(name, ROWS, "no row file (rows/*.json)"));
        }
        ResultStore store = new ResultStore(dir);
        for (Path file : files) {
            String fileName = file.getFileName().toString();
            String field = ROWS + "/" + fileName;
            if (!fileName.endsWith(".json")) {
                problems.add(new RecordProblem(name, field, "not a row file (*.json)"));
                continue;
            }
            ResultRow r;
            try {
                r = ResultStore.read(file);
            } catch (IOException e) {
                problems.add(new RecordProblem(name, field, e.getMessage()));
                continue;
            }
            int before = problems.size();
            checkRow(name, field, r, s, tier, problems);
            if (!store.fileOf(r).getFileName().toString().equals(fileName)) {
                problems.add(new RecordProblem(
                        name,
                        field,
                        "a row of " + r.tier() + "/" + r.task() + "/" + r.model() + "/" + r.testSpec() + " belongs in "
                                + store.fileOf(r).getFileName()));
            }
            if (problems.size() == before) {
                rows.put(fileName, r);
            }
        }
        return rows;
    }

    private static void checkRow(
            String name, String field, ResultRow r, Submission s, Tier tier, List<RecordProblem> problems) {
        if (r.schema() != ResultRow.SCHEMA) {
            problems.add(new RecordProblem(
                    name, field + ": schema", "is " + r.schema() + ", a record needs " + ResultRow.SCHEMA));
        }
        if (!r.ok()) {
            problems.add(new RecordProblem(
                    name, field + ": status", "is " + r.status() + " (" + r.error() + "), a record holds scores"));
        }
        if (!Objects.equals(s.tier(), r.tier())) {
            problems.add(
                    new RecordProblem(name, field + ": tier", "is " + r.tier() + ", the submission's is " + s.tier()));
        }
        if (!Objects.equals(s.modelId(), r.model())) {
            problems.add(new RecordProblem(
                    name, field + ": model", "is " + r.model() + ", the submission's is " + s.modelId()));
        }
        if (!s.seeds().equals(r.seeds())) {
            problems.add(new RecordProblem(
                    name, field + ": seeds", "are " + r.seeds() + ", the submission's are " + s.seeds()));
        }
        Task task = null;
        try {
            task = Task.byId(r.task());
        } catch (IllegalArgumentException e) {
            problems.add(new RecordProblem(name, field + ": task", e.getMessage()));
        }
        if (task != null && r.taskVersion() != task.version()) {
            problems.add(new RecordProblem(
                    name,
                    field + ": taskVersion",
                    "is " + r.taskVersion() + ", today's " + task.id() + " is version " + task.version()));
        }
        if (task != null && tier != null && task.kind() != Task.Kind.GENERATION) {
            try {
                Predictions.testSet(task, tier, r.testSpec() + "/" + r.testSplit());
            } catch (RuntimeException e) {
                problems.add(new RecordProblem(name, field + ": testSpec", e.getMessage()));
            }
        }
        BuildRevision.of(r)
                .filter(built -> !built.equals(s.suiteRevision()))
                .ifPresent(built -> problems.add(new RecordProblem(
                        name,
                        field + ": versions." + BuildRevision.KEY,
                        "is " + built + ", the submission's suiteRevision is " + s.suiteRevision()
                                + ": the row was written by another build of the suite")));
        if (r.datasetSha256() == null || r.datasetSha256().isEmpty()) {
            problems.add(new RecordProblem(name, field + ": datasetSha256", "empty"));
        } else {
            r.datasetSha256().forEach((key, sum) -> {
                String in = s.datasetSha256().get(key);
                if (!Objects.equals(in, sum)) {
                    problems.add(new RecordProblem(
                            name, field + ": datasetSha256[" + key + "]", "is " + sum + ", the submission's is " + in));
                } else if (againstPin(key, sum) != null) {
                    problems.add(new RecordProblem(name, field + ": datasetSha256[" + key + "]", againstPin(key, sum)));
                }
            });
        }
    }

    /**
     * Every predictions file, as {@code predictions/<task>/<spec>/<split>/seed-<s>.npy}, grouped by
     * the row file it belongs to.
     */
    private static Map<String, SortedMap<Long, Path>> readPredictions(
            Path record, Map<String, ResultRow> rows, List<RecordProblem> problems) {
        String name = record.toString();
        Map<String, SortedMap<Long, Path>> byRow = new TreeMap<>();
        Path dir = record.resolve(PREDICTIONS);
        if (!Files.isDirectory(dir)) {
            return byRow;
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            problems.add(new RecordProblem(name, PREDICTIONS, "cannot be listed: " + e));
            return byRow;
        }
        Map<String, String> rowOf = new LinkedHashMap<>();
        rows.forEach((file, r) -> rowOf.put(r.task() + "/" + r.testSpec() + "/" + r.testSplit(), file));
        for (Path f : files) {
            Path rel = dir.relativize(f);
            String field = PREDICTIONS + "/" + rel.toString().replace('\\', '/');
            Matcher m = SEED_FILE.matcher(f.getFileName().toString());
            if (rel.getNameCount() != 4 || !m.matches()) {
                problems.add(new RecordProblem(
                        name, field, "expected " + PREDICTIONS + "/<task>/<spec>/<split>/seed-<s>.npy"));
                continue;
            }
            String key = rel.getName(0) + "/" + rel.getName(1) + "/" + rel.getName(2);
            String rowFile = rowOf.get(key);
            long seed;
            try {
                seed = Long.parseLong(m.group(1));
            } catch (NumberFormatException e) {
                problems.add(new RecordProblem(name, field, "seed out of range"));
                continue;
            }
            if (rowFile == null) {
                problems.add(new RecordProblem(name, field, "no row of task/spec/split " + key + " in " + ROWS));
            } else if (!rows.get(rowFile).seeds().contains(seed)) {
                problems.add(new RecordProblem(
                        name,
                        field,
                        "seed " + seed + " is not among the row's seeds "
                                + rows.get(rowFile).seeds()));
            } else {
                byRow.computeIfAbsent(rowFile, k -> new TreeMap<>()).put(seed, f);
            }
        }
        byRow.forEach((rowFile, bySeed) -> {
            List<Long> seeds = rows.get(rowFile).seeds();
            if (!List.copyOf(bySeed.keySet()).equals(seeds)) {
                problems.add(new RecordProblem(
                        name,
                        PREDICTIONS + " of " + ROWS + "/" + rowFile,
                        "files for seeds " + bySeed.keySet() + ", expected one per seed of the row, " + seeds));
            }
        });
        return byRow;
    }

    /** Re-scores one row's files; returns whether it was re-scored (and matched or was reported). */
    private boolean rescore(
            Path record,
            Tier tier,
            Submission s,
            String rowFile,
            ResultRow row,
            SortedMap<Long, Path> files,
            List<RecordProblem> problems,
            List<String> notes) {
        String name = record.toString();
        String field = ROWS + "/" + rowFile;
        Task task = Task.byId(row.task());
        TestSet planned = Predictions.testSet(task, tier, row.testSpec() + "/" + row.testSplit());
        SplitData test;
        try {
            test = testSet(planned);
        } catch (IOException e) {
            problems.add(new RecordProblem(name, field + ": testSpec", "cannot load the test set: " + e.getMessage()));
            return false;
        }
        if (test == null) {
            notes.add(name + ": " + field + " not re-scored: " + planned.specId() + " is not in " + dataDir);
            return false;
        }
        SortedMap<Long, Evaluation> bySeed = new TreeMap<>();
        for (Map.Entry<Long, Path> f : files.entrySet()) {
            try {
                bySeed.put(f.getKey(), Predictions.evaluate(f.getValue(), task, test));
            } catch (IOException e) {
                String rel = record.relativize(f.getValue()).toString().replace('\\', '/');
                problems.add(new RecordProblem(name, rel, e.getMessage()));
            }
        }
        if (bySeed.size() != files.size()) {
            return false;
        }
        ResultRow again = ResultRows.ofPredictions(
                tier,
                planned,
                test,
                row.model(),
                s.description(),
                row.params(),
                bySeed,
                RunEnvironment.libraryVersions());
        compare(name, field, row, again, problems);
        return true;
    }

    /** @return the folder holding {@code <spec-id>/} */
    Path dataDir() {
        return dataDir;
    }

    /**
     * The test set, loaded once per checker and kept for its later records (and a {@link
     * RecordComparison} through it); null if it is absent and may not be generated.
     */
    SplitData testSet(TestSet planned) throws IOException {
        String key = planned.specId() + "/" + planned.split();
        SplitData data = loaded.get(key);
        if (data == null) {
            if (!generate && !Files.isDirectory(dataDir.resolve(planned.specId()))) {
                return null;
            }
            DatasetSpec spec = TierData.ensure(planned.specId(), dataDir);
            data = DatasetLoader.load(spec, dataDir, planned.split());
            loaded.put(key, data);
        }
        return data;
    }

    /** Every metric and accuracy-by-p of the recorded row against the re-scored one, to the bit. */
    private static void compare(
            String name, String field, ResultRow recorded, ResultRow again, List<RecordProblem> problems) {
        Set<String> metrics = new TreeSet<>(again.metrics().keySet());
        metrics.addAll(recorded.metrics().keySet());
        for (String m : metrics) {
            String why = differs(recorded.metrics().get(m), again.metrics().get(m));
            if (why != null) {
                problems.add(new RecordProblem(name, field + ": metrics." + m, why));
            }
        }
        List<ResultRow.PerP> a = recorded.perP() == null ? List.of() : recorded.perP();
        List<ResultRow.PerP> b = again.perP();
        if (a.size() != b.size()) {
            problems.add(
                    new RecordProblem(name, field + ": perP", "has " + a.size() + " p values, re-scored " + b.size()));
            return;
        }
        for (int i = 0; i < a.size(); i++) {
            String why = Double.doubleToLongBits(a.get(i).p())
                            != Double.doubleToLongBits(b.get(i).p())
                    ? "p is " + a.get(i).p() + ", re-scored " + b.get(i).p()
                    : differs(a.get(i).accuracy(), b.get(i).accuracy());
            if (why != null) {
                problems.add(
                        new RecordProblem(name, field + ": perP[p=" + b.get(i).p() + "]", why));
            }
        }
    }

    /** Why two scores over seeds are not the same bits; null if they are. */
    private static String differs(Stat recorded, Stat again) {
        if (recorded == null || again == null) {
            return recorded == null ? "missing, re-scored " + Stat.text(again) : "not produced by re-scoring";
        }
        if (bits(recorded.mean()) != bits(again.mean())) {
            return "mean is " + recorded.mean() + ", re-scored " + again.mean();
        }
        if (bits(recorded.std()) != bits(again.std())) {
            return "std is " + recorded.std() + ", re-scored " + again.std();
        }
        if (recorded.values().size() != again.values().size()) {
            return "has " + recorded.values().size() + " values, re-scored "
                    + again.values().size();
        }
        for (int i = 0; i < again.values().size(); i++) {
            if (bits(recorded.values().get(i)) != bits(again.values().get(i))) {
                return "value " + i + " is " + recorded.values().get(i) + ", re-scored "
                        + again.values().get(i);
            }
        }
        return null;
    }

    private static long bits(Double d) {
        return d == null ? 0x7ff8dead00000000L : Double.doubleToLongBits(d);
    }
}
