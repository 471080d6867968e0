package org.scalefreebench.datasets.family;

import java.util.Objects;
import org.scalefreebench.datasets.npy.NpyDtype;

/**
 * The maps a model reads: C planes of L×L values per map. One plane is stored as {@code [N, L, L]}
 * (the v1 layout), several as {@code [N, C, L, L]}; both are the same bytes in C order.
 *
 * @param fileName the file name inside the split folder
 * @param dtype    the NPY dtype of the values
 * @param channels planes per map, C ≥ 1
 * @param meaning  what a value means, for people
 */
public record InputColumn(String fileName, NpyDtype dtype, int channels, String meaning) implements DataColumn {

    /** Checks the fields. */
    public InputColumn {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(dtype, "dtype");
        Objects.requireNonNull(meaning, "meaning");
        if (channels < 1) {
            throw new IllegalArgumentException("an input has at least one channel, got " + channels);
        }
    }

    @Override
    public long[] shape(long samples, int size) {
        return channels == 1 ? new long[] {samples, size, size} : new long[] {samples, channels, size, size};
    }

    @Override
    public String shapeText() {
        return channels == 1 ? "[N, L, L]" : "[N, " + channels + ", L, L]";
    }
}
