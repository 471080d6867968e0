package org.scalefreebench.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.scalefreebench.datasets.generate.AtomicFiles;
import org.scalefreebench.datasets.task.Task;

/**
 * Every finished seed of a model, kept on disk so that a run stopped part-way (a session's end, a
 * killed job) goes on from its last finished seed instead of fitting the finished ones again. One
 * JSON file per model, training data and seed; written atomically, so a seed stopped mid-way leaves
 * no checkpoint. A checkpoint is taken back only when its model id, tier, tasks, seed, suite
 * revision and the SHA-256 of every data file it read are today's; otherwise, or when it cannot be
 * read, the seed is fitted again and the log names the file and the reason. Uncommitted edits to a
 * model's code do not change the suite revision: delete the folder after such an edit.
 */
public final class SeedCheckpoints {

    /** The checkpoint format read and written. */
    public static final int SCHEMA = 1;

    private static final ObjectMapper JSON =
            new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /**
     * One checkpoint file.
     *
     * @param schema        {@link #SCHEMA}
     * @param model         the model id
     * @param tier          the tier id
     * @param tasks         the ids of the tasks it was run on, sorted
     * @param seed          the seed
     * @param suiteRevision the suite's git commit, or {@code unknown}
     * @param dataSha256    the SHA-256 of every data file read, keyed {@code <spec>/<split>/<file>}
     * @param run           what the seed did
     */
    record Checkpoint(
            int schema,
            String model,
            String tier,
            List<String> tasks,
            long seed,
            String suiteRevision,
            SortedMap<String, String> dataSha256,
            ModelRun.SeedRun run) {}

    private final Path dir;
    private final TierData data;
    private final String suiteRevision;
    private final Consumer<String> log;

    /**
     * @param dir           the folder of checkpoints (created when the first is written)
     * @param data          the training and test data the seeds are run on
     * @param suiteRevision the suite's git commit, or {@code unknown}
     * @param log           receives a line for every checkpoint that is not taken back, and why
     */
    public SeedCheckpoints(Path dir, TierData data, String suiteRevision, Consumer<String> log) {
        this.dir = Objects.requireNonNull(dir, "dir");
        this.data = Objects.requireNonNull(data, "data");
        this.suiteRevision = Objects.requireNonNull(suiteRevision, "suiteRevision");
        this.log = Objects.requireNonNull(log, "log");
    }

    /**
     * @param model a model id
     * @param seed  a seed
     * @return the file of that seed's checkpoint: {@code <dir>/<model>/<train specs>/seed-<seed>.json}
     */
    public Path fileOf(String model, long seed) {
        return dir.resolve(model).resolve(data.trainSpecs()).resolve("seed-" + seed + ".json");
    }

    /**
     * @param model the model id
     * @param tasks the tasks it is run on
     * @param seed  the seed
     * @return the seed's run, if a checkpoint of it exists and matches; empty otherwise (the log says
     *         why when a file was there but not taken)
     */
    public Optional<ModelRun.SeedRun> load(String model, Set<Task> tasks, long seed) {
        Path file = fileOf(model, seed);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Checkpoint c;
        try {
            c = JSON.readValue(file.toFile(), Checkpoint.class);
        } catch (JsonProcessingException e) {
            log.accept("checkpoint " + file + " not taken, it is not a seed checkpoint (" + e.getOriginalMessage()
                    + "): seed " + seed + " is fitted again");
            return Optional.empty();
        } catch (IOException e) {
            log.accept("checkpoint " + file + " not taken, it cannot be read (" + e + "): seed " + seed
                    + " is fitted again");
            return Optional.empty();
        }
        Checkpoint now = checkpoint(model, tasks, seed, null);
        String differs = firstDifference(c, now);
        if (differs != null) {
            log.accept("checkpoint " + file + " not taken, its " + differs + ": seed " + seed + " is fitted again");
            return Optional.empty();
        }
        return Optional.of(c.run());
    }

    /**
     * Writes a finished seed's checkpoint, replacing an older one. A failure to write is logged, not
     * thrown: the run goes on, only that seed cannot be taken back later.
     *
     * @param model the model id
     * @param tasks the tasks it was run on
     * @param run   what the seed did
     * @return the file written, or empty if it could not be written
     */
    public Optional<Path> save(String model, Set<Task> tasks, ModelRun.SeedRun run) {
        Path file = fileOf(model, run.seed());
        try {
            Files.createDirectories(file.getParent());
            AtomicFiles.writeString(file, JSON.writeValueAsString(checkpoint(model, tasks, run.seed(), run)));
            return Optional.of(file);
        } catch (IOException | RuntimeException e) {
            log.accept("seed " + run.seed() + " of " + model + " not kept as a checkpoint in " + file + ": " + e);
            return Optional.empty();
        }
    }

    private Checkpoint checkpoint(String model, Set<Task> tasks, long seed, ModelRun.SeedRun run) {
        return new Checkpoint(
                SCHEMA,
                model,
                data.tier().id(),
                tasks.stream().map(Task::id).sorted().toList(),
                seed,
                suiteRevision,
                new TreeMap<>(data.sha256()),
                run);
    }

    /** @return "<field> is <was>, this run's is <now>" for the first field that differs, or null */
    private static String firstDifference(Checkpoint was, Checkpoint now) {
        Map<String, List<Object>> fields = new LinkedHashMap<>();
        fields.put("schema", List.of(was.schema(), now.schema()));
        fields.put("model", List.of(String.valueOf(was.model()), now.model()));
        fields.put("tier", List.of(String.valueOf(was.tier()), now.tier()));
        fields.put("tasks", List.of(String.valueOf(was.tasks()), String.valueOf(now.tasks())));
        fields.put("seed", List.of(was.seed(), now.seed()));
        fields.put("suite revision", List.of(String.valueOf(was.suiteRevision()), now.suiteRevision()));
        for (Map.Entry<String, List<Object>> f : fields.entrySet()) {
            if (!f.getValue().get(0).equals(f.getValue().get(1))) {
                return f.getKey() + " is " + f.getValue().get(0) + ", this run's is "
                        + f.getValue().get(1);
            }
        }
        if (!Objects.equals(was.dataSha256(), now.dataSha256())) {
            return "data checksums are not this run's (other data files or other contents)";
        }
        if (was.run() == null || was.run().seed() != was.seed()) {
            return "run is missing or of another seed";
        }
        return null;
    }
}
