package org.scalefreebench.bench.record;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.LongStream;
import org.scalefreebench.bench.ModelRun;
import org.scalefreebench.bench.result.ResultRow;
import org.scalefreebench.bench.result.ResultStore;
import org.scalefreebench.datasets.generate.AtomicFiles;
import org.scalefreebench.datasets.model.MaskGenerator;
import org.scalefreebench.datasets.npy.NpyDtype;
import org.scalefreebench.datasets.npy.NpyWriter;
import org.scalefreebench.datasets.task.Task;

/**
 * Writes the bundle of one model's run as a result of record would hold it, under
 * {@code <root>/<tier>/<model-id>/}: {@value Submission#FILE}, the rows under
 * {@value RecordChecker#ROWS}{@code /}, and each seed's predictions of every per-map task under
 * {@value RecordChecker#PREDICTIONS}{@code /<task>/<spec>/<split>/seed-<s>.npy} (a few kB to tens of
 * kB each); mask predictions (up to a GB per seed) are never written, nor a generator's maps (its
 * bundle holds its rows). A pull request that adds the folder to {@code results-of-record/} submits it.
 */
public final class RecordBundle {

    private RecordBundle() {}

    /**
     * @param seeds seeds of a run
     * @return whether they are the canonical {@code 1..S} a record needs
     */
    public static boolean canonical(List<Long> seeds) {
        return !seeds.isEmpty()
                && seeds.equals(LongStream.rangeClosed(1, seeds.size()).boxed().toList());
    }

    /**
     * Writes one model's bundle; every file atomically, the submission last. A model whose tasks train
     * on different data (site percolation and critical FK) is run once per data group, and each group
     * adds to the same bundle: a submission already in the folder from the same run (model, tier,
     * seeds, code and suite revision) keeps its dataset checksums beside the new ones, and the
     * parameter count is the larger of the two (the model's largest network).
     *
     * @param root          the folder of bundles
     * @param run           the model's run, every seed's per-map predictions kept
     * @param rows          its rows, all ok
     * @param hardware      where it ran
     * @param versions      library versions, {@code scalefree-bench} among them
     * @param code          where the model's code is
     * @param suiteRevision the git commit of this suite
     * @return the bundle's folder
     * @throws IllegalArgumentException if a row failed, there are no rows, the seeds are not {@code 1..S},
     *                                  a row records another suite revision than {@code suiteRevision},
     *                                  or the folder holds a bundle of another run
     * @throws IOException              if a file cannot be written
     */
    public static Path write(
            Path root,
            ModelRun run,
            List<ResultRow> rows,
            Map<String, String> hardware,
            Map<String, String> versions,
            String code,
            String suiteRevision)
            throws IOException {
        Map<Long, Map<String, Map<Task, float[]>>> kept = new TreeMap<>();
        run.seeds().forEach(s -> kept.put(s.seed(), s.predictions()));
        return write(
                root,
                run.model().id(),
                run.model().description(),
                run.seeds().stream().map(ModelRun.SeedRun::seed).toList(),
                run.seeds().isEmpty() ? 0 : run.seeds().get(0).params(),
                (seed, testSpec, task) -> {
                    Map<Task, float[]> onSet = kept.get(seed).get(testSpec);
                    return onSet == null ? null : onSet.get(task);
                },
                new Written(rows, hardware, versions, code, suiteRevision));
    }

    /**
     * Writes one generator's bundle: its rows of the generation task, which hold scores of the maps it
     * drew and no predictions file (a record of them is self-reported); otherwise as
     * {@link #write(Path, ModelRun, List, Map, Map, String, String)}.
     *
     * @param root          the folder of bundles
     * @param generator     the generator
     * @param seeds         the seeds it ran
     * @param params        its trained parameters (the first seed's fit)
     * @param rows          its rows, all ok, all of the generation task
     * @param hardware      where it ran
     * @param versions      library versions, {@code scalefree-bench} among them
     * @param code          where the generator's code is
     * @param suiteRevision the git commit of this suite
     * @return the bundle's folder
     * @throws IllegalArgumentException as the models' bundle does, or if a row is not of the generation task
     * @throws IOException              if a file cannot be written
     */
    public static Path writeGenerator(
            Path root,
            MaskGenerator generator,
            List<Long> seeds,
            long params,
            List<ResultRow> rows,
            Map<String, String> hardware,
            Map<String, String> versions,
            String code,
            String suiteRevision)
            throws IOException {
        for (ResultRow r : rows) {
            if (Task.byId(r.task()).kind() != Task.Kind.GENERATION) {
                throw new IllegalArgumentException(generator.id() + ": a generator's bundle holds rows of the"
                        + " generation task, not " + r.task());
            }
        }
        return write(
                root,
                generator.id(),
                generator.description(),
                seeds,
                params,
                (seed, testSpec, task) -> null,
                new Written(rows, hardware, versions, code, suiteRevision));
    }

