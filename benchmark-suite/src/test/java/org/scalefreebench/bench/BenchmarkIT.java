package org.scalefreebench.bench;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.qameta.allure.Allure;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.scalefreebench.bench.result.DensityGap;
import org.scalefreebench.bench.result.FkHeadline;
import org.scalefreebench.bench.result.GenerationHeadline;
import org.scalefreebench.bench.result.Headline;
import org.scalefreebench.bench.result.ResultRow;
import org.scalefreebench.bench.result.ResultRun;
import org.scalefreebench.bench.result.ResultStore;
import org.scalefreebench.datasets.load.SplitData;
import org.scalefreebench.datasets.model.BenchmarkModel;
import org.scalefreebench.datasets.model.MaskGenerator;
import org.scalefreebench.datasets.task.Task;

/**
 * The benchmark itself, as {@code mvn verify} runs it: every registered model that runs in the tier
 * (or those named by {@code -Dscalefree.models}) on every task it supports (or those of {@code -Dscalefree.tasks}),
 * fitted with each seed of the tier and scored on every test set. Each (model, task) is one test
 * with its parameters, result rows and pictures; a model that fails is a failed test and failed
 * rows, and the others still run. The density baseline runs first, so every model's chart of
 * spanning accuracy against p shows its curve beside the model's. The last test draws every model's spanning accuracy against p.
 */
class BenchmarkIT {

    private final Map<String, ModelRun> runs = new ConcurrentHashMap<>();

