package org.scalefreebench.bench.record;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.scalefreebench.bench.BenchmarkSettings;
import org.scalefreebench.bench.OccupiedFraction;
import org.scalefreebench.bench.Predictions;
import org.scalefreebench.bench.RunEnvironment;
import org.scalefreebench.bench.result.ResultRow;
import org.scalefreebench.bench.result.ResultStore;
import org.scalefreebench.datasets.load.DatasetLoader;
import org.scalefreebench.datasets.load.SplitData;
import org.scalefreebench.datasets.npy.NpyDtype;
import org.scalefreebench.datasets.npy.NpyWriter;
import org.scalefreebench.datasets.spec.SpecCatalogue;
import org.scalefreebench.datasets.task.Task;
import org.scalefreebench.datasets.task.Tier;

/**
 * A good result of record on the smoke test set (30 maps, L = 32), as an outside numpy user would
 * submit it: the density rule's spanning predictions for seeds 1 and 2, the row the {@code score}
 * path makes of them, and a submission naming the row's checksums.
 */
public final class RecordFixture {

    /**
     * The suite revision a test's bundle names: the build's, which its rows record, or a made-up
     * one where the build recorded none.
     */
    public static final String REVISION =
            RunEnvironment.suiteRevision().orElse("0123456789abcdef0123456789abcdef01234567");

    /** The smoke spec: its test split is the smoke tier's spanning test set. */
    static final String SMOKE = "percolation-L32-smoke-v1";
    /** The data folder of the build (read only). */
    static final Path DATA = BenchmarkSettings.fromSystemProperties().dataDir();
    /** The model id of the record. */
    static final String MODEL = "py-density";

    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private RecordFixture() {}

    /**
     * Writes the record under {@code root/smoke/py-density/}.
     *
     * @param root the folder of records
     * @return the record's folder
     */
    static Path write(Path root) throws IOException {
        SplitData test = DatasetLoader.load(SpecCatalogue.published().get(SMOKE), DATA, "test");
        Path record = root.resolve("smoke").resolve(MODEL);
        Path predictions = record.resolve(RecordChecker.PREDICTIONS)
                .resolve("spanning")
                .resolve(SMOKE)
                .resolve("test");
        Files.createDirectories(predictions);
        SortedMap<Long, Path> files = new TreeMap<>();
        for (long seed = 1; seed <= 2; seed++) {
            Path f = predictions.resolve("seed-" + seed + ".npy");
            float[] p = OccupiedFraction.of(test, 0.03f * (seed - 1));
            NpyWriter.write(f, NpyDtype.FLOAT32, new long[] {p.length}, p);
            files.put(seed, f);
        }
        ResultRow row = Predictions.score(
                Tier.SMOKE, Task.SPANNING, SMOKE + "/test", MODEL, "density rule in numpy", 1, files, DATA);
        new ResultStore(record.resolve(RecordChecker.ROWS)).write(row);
        Map<String, String> hardware = new LinkedHashMap<>();
        hardware.put("cpu", "a laptop's CPU <b>");
        hardware.put("cores", "4");
        new Submission(
                        Submission.SCHEMA,
                        MODEL,
                        "density rule in numpy",
                        "smoke",
                        1,
                        List.of(1L, 2L),
                        hardware,
                        "https://example.org/alice/py-density/tree/0123abc",
                        "0.1.0-SNAPSHOT",
                        REVISION,
                        row.datasetSha256())
                .write(record);
        return record;
    }

    /** The record's only row file. */
    static Path rowFile(Path record) throws IOException {
        try (var s = Files.list(record.resolve(RecordChecker.ROWS))) {
            return s.filter(p -> p.toString().endsWith(".json")).findFirst().orElseThrow();
        }
    }

    /** Reads a JSON file as an object tree. */
    static ObjectNode tree(Path file) throws IOException {
        return (ObjectNode) JSON.readTree(file.toFile());
    }

    /** Writes an object tree back. */
    static void save(Path file, ObjectNode tree) throws IOException {
        Files.writeString(file, JSON.writeValueAsString(tree));
    }
}
