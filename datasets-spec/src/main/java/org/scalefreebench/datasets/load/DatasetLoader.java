package org.scalefreebench.datasets.load;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.scalefreebench.datasets.generate.ChecksumMismatchException;
import org.scalefreebench.datasets.generate.DatasetVerifier;
import org.scalefreebench.datasets.generate.Manifest;
import org.scalefreebench.datasets.npy.Npy;
import org.scalefreebench.datasets.spec.DataFile;
import org.scalefreebench.datasets.spec.DatasetSpec;
import org.scalefreebench.datasets.spec.SplitSpec;

/**
 * Loads a split of a generated dataset. Every file's SHA-256 is checked first, against the spec's
 * pins (or, for an ad hoc set, its manifest), and every NPY header against the dtype and shape
 * the data contract fixes: a corrupt, truncated or foreign file is an error naming the file.
 */
public final class DatasetLoader {

    private DatasetLoader() {}

    /**
     * @param spec  the spec
     * @param root  the folder holding {@code <spec-id>/}
     * @param split the split's name
     * @return the split's arrays
     * @throws IOException naming the file if one is missing, corrupt or of the wrong dtype or shape
     */
    public static SplitData load(DatasetSpec spec, Path root, String split) throws IOException {
        SplitSpec s = spec.split(split);
        Path dir = root.resolve(spec.id());
        Map<String, String> expected =
                spec.pinned() ? spec.sha256() : Manifest.read(dir).sha256();
        for (DataFile f : DataFile.values()) {
            String rel = f.relativePath(split);
            DatasetVerifier.Problem p = DatasetVerifier.checkFile(dir.resolve(rel), expected.get(rel));
            if (p != null) {
                throw new ChecksumMismatchException(p.file(), p.expected(), p.actual());
            }
        }
        long n = spec.samples(s);
        int l = spec.size();
        return new SplitData(
                spec,
                s,
                Npy.readUint8(dir.resolve(DataFile.MAPS.relativePath(split)), DataFile.MAPS.shape(n, l)),
                Npy.readFloat64(dir.resolve(DataFile.P.relativePath(split)), DataFile.P.shape(n, l)),
                Npy.readInt32(dir.resolve(DataFile.MAX_CLUSTER.relativePath(split)), DataFile.MAX_CLUSTER.shape(n, l)),
                Npy.readUint8(dir.resolve(DataFile.SPANNING.relativePath(split)), DataFile.SPANNING.shape(n, l)),
                Npy.readUint8(
                        dir.resolve(DataFile.MAX_CLUSTER_MASK.relativePath(split)),
                        DataFile.MAX_CLUSTER_MASK.shape(n, l)));
    }
}
