package org.scalefreebench.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.scalefreebench.bench.result.ResultRow;
import org.scalefreebench.datasets.load.DatasetLoader;
import org.scalefreebench.datasets.load.SplitData;
import org.scalefreebench.datasets.npy.Npy;
import org.scalefreebench.datasets.npy.NpyDtype;
import org.scalefreebench.datasets.npy.NpyFormatException;
import org.scalefreebench.datasets.npy.NpyHeader;
import org.scalefreebench.datasets.spec.DatasetSpec;
import org.scalefreebench.datasets.spec.SpecCatalogue;
import org.scalefreebench.datasets.task.Evaluation;
import org.scalefreebench.datasets.task.EvaluationException;
import org.scalefreebench.datasets.task.Evaluator;
import org.scalefreebench.datasets.task.Task;
import org.scalefreebench.datasets.task.TestSet;
import org.scalefreebench.datasets.task.Tier;

/**
 * Predictions made outside the harness (by a Python model, say): one numpy {@code .npy} file per
 * seed, float32 in C order, of shape {@code (N,)} for a per-map task and {@code (N, L, L)} for the
 * mask, scored on a test set of the task's plan by the same {@link Evaluator} into the same
 * {@link ResultRow} as a fitted model's, marked {@link ResultRow#PREDICTIONS}. The test set is
 * loaded from the data folder and checked against the spec's pinned SHA-256 (generated first if
 * absent). Every file is read and scored before the row is built, so a bad file means no row; each
 * refusal names the file and what was expected.
 */
public final class Predictions {

    /** The numpy line that writes an array as this scorer reads it. */
    public static final String CONVERT = "np.save(path, np.asarray(p, dtype=np.float32))";

    private Predictions() {}

    /**
     * Scores one file per seed and builds the row.
     *
     * @param tier        the tier whose plan names the test set
     * @param task        the task
     * @param testSet     the test set as {@code <spec id>/<split>}, one of the task's plan in the tier
     * @param model       the model id
     * @param description the model's one-line description
     * @param params      trained parameters as declared (0 if not declared)
     * @param files       the predictions file of each seed, by seed; at least one
     * @param dataDir     the folder holding {@code <spec-id>/}
     * @return the row, not yet written
     * @throws IllegalArgumentException naming what is wrong if the task, test set or arguments are
     * @throws IOException              naming the file and what was expected if a predictions file is
     *                                  missing or bad, or if the test set cannot be loaded
     */
    public static ResultRow score(
            Tier tier,
            Task task,
            String testSet,
            String model,
            String description,
            long params,
            SortedMap<Long, Path> files,
            Path dataDir)
            throws IOException {
        if (files == null || files.isEmpty()) {
            throw new IllegalArgumentException("no predictions: expected one file per seed, SEED=FILE");
        }
        TestSet planned = testSet(task, tier, testSet);
        DatasetSpec spec = TierData.ensure(planned.specId(), dataDir);
        SplitData test = DatasetLoader.load(spec, dataDir, planned.split());
        SortedMap<Long, Evaluation> bySeed = new TreeMap<>();
        for (Map.Entry<Long, Path> f : files.entrySet()) {
            bySeed.put(f.getKey(), evaluate(f.getValue(), task, test));
        }
        return ResultRows.ofPredictions(
                tier, planned, test, model, description, params, bySeed, RunEnvironment.libraryVersions());
    }

