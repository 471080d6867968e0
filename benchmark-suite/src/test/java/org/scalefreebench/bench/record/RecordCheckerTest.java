package org.scalefreebench.bench.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The checker on a good record of the smoke test set, and on that record spoilt one way at a time:
 * each spoilt record fails, and the failure names the record and the field.
 */
class RecordCheckerTest {

    private final RecordChecker checker = new RecordChecker(RecordFixture.DATA, false);

    private static final String SUMS = Submission.FILE + ": datasetSha256[";

    /** Asserts the check failed with a problem of the record whose field starts with {@code field}. */
    private static void assertFails(RecordCheck c, Path record, String field, String message) {
        assertFalse(c.passed(), "should fail: " + record);
        assertTrue(c.rows().isEmpty(), "a failed record gives no rows");
        assertTrue(
                c.problems().stream()
                        .anyMatch(p -> p.record().equals(record.toString())
                                && p.field().startsWith(field)
                                && p.message().contains(message)),
                "wanted " + field + " … " + message + " in " + c.problems());
    }

    @Test
    void aGoodRecordPassesValidateAndRescore(@TempDir Path dir) throws IOException {
        Path record = RecordFixture.write(dir);
        assertEquals(List.of(record), RecordChecker.records(dir));
        assertEquals(List.of(record), RecordChecker.records(record));

        RecordCheck v = checker.check(record, RecordChecker.Mode.VALIDATE);
        assertEquals(List.of(), v.problems());
        assertEquals(1, v.rows().size());
        assertEquals(Provenance.SELF_REPORTED, v.rows().get(0).provenance(), "validate re-scores nothing");

        RecordCheck r = checker.check(record, RecordChecker.Mode.RESCORE);
        assertEquals(List.of(), r.problems());
        assertEquals(List.of(), r.notes());
        assertEquals(Provenance.RE_SCORED, r.rows().get(0).provenance());
        assertEquals(RecordFixture.MODEL, r.submission().modelId());
    }

    @Test
    void aRecordWithoutPredictionsIsSelfReported(@TempDir Path dir) throws IOException {
        Path record = RecordFixture.write(dir);
        try (var walk = Files.walk(record.resolve(RecordChecker.PREDICTIONS))) {
            walk.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        }
        RecordCheck r = checker.check(record, RecordChecker.Mode.RESCORE);
        assertEquals(List.of(), r.problems());
        assertEquals(Provenance.SELF_REPORTED, r.rows().get(0).provenance());
    }

    @Test
    void aStaleDatasetChecksumFailsNamingTheFile(@TempDir Path dir) throws IOException {
        Path record = RecordFixture.write(dir);
        Path f = record.resolve(Submission.FILE);
        ObjectNode s = RecordFixture.tree(f);
        String key = RecordFixture.SMOKE + "/test/spanning.npy";
        ((ObjectNode) s.get("datasetSha256")).put(key, "0".repeat(64));
        RecordFixture.save(f, s);
        assertFails(
                checker.check(record, RecordChecker.Mode.VALIDATE),
                record,
                SUMS + key + "]",
                "is " + "0".repeat(64) + ", today's pin of spec " + RecordFixture.SMOKE + " is ");
    }

    @Test
    void aMissingOrUnknownSubmissionFieldFailsNamingIt(@TempDir Path dir) throws IOException {
        Path record = RecordFixture.write(dir);
        Path f = record.resolve(Submission.FILE);
        ObjectNode s = RecordFixture.tree(f);
        s.remove("hardware");
        RecordFixture.save(f, s);
        assertFails(
                checker.check(record, RecordChecker.Mode.VALIDATE), record, Submission.FILE + ": hardware", "missing");

        s.putObject("hardware").put("cpu", "x");
        s.put("contact", "alice@example.org");
        RecordFixture.save(f, s);
        assertFails(
                checker.check(record, RecordChecker.Mode.VALIDATE),
                record,
                Submission.FILE + ": contact",
                "unknown field");

        s.remove("contact");
        s.putObject("hardware");
        RecordFixture.save(f, s);
        assertFails(
                checker.check(record, RecordChecker.Mode.VALIDATE),
                record,
                Submission.FILE + ": hardware",
                "expected where the model was fitted");
    }

    @Test
    void seedsThatDisagreeOrAreNotOneToSFail(@TempDir Path dir) throws IOException {
        Path record = RecordFixture.write(dir);
        Path f = record.resolve(Submission.FILE);
        ObjectNode s = RecordFixture.tree(f);
        ((ArrayNode) s.get("seeds")).add(3);
        RecordFixture.save(f, s);
        String row = RecordChecker.ROWS + "/" + RecordFixture.rowFile(record).getFileName();
        assertFails(
                checker.check(record, RecordChecker.Mode.VALIDATE),
                record,
                row + ": seeds",
                "are [1, 2], the submission's are [1, 2, 3]");

        s.putArray("seeds").add(2).add(3);
        RecordFixture.save(f, s);
        assertFails(
                checker.check(record, RecordChecker.Mode.VALIDATE),
                record,
                Submission.FILE + ": seeds",
                "are [2, 3], expected the canonical seeds [1, 2]");
    }

