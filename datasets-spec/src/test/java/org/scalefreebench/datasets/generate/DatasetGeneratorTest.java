package org.scalefreebench.datasets.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalefreebench.datasets.family.DataColumn;
import org.scalefreebench.datasets.family.Families;
import org.scalefreebench.datasets.lattice.FloodFillLabels;
import org.scalefreebench.datasets.load.DatasetLoader;
import org.scalefreebench.datasets.load.SplitData;
import org.scalefreebench.datasets.spec.DatasetSpec;
import org.scalefreebench.datasets.spec.SpecCatalogue;
import org.scalefreebench.datasets.spec.SplitSpec;

/** The smoke spec regenerated: pinned bytes, exact labels on every sample, atomicity, resumption. */
class DatasetGeneratorTest {

    private static final DatasetSpec SMOKE = SpecCatalogue.published().get("percolation-L32-smoke-v1");

    @Test
    void smokeSpecRegeneratesToItsPinnedChecksums(@TempDir Path out) throws IOException {
        Path dir = new DatasetGenerator(2, DatasetGenerator.Progress.NONE).generate(SMOKE, out);
        for (String rel : SMOKE.files()) {
            assertEquals(SMOKE.sha256().get(rel), Sha256.of(dir.resolve(rel)), rel);
        }
        assertEquals(List.of(), DatasetVerifier.verify(SMOKE, dir));
        assertEquals(SMOKE.sha256(), Manifest.read(dir).sha256());
    }

    @Test
    void everyLabelAgreesWithAnIndependentFloodFillOnEverySample(@TempDir Path out) throws IOException {
        new DatasetGenerator(2, DatasetGenerator.Progress.NONE).generate(SMOKE, out);
        int l = SMOKE.size();
        for (SplitSpec split : SMOKE.splits()) {
            SplitData data = DatasetLoader.load(SMOKE, out, split.name());
            assertArrayEquals(SMOKE.pOfSamples(split), data.p());
            for (int i = 0; i < data.samples(); i++) {
                byte[] map = Arrays.copyOfRange(data.maps(), i * l * l, (i + 1) * l * l);
                FloodFillLabels expected = new FloodFillLabels(map, l);
                String where = split.name() + " sample " + i;
                assertEquals(expected.maxCluster, data.maxCluster()[i], where);
                assertEquals(expected.spanning ? 1 : 0, data.spanning()[i], where);
                assertArrayEquals(
                        expected.mask, Arrays.copyOfRange(data.maxClusterMask(), i * l * l, (i + 1) * l * l), where);
            }
        }
    }

    @Test
    void bytesDoNotDependOnTheThreadCount(@TempDir Path out) throws IOException {
        DatasetSpec adHoc = adHoc("threads", List.of("0.3", "0.6"), 7);
        Path one = new DatasetGenerator(1, DatasetGenerator.Progress.NONE).generate(adHoc, out.resolve("one"));
        Path three = new DatasetGenerator(3, DatasetGenerator.Progress.NONE).generate(adHoc, out.resolve("three"));
        assertEquals(Manifest.read(one).sha256(), Manifest.read(three).sha256());
    }

    @Test
    void corruptFileIsNamedWithExpectedAndActualChecksum(@TempDir Path out) throws IOException {
        Path dir = new DatasetGenerator(2, DatasetGenerator.Progress.NONE).generate(SMOKE, out);
        Path maps = dir.resolve("test/maps.npy");
        try (RandomAccessFile f = new RandomAccessFile(maps.toFile(), "rw")) {
            f.seek(200);
            int b = f.read();
            f.seek(200);
            f.write(b ^ 1);
        }
        String actual = Sha256.of(maps);
        List<DatasetVerifier.Problem> problems = DatasetVerifier.verify(SMOKE, dir);
        assertEquals(1, problems.size(), problems.toString());
        String message = problems.get(0).toString();
        assertTrue(
                message.contains(maps.toString())
                        && message.contains(SMOKE.sha256().get("test/maps.npy"))
                        && message.contains(actual),
                message);
        ChecksumMismatchException e =
                assertThrows(ChecksumMismatchException.class, () -> DatasetLoader.load(SMOKE, out, "test"));
        assertTrue(e.getMessage().contains(maps.toString()) && e.getMessage().contains(actual), e.getMessage());
    }

    @Test
    void truncatedFileFailsVerificationAndLoading(@TempDir Path out) throws IOException {
        Path dir = new DatasetGenerator(2, DatasetGenerator.Progress.NONE).generate(SMOKE, out);
        Path mask = dir.resolve("val/max_cluster_mask.npy");
        try (RandomAccessFile f = new RandomAccessFile(mask.toFile(), "rw")) {
            f.setLength(f.length() - 100);
        }
        List<DatasetVerifier.Problem> problems = DatasetVerifier.verify(SMOKE, dir);
        assertEquals(1, problems.size());
        assertEquals(mask, problems.get(0).file());
        assertThrows(ChecksumMismatchException.class, () -> DatasetLoader.load(SMOKE, out, "val"));
    }

