package org.scalefreebench.bench.record;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.scalefreebench.bench.Predictions;
import org.scalefreebench.bench.TierData;
import org.scalefreebench.datasets.load.DatasetLoader;
import org.scalefreebench.datasets.load.SplitData;
import org.scalefreebench.datasets.spec.DatasetSpec;
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

    private final Path dataDir;

    /** @param dataDir the datasets folder (a missing test set is generated and checked) */
    public RecordComparison(Path dataDir) {
        this.dataDir = Objects.requireNonNull(dataDir, "dataDir");
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
        Submission sa = validated(a);
        Submission sb = validated(b);
        if (!sa.tier().equals(sb.tier())) {
            throw new IllegalArgumentException("records " + a + " (tier " + sa.tier() + ") and " + b + " (tier "
                    + sb.tier() + ") are of different tiers: only the same tier's test sets can be paired");
        }
        Tier tier = Tier.byId(sa.tier());
        Path dirA = a.resolve(RecordChecker.PREDICTIONS);
        List<Path> files;
        if (Files.isDirectory(dirA)) {
            try (Stream<Path> walk = Files.walk(dirA)) {
                files = walk.filter(Files::isRegularFile).sorted().toList();
            }
        } else {
            files = List.of();
        }
        List<SeedDifference> differences = new ArrayList<>();
        List<String> unpaired = new ArrayList<>();
        for (Path fa : files) {
            Path rel = dirA.relativize(fa);
            Task task = Task.byId(rel.getName(0).toString());
            if (!tasks.isEmpty() && !tasks.contains(task)) {
                continue;
            }
            Path fb = b.resolve(RecordChecker.PREDICTIONS).resolve(rel);
            if (!Files.isDirectory(b.resolve(RecordChecker.PREDICTIONS).resolve(rel.getName(0)))) {
                String none = task.id() + ": " + sb.modelId() + " has no predictions of this task";
                if (!unpaired.contains(none)) {
                    unpaired.add(none);
                }
                continue;
            }
            if (!Files.isRegularFile(fb)) {
                unpaired.add(rel + ": " + sb.modelId() + " has no such file");
                continue;
            }
            String name = rel.getFileName().toString();
            long seed = Long.parseLong(name.substring("seed-".length(), name.length() - ".npy".length()));
            TestSet set = Predictions.testSet(task, tier, rel.getName(1) + "/" + rel.getName(2));
            DatasetSpec spec = TierData.ensure(set.specId(), dataDir);
            SplitData test = DatasetLoader.load(spec, dataDir, set.split());
            try {
                differences.add(new SeedDifference(
                        seed,
                        PairedDifference.of(
                                task, test, Predictions.read(fa, task, test), Predictions.read(fb, task, test))));
            } catch (IllegalArgumentException e) {
                unpaired.add(rel + ": " + e.getMessage());
            }
        }
        differences.sort(
                Comparator.comparing((SeedDifference s) -> s.difference().task())
                        .thenComparingInt(s -> planIndex(s.difference(), tier))
                        .thenComparingLong(SeedDifference::seed));
        if (differences.isEmpty()) {
            throw new IllegalArgumentException("records " + a + " and " + b
                    + " hold no predictions file in common to compare"
                    + (unpaired.isEmpty() ? "" : ": " + String.join("; ", unpaired)));
        }
        return new Result(sa.modelId(), sb.modelId(), sa.tier(), differences, unpaired);
    }

    /** The test set's place in its task's plan: sizes in the plan's order, not the file names'. */
    private static int planIndex(PairedDifference d, Tier tier) {
        List<TestSet> sets = d.task().plan(tier).testSets();
        for (int i = 0; i < sets.size(); i++) {
            if (d.testSet().equals(sets.get(i).specId() + "/" + sets.get(i).split())) {
                return i;
            }
        }
        return sets.size();
    }

    private Submission validated(Path record) throws IOException {
        RecordCheck c = new RecordChecker(dataDir, true).check(record, RecordChecker.Mode.VALIDATE);
        if (!c.passed()) {
            throw new IllegalArgumentException(record + " fails validation, so it is not compared: "
                    + c.problems().stream().map(Object::toString).toList());
        }
        return Submission.read(record);
    }
}
