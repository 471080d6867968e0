package org.scalefreebench.datasets.load;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalefreebench.datasets.family.Families;
import org.scalefreebench.datasets.family.SitePercolationFamily;
import org.scalefreebench.datasets.generate.DatasetGenerator;
import org.scalefreebench.datasets.generate.Manifest;
import org.scalefreebench.datasets.generate.Sha256;
import org.scalefreebench.datasets.npy.NpyDtype;
import org.scalefreebench.datasets.npy.NpyFormatException;
import org.scalefreebench.datasets.npy.NpyWriter;
import org.scalefreebench.datasets.spec.DatasetSpec;
import org.scalefreebench.datasets.spec.SplitSpec;

/**
 * The loader reads the columns its spec's family declares, gives labels by column, and refuses a
 * missing, wrong-dtype or wrong-shape column file naming the spec, the file and what was expected.
 * The files are replaced in an ad hoc set whose manifest is updated, so that the checksum check
 * passes and the dtype and shape checks are the ones that speak.
 */
class DatasetLoaderTest {

    private static final DatasetSpec SPEC = new DatasetSpec(
            "loader-test",
            "ad hoc set for the loader's tests",
            Families.SITE_PERCOLATION,
            12,
            List.of(new BigDecimal("0.5"), new BigDecimal("0.7")),
            RandomSource.XO_RO_SHI_RO_128_PP,
            List.of(new SplitSpec("test", 3, 5L)),
            Map.of());

    @TempDir
    Path root;

    private Path dir;

    @BeforeEach
    void generate() throws IOException {
        dir = new DatasetGenerator(1, DatasetGenerator.Progress.NONE).generate(SPEC, root);
    }

    @Test
    void labelsAreGivenByColumnWithTheirDeclaration() throws IOException {
        SplitData data = DatasetLoader.load(SPEC, root, "test");
        assertEquals(6, data.samples());
        assertEquals(1, data.channels());
        assertEquals(
                List.of("p", "max_cluster", "spanning", "max_cluster_mask"),
                List.copyOf(data.labels().keySet()));
        LabelValues maxCluster = data.column("max_cluster");
        assertSame(SitePercolationFamily.MAX_CLUSTER, maxCluster.column());
        assertSame(data.maxCluster(), maxCluster.int32());
        assertArrayEquals(
                new double[] {0.5, 0.5, 0.5, 0.7, 0.7, 0.7}, data.column("p").float64());
        assertEquals(6 * 12 * 12, data.column("max_cluster_mask").length());
        IllegalStateException wrongType =
                assertThrows(IllegalStateException.class, () -> data.column("p").uint8());
        assertEquals("label column 'p' is float64, not uint8", wrongType.getMessage());
        IllegalArgumentException absent =
                assertThrows(IllegalArgumentException.class, () -> data.column("central_charge"));
        assertTrue(absent.getMessage().contains("split loader-test/test has no label column 'central_charge'"));
    }

    @Test
    void missingColumnFileNamesSpecFileAndExpectation() throws IOException {
        Files.delete(dir.resolve("test/spanning.npy"));
        IOException e = assertThrows(IOException.class, () -> DatasetLoader.load(SPEC, root, "test"));
        assertTrue(e.getMessage().contains("test/spanning.npy: missing"), e.getMessage());
        assertTrue(
                e.getMessage()
                        .contains("spec loader-test (family site-percolation) expects spanning.npy as uint8 [N]"
                                + " = (6,)"),
                e.getMessage());
    }

    @Test
    void wrongDtypeNamesSpecFileAndExpectation() throws IOException {
        replace("test/p.npy", NpyDtype.INT32, 6);
        NpyFormatException e = assertThrows(NpyFormatException.class, () -> DatasetLoader.load(SPEC, root, "test"));
        assertTrue(e.getMessage().startsWith(dir.resolve("test/p.npy").toString()), e.getMessage());
        assertTrue(
                e.getMessage()
                        .contains("spec loader-test (family site-percolation) expects p.npy as float64 [N] = (6,)"),
                e.getMessage());
        assertTrue(e.getMessage().contains("int32"), e.getMessage());
    }

    @Test
    void wrongShapeNamesSpecFileAndExpectation() throws IOException {
        replace("test/max_cluster_mask.npy", NpyDtype.UINT8, 6);
        NpyFormatException e = assertThrows(NpyFormatException.class, () -> DatasetLoader.load(SPEC, root, "test"));
        assertTrue(
                e.getMessage()
                        .contains("spec loader-test (family site-percolation) expects max_cluster_mask.npy as"
                                + " uint8 [N, L, L] = (6, 12, 12)"),
                e.getMessage());
        assertTrue(e.getMessage().contains("shape (6,)"), e.getMessage());
    }

    /** Writes a zero-filled one-dimensional array over a file and records its checksum in the manifest. */
    private void replace(String rel, NpyDtype dtype, int length) throws IOException {
        Path file = dir.resolve(rel);
        try (OutputStream out = Files.newOutputStream(file);
                NpyWriter w = NpyWriter.open(out, dtype, length)) {
            switch (dtype) {
                case INT32 -> w.writeInt32(new int[length], 0, length);
                case UINT8 -> w.writeUint8(new byte[length], 0, length);
                default -> throw new IllegalArgumentException("not used here: " + dtype);
            }
        }
        Manifest m = Manifest.read(dir);
        Map<String, String> sums = new LinkedHashMap<>(m.sha256());
        sums.put(rel, Sha256.of(file));
        new Manifest(m.spec(), sums).write(dir);
    }
}
