package org.scalefreebench.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.scalefreebench.datasets.family.DataColumn;
import org.scalefreebench.datasets.generate.DatasetGenerator;
import org.scalefreebench.datasets.load.DatasetLoader;
import org.scalefreebench.datasets.load.SplitData;
import org.scalefreebench.datasets.spec.DatasetSpec;
import org.scalefreebench.datasets.spec.SpecCatalogue;
import org.scalefreebench.datasets.task.Task;
import org.scalefreebench.datasets.task.TestSet;
import org.scalefreebench.datasets.task.Tier;

/**
 * The data of the tasks of a tier that share their training data, loaded and checked before any
 * model trains: the training spec's train and val splits and every test set any of those tasks is
 * scored on. A model is fitted once per seed on it for all those tasks. A dataset that is absent is
 * generated from its spec; one that is present is loaded strictly, so a file whose SHA-256 differs
 * from the spec's pin stops the run with an error naming the file (it is never silently
 * regenerated).
 *
 * @param tier     the tier
 * @param tasks    the tasks that train on this data
 * @param train    the training split
 * @param val      the validation split
 * @param testSets the test splits, in the tasks' order (critical sets first), each once
 * @param sha256   the pinned SHA-256 of every file read, keyed {@code <spec>/<split>/<file>}
 */
public record TierData(
        Tier tier,
        Set<Task> tasks,
        SplitData train,
        SplitData val,
        List<SplitData> testSets,
        Map<String, String> sha256) {

    /** Immutable copies. */
    public TierData {
        tasks = Collections.unmodifiableSet(EnumSet.copyOf(tasks));
        testSets = List.copyOf(testSets);
        sha256 = Collections.unmodifiableMap(new LinkedHashMap<>(sha256));
    }

    /**
     * Loads the data of every task of the tier, one {@link TierData} per distinct training data.
     *
     * @param tier    the tier
     * @param tasks   the tasks to load for
     * @param dataDir the folder holding {@code <spec-id>/}
     * @return the groups, in task order
     * @throws IOException           naming the file if one is missing, corrupt or does not match its pinned checksum
     * @throws IllegalStateException if the task catalogue names a spec that does not exist or lacks a
     *                               task's label column, or a task trains on several specs together
     */
    public static List<TierData> loadAll(Tier tier, Set<Task> tasks, Path dataDir) throws IOException {
        SpecCatalogue catalogue = SpecCatalogue.published();
        Task.checkCatalogue(catalogue::get);
        Map<List<String>, Set<Task>> groups = new LinkedHashMap<>();
        for (Task task : tasks) {
            groups.computeIfAbsent(task.plan(tier).trainSpecs(), k -> EnumSet.noneOf(Task.class))
                    .add(task);
        }
        List<TierData> out = new ArrayList<>();
        Map<String, SplitData> loaded = new LinkedHashMap<>();
        for (Map.Entry<List<String>, Set<Task>> g : groups.entrySet()) {
            if (g.getKey().size() != 1) {
                throw new IllegalStateException("tasks " + g.getValue() + " of tier " + tier.id()
                        + " train on several specs together (" + g.getKey()
                        + "); this harness fits on one training spec at a time");
            }
            Map<String, String> sums = new LinkedHashMap<>();
            DatasetSpec trainSpec = ensure(g.getKey().get(0), dataDir);
            SplitData train = load(trainSpec, dataDir, "train", sums, loaded);
            SplitData val = load(trainSpec, dataDir, "val", sums, loaded);
            Set<TestSet> sets = new LinkedHashSet<>();
            g.getValue().forEach(t -> sets.addAll(t.plan(tier).testSets()));
            List<SplitData> tests = new ArrayList<>();
            for (TestSet t : sets) {
                tests.add(load(ensure(t.specId(), dataDir), dataDir, t.split(), sums, loaded));
            }
            out.add(new TierData(tier, g.getValue(), train, val, tests, sums));
        }
        return out;
    }

    /**
     * Loads the data of every task of a tier whose tasks all share their training data (every tier
     * of today's catalogue).
     *
     * @param tier    the tier
     * @param dataDir the folder holding {@code <spec-id>/}
     * @return the loaded, checksum-verified data
     * @throws IOException           naming the file if one is missing, corrupt or does not match its pinned checksum
     * @throws IllegalStateException if the tier's tasks train on different data
     */
    public static TierData load(Tier tier, Path dataDir) throws IOException {
        List<TierData> all = loadAll(tier, EnumSet.allOf(Task.class), dataDir);
        if (all.size() != 1) {
            throw new IllegalStateException(
                    "the tasks of tier " + tier.id() + " train on " + all.size() + " different data; use loadAll");
        }
        return all.get(0);
    }

    /**
     * @param task a task
     * @param test one of {@link #testSets()}
     * @return the set's place in the task's plan, or null if the task is not scored on it
     */
    public TestSet testSet(Task task, SplitData test) {
        for (TestSet t : task.plan(tier).testSets()) {
            if (t.specId().equals(test.spec().id())
                    && t.split().equals(test.split().name())) {
                return t;
            }
        }
        return null;
    }

    private static DatasetSpec ensure(String specId, Path dataDir) throws IOException {
        DatasetSpec spec = SpecCatalogue.published().get(specId);
        if (!Files.exists(dataDir.resolve(spec.id()))) {
            new DatasetGenerator(Runtime.getRuntime().availableProcessors(), DatasetGenerator.Progress.NONE)
                    .generate(spec, dataDir);
        }
        return spec;
    }

    private static SplitData load(
            DatasetSpec spec, Path dataDir, String split, Map<String, String> sums, Map<String, SplitData> loaded)
            throws IOException {
        String key = spec.id() + "/" + split;
        SplitData data = loaded.get(key);
        if (data == null) {
            data = DatasetLoader.load(spec, dataDir, split);
            loaded.put(key, data);
        }
        for (DataColumn f : spec.family().columns()) {
            String rel = f.relativePath(split);
            sums.put(spec.id() + "/" + rel, spec.sha256().get(rel));
        }
        return data;
    }
}
