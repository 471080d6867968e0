package org.scalefreebench.scaleout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalefreebench.datasets.generate.DatasetGenerator;
import org.scalefreebench.datasets.generate.DatasetVerifier;
import org.scalefreebench.datasets.generate.Manifest;
import org.scalefreebench.datasets.generate.Sha256;
import org.scalefreebench.datasets.spec.AdHocSpecs;
import org.scalefreebench.datasets.spec.DatasetSpec;
import org.scalefreebench.datasets.spec.SpecCatalogue;

/**
 * Sharded generation on an embedded Spark ({@code local[2,2]}: two worker threads, two attempts per
 * task): published specs match their pins, an ad hoc set matches its unsharded generation byte for
 * byte, and a task that dies midway is retried with its shard regenerated.
 */
class ShardedGenerationTest {

    private static SparkJobs.Started spark;

    @BeforeAll
    static void startSpark() {
        spark = SparkJobs.start("local[2,2]", "ShardedGenerationTest", Map.of());
    }

    @AfterAll
    static void stopSpark() {
        spark.close();
    }

    @Test
    void publishedPercolationSmokeSpecInThreeShardsMatchesItsPins(@TempDir Path out) throws IOException {
        DatasetSpec spec = SpecCatalogue.published().get("percolation-L32-smoke-v1");
        ShardedGeneration.Outcome r = ShardedGeneration.run(spark.context(), spec, 3, out.toString(), 1, -1);

        assertEquals(3, r.shards().size());
        assertTrue(r.shards().stream().allMatch(s -> s.attempt() == 0 && !s.kept()), r.shards()::toString);
        assertPinned(spec, out.resolve(spec.id()));
    }

    @Test
    void publishedCriticalFkSmokeSpecInTwoShardsMatchesItsPins(@TempDir Path out) throws IOException {
        DatasetSpec spec = SpecCatalogue.published().get("critical-fk-L32-smoke-v1");
        ShardedGeneration.run(spark.context(), spec, 2, out.toString(), 1, -1);

        assertPinned(spec, out.resolve(spec.id()));
    }

    @Test
    void aTaskThatDiesMidwayIsRetriedAndItsShardRegeneratedToThePins(@TempDir Path out) throws IOException {
        DatasetSpec spec = SpecCatalogue.published().get("percolation-L32-smoke-v1");
        ShardedGeneration.Outcome r = ShardedGeneration.run(spark.context(), spec, 3, out.toString(), 1, 1);

        assertEquals(1, r.shards().get(1).attempt(), "shard 1 finished on its second attempt");
        assertFalse(r.shards().get(1).kept(), "the half-written shard was regenerated, not kept");
        assertEquals(0, r.shards().get(0).attempt());
        assertEquals(0, r.shards().get(2).attempt());
        assertPinned(spec, out.resolve(spec.id()));
    }

    @Test
    void aSecondRunKeepsTheCompleteShards(@TempDir Path out) throws IOException {
        DatasetSpec spec = SpecCatalogue.published().get("percolation-L32-smoke-v1");
        ShardedGeneration.run(spark.context(), spec, 2, out.toString(), 1, -1);
        ShardedGeneration.Outcome again = ShardedGeneration.run(spark.context(), spec, 2, out.toString(), 1, -1);

        assertTrue(again.shards().stream().allMatch(ShardedGeneration.ShardRun::kept), again.shards()::toString);
        assertPinned(spec, out.resolve(spec.id()));
    }

    @Test
    void anAdHocSetInShardsEqualsItsUnshardedGenerationByteForByte(@TempDir Path dir) throws IOException {
        DatasetSpec spec = AdHocSpecs.sitePercolation(
                "site",
                48,
                List.of(new BigDecimal("0.55"), new BigDecimal("0.59274605")),
                37,
                11,
                "test",
                RandomSource.XO_RO_SHI_RO_128_PP,
                null);
        Path whole = new DatasetGenerator(1, DatasetGenerator.Progress.NONE).generate(spec, dir.resolve("whole"));
        ShardedGeneration.run(spark.context(), spec, 4, dir.resolve("sharded").toString(), 1, -1);
        Path sharded = dir.resolve("sharded").resolve(spec.id());

        for (String file : spec.files()) {
            assertEquals(Sha256.of(whole.resolve(file)), Sha256.of(sharded.resolve(file)), file);
        }
        assertEquals(Manifest.read(whole).sha256(), Manifest.read(sharded).sha256());
        assertEquals(Manifest.read(whole).spec(), Manifest.read(sharded).spec());
    }

    @Test
    void aHadoopUriGoesThroughTheFileSystemAndADiedUploadIsRetried(@TempDir Path dir) throws IOException {
        DatasetSpec spec = SpecCatalogue.published().get("percolation-L32-smoke-v1");
        String uri = dir.toUri().toString();
        assertTrue(uri.startsWith("file:/"), uri);

        ShardedGeneration.Outcome r = ShardedGeneration.run(spark.context(), spec, 2, uri, 1, 0);

        assertEquals(1, r.shards().get(0).attempt(), "shard 0's upload died once and was retried");
        Path dataset = dir.resolve(spec.id());
        assertPinned(spec, dataset);
        try (Stream<Path> files = Files.walk(dataset)) {
            assertEquals(
                    List.of(),
                    files.filter(p -> p.getFileName().toString().contains(HadoopFolders.PART_INFIX)
                                    && !p.startsWith(dataset.resolve(DatasetGenerator.SHARDS_DIR)))
                            .toList(),
                    "no temporary file in the merged dataset");
        }
    }

    @Test
    void zeroShardsAreRefusedNamingTheRange(@TempDir Path out) {
        DatasetSpec spec = SpecCatalogue.published().get("percolation-L32-smoke-v1");
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> ShardedGeneration.run(spark.context(), spec, 0, out.toString(), 1, -1));
        assertTrue(e.getMessage().contains("--shards 0"), e.getMessage());
    }

    /** Every file of the dataset has its pinned SHA-256, and the manifest is there. */
    private static void assertPinned(DatasetSpec spec, Path dataset) {
        assertTrue(spec.pinned(), spec.id() + " is pinned");
        assertEquals(List.of(), DatasetVerifier.verify(spec, dataset));
        assertTrue(Files.isRegularFile(dataset.resolve(Manifest.FILE_NAME)));
    }
}