    @Test
    void generationKilledHalfWayIsNotCompleteAndARerunCompletesIt(@TempDir Path out) throws IOException {
        class Killed extends RuntimeException {
            private static final long serialVersionUID = 1L;
        }
        DatasetGenerator.Progress killInVal = new Recording() {
            @Override
            public void advance(long maps) {
                if (current.endsWith("/val")) {
                    throw new Killed();
                }
            }
        };
        assertThrows(Killed.class, () -> new DatasetGenerator(2, killInVal).generate(SMOKE, out));
        Path dir = out.resolve(SMOKE.id());
        assertFalse(Files.exists(dir.resolve(Manifest.FILE_NAME)), "no manifest after a killed run");
        assertFalse(DatasetVerifier.verify(SMOKE, dir).isEmpty(), "verify must reject an incomplete dataset");
        for (DataColumn f : SMOKE.family().columns()) {
            assertFalse(
                    Files.exists(dir.resolve(f.relativePath("val"))), "no val file may look complete: " + f.fileName());
        }
        try (Stream<Path> files = Files.walk(dir)) {
            assertEquals(
                    List.of(),
                    files.filter(f -> f.toString().endsWith(AtomicFiles.PART_SUFFIX))
                            .toList());
        }

        Recording second = new Recording();
        new DatasetGenerator(2, second).generate(SMOKE, out);
        assertEquals(
                List.of(
                        "reused percolation-L32-smoke-v1/train",
                        "generated percolation-L32-smoke-v1/val",
                        "generated percolation-L32-smoke-v1/test"),
                second.events);
        assertEquals(List.of(), DatasetVerifier.verify(SMOKE, dir));

        Recording third = new Recording();
        new DatasetGenerator(2, third).generate(SMOKE, out);
        assertTrue(third.events.stream().allMatch(e -> e.startsWith("reused")), third.events.toString());
    }

    @Test
    void leftoverPartFileIsNeverTakenAsComplete(@TempDir Path out) throws IOException {
        Path dir = new DatasetGenerator(2, DatasetGenerator.Progress.NONE).generate(SMOKE, out);
        Path maps = dir.resolve("test/maps.npy");
        Files.move(maps, AtomicFiles.partOf(maps));
        List<DatasetVerifier.Problem> problems = DatasetVerifier.verify(SMOKE, dir);
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).toString().contains("missing file"), problems.toString());
        new DatasetGenerator(2, DatasetGenerator.Progress.NONE).generate(SMOKE, out);
        assertEquals(List.of(), DatasetVerifier.verify(SMOKE, dir));
    }

    @Test
    void spliceOfAnotherSpecUnderTheSameIdIsRefused(@TempDir Path out) throws IOException {
        new DatasetGenerator(1, DatasetGenerator.Progress.NONE).generate(adHoc("same-id", List.of("0.5"), 3), out);
        IOException e = assertThrows(
                IOException.class,
                () -> new DatasetGenerator(1, DatasetGenerator.Progress.NONE)
                        .generate(adHoc("same-id", List.of("0.6"), 3), out));
        assertTrue(e.getMessage().contains("holds data of another spec"), e.getMessage());
    }

    @Test
    void outputThatDiffersFromThePinsIsAnError(@TempDir Path out) {
        java.util.Map<String, String> wrong = new java.util.LinkedHashMap<>(SMOKE.sha256());
        wrong.put("train/spanning.npy", "0".repeat(64));
        DatasetSpec broken = SMOKE.withSha256(wrong);
        ChecksumMismatchException e = assertThrows(
                ChecksumMismatchException.class,
                () -> new DatasetGenerator(1, DatasetGenerator.Progress.NONE).generate(broken, out));
        assertTrue(
                e.getMessage().contains("train/spanning.npy") && e.getMessage().contains("0".repeat(64)),
                e.getMessage());
        assertFalse(
                Files.exists(out.resolve(SMOKE.id()).resolve("train/spanning.npy")),
                "a mismatching file must not be put in place");
    }

    private static DatasetSpec adHoc(String id, List<String> p, int perP) {
        return new DatasetSpec(
                id,
                "test",
                Families.SITE_PERCOLATION,
                12,
                p.stream().map(BigDecimal::new).toList(),
                org.apache.commons.rng.simple.RandomSource.XO_RO_SHI_RO_128_PP,
                List.of(new SplitSpec("test", perP, 99)),
                Map.of());
    }

    /** Records which splits were generated and which were kept. */
    private static class Recording implements DatasetGenerator.Progress {
        final List<String> events = new ArrayList<>();
        String current;

        @Override
        public void start(DatasetSpec spec, SplitSpec split, long maps) {
            current = spec.id() + "/" + split.name();
            events.add("generated " + current);
        }

        @Override
        public void reused(DatasetSpec spec, SplitSpec split) {
            events.add("reused " + spec.id() + "/" + split.name());
        }
    }
}
