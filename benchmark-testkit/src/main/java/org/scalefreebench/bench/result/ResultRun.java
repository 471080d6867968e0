package org.scalefreebench.bench.result;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.scalefreebench.datasets.generate.AtomicFiles;

/**
 * One run of the harness (a {@code mvn verify}, a CLI {@code run} or {@code score}) and its own
 * folder {@code <results>/runs/<id>/}: {@value #FILE} says what the run was, {@code rows/} holds its
 * result rows. Runs never share a rows folder, so rows written by one never mix into another's
 * leaderboard; the pages name the run they show.
 *
 * @param id       the run's id: letters, digits, {@code . _ -}; by default its UTC start time and process
 * @param source   what wrote it, e.g. {@code mvn verify} or {@code cli run}
 * @param tier     the tier id
 * @param seeds    the seeds
 * @param started  the UTC start time, ISO-8601
 * @param revision the suite's git commit, or {@code unknown}
 */
public record ResultRun(String id, String source, String tier, List<Long> seeds, String started, String revision) {

    /** The file describing a run, in its folder. */
    public static final String FILE = "run.json";
    /** The folder of runs, below a results folder. */
    public static final String RUNS = "runs";
    /** The folder of a run's rows, below its folder. */
    public static final String ROWS = "rows";
    /** The folder of a run's seed checkpoints, below its folder. */
    public static final String SEEDS = "seeds";

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,100}");
    private static final DateTimeFormatter ID_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /**
     * @throws IllegalArgumentException if the id is not a safe folder name
     */
    public ResultRun {
        requireId(id);
        seeds = List.copyOf(seeds);
    }

    /**
     * A run starting now.
     *
     * @param id       the id to use; blank for a new one ({@code <UTC time>-<process id>})
     * @param source   what writes it
     * @param tier     the tier id
     * @param seeds    the seeds
     * @param revision the suite's git commit
     * @return the run
     * @throws IllegalArgumentException if a given id is not a safe folder name
     */
    public static ResultRun start(String id, String source, String tier, List<Long> seeds, String revision) {
        Instant now = Instant.now();
        String runId = id == null || id.isBlank()
                ? ID_TIME.format(now) + "-" + ProcessHandle.current().pid()
                : id.strip();
        return new ResultRun(runId, source, tier, seeds, now.toString(), revision);
    }

    /**
     * @param id a run id
     * @return the id
     * @throws IllegalArgumentException naming the id and the rule if it is not a safe folder name
     */
    public static String requireId(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException(
                    "run id '" + id + "': use 1 to 100 letters, digits, '.', '_' or '-' (it names a folder)");
        }
        return id;
    }

    /**
     * @param results a results folder
     * @return this run's folder in it
     */
    public Path dir(Path results) {
        return dirOf(results, id);
    }

    /**
     * @param results a results folder
     * @param id      a run id
     * @return the folder of the run of that id in it, whether or not it exists
     */
    public static Path dirOf(Path results, String id) {
        return results.resolve(RUNS).resolve(id);
    }

    /**
     * @param results a results folder
     * @return this run's rows folder in it
     */
    public Path rowsDir(Path results) {
        return dir(results).resolve(ROWS);
    }

    /**
     * @param results a results folder
     * @return this run's folder of seed checkpoints in it
     */
    public Path seedsDir(Path results) {
        return dir(results).resolve(SEEDS);
    }

    /**
     * Writes {@value #FILE} atomically into this run's folder (creating it).
     *
     * @param results a results folder
     * @return the rows folder, for a {@link ResultStore}
     * @throws IOException if the folder or file cannot be written
     */
    public Path write(Path results) throws IOException {
        Files.createDirectories(dir(results));
        AtomicFiles.writeString(dir(results).resolve(FILE), JSON.writeValueAsString(this) + "\n");
        return rowsDir(results);
    }

    /** @return one line saying which run this is, for pages and logs */
    public String describe() {
        String seedList = seeds.stream().map(String::valueOf).collect(Collectors.joining(","));
        return "run " + id + " (" + source + ", tier " + tier + ", seeds " + seedList + ", started " + started
                + ", suite commit " + (revision.length() > 12 ? revision.substring(0, 12) : revision) + ")";
    }

    /**
     * @param runDir a run's folder
     * @return the run it describes
     * @throws IOException naming the file if it is missing or not a run description
     */
    public static ResultRun read(Path runDir) throws IOException {
        Path file = runDir.resolve(FILE);
        try {
            return JSON.readValue(file.toFile(), ResultRun.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new IOException(file + ": not a run description: " + e.getMessage(), e);
        }
    }

    /**
     * Every run in a results folder whose description reads, oldest first (by start time, then id).
     *
     * @param results a results folder
     * @return the runs; empty if it has none
     * @throws IOException if the runs folder cannot be listed
     */
    public static List<ResultRun> all(Path results) throws IOException {
        Path runs = results.resolve(RUNS);
        List<ResultRun> out = new ArrayList<>();
        if (!Files.isDirectory(runs)) {
            return out;
        }
        try (Stream<Path> s = Files.list(runs)) {
            for (Path d : s.filter(Files::isDirectory).toList()) {
                if (Files.isRegularFile(d.resolve(FILE))) {
                    try {
                        out.add(read(d));
                    } catch (IOException e) {
                        System.out.println("results: skipped " + e.getMessage());
                    }
                }
            }
        }
        out.sort(Comparator.comparing(ResultRun::started).thenComparing(ResultRun::id));
        return out;
    }

    /**
     * The run a report shows: the one named, if it is in the folder, else the newest.
     *
     * @param results a results folder
     * @param wanted  a run id, or blank for the newest
     * @return the run; empty if the folder holds no run
     * @throws IOException if the runs folder cannot be listed
     */
    public static Optional<ResultRun> select(Path results, String wanted) throws IOException {
        List<ResultRun> runs = all(results);
        if (wanted != null && !wanted.isBlank()) {
            Optional<ResultRun> named =
                    runs.stream().filter(r -> r.id().equals(wanted.strip())).findFirst();
            if (named.isPresent()) {
                return named;
            }
        }
        return runs.isEmpty() ? Optional.empty() : Optional.of(runs.get(runs.size() - 1));
    }
}
