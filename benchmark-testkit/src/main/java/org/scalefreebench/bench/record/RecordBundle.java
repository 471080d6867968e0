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
import org.scalefreebench.datasets.npy.NpyDtype;
import org.scalefreebench.datasets.npy.NpyWriter;
import org.scalefreebench.datasets.task.Task;

/**
 * Writes the bundle of one model's run as a result of record would hold it, under
 * {@code <root>/<tier>/<model-id>/}: {@value Submission#FILE}, the rows under
 * {@value RecordChecker#ROWS}{@code /}, and each seed's predictions of every per-map task under
 * {@value RecordChecker#PREDICTIONS}{@code /<task>/<spec>/<split>/seed-<s>.npy} (a few kB to tens of
 * kB each); mask predictions (up to a GB per seed) are never written. A pull request that adds the
 * folder to {@code results-of-record/} submits it.
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
        if (rows.isEmpty() || rows.stream().anyMatch(r -> !r.ok())) {
            throw new IllegalArgumentException(
                    run.model().id() + ": a record holds scores; a row failed or there is none");
        }
        List<Long> seeds = run.seeds().stream().map(ModelRun.SeedRun::seed).toList();
        if (!canonical(seeds)) {
            throw new IllegalArgumentException(
                    run.model().id() + ": a record needs the canonical seeds 1..S, the run had " + seeds);
        }
        for (ResultRow r : rows) {
            Optional<String> built = BuildRevision.of(r);
            if (built.isPresent() && !built.get().equals(suiteRevision)) {
                throw new IllegalArgumentException(run.model().id() + ": the rows were written by suite revision "
                        + built.get() + ", the submission would name " + suiteRevision
                        + "; a record names the one that ran");
            }
        }
        String tier = rows.get(0).tier();
        Path dir = root.resolve(tier).resolve(run.model().id());
        Map<String, String> sums = new TreeMap<>();
        long params = run.seeds().get(0).params();
        if (Files.exists(dir.resolve(Submission.FILE))) {
            Submission earlier = Submission.read(dir);
            if (!earlier.modelId().equals(run.model().id())
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
            for (ModelRun.SeedRun s : run.seeds()) {
                Map<Task, float[]> onSet = s.predictions().get(r.testSpec());
                float[] p = onSet == null ? null : onSet.get(task);
                if (p == null) {
                    throw new IllegalStateException(run.model().id() + " seed " + s.seed() + ": no predictions of "
                            + task.id() + " on " + r.testSpec() + " were kept");
                }
                Path f = dir.resolve(RecordChecker.PREDICTIONS)
                        .resolve(task.id())
                        .resolve(r.testSpec())
                        .resolve(r.testSplit())
                        .resolve("seed-" + s.seed() + ".npy");
                Files.createDirectories(f.getParent());
                NpyWriter.write(AtomicFiles.partOf(f), NpyDtype.FLOAT32, new long[] {p.length}, p);
                AtomicFiles.commit(f);
            }
        }
        new Submission(
                        Submission.SCHEMA,
                        run.model().id(),
                        run.model().description(),
                        tier,
                        params,
                        seeds,
                        hardware,
                        code,
                        versions.getOrDefault("scalefree-bench", ""),
                        suiteRevision,
                        sums)
                .write(dir);
        return dir;
    }
}
