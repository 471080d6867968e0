package org.scalefreebench.datasets.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.scalefreebench.datasets.family.DataColumn;
import org.scalefreebench.datasets.family.Family;
import org.scalefreebench.datasets.family.InputColumn;
import org.scalefreebench.datasets.family.LabelColumn;
import org.scalefreebench.datasets.generate.ChecksumMismatchException;
import org.scalefreebench.datasets.generate.DatasetVerifier;
import org.scalefreebench.datasets.generate.Manifest;
import org.scalefreebench.datasets.npy.Npy;
import org.scalefreebench.datasets.npy.NpyDtype;
import org.scalefreebench.datasets.npy.NpyFormatException;
import org.scalefreebench.datasets.npy.NpyHeader;
import org.scalefreebench.datasets.spec.DatasetSpec;
import org.scalefreebench.datasets.spec.SplitSpec;

/**
 * Loads a split of a generated dataset: every column its spec's family declares. Every file's
 * SHA-256 is checked first, against the spec's pins (or, for an ad hoc set, its manifest), and
 * every NPY header against the column's dtype and shape: a missing, corrupt, truncated or foreign
 * file is an error naming the spec, the file and what was expected.
 */
public final class DatasetLoader {

    private DatasetLoader() {}

    /**
     * @param spec  the spec
     * @param root  the folder holding {@code <spec-id>/}
     * @param split the split's name
     * @return the split's arrays
     * @throws IOException naming the spec and file if one is missing, corrupt or of the wrong dtype or shape
     */
    public static SplitData load(DatasetSpec spec, Path root, String split) throws IOException {
        SplitSpec s = spec.split(split);
        Path dir = root.resolve(spec.id());
        Family family = spec.family();
        long n = spec.samples(s);
        int l = spec.size();
        for (DataColumn c : family.columns()) {
            Path file = dir.resolve(c.relativePath(split));
            if (!Files.isRegularFile(file)) {
                throw new IOException(file + ": missing: spec " + spec.id() + " (family " + family.id()
                        + ") expects " + c.fileName() + " as " + expected(c, n, l)
                        + " (generate the dataset first)");
            }
        }
        Map<String, String> expected =
                spec.pinned() ? spec.sha256() : Manifest.read(dir).sha256();
        for (DataColumn c : family.columns()) {
            String rel = c.relativePath(split);
            DatasetVerifier.Problem p = DatasetVerifier.checkFile(dir.resolve(rel), expected.get(rel));
            if (p != null) {
                throw new ChecksumMismatchException(p.file(), p.expected(), p.actual());
            }
        }
        InputColumn input = family.input();
        if (input.dtype() != NpyDtype.UINT8) {
            throw new IOException("spec " + spec.id() + ": family " + family.id() + " declares its input "
                    + input.fileName() + " as " + input.expectation() + "; the loader reads uint8 maps only");
        }
        byte[] maps = read(spec, dir, split, input, n, l, Npy::readUint8);
        Map<String, LabelValues> labels = new LinkedHashMap<>();
        for (LabelColumn c : family.labels()) {
            LabelValues v = switch (c.dtype()) {
                case UINT8 -> LabelValues.ofUint8(c, read(spec, dir, split, c, n, l, Npy::readUint8));
                case INT32 -> LabelValues.ofInt32(c, read(spec, dir, split, c, n, l, Npy::readInt32));
                case FLOAT32 -> LabelValues.ofFloat32(c, read(spec, dir, split, c, n, l, Npy::readFloat32));
                case FLOAT64 -> LabelValues.ofFloat64(c, read(spec, dir, split, c, n, l, Npy::readFloat64));
            };
            labels.put(c.id(), v);
        }
        return new SplitData(spec, s, maps, labels);
    }

    /** Reads one whole NPY array of an expected dtype and shape. */
    @FunctionalInterface
    private interface ArrayReader<T> {
        T read(Path file, long... expectedShape) throws IOException;
    }

    private static <T> T read(
            DatasetSpec spec, Path dir, String split, DataColumn column, long n, int l, ArrayReader<T> reader)
            throws IOException {
        Path file = dir.resolve(column.relativePath(split));
        try {
            return reader.read(file, column.shape(n, l));
        } catch (NpyFormatException e) {
            throw new NpyFormatException(
                    file,
                    "spec " + spec.id() + " (family " + spec.family().id() + ") expects " + column.fileName() + " as "
                            + expected(column, n, l) + "; found: " + e.getMessage());
        }
    }

    private static String expected(DataColumn column, long n, int l) {
        return column.expectation() + " = " + NpyHeader.formatShape(column.shape(n, l));
    }
}
