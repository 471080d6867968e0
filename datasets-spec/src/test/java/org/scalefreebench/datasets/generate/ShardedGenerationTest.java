package org.scalefreebench.datasets.generate;

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
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.scalefreebench.datasets.family.CriticalFkFamily;
import org.scalefreebench.datasets.family.DataColumn;
import org.scalefreebench.datasets.family.Families;
import org.scalefreebench.datasets.npy.Npy;
import org.scalefreebench.datasets.spec.ChainRule;
import org.scalefreebench.datasets.spec.DatasetSpec;
import org.scalefreebench.datasets.spec.SpecCatalogue;
import org.scalefreebench.datasets.spec.SplitSpec;

/**
 * Sharded generation: shards k/N merged give the pinned bytes whatever N, for both families; a
 * missing, incomplete or corrupt shard is named; a half-written shard is regenerated.
 */
class ShardedGenerationTest {

    private static final DatasetSpec PERCOLATION_SMOKE =
            SpecCatalogue.published().get("percolation-L32-smoke-v1");
    private static final DatasetSpec FK_SMOKE = SpecCatalogue.published().get("critical-fk-L32-smoke-v1");

    /** Generates every shard of N (thread counts alternating between 1 and 2) and merges them. */
    private static Path shardAndMerge(DatasetSpec spec, int count, Path out) throws IOException {
        for (int k = 0; k < count; k++) {
            new DatasetGenerator(1 + k % 2, DatasetGenerator.Progress.NONE)
                    .generateShard(spec, new Shard(k, count), out);
        }
        return new DatasetGenerator(2, DatasetGenerator.Progress.NONE).mergeShards(spec, count, out);
    }

