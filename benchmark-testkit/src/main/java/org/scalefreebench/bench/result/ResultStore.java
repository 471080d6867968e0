package org.scalefreebench.bench.result;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.scalefreebench.datasets.generate.AtomicFiles;

/**
 * The folder of result rows, one JSON file per (tier, task, model, test set). A row is written to a
 * part file, synced and renamed, so an interrupted run never leaves a half row; reading skips part
 * files and reports, by name, any row file it cannot parse instead of dropping it silently.
 */
public final class ResultStore {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    /** The oldest row schema read; rows older than {@link ResultRow#SCHEMA} are listed apart, never ranked. */
    public static final int OLDEST_SCHEMA = 2;

    private final Path dir;

    /** @param dir the folder of row files (created when the first row is written) */
    public ResultStore(Path dir) {
        this.dir = dir;
    }

    /** @return the folder */
    public Path dir() {
        return dir;
    }

    /**
     * @param row a row
     * @return the file it is stored in
     */
    public Path fileOf(ResultRow row) {
        return dir.resolve(row.tier() + "__" + row.task() + "__" + row.model() + "__" + row.testSpec() + ".json");
    }

    /**
     * Writes a row atomically, replacing an older row of the same key.
     *
     * @param row the row
     * @return the file written
     * @throws IOException if writing fails; any older row is then left as it was
     */
    public Path write(ResultRow row) throws IOException {
        Path f = fileOf(row);
        AtomicFiles.writeString(f, JSON.writeValueAsString(row) + "\n");
        return f;
    }

    /**
     * @param file a row file
     * @return the row
     * @throws IOException naming the file if it cannot be read or parsed
     */
    public static ResultRow read(Path file) throws IOException {
        try {
            ResultRow r = JSON.readValue(file.toFile(), ResultRow.class);
            if (r.schema() < OLDEST_SCHEMA || r.schema() > ResultRow.SCHEMA) {
                throw new IOException(file + ": row schema " + r.schema() + ", this version reads " + OLDEST_SCHEMA
                        + " to " + ResultRow.SCHEMA);
            }
            return r;
        } catch (JsonProcessingException e) {
            throw new IOException(file + ": not a result row: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Every complete row file in the folder, in file-name order.
     *
     * @return the rows read and the files that could not be
     * @throws IOException if the folder cannot be listed
     */
    public Contents readAll() throws IOException {
        List<ResultRow> rows = new ArrayList<>();
        List<ResultRow> older = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        if (Files.isDirectory(dir)) {
            List<Path> files;
            try (Stream<Path> s = Files.list(dir)) {
                files = s.filter(p -> p.getFileName().toString().endsWith(".json"))
                        .sorted()
                        .toList();
            }
            for (Path f : files) {
                try {
                    ResultRow r = read(f);
                    (r.schema() == ResultRow.SCHEMA ? rows : older).add(r);
                } catch (IOException e) {
                    unreadable.add(e.getMessage());
                }
            }
        }
        return new Contents(rows, older, unreadable);
    }

    /**
     * What a results folder holds.
     *
     * @param rows       the rows of the current schema that parsed
     * @param older      the rows of an older schema: shown apart, never in a table with the others
     * @param unreadable one message per row file that did not parse, naming it
     */
    public record Contents(List<ResultRow> rows, List<ResultRow> older, List<String> unreadable) {

        /**
         * @param rows       the rows of the current schema
         * @param unreadable the files that did not parse
         */
        public Contents(List<ResultRow> rows, List<String> unreadable) {
            this(rows, List.of(), unreadable);
        }
    }
}
