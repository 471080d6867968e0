package org.scalefreebench.datasets.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
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
}