    /**
     * @param task a task
     * @param tier a tier
     * @param name a test set as {@code <spec id>/<split>}
     * @return the set as the task's plan in the tier names it
     * @throws IllegalArgumentException naming the known ids, splits or planned sets if there is no such set
     *                                  in the plan, or the task is not scored from predictions
     */
    public static TestSet testSet(Task task, Tier tier, String name) {
        if (task.kind() == Task.Kind.GENERATION) {
            throw new IllegalArgumentException("task " + task.id()
                    + " is scored on generated masks, not on predictions; tasks scored from predictions: "
                    + Arrays.stream(Task.values())
                            .filter(t -> t.kind() != Task.Kind.GENERATION)
                            .map(Task::id)
                            .collect(Collectors.joining(", ")));
        }
        int slash = name == null ? -1 : name.lastIndexOf('/');
        if (slash <= 0 || slash == name.length() - 1) {
            throw new IllegalArgumentException(
                    "test set '" + name + "': expected <spec id>/<split>, e.g. " + planned(task, tier));
        }
        DatasetSpec spec = SpecCatalogue.published().get(name.substring(0, slash));
        String split = name.substring(slash + 1);
        spec.split(split);
        for (TestSet t : task.plan(tier).testSets()) {
            if (t.specId().equals(spec.id()) && t.split().equals(split)) {
                return t;
            }
        }
        throw new IllegalArgumentException("task " + task.id() + " is not scored on " + name + " in tier " + tier.id()
                + "; its test sets there: " + planned(task, tier));
    }

    private static String planned(Task task, Tier tier) {
        return task.plan(tier).testSets().stream()
                .map(t -> t.specId() + "/" + t.split())
                .collect(Collectors.joining(", "));
    }

    /**
     * Reads one predictions file and scores it.
     *
     * @param file a predictions file
     * @param task the task
     * @param test the test set, with its labels
     * @return the evaluation
     * @throws IOException naming the file and what was expected if it is missing, not float32, of the
     *                     wrong shape, or holds a NaN or a value out of the task's range
     */
    public static Evaluation evaluate(Path file, Task task, SplitData test) throws IOException {
        float[] prediction = read(file, task, test);
        try {
            return Evaluator.evaluate(task, test, prediction);
        } catch (EvaluationException e) {
            throw new NpyFormatException(file, e.getMessage());
        }
    }

    /**
     * Reads one predictions file: float32, C order, shape {@code (N,)} for a per-map task and
     * {@code (N, L, L)} for the mask.
     *
     * @param file a predictions file
     * @param task the task
     * @param test the test set
     * @return the values, in the {@link Evaluator}'s layout
     * @throws IOException naming the file and what was expected if it is missing or does not hold such an array
     */
    public static float[] read(Path file, Task task, SplitData test) throws IOException {
        long n = test.samples();
        int l = test.size();
        long[] shape = task.kind() == Task.Kind.SEGMENTATION ? new long[] {n, l, l} : new long[] {n};
        String expected = "a float32 array of shape " + NpyHeader.formatShape(shape) + " ("
                + (shape.length == 1 ? "one " + task.output() + " per map" : task.output() + " per site")
                + " of the " + n + " maps of " + test.spec().id() + "/"
                + test.split().name() + ")";
        if (!Files.isRegularFile(file)) {
            throw new NpyFormatException(file, "no such file: expected " + expected);
        }
        NpyHeader header;
        try {
            header = Npy.readHeader(file);
        } catch (NpyFormatException e) {
            throw new NpyFormatException(file, detail(file, e) + "; expected " + expected + ", written by " + CONVERT);
        }
        if (header.dtype() != NpyDtype.FLOAT32) {
            throw new NpyFormatException(
                    file,
                    "dtype '" + header.dtype().descr() + "' ("
                            + header.dtype().name().toLowerCase(Locale.ROOT)
                            + "), expected '" + NpyDtype.FLOAT32.descr() + "' (float32): convert with " + CONVERT
                            + " (never a silent downcast: a value just below 1/2 can round to 1/2)");
        }
        try {
            return Npy.readFloat32(file, shape);
        } catch (NpyFormatException e) {
            throw new NpyFormatException(file, detail(file, e) + "; expected " + expected);
        }
    }

    /** The message of an exception about a file without the file's name in front. */
    private static String detail(Path file, NpyFormatException e) {
        String prefix = file + ": ";
        String m = e.getMessage();
        return m.startsWith(prefix) ? m.substring(prefix.length()) : m;
    }
}
