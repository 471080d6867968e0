package org.scalefreebench.bench;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.scalefreebench.bench.record.RecordBundle;
import org.scalefreebench.bench.result.ResultRow;
import org.scalefreebench.bench.result.ResultRun;
import org.scalefreebench.bench.result.ResultStore;
import org.scalefreebench.datasets.model.BenchmarkModel;

/**
 * The benchmark as a model project outside this repository runs it (its failsafe scans this class
 * from the testkit jar): every model the project registers that runs in the tier
 * ({@code -Dscalefree.tier}, smoke unless set; {@code -Dscalefree.models}, {@code .tasks},
 * {@code .seeds} as for the suite's own benchmark), fitted with each seed and scored on every test
 * set; its rows go to {@code scalefree.results.dir/runs/<run id>/rows} and, when every row of a model is good, its
 * submission bundle ({@code submission.json}, rows, per-map predictions) to
 * {@code scalefree.submission.dir/<tier>/<model-id>/}, with the code address
 * {@code scalefree.code.url}. A failed row fails the test, naming the model and its error.
 */
class SubmissionBenchmarkIT {

    @Test
    void benchmarksTheProjectsModelsAndWritesTheirBundles() throws IOException {
        BenchmarkSettings settings = BenchmarkSettings.fromSystemProperties();
        List<BenchmarkModel> models = ModelRegistry.load().select(settings.modelIds(), settings.tier());
        assertFalse(
                models.isEmpty(),
                "no registered model runs in tier " + settings.tier().id()
                        + ": list the model class in src/main/resources/META-INF/services/"
                        + BenchmarkModel.class.getName());
        Path bundles = Path.of(System.getProperty("scalefree.submission.dir", "target/submission"));
        String code = System.getProperty("scalefree.code.url", "");
        String revision = RunEnvironment.suiteRevision().orElse("");
        ResultRun resultRun = settings.startRun(System.getProperty("scalefree.run.id"), "model project mvn verify");
        ResultStore store = new ResultStore(resultRun.rowsDir(settings.resultsDir()));
        Map<String, String> hardware = RunEnvironment.hardware();
        Map<String, String> versions = RunEnvironment.versions();
        List<String> failed = new ArrayList<>();
        for (TierData data : TierData.loadAll(settings.tier(), settings.tasks(), settings.dataDir())) {
            Benchmark benchmark = new Benchmark(settings, data, System.out::println);
            for (BenchmarkModel model : models) {
                if (benchmark.tasksOf(model).isEmpty()) {
                    continue;
                }
                ModelRun run = benchmark.run(model);
                List<ResultRow> rows = ResultRows.of(run, data, hardware, versions);
                for (ResultRow r : rows) {
                    store.write(r);
                    if (!r.ok()) {
                        failed.add(r.model() + " on " + r.task() + " (" + r.testSpec() + "): " + r.error());
                    }
                }
                if (rows.stream().allMatch(ResultRow::ok) && RecordBundle.canonical(settings.seeds())) {
                    System.out.println("submission bundle written to "
                            + RecordBundle.write(bundles, run, rows, hardware, versions, code, revision));
                }
            }
        }
        System.out.println("rows written to " + store.dir());
        assertTrue(failed.isEmpty(), "failed rows: " + String.join("; ", failed));
    }
}