    @TestFactory
    Stream<DynamicNode> benchmark() throws IOException {
        BenchmarkSettings settings = BenchmarkSettings.fromSystemProperties();
        Selection selection = Selection.of(settings, ModelRegistry.load(), GeneratorRegistry.load());
        List<BenchmarkModel> models = selection.models();
        List<MaskGenerator> generators = selection.generators();
        List<TierData> groups = TierData.loadAll(settings.tier(), settings.tasks(), settings.dataDir());
        ResultRun resultRun = settings.startRun(System.getProperty("scalefree.run.id"), "mvn verify");
        ResultStore store = new ResultStore(resultRun.rowsDir(settings.resultsDir()));
        System.out.println("BenchmarkIT: " + resultRun.describe() + ", rows in " + store.dir());
        if (settings.modelIds().isBlank() && settings.tasks().size() == Task.values().length) {
            clearRows(store.dir(), settings.tier().id());
        }
        Map<String, String> hardware = RunEnvironment.hardware();
        Map<String, String> versions = RunEnvironment.versions();
        List<DynamicNode> nodes = new ArrayList<>();
        List<SplitData> testSets = new ArrayList<>();
        for (TierData data : groups) {
            data.testSets().stream().filter(t -> !testSets.contains(t)).forEach(testSets::add);
            Benchmark benchmark = new Benchmark(settings, data, System.out::println);
            String group = data.trainSpecs();
            for (BenchmarkModel model : models) {
                List<DynamicTest> tests = new ArrayList<>();
                for (Task task : benchmark.tasksOf(model)) {
                    tests.add(DynamicTest.dynamicTest(model.id() + " on " + task.id(), () -> {
                        ModelRun run = runs.computeIfAbsent(model.id() + "/" + group, id -> benchmark.run(model));
                        Allure.getLifecycle()
                                .updateTestCase(
                                        t -> t.setHistoryId(settings.tier().id() + "/" + task.id() + "/" + model.id()));
                        Allure.parameter("model", model.id());
                        Allure.parameter("task", task.id() + " v" + task.version());
                        Allure.parameter("tier", settings.tier().id());
                        Allure.parameter("trained on", group);
                        Allure.parameter("seeds", settings.seeds().toString());
                        Allure.description(model.description());
                        List<ResultRow> rows = ResultRows.of(run, data, hardware, versions).stream()
                                .filter(r -> r.task().equals(task.id()))
                                .toList();
                        for (ResultRow r : rows) {
                            Path f = store.write(r);
                            Allure.addAttachment(
                                    "row " + r.testSpec() + ".json", "application/json", Files.readString(f), ".json");
                        }
                        List<ResultRow> density = store.readAll().rows().stream()
                                .filter(r -> r.tier().equals(settings.tier().id())
                                        && r.model().equals(DensityGap.BASELINE))
                                .toList();
                        RunCharts.of(run, task, rows, density, data)
                                .forEach((name, png) ->
                                        Allure.addAttachment(name, "image/png", new ByteArrayInputStream(png), ".png"));
                        String failure = run.failures().get(task);
                        if (failure != null) {
                            fail(model.id() + " on " + task.id() + " failed: " + failure);
                        }
                        assertNotNull(
                                rows.get(0).metrics().get(task.primaryMetric().id()), "row without its primary metric");
                    }));
                }
                if (!tests.isEmpty()) {
                    nodes.add(DynamicContainer.dynamicContainer(model.id(), tests));
                }
            }
            if (data.tasks().contains(GenerationBenchmark.TASK)) {
                GenerationBenchmark generation = new GenerationBenchmark(settings, data, System.out::println);
                Task task = GenerationBenchmark.TASK;
                for (MaskGenerator generator : generators) {
                    nodes.add(DynamicTest.dynamicTest(generator.id() + " on " + task.id(), () -> {
                        GenerationBenchmark.Run run = generation.run(generator);
                        Allure.getLifecycle()
                                .updateTestCase(t ->
                                        t.setHistoryId(settings.tier().id() + "/" + task.id() + "/" + generator.id()));
                        Allure.parameter("generator", generator.id());
                        Allure.parameter("task", task.id() + " v" + task.version());
                        Allure.parameter("tier", settings.tier().id());
                        Allure.parameter("trained on", group);
                        Allure.parameter("seeds", settings.seeds().toString());
                        Allure.description(generator.description());
                        for (GenerationBenchmark.SeedRun seed : run.seeds()) {
                            for (Map.Entry<String, Path> picture :
                                    seed.pictures().entrySet()) {
                                Allure.addAttachment(
                                        picture.getKey(),
                                        "image/png",
                                        new ByteArrayInputStream(Files.readAllBytes(picture.getValue())),
                                        ".png");
                            }
                        }
                        List<ResultRow> rows = generation.rows(run, hardware, versions);
                        for (ResultRow r : rows) {
                            Path f = store.write(r);
                            Allure.addAttachment(
                                    "row " + r.testSpec() + ".json", "application/json", Files.readString(f), ".json");
                        }
                        if (run.failure() != null) {
                            fail(generator.id() + " on " + task.id() + " failed: " + run.failure());
                        }
                        assertNotNull(
                                rows.get(0).metrics().get(task.primaryMetric().id()), "row without its primary metric");
                    }));
                }
            }
        }
        nodes.add(DynamicTest.dynamicTest("headline: every model at p = p_c, with its gap to density-baseline", () -> {
            List<ResultRow> rows = store.readAll().rows().stream()
                    .filter(r -> r.tier().equals(settings.tier().id()))
                    .collect(Collectors.toList());
            Headline headline = Headline.of(settings.tier(), rows);
            GenerationHeadline generation = GenerationHeadline.of(settings.tier(), rows);
            FkHeadline fk = FkHeadline.of(settings.tier(), rows);
            assumeFalse(headline.isEmpty() && generation.isEmpty() && fk.isEmpty(), "no row to show");
            String markdown = (headline.isEmpty() ? "" : headline.markdown())
                    + (generation.isEmpty() ? "" : generation.markdown())
                    + (fk.isEmpty() ? "" : fk.markdown());
            Allure.epic("0. Headline");
            Allure.description(markdown);
            Allure.addAttachment("headline.md", "text/markdown", markdown, ".md");
            for (Task task : Task.values()) {
                byte[] png = RunCharts.criticalAcrossSizes(rows, task);
                if (png != null) {
                    Allure.addAttachment(
                            task.id() + ": " + task.primaryMetric().id() + " at p = p_c against L, every model",
                            "image/png",
                            new ByteArrayInputStream(png),
                            ".png");
                }
            }
            for (TierData data : groups) {
                List<ModelRun> ran = runs.entrySet().stream()
                        .filter(e -> e.getKey().endsWith("/" + data.trainSpecs()))
                        .sorted(Map.Entry.comparingByKey())
                        .map(Map.Entry::getValue)
                        .toList();
                for (Task task : FkHeadline.TASKS) {
                    List<ModelRun> withTask =
                            ran.stream().filter(r -> r.tasks().contains(task)).toList();
                    RunCharts.fkCharts(withTask, task, data)
                            .forEach((name, png) -> Allure.addAttachment(
                                    name + ", every model", "image/png", new ByteArrayInputStream(png), ".png"));
                }
            }
        }));
        nodes.add(DynamicTest.dynamicTest("all models: spanning accuracy against p", () -> {
            List<ResultRow> rows = store.readAll().rows().stream()
                    .filter(r -> r.tier().equals(settings.tier().id()))
                    .collect(Collectors.toList());
            for (SplitData test : testSets) {
                byte[] png = RunCharts.spanningAcrossModels(rows, test.spec().id());
                if (png != null) {
                    Allure.addAttachment(
                            "spanning accuracy against p, L = " + test.size(),
                            "image/png",
                            new ByteArrayInputStream(png),
                            ".png");
                }
            }
        }));
        nodes.add(DynamicTest.dynamicTest("trainers: " + String.join(", ", TRAINERS) + " on one chart", () -> {
            List<ModelRun> trainers = TRAINERS.stream()
                    .flatMap(t -> runs.entrySet().stream()
                            .filter(e -> e.getKey().startsWith(t + "/"))
                            .map(Map.Entry::getValue))
                    .toList();
            assumeFalse(trainers.isEmpty(), "none of the trainers ran");
            for (boolean againstTime : List.of(true, false)) {
                byte[] png = RunCharts.lossAcrossModels(trainers, againstTime);
                if (png != null) {
                    Allure.addAttachment(
                            "loss against " + (againstTime ? "time" : "step"),
                            "image/png",
                            new ByteArrayInputStream(png),
                            ".png");
                }
            }
            List<ResultRow> rows = store.readAll().rows().stream()
                    .filter(r -> r.tier().equals(settings.tier().id()) && isTrainer(r.model()))
                    .toList();
            for (SplitData test : testSets) {
                byte[] png = RunCharts.spanningAcrossModels(rows, test.spec().id());
                if (png != null) {
                    Allure.addAttachment(
                            "trainers: spanning accuracy against p, L = " + test.size(),
                            "image/png",
                            new ByteArrayInputStream(png),
                            ".png");
                }
            }
        }));
        return nodes.stream();
    }

    /** The trainers of the reference CNN compared at equal passes; their equal-time variants end in "-45s". */
    private static final List<String> TRAINERS = List.of("cnn-sgd", "cnn-adam", "cnn-anagram");

    private static boolean isTrainer(String model) {
        return TRAINERS.stream().anyMatch(t -> model.equals(t) || model.matches(t + "-\\d+s"));
    }

    private static void clearRows(Path dir, String tier) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> s = Files.list(dir)) {
            for (Path f : s.filter(p -> p.getFileName().toString().startsWith(tier + "__"))
                    .toList()) {
                Files.delete(f);
            }
        }
    }
}
