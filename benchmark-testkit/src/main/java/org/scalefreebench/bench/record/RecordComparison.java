package org.scalefreebench.bench.record;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.scalefreebench.bench.Predictions;
import org.scalefreebench.datasets.load.SplitData;
import org.scalefreebench.datasets.task.PairedDifference;
import org.scalefreebench.datasets.task.Task;
import org.scalefreebench.datasets.task.TestSet;
import org.scalefreebench.datasets.task.Tier;

/**
 * Two records of the same tier compared map by map: for every predictions file of record a whose
 * task, test set and seed record b holds too, the {@link PairedDifference} of the task's primary
 * metric (ROC AUC by DeLong's test, R² by paired squared errors). Both records are validated first;
 * a record that fails validation is refused with its problems. This is how a gap to {@code
 * density-baseline} is told from the test set's noise.
 */
public final class RecordComparison {

    /**
     * One seed's comparison on one test set.
     *
     * @param seed       the seed of both files
     * @param difference a's metric minus b's, with its paired standard error
     */
    public record SeedDifference(long seed, PairedDifference difference) {}

    /**
     * What was compared and what was not.
     *
     * @param modelA      record a's model id
     * @param modelB      record b's model id
     * @param tier        the records' tier
     * @param differences one per file pair, by task, test set (in the task's plan order) and seed
     * @param unpaired    a's files without a counterpart in b (or not comparable), and why
     */
    public record Result(
            String modelA, String modelB, String tier, List<SeedDifference> differences, List<String> unpaired) {}

    private final RecordChecker checker;

    /** @param dataDir the datasets folder (a missing test set is generated and checked) */
    public RecordComparison(Path dataDir) {
        this(new RecordChecker(Objects.requireNonNull(dataDir, "dataDir"), true));
    }

    /**
     * Compares through a checker: it validates the records, and the test sets it has loaded (to
     * re-score the records) are not read again. A test set absent from its data folder is generated
     * only if the checker generates; if not, its files are listed as not compared.
     *
     * @param checker the checker whose data folder and loaded test sets are used
     */
    public RecordComparison(RecordChecker checker) {
        this.checker = Objects.requireNonNull(checker, "checker");
    }

    /**
     * @param a     a record folder, {@code <tier>/<model-id>}
     * @param b     a record folder of the same tier, e.g. {@code <tier>/density-baseline}
     * @param tasks the tasks to compare; empty: every task with a paired test
     * @return the comparisons
     * @throws IllegalArgumentException if either record fails validation (naming its problems), the
     *                                  records are of different tiers, or they hold no file in common
     * @throws IOException              naming the file if a predictions file or test set cannot be read
     */
    public Result compare(Path a, Path b, Set<Task> tasks) throws IOException {
        return compare(a, validated(a), b, validated(b), tasks);
    }

    /**
     * Compares two records that a {@link RecordChecker} has already passed, without validating them
     * again.
     *
     * @param a     record a's check
     * @param b     record b's check, of the same tier
     * @param tasks the tasks to compare; empty: every task with a paired test
     * @return the comparisons
     * @throws IllegalArgumentException if either check did not pass, the records are of different
     *                                  tiers, or they hold no file in common
     * @throws IOException              naming the file if a predictions file or test set cannot be read
     */
    public Result compare(RecordCheck a, RecordCheck b, Set<Task> tasks) throws IOException {
        for (RecordCheck c : List.of(a, b)) {
            if (!c.passed()) {
                throw new IllegalArgumentException(c.record() + " did not pass its check, so it is not compared: "
                        + c.problems().stream().map(Object::toString).toList());
            }
        }
        return compare(a.record(), a.submission(), b.record(), b.submission(), tasks);
    }

    private Result compare(Path a, Submission sa, Path b, Submission sb, Set<Task> tasks) throws IOException {
        if (!sa.tier().equals(sb.tier())) {
            throw new IllegalArgumentException("records " + a + " (tier " + sa.tier() + ") and " + b + " (tier "
                    + sb.tier() + ") are of different tiers: only the same tier's test sets can be paired");
        }
        Tier tier = Tier.byId(sa.tier());
        List<SeedDifference> differences = new ArrayList<>();
        List<String> unpaired = new ArrayList<>();
        for (Task task : Task.values()) {
            if ((!tasks.isEmpty() && !tasks.contains(task))
                    || !Files.isDirectory(RecordBundle.predictionsDir(a, task))) {
                continue;
            }
            if (!Files.isDirectory(RecordBundle.predictionsDir(b, task))) {
                unpaired.add(task.id() + ": " + sb.modelId() + " has no predictions of this task");
                continue;
            }
            for (TestSet set : task.plan(tier).testSets()) {
                compareOn(task, set, a, b, sa, sb, differences, unpaired);
            }
        }
        if (differences.isEmpty()) {
            throw new IllegalArgumentException("records " + a + " and " + b
                    + " hold no predictions file in common to compare"
                    + (unpaired.isEmpty() ? "" : ": " + String.join("; ", unpaired)));
        }
        return new Result(sa.modelId(), sb.modelId(), sa.tier(), differences, unpaired);
    }

    /** Every seed of a on one test set, the set loaded once. */
    private void compareOn(
            Task task,
            TestSet set,
            Path a,
            Path b,
            Submission sa,
            Submission sb,
            List<SeedDifference> differences,
            List<String> unpaired)
            throws IOException {
        SplitData test = null;
        for (long seed : sa.seeds()) {
            Path fa = RecordBundle.predictionsFile(a, task, set.specId(), set.split(), seed);
            if (!Files.isRegularFile(fa)) {
                continue;
            }
            Path fb = RecordBundle.predictionsFile(b, task, set.specId(), set.split(), seed);
            if (!Files.isRegularFile(fb)) {
                unpaired.add(a.relativize(fa) + ": " + sb.modelId() + " has no such file");
                continue;
            }
            if (test == null) {
                test = checker.testSet(set);
                if (test == null) {
                    unpaired.add(set.specId() + "/" + set.split() + ": the test set is absent from " + checker.dataDir()
                            + " and is not generated here");
                    return;
                }
            }
            try {
                differences.add(new SeedDifference(
                        seed,
                        PairedDifference.of(
                                task, test, Predictions.read(fa, task, test), Predictions.read(fb, task, test))));
            } catch (IllegalArgumentException e) {
                unpaired.add(a.relativize(fa) + ": " + e.getMessage());
            }
        }
    }

    private Submission validated(Path record) throws IOException {
        RecordCheck c = checker.check(record, RecordChecker.Mode.VALIDATE);
        if (!c.passed()) {
            throw new IllegalArgumentException(record + " fails validation, so it is not compared: "
                    + c.problems().stream().map(Object::toString).toList());
        }
        return Submission.read(record);
    }
}
