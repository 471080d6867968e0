package org.scalefreebench.datasets.generate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.scalefreebench.datasets.spec.DatasetSpec;

/**
 * Checks a generated dataset: its manifest exists and describes the spec, and every file the
 * spec generates is present with the SHA-256 the spec pins (or, for an ad hoc set, the one its
 * manifest records).
 */
public final class DatasetVerifier {

    /**
     * One problem found.
     *
     * @param file     the file concerned
     * @param expected what was expected (a SHA-256, or a description)
     * @param actual   what was found
     */
    public record Problem(Path file, String expected, String actual) {
        @Override
        public String toString() {
            return file + ": expected SHA-256 " + expected + ", actual " + actual;
        }
    }

    private DatasetVerifier() {}

    /**
     * Verifies {@code <root>/<spec-id>}.
     *
     * @param spec the spec, or null to verify an ad hoc set against its own manifest
     * @param datasetDir the dataset folder {@code <root>/<spec-id>}
     * @return the problems, empty if the dataset is complete and intact
     */
    public static List<Problem> verify(DatasetSpec spec, Path datasetDir) {
        List<Problem> problems = new ArrayList<>();
        Manifest manifest;
        try {
            manifest = Manifest.read(datasetDir);
        } catch (IOException | IllegalArgumentException e) {
            problems.add(new Problem(datasetDir.resolve(Manifest.FILE_NAME), "a complete manifest", e.getMessage()));
            return problems;
        }
        DatasetSpec expectedSpec = spec == null ? manifest.spec() : spec;
        if (spec != null && !manifest.spec().withSha256(Map.of()).equals(spec.withSha256(Map.of()))) {
            problems.add(new Problem(
                    datasetDir.resolve(Manifest.FILE_NAME),
                    "the spec " + spec.id(),
                    "a manifest of a different spec (" + manifest.spec().id()
                            + ", or the same id with other parameters)"));
            return problems;
        }
        Map<String, String> expected = expectedSpec.pinned() ? expectedSpec.sha256() : manifest.sha256();
        for (String rel : expectedSpec.files()) {
            String want = expected.get(rel);
            if (want != null && !want.equals(manifest.sha256().get(rel))) {
                problems.add(new Problem(
                        datasetDir.resolve(Manifest.FILE_NAME),
                        want + " recorded for " + rel,
                        String.valueOf(manifest.sha256().get(rel))));
            }
            Problem p = checkFile(datasetDir.resolve(rel), want);
            if (p != null) {
                problems.add(p);
            }
        }
        return problems;
    }

    /**
     * Checks one file against its expected SHA-256.
     *
     * @param file     the file
     * @param expected its expected SHA-256, or null if none is recorded
     * @return the problem, or null if the file is present and matches
     */
    public static Problem checkFile(Path file, String expected) {
        if (expected == null) {
            return new Problem(file, "a SHA-256 pinned by the spec or recorded in " + Manifest.FILE_NAME, "none");
        }
        if (!Files.isRegularFile(file)) {
            return new Problem(file, expected, "missing file (generate the dataset first)");
        }
        try {
            String actual = Sha256.of(file);
            return actual.equals(expected) ? null : new Problem(file, expected, actual);
        } catch (IOException e) {
            return new Problem(file, expected, "unreadable: " + e.getMessage());
        }
    }
}