    private static void assertPinned(DatasetSpec spec, Path dir) throws IOException {
        for (String rel : spec.files()) {
            assertEquals(spec.sha256().get(rel), Sha256.of(dir.resolve(rel)), rel);
        }
        assertEquals(List.of(), DatasetVerifier.verify(spec, dir));
        assertEquals(spec.sha256(), Manifest.read(dir).sha256());
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3, 7})
    void percolationShardsMergeToThePinnedBytesWhateverTheirNumber(int count, @TempDir Path out) throws IOException {
        assertPinned(PERCOLATION_SMOKE, shardAndMerge(PERCOLATION_SMOKE, count, out));
    }

    /**
     * Seven shards of the 16 chains per split cut inside Q values, so that pilots run again in two
     * shards; N = 1, 3 and 9 (empty shards) are compared with unsharded generation on a small ad hoc
     * set below, to keep the tests short.
     */
    @Test
    void criticalFkShardsOfWholeChainsMergeToThePinnedBytes(@TempDir Path out) throws IOException {
        assertPinned(FK_SMOKE, shardAndMerge(FK_SMOKE, 7, out));
    }

    @Test
    void criticalFkShardHoldsWholeChainsAndAContiguousRunOfMaps() {
        SplitSpec train = FK_SMOKE.split("train");
        int chains = FK_SMOKE.p().size() * FK_SMOKE.chain().chains();
        int perChain = train.samplesPerP() / FK_SMOKE.chain().chains();
        int next = 0;
        for (int k = 0; k < 7; k++) {
            Shard shard = new Shard(k, 7);
            Shard.Range maps = Families.CRITICAL_FK.shardMaps(FK_SMOKE, train, shard);
            Shard.Range units = CriticalFkFamily.shardChains(FK_SMOKE, train, shard);
            assertEquals(next, maps.first(), "shard " + shard + " starts where the previous one ended");
            assertEquals(units.count() * perChain, maps.count(), "shard " + shard + " holds whole chains");
            next = maps.end();
        }
        assertEquals(chains * perChain, next);
        assertEquals(FK_SMOKE.samples(train), next);
    }

    @Test
    void anyShardCountGivesTheBytesOfUnshardedGenerationEvenWithEmptyShards(@TempDir Path out) throws IOException {
        DatasetSpec percolation = new DatasetSpec(
                "shard-few-maps",
                "five maps",
                Families.SITE_PERCOLATION,
                8,
                List.of(new BigDecimal("0.4"), new BigDecimal("0.6")),
                RandomSource.XO_RO_SHI_RO_128_PP,
                List.of(new SplitSpec("test", 2, 5), new SplitSpec("val", 1, 6)),
                Map.of());
        DatasetSpec fk = new DatasetSpec(
                "shard-few-chains",
                "four chains in one split",
                Families.CRITICAL_FK,
                6,
                List.of(new BigDecimal("1.5"), new BigDecimal("3")),
                RandomSource.XO_RO_SHI_RO_128_PP,
                List.of(new SplitSpec("train", 3, 21)),
                Map.of(),
                new ChainRule(100, 5, 5, 2, 2));
        for (DatasetSpec spec : List.of(percolation, fk)) {
            Path whole = new DatasetGenerator(2, DatasetGenerator.Progress.NONE).generate(spec, out.resolve("whole"));
            // N = 7 of critical FK is the pinned smoke test above; each FK shard writes 19 files
            int[] counts = spec.family().markovChain() ? new int[] {1, 3, 9} : new int[] {1, 3, 7, 9};
            for (int count : counts) {
                Path root = out.resolve("sharded-" + count);
                Path merged = shardAndMerge(spec, count, root);
                String where = spec.id() + ", " + count + " shards";
                assertEquals(
                        Manifest.read(whole).sha256(), Manifest.read(merged).sha256(), where);
                for (String rel : spec.files()) {
                    assertEquals(Sha256.of(whole.resolve(rel)), Sha256.of(merged.resolve(rel)), where + ": " + rel);
                }
                assertEquals(List.of(), DatasetVerifier.verify(null, merged));
            }
            Path emptyShard = DatasetGenerator.shardFolder(out.resolve("sharded-9"), spec, new Shard(0, 9));
            DataColumn input = spec.family().input();
            assertEquals(
                    0,
                    Npy.readHeader(emptyShard.resolve(
                                    input.relativePath(spec.splits().get(0).name())))
                            .shape()[0],
                    spec.id() + ": shard 0/9 is empty");
        }
    }

    @Test
    void missingShardIsNamedAndNothingIsWritten(@TempDir Path out) throws IOException {
        for (int k : new int[] {0, 2}) {
            new DatasetGenerator(1, DatasetGenerator.Progress.NONE)
                    .generateShard(PERCOLATION_SMOKE, new Shard(k, 3), out);
        }
        IOException e = assertThrows(
                IOException.class,
                () -> new DatasetGenerator(1, DatasetGenerator.Progress.NONE).mergeShards(PERCOLATION_SMOKE, 3, out));
        Path missing = DatasetGenerator.shardFolder(out, PERCOLATION_SMOKE, new Shard(1, 3));
        assertTrue(
                e.getMessage().contains(missing.toString())
                        && e.getMessage().contains("missing")
                        && e.getMessage().contains("--shard 1/3"),
                e.getMessage());
        assertFalse(Files.exists(out.resolve(PERCOLATION_SMOKE.id()).resolve(Manifest.FILE_NAME)));
        assertFalse(Files.exists(out.resolve(PERCOLATION_SMOKE.id()).resolve("train")));
    }

    @Test
    void everyShardNotReadyIsListed(@TempDir Path out) {
        IOException e = assertThrows(
                IOException.class,
                () -> new DatasetGenerator(1, DatasetGenerator.Progress.NONE).mergeShards(PERCOLATION_SMOKE, 3, out));
        assertTrue(e.getMessage().startsWith("3 of 3 shards are not ready to merge"), e.getMessage());
        for (int k = 0; k < 3; k++) {
            assertTrue(e.getMessage().contains("shard " + k + "/3: "), e.getMessage());
        }
        assertFalse(Files.exists(out.resolve(PERCOLATION_SMOKE.id())), "nothing is written");
    }

    @Test
    void shardWithoutItsChecksumsIsNamedAsIncomplete(@TempDir Path out) throws IOException {
        Path shard = new DatasetGenerator(1, DatasetGenerator.Progress.NONE)
                .generateShard(PERCOLATION_SMOKE, new Shard(0, 1), out);
        Files.delete(shard.resolve(DatasetGenerator.SPLIT_SUMS));
        IOException e = assertThrows(
                IOException.class,
                () -> new DatasetGenerator(1, DatasetGenerator.Progress.NONE).mergeShards(PERCOLATION_SMOKE, 1, out));
        assertTrue(
                e.getMessage().contains(shard.toString())
                        && e.getMessage().contains("incomplete")
                        && e.getMessage().contains(DatasetGenerator.SPLIT_SUMS),
                e.getMessage());
    }

    @Test
    void corruptShardIsNamedAndLeavesNoManifestNorAFileTakenAsComplete(@TempDir Path out) throws IOException {
        for (int k = 0; k < 3; k++) {
            new DatasetGenerator(1, DatasetGenerator.Progress.NONE)
                    .generateShard(PERCOLATION_SMOKE, new Shard(k, 3), out);
        }
        Path corrupt = DatasetGenerator.shardFolder(out, PERCOLATION_SMOKE, new Shard(2, 3))
                .resolve("val/maps.npy");
        try (RandomAccessFile f = new RandomAccessFile(corrupt.toFile(), "rw")) {
            f.seek(f.length() - 10);
            int b = f.read();
            f.seek(f.length() - 10);
            f.write(b ^ 1);
        }
        ChecksumMismatchException e = assertThrows(
                ChecksumMismatchException.class,
                () -> new DatasetGenerator(1, DatasetGenerator.Progress.NONE).mergeShards(PERCOLATION_SMOKE, 3, out));
        assertTrue(e.getMessage().contains(corrupt.toString()) && e.getMessage().contains("shard 2/3"), e.getMessage());
        Path dir = out.resolve(PERCOLATION_SMOKE.id());
        assertFalse(Files.exists(dir.resolve(Manifest.FILE_NAME)), "no manifest after a failed merge");
        assertFalse(Files.exists(dir.resolve("val/maps.npy")), "the corrupt shard's file is not put in place");
        assertFalse(Files.exists(dir.resolve("val").resolve(DatasetGenerator.SPLIT_SUMS)));
        assertFalse(DatasetVerifier.verify(PERCOLATION_SMOKE, dir).isEmpty());
        try (Stream<Path> files = Files.walk(dir)) {
            assertEquals(
                    List.of(),
                    files.filter(f -> f.toString().endsWith(AtomicFiles.PART_SUFFIX))
                            .toList());
        }
    }

    @Test
    void truncatedShardFileIsNamedWithItsHeader(@TempDir Path out) throws IOException {
        Path shard = new DatasetGenerator(1, DatasetGenerator.Progress.NONE)
                .generateShard(PERCOLATION_SMOKE, new Shard(1, 2), out);
        new DatasetGenerator(1, DatasetGenerator.Progress.NONE).generateShard(PERCOLATION_SMOKE, new Shard(0, 2), out);
        Path truncated = shard.resolve("test/max_cluster.npy");
        try (RandomAccessFile f = new RandomAccessFile(truncated.toFile(), "rw")) {
            f.setLength(f.length() - 4);
        }
        IOException e = assertThrows(
                IOException.class,
                () -> new DatasetGenerator(1, DatasetGenerator.Progress.NONE).mergeShards(PERCOLATION_SMOKE, 2, out));
        assertTrue(e.getMessage().contains(truncated.toString()), e.getMessage());
    }

    @Test
    void halfWrittenShardIsRegeneratedAndACompleteOneKept(@TempDir Path out) throws IOException {
        Shard shard = new Shard(1, 3);
        Path dir = new DatasetGenerator(1, DatasetGenerator.Progress.NONE).generateShard(PERCOLATION_SMOKE, shard, out);
        String sums = Files.readString(dir.resolve(DatasetGenerator.SPLIT_SUMS));
        // what a task killed while writing test/ leaves: no checksums, a part file, a missing file
        Files.delete(dir.resolve(DatasetGenerator.SPLIT_SUMS));
        Files.move(dir.resolve("test/maps.npy"), AtomicFiles.partOf(dir.resolve("test/maps.npy")));
        Files.delete(dir.resolve("test/spanning.npy"));
        List<String> events = new ArrayList<>();
        DatasetGenerator.Progress recording = new DatasetGenerator.Progress() {
            @Override
            public void start(DatasetSpec spec, SplitSpec split, long maps) {
                events.add("generated " + split.name());
            }

            @Override
            public void reused(DatasetSpec spec, SplitSpec split) {
                events.add("kept " + split.name());
            }
        };
        new DatasetGenerator(2, recording).generateShard(PERCOLATION_SMOKE, shard, out);
        assertEquals(List.of("generated train", "generated val", "generated test"), events);
        assertEquals(sums, Files.readString(dir.resolve(DatasetGenerator.SPLIT_SUMS)));
        assertFalse(Files.exists(AtomicFiles.partOf(dir.resolve("test/maps.npy"))));

        events.clear();
        new DatasetGenerator(2, recording).generateShard(PERCOLATION_SMOKE, shard, out);
        assertEquals(List.of("kept train", "kept val", "kept test"), events);
    }

    @Test
    void shardOfAnotherSpecUnderTheSameIdIsRefused(@TempDir Path out) throws IOException {
        DatasetSpec other = PERCOLATION_SMOKE.withSha256(Map.of());
        DatasetSpec changed = new DatasetSpec(
                other.id(),
                other.description(),
                other.family(),
                other.size(),
                other.p(),
                other.rng(),
                List.of(new SplitSpec("test", 1, 1)),
                Map.of());
        new DatasetGenerator(1, DatasetGenerator.Progress.NONE).generateShard(changed, new Shard(0, 1), out);
        IOException e = assertThrows(
                IOException.class,
                () -> new DatasetGenerator(1, DatasetGenerator.Progress.NONE).mergeShards(PERCOLATION_SMOKE, 1, out));
        assertTrue(e.getMessage().contains("records another spec"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"3/3", "4/3", "0/0", "-1/3", "1/-3", "a/3", "1/b", "1", "1/2/3", "", "1.5/3", "99999999999/3"})
    void badShardTextIsRefusedNamingTheTextAndTheRule(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Shard.parse(text));
        assertTrue(e.getMessage().contains("'" + text + "'") && e.getMessage().contains("0 ≤ k < N"), e.getMessage());
    }

    @Test
    void shardTextParsesAndPartsCoverTheUnitsInOrder() {
        assertEquals(new Shard(2, 7), Shard.parse("2/7"));
        assertEquals(Shard.whole(), Shard.parse("0/1"));
        assertEquals("2-of-7", Shard.parse("2/7").folderName());
        for (int units : new int[] {0, 1, 5, 16, 100}) {
            for (int count : new int[] {1, 3, 7, 16}) {
                int next = 0;
                for (int k = 0; k < count; k++) {
                    Shard.Range r = new Shard(k, count).part(units);
                    assertEquals(next, r.first(), units + " units, shard " + k + "/" + count);
                    assertTrue(r.count() == units / count || r.count() == units / count + 1, r.toString());
                    next = r.end();
                }
                assertEquals(units, next);
            }
        }
    }
}