    @Test
    void aMissingRevisionFails(@TempDir Path dir) throws IOException {
        Path record = RecordFixture.write(dir);
        Path f = record.resolve(Submission.FILE);
        ObjectNode s = RecordFixture.tree(f);
        s.put("suiteRevision", "");
        RecordFixture.save(f, s);
        assertFails(
                checker.check(record, RecordChecker.Mode.VALIDATE),
                record,
                Submission.FILE + ": suiteRevision",
                "expected a git commit");
    }

    @Test
    void aRowWrittenByAnotherRevisionThanTheSubmissionsFails(@TempDir Path dir) throws IOException {
        Path record = RecordFixture.write(dir);
        Path f = RecordFixture.rowFile(record);
        ObjectNode row = RecordFixture.tree(f);
        ((ObjectNode) row.get("versions")).put(BuildRevision.KEY, "fedcba9876543210fedcba9876543210fedcba98");
        RecordFixture.save(f, row);
        assertFails(
                checker.check(record, RecordChecker.Mode.VALIDATE),
                record,
                RecordChecker.ROWS + "/" + f.getFileName() + ": versions." + BuildRevision.KEY,
                "is fedcba9876543210fedcba9876543210fedcba98, the submission's suiteRevision is");
    }

    @Test
    void aMetricEditedByOneUlpPassesValidateAndFailsRescore(@TempDir Path dir) throws IOException {
        Path record = RecordFixture.write(dir);
        Path f = RecordFixture.rowFile(record);
        ObjectNode row = RecordFixture.tree(f);
        ObjectNode accuracy = (ObjectNode) row.get("metrics").get("accuracy");
        double mean = accuracy.get("mean").asDouble();
        accuracy.put("mean", Math.nextUp(mean));
        RecordFixture.save(f, row);

        assertTrue(checker.check(record, RecordChecker.Mode.VALIDATE).passed(), "validate does not re-score");
        assertFails(
                checker.check(record, RecordChecker.Mode.RESCORE),
                record,
                RecordChecker.ROWS + "/" + f.getFileName() + ": metrics.accuracy",
                "mean is " + Math.nextUp(mean) + ", re-scored " + mean);
    }

    @Test
    void aCorruptPredictionsFileFailsRescoreNamingIt(@TempDir Path dir) throws IOException {
        Path record = RecordFixture.write(dir);
        Path rel = Path.of(RecordChecker.PREDICTIONS, "spanning", RecordFixture.SMOKE, "test", "seed-2.npy");
        Path f = record.resolve(rel);
        byte[] bytes = Files.readAllBytes(f);
        Files.write(f, java.util.Arrays.copyOf(bytes, bytes.length - 5));
        assertFails(checker.check(record, RecordChecker.Mode.RESCORE), record, rel.toString(), f.toString());
    }

    @Test
    void aPredictionsFileOfNoRowOrSeedFails(@TempDir Path dir) throws IOException {
        Path record = RecordFixture.write(dir);
        Path seed2 = record.resolve(
                Path.of(RecordChecker.PREDICTIONS, "spanning", RecordFixture.SMOKE, "test", "seed-2.npy"));
        Files.copy(seed2, seed2.resolveSibling("seed-7.npy"));
        assertFails(
                checker.check(record, RecordChecker.Mode.VALIDATE),
                record,
                RecordChecker.PREDICTIONS + "/spanning/" + RecordFixture.SMOKE + "/test/seed-7.npy",
                "seed 7 is not among the row's seeds [1, 2]");
        Files.delete(seed2.resolveSibling("seed-7.npy"));
        Files.delete(seed2);
        assertFails(
                checker.check(record, RecordChecker.Mode.VALIDATE),
                record,
                RecordChecker.PREDICTIONS + " of " + RecordChecker.ROWS,
                "files for seeds [1], expected one per seed of the row, [1, 2]");
    }

    @Test
    void aRecordInTheWrongFolderFails(@TempDir Path dir) throws IOException {
        Path record = RecordFixture.write(dir);
        Path moved = Files.createDirectories(dir.resolve("default")).resolve("someone-else");
        Files.move(record, moved);
        RecordCheck c = checker.check(moved, RecordChecker.Mode.VALIDATE);
        assertFails(c, moved, Submission.FILE + ": tier", "lies in folder 'default'");
        assertFails(c, moved, Submission.FILE + ": modelId", "the record's folder is 'someone-else'");
    }
}
