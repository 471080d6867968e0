package org.scalefreebench.datasets.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.scalefreebench.datasets.family.Families;
import org.scalefreebench.datasets.fk.FkFloodFill;
import org.scalefreebench.datasets.fk.FkLabel;
import org.scalefreebench.datasets.fk.FkParameters;
import org.scalefreebench.datasets.lattice.FloodFillLabels;
import org.scalefreebench.datasets.load.DatasetLoader;
import org.scalefreebench.datasets.load.SplitData;
import org.scalefreebench.datasets.spec.DatasetSpec;
import org.scalefreebench.datasets.spec.SpecCatalogue;
import org.scalefreebench.datasets.spec.SplitSpec;

/**
 * The benchmark's datasets: every published spec is generated (or reused, if already complete and
 * intact) in the data folder, verified against its pinned SHA-256, and every label of every sample
 * is checked against an independent flood fill. The data folder is the system property
 * {@code scalefree.data.dir} (set by the build to {@code <project>/data}).
 */
@Execution(ExecutionMode.SAME_THREAD)
class PublishedDatasetsIT {

    static List<String> specIds() {
        return SpecCatalogue.published().ids();
    }

    static Path dataDir() {
        return Path.of(System.getProperty("scalefree.data.dir", "target/data"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specIds")
    void generatedOrReusedVerifiedAndExactOnEverySample(String id) throws IOException {
        DatasetSpec spec = SpecCatalogue.published().get(id);
        Path dir = new DatasetGenerator(Runtime.getRuntime().availableProcessors(), DatasetGenerator.Progress.NONE)
                .generate(spec, dataDir());
        assertEquals(List.of(), DatasetVerifier.verify(spec, dir));
        if (spec.family() == Families.CRITICAL_FK) {
            checkCriticalFk(spec);
            return;
        }
        int l = spec.size();
        int sites = l * l;
        for (SplitSpec split : spec.splits()) {
            SplitData data = DatasetLoader.load(spec, dataDir(), split.name());
            assertArrayEquals(spec.pOfSamples(split), data.p(), split.name() + "/p.npy");
            IntStream.range(0, data.samples()).parallel().forEach(i -> {
                byte[] map = Arrays.copyOfRange(data.maps(), i * sites, (i + 1) * sites);
                FloodFillLabels expected = new FloodFillLabels(map, l);
                String where = id + "/" + split.name() + " sample " + i;
                assertEquals(expected.maxCluster, data.maxCluster()[i], where + " max_cluster");
                assertEquals(expected.spanning ? 1 : 0, data.spanning()[i], where + " spanning");
                assertArrayEquals(
                        expected.mask,
                        Arrays.copyOfRange(data.maxClusterMask(), i * sites, (i + 1) * sites),
                        where + " max_cluster_mask");
            });
        }
    }

    /**
     * Every per-map label of a critical-FK spec against an independent breadth-first search
     * ({@link FkFloodFill}), the family values against their closed forms at the map's Q, and the
     * provenance against the chain rule: steps of one chain are burn-in plus multiples of one
     * thinning of at least the rule's multiple of the recorded τ.
     */
    private static void checkCriticalFk(DatasetSpec spec) throws IOException {
        int l = spec.size();
        int sites = l * l;
        for (SplitSpec split : spec.splits()) {
            SplitData data = DatasetLoader.load(spec, dataDir(), split.name());
            double[] q = data.column("q").float64();
            assertArrayEquals(spec.pOfSamples(split), q, split.name() + "/q.npy");
            int[] bonds = data.column("bond_count").int32();
            int[] clusters = data.column("cluster_count").int32();
            int[] largest = data.column("max_cluster").int32();
            byte[] wrapping = data.column("wrapping").uint8();
            byte[] wrapsH = data.column("wraps_horizontally").uint8();
            byte[] wrapsV = data.column("wraps_vertically").uint8();
            byte[] masks = data.column("max_cluster_mask").uint8();
            IntStream.range(0, data.samples()).parallel().forEach(i -> {
                FkFloodFill expected =
                        new FkFloodFill(Arrays.copyOfRange(data.maps(), 2 * i * sites, 2 * (i + 1) * sites), l);
                String where = spec.id() + "/" + split.name() + " map " + i;
                assertEquals(expected.bonds, bonds[i], where + " bond_count");
                assertEquals(expected.clusters, clusters[i], where + " cluster_count");
                assertEquals(expected.largest, largest[i], where + " max_cluster");
                assertEquals(expected.wrapping, wrapping[i], where + " wrapping");
                assertEquals(expected.wrapsHorizontally ? 1 : 0, wrapsH[i], where + " wraps_horizontally");
                assertEquals(expected.wrapsVertically ? 1 : 0, wrapsV[i], where + " wraps_vertically");
                assertArrayEquals(
                        expected.mask, Arrays.copyOfRange(masks, i * sites, (i + 1) * sites), where + " mask");
                FkParameters at = FkParameters.of(q[i]);
                for (FkLabel label : FkLabel.values()) {
                    assertEquals(at.value(label), data.column(label.id()).float64()[i], where + " " + label.id());
                }
            });
            int[] chain = data.column("chain").int32();
            int[] step = data.column("step").int32();
            double[] tau = data.column("tau_bonds").float64();
            double[] tauLargest = data.column("tau_max_cluster").float64();
            for (int i = 1; i < data.samples(); i++) {
                if (q[i] == q[i - 1] && chain[i] == chain[i - 1]) {
                    int thinning = step[i] - step[i - 1];
                    assertTrue(
                            thinning >= spec.chain().thinning(Math.max(tau[i], tauLargest[i])),
                            spec.id() + "/" + split.name() + " map " + i + ": thinning " + thinning
                                    + " sweeps is below the rule's "
                                    + spec.chain().thinningTau() + "·τ");
                } else {
                    assertTrue(
                            step[i] >= spec.chain().burnIn(Math.max(tau[i], tauLargest[i])),
                            spec.id() + "/" + split.name() + " map " + i + ": first map of a chain before burn-in");
                }
            }
        }
    }
}
