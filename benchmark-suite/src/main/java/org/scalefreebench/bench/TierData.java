package org.scalefreebench.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.scalefreebench.datasets.family.DataColumn;
import org.scalefreebench.datasets.generate.DatasetGenerator;
import org.scalefreebench.datasets.load.DatasetLoader;
import org.scalefreebench.datasets.load.SplitData;
import org.scalefreebench.datasets.spec.DatasetSpec;
import org.scalefreebench.datasets.spec.SpecCatalogue;
import org.scalefreebench.datasets.task.Tier;

/**
 * The data of a tier, loaded and checked before any model trains: the training spec's train and
 * val splits and every test set. A dataset that is absent is generated from its spec; one that is
 * present is loaded strictly, so a file whose SHA-256 differs from the spec's pin stops the run
 * with an error naming the file (it is never silently regenerated).
 *
 * @param tier     the tier
 * @param train    the training split
 * @param val      the validation split
 * @param testSets the test splits, in the tier's order
 * @param sha256   the pinned SHA-256 of every file read, keyed {@code <spec>/<split>/<file>}
 */
public record TierData(
        Tier tier, SplitData train, SplitData val, List<SplitData> testSets, Map<String, String> sha256) {

    /**
     * @param tier    the tier
     * @param dataDir the folder holding {@code <spec-id>/}
     * @return the loaded, checksum-verified data
     * @throws IOException naming the file if one is missing, corrupt or does not match its pinned checksum
     */
    public static TierData load(Tier tier, Path dataDir) throws IOException {
        Map<String, String> sums = new LinkedHashMap<>();
        DatasetSpec trainSpec = ensure(tier.trainSpec(), dataDir);
        SplitData train = load(trainSpec, dataDir, "train", sums);
        SplitData val = load(trainSpec, dataDir, "val", sums);
        List<SplitData> tests = new ArrayList<>();
        for (Tier.TestSet t : tier.testSets()) {
            tests.add(load(ensure(t.specId(), dataDir), dataDir, t.split(), sums));
        }
        return new TierData(tier, train, val, List.copyOf(tests), sums);
    }

    private static DatasetSpec ensure(String specId, Path dataDir) throws IOException {
        DatasetSpec spec = SpecCatalogue.published().get(specId);
        if (!Files.exists(dataDir.resolve(spec.id()))) {
            new DatasetGenerator(Runtime.getRuntime().availableProcessors(), DatasetGenerator.Progress.NONE)
                    .generate(spec, dataDir);
        }
        return spec;
    }

    private static SplitData load(DatasetSpec spec, Path dataDir, String split, Map<String, String> sums)
            throws IOException {
        SplitData data = DatasetLoader.load(spec, dataDir, split);
        for (DataColumn f : spec.family().columns()) {
            String rel = f.relativePath(split);
            sums.put(spec.id() + "/" + rel, spec.sha256().get(rel));
        }
        return data;
    }
}
