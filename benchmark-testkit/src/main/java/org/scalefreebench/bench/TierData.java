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
import java.util.stream.Collectors;
import org.scalefreebench.datasets.family.DataColumn;
import org.scalefreebench.datasets.family.Families;
import org.scalefreebench.datasets.generate.DatasetGenerator;
import org.scalefreebench.datasets.generate.Manifest;
import org.scalefreebench.datasets.load.DatasetLoader;
import org.scalefreebench.datasets.load.SplitData;
import org.scalefreebench.datasets.model.TrainingData;
import org.scalefreebench.datasets.spec.DatasetSpec;
import org.scalefreebench.datasets.spec.SpecCatalogue;
import org.scalefreebench.datasets.task.Task;
import org.scalefreebench.datasets.task.TestSet;
import org.scalefreebench.datasets.task.Tier;

/**
 * The data of the tasks of a tier that share their training data, loaded and checked before any
 * model trains: the train and val splits of every training spec (several when the plan trains on
 * several sizes together) and every test set any of those tasks is scored on. A model is fitted
 * once per seed on it for all those tasks. A dataset that is absent is generated from its spec; one
 * that is present is loaded strictly, so a file whose SHA-256 differs from the spec's pin stops the
 * run with an error naming the file (it is never silently regenerated).
 *
 * @param tier        the tier
 * @param tasks       the tasks that train on this data
 * @param trainSplits the training splits, one per training spec, smallest L first
 * @param valSplits   the validation splits, in the same order
 * @param testSets    the test splits, in the tasks' order (critical sets first), each once
 * @param sha256      the pinned SHA-256 of every file read, keyed {@code <spec>/<split>/<file>}
 */
public record TierData(
        Tier tier,
        Set<Task> tasks,
        List<SplitData> trainSplits,
        List<SplitData> valSplits,
        List<SplitData> testSets,
        Map<String, String> sha256) {

    /** Immutable copies. */
    public TierData {
        tasks = Collections.unmodifiableSet(EnumSet.copyOf(tasks));
        trainSplits = List.copyOf(trainSplits);
        valSplits = List.copyOf(valSplits);
        testSets = List.copyOf(testSets);
        sha256 = Collections.unmodifiableMap(new LinkedHashMap<>(sha256));
    }

    /** @return the training split at the training size (the largest L) */
    public SplitData train() {
        return trainSplits.get(trainSplits.size() - 1);
    }

    /** @return the validation split at the training size */
    public SplitData val() {
        return valSplits.get(valSplits.size() - 1);
    }

    /**
     * @return the training specs as result rows name them: their ids joined by {@code +}, smallest L
     *         first (one id for a one-size plan)
     */
    public String trainSpecs() {
        return trainSplits.stream().map(t -> t.spec().id()).collect(Collectors.joining("+"));
    }

    /**
     * @param tasks the tasks to fit for
     * @return the training data of those tasks: every training and validation split
     */
    public TrainingData training(Set<Task> tasks) {
        return new TrainingData(tasks, trainSplits, valSplits);
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
     *                               task's label column
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
            Map<String, String> sums = new LinkedHashMap<>();
            List<SplitData> trains = new ArrayList<>();
            List<SplitData> vals = new ArrayList<>();
            for (String specId : g.getKey()) {
                DatasetSpec trainSpec = ensure(specId, dataDir);
                trains.add(load(trainSpec, dataDir, "train", sums, loaded));
                vals.add(load(trainSpec, dataDir, "val", sums, loaded));
            }
            Set<TestSet> sets = new LinkedHashSet<>();
            g.getValue().forEach(t -> sets.addAll(t.plan(tier).testSets()));
            List<SplitData> tests = new ArrayList<>();
            for (TestSet t : sets) {
                tests.add(load(ensure(t.specId(), dataDir), dataDir, t.split(), sums, loaded));
            }
            out.add(new TierData(tier, g.getValue(), trains, vals, tests, sums));
        }
        return out;
    }

    /**
     * Loads the data of every predictive site-percolation task of a tier (every percolation task but
     * the generation task, which trains on masks at p_c), when they all share their training data
     * (every tier of today's catalogue); the critical-FK tasks train on their own data (see
     * {@link #loadAll}).
     *
     * @param tier    the tier
     * @param dataDir the folder holding {@code <spec-id>/}
     * @return the loaded, checksum-verified data
     * @throws IOException           naming the file if one is missing, corrupt or does not match its pinned checksum
     * @throws IllegalStateException if the tier's predictive percolation tasks train on different data
     */
    public static TierData load(Tier tier, Path dataDir) throws IOException {
        Set<Task> predicted = EnumSet.noneOf(Task.class);
        for (Task t : Task.values()) {
            if (t.kind() != Task.Kind.GENERATION
                    && Families.SITE_PERCOLATION.id().equals(t.family())) {
                predicted.add(t);
            }
        }
        List<TierData> all = loadAll(tier, predicted, dataDir);
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

    /**
     * @param specId  a published spec id
     * @param dataDir the folder holding {@code <spec-id>/}
     * @return the spec, its dataset generated into {@code dataDir} first if absent, or completed if
     *     a generation was stopped half-way (no manifest yet: the finished splits are kept, as
     *     {@code generate} does)
     * @throws IOException if generating fails
     */
    public static DatasetSpec ensure(String specId, Path dataDir) throws IOException {
        DatasetSpec spec = SpecCatalogue.published().get(specId);
        if (!Files.exists(dataDir.resolve(spec.id()).resolve(Manifest.FILE_NAME))) {
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
        sums.putAll(pinnedSha256(spec, split));
        return data;
    }

    /**
     * @param spec  a spec
     * @param split one of its splits
     * @return the spec's pinned SHA-256 of every file of the split, keyed {@code <spec>/<split>/<file>}
     *         as {@link #sha256()} is
     */
    public static Map<String, String> pinnedSha256(DatasetSpec spec, String split) {
        Map<String, String> sums = new LinkedHashMap<>();
        for (DataColumn f : spec.family().columns()) {
            String rel = f.relativePath(split);
            sums.put(spec.id() + "/" + rel, spec.sha256().get(rel));
        }
        return sums;
    }
}
