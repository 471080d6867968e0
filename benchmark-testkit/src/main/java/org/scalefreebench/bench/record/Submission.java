package org.scalefreebench.bench.record;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.scalefreebench.datasets.generate.AtomicFiles;

/**
 * The {@value #FILE} of a result of record ({@code results-of-record/<tier>/<model-id>/}): who the
 * model is, how it was run and on which data. Read strictly: every field is required, none may be
 * null, and a field this version does not know is an error naming it.
 *
 * @param schema         version of this layout, {@value #SCHEMA}
 * @param modelId        the model id of every row of the record (also the folder's name)
 * @param description    the model's one-line description
 * @param tier           the tier the rows were scored in (also the parent folder's name)
 * @param parameterCount trained parameters, as declared by the submitter (not checkable)
 * @param seeds          the seeds, the canonical {@code 1..S}; every row has exactly these
 * @param hardware       where the model was fitted (CPU, cores, memory, OS, JVM), non-empty
 * @param code           where the model's code is: a repository or artifact address with its revision
 * @param suiteVersion   the ScaleFree Bench version that wrote the rows
 * @param suiteRevision  the git commit of ScaleFree Bench that wrote the rows, 40 hex digits
 * @param datasetSha256  the SHA-256 of every data file the rows were fitted and scored on, keyed
 *                       {@code <spec>/<split>/<file>}: each must equal today's pin of the spec
 */
public record Submission(
        int schema,
        String modelId,
        String description,
        String tier,
        long parameterCount,
        List<Long> seeds,
        Map<String, String> hardware,
        String code,
        String suiteVersion,
        String suiteRevision,
        Map<String, String> datasetSha256) {

    /** File name of a submission inside its record folder. */
    public static final String FILE = "submission.json";
    /** Current {@link #schema}. */
    public static final int SCHEMA = 1;

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES);

    /** Immutable copies, key order kept. */
    public Submission {
        seeds = seeds == null ? null : List.copyOf(seeds);
        hardware = hardware == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(hardware));
        datasetSha256 = datasetSha256 == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(datasetSha256));
    }

    /** @return the field names, in declaration order */
    public static List<String> fields() {
        return Arrays.stream(Submission.class.getRecordComponents())
                .map(RecordComponent::getName)
                .toList();
    }

    /**
     * Writes {@value #FILE} into a record folder, atomically.
     *
     * @param recordDir the record folder (created if missing)
     * @return the file written
     * @throws IOException if writing fails
     */
    public Path write(Path recordDir) throws IOException {
        Path f = recordDir.resolve(FILE);
        AtomicFiles.writeString(f, JSON.writeValueAsString(this) + "\n");
        return f;
    }

    /**
     * Reads a record folder's {@value #FILE}.
     *
     * @param recordDir the record folder
     * @return the submission, every field present and non-null
     * @throws InvalidRecordException naming the record and the field if the file is missing, is not
     *                                a JSON object, lacks a field, has one this version does not know,
     *                                or has a value of the wrong type
     * @throws IOException            if the file exists but cannot be read
     */
    public static Submission read(Path recordDir) throws IOException {
        String record = recordDir.toString();
        Path f = recordDir.resolve(FILE);
        if (!Files.isRegularFile(f)) {
            throw new InvalidRecordException(new RecordProblem(record, FILE, "missing"));
        }
        JsonNode tree;
        try {
            tree = JSON.readTree(f.toFile());
        } catch (JsonProcessingException e) {
            throw new InvalidRecordException(new RecordProblem(record, FILE, "not JSON: " + e.getOriginalMessage()));
        }
        if (tree == null || !tree.isObject()) {
            throw new InvalidRecordException(new RecordProblem(record, FILE, "expected a JSON object"));
        }
        Set<String> known = new TreeSet<>(fields());
        for (Iterator<String> names = tree.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                throw new InvalidRecordException(new RecordProblem(
                        record, FILE + ": " + name, "unknown field; the fields are " + String.join(", ", fields())));
            }
        }
        for (String name : fields()) {
            if (!tree.has(name) || tree.get(name).isNull()) {
                throw new InvalidRecordException(new RecordProblem(
                        record, FILE + ": " + name, tree.has(name) ? "null, a value is required" : "missing"));
            }
        }
        try {
            return JSON.treeToValue(tree, Submission.class);
        } catch (JsonMappingException e) {
            String field = e.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining("."));
            throw new InvalidRecordException(
                    new RecordProblem(record, FILE + ": " + (field.isEmpty() ? "?" : field), e.getOriginalMessage()));
        }
    }
}