    /**
     * @param record   a record folder, {@code <tier>/<model-id>}
     * @param task     a per-map task
     * @param testSpec the test set's spec id
     * @param split    the test set's split
     * @param seed     a seed
     * @return where the record keeps that seed's predictions: {@code
     *         predictions/<task>/<spec>/<split>/seed-<seed>.npy}
     */
    public static Path predictionsFile(Path record, Task task, String testSpec, String split, long seed) {
        return predictionsDir(record, task).resolve(testSpec).resolve(split).resolve("seed-" + seed + ".npy");
    }

    /**
     * @param record a record folder
     * @param task   a per-map task
     * @return the folder of the record's predictions of that task, {@code predictions/<task>}
     */
    public static Path predictionsDir(Path record, Task task) {
        return record.resolve(RecordChecker.PREDICTIONS).resolve(task.id());
    }

    /** Each seed's kept predictions of a task on a test set, or null. */
    @FunctionalInterface
    private interface KeptPredictions {
        float[] of(long seed, String testSpec, Task task);
    }

    /** What a bundle records beside its model: rows, machine, versions, code and suite revision. */
    private record Written(
            List<ResultRow> rows,
            Map<String, String> hardware,
            Map<String, String> versions,
            String code,
            String suiteRevision) {}

    private static Path write(
            Path root,
            String id,
            String description,
            List<Long> seeds,
            long firstParams,
            KeptPredictions kept,
            Written w)
            throws IOException {
        List<ResultRow> rows = w.rows();
        String suiteRevision = w.suiteRevision();
        String code = w.code();
        if (rows.isEmpty() || rows.stream().anyMatch(r -> !r.ok())) {
            throw new IllegalArgumentException(id + ": a record holds scores; a row failed or there is none");
        }
        if (!canonical(seeds)) {
            throw new IllegalArgumentException(id + ": a record needs the canonical seeds 1..S, the run had " + seeds);
        }
        for (ResultRow r : rows) {
            Optional<String> built = BuildRevision.of(r);
            if (built.isPresent() && !built.get().equals(suiteRevision)) {
                throw new IllegalArgumentException(id + ": the rows were written by suite revision "
                        + built.get() + ", the submission would name " + suiteRevision
                        + "; a record names the one that ran");
            }
        }
        String tier = rows.get(0).tier();
        Path dir = root.resolve(tier).resolve(id);
        Map<String, String> sums = new TreeMap<>();
        long params = firstParams;
        if (Files.exists(dir.resolve(Submission.FILE))) {
            Submission earlier = Submission.read(dir);
            if (!earlier.modelId().equals(id)
                    || !earlier.tier().equals(tier)
                    || !earlier.seeds().equals(seeds)
                    || !earlier.code().equals(code)
                    || !earlier.suiteRevision().equals(suiteRevision)) {
                throw new IllegalArgumentException(
                        dir + " already holds a bundle of another run (code " + earlier.code()
                                + ", suite revision " + earlier.suiteRevision() + ", seeds " + earlier.seeds()
                                + "); remove it or choose another record folder");
            }
            sums.putAll(earlier.datasetSha256());
            params = Math.max(params, earlier.parameterCount());
        }
        ResultStore store = new ResultStore(dir.resolve(RecordChecker.ROWS));
        for (ResultRow r : rows) {
            store.write(r);
            sums.putAll(r.datasetSha256());
            Task task = Task.byId(r.task());
            if (task.kind() == Task.Kind.SEGMENTATION || task.kind() == Task.Kind.GENERATION) {
                continue;
            }
            for (long seed : seeds) {
                float[] p = kept.of(seed, r.testSpec(), task);
                if (p == null) {
                    throw new IllegalStateException(id + " seed " + seed + ": no predictions of " + task.id() + " on "
                            + r.testSpec() + " were kept");
                }
                Path f = predictionsFile(dir, task, r.testSpec(), r.testSplit(), seed);
                Files.createDirectories(f.getParent());
                NpyWriter.write(AtomicFiles.partOf(f), NpyDtype.FLOAT32, new long[] {p.length}, p);
                AtomicFiles.commit(f);
            }
        }
        new Submission(
                        Submission.SCHEMA,
                        id,
                        description,
                        tier,
                        params,
                        seeds,
                        w.hardware(),
                        code,
                        w.versions().getOrDefault("scalefree-bench", ""),
                        suiteRevision,
                        sums)
                .write(dir);
        return dir;
    }
}
