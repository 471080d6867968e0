package org.scalefreebench.datasets.generate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.scalefreebench.datasets.spec.DatasetSpec;
import org.scalefreebench.datasets.spec.SpecJson;

/**
 * {@code <dataset>/manifest.json}: the spec, the library versions and the SHA-256 of every
 * generated file. It is written last, atomically: a dataset without one is incomplete.
 *
 * @param spec   the spec the data was generated from
 * @param sha256 SHA-256 of each file, keyed by path relative to the dataset folder
 */
public record Manifest(DatasetSpec spec, Map<String, String> sha256) {

    /** The manifest's file name. */
    public static final String FILE_NAME = "manifest.json";

    /**
     * Writes the manifest atomically.
     *
     * @param datasetDir the dataset folder
     * @throws IOException if writing fails
     */
    public void write(Path datasetDir) throws IOException {
        ObjectNode root = SpecJson.mapper().createObjectNode();
        root.put("id", spec.id());
        root.set("spec", SpecJson.toJson(spec));
        ObjectNode gen = root.putObject("generator");
        gen.put("datasets_spec", LibraryVersion.datasetsSpec());
        gen.put("commons_rng", LibraryVersion.commonsRng());
        gen.put("java", System.getProperty("java.version"));
        ObjectNode sums = root.putObject("sha256");
        sha256.forEach(sums::put);
        AtomicFiles.writeString(datasetDir.resolve(FILE_NAME), SpecJson.mapper().writeValueAsString(root) + "\n");
    }

    /**
     * Reads a dataset's manifest.
     *
     * @param datasetDir the dataset folder
     * @return the manifest
     * @throws IOException naming the file if it is missing or malformed
     */
    public static Manifest read(Path datasetDir) throws IOException {
        Path file = datasetDir.resolve(FILE_NAME);
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new IOException(file + ": missing: the dataset was never generated there, or its generation did"
                    + " not finish (run generate again to complete it)");
        }
        JsonNode root;
        try {
            root = SpecJson.mapper().readTree(text);
        } catch (IOException e) {
            throw new IOException(file + ": not valid JSON: " + e.getMessage());
        }
        JsonNode specNode = root.get("spec");
        JsonNode sumsNode = root.get("sha256");
        if (specNode == null || sumsNode == null || !sumsNode.isObject()) {
            throw new IOException(file + ": missing field '" + (specNode == null ? "spec" : "sha256") + "'");
        }
        DatasetSpec spec = SpecJson.parse(specNode, file + " (field 'spec')", null);
        Map<String, String> sums = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = sumsNode.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            sums.put(e.getKey(), e.getValue().asText());
        }
        return new Manifest(spec, sums);
    }
}
