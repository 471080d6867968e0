package org.scalefreebench.datasets.family;

import java.util.Objects;
import java.util.regex.Pattern;
import org.scalefreebench.datasets.npy.NpyDtype;

/**
 * One label file of a split: what it holds for each map.
 *
 * @param id       the column's id, lower-case letters, digits and '_' (the file name without {@code .npy} by
 *                 convention), e.g. {@code max_cluster}
 * @param fileName the file name inside the split folder
 * @param dtype    the NPY dtype of the values
 * @param perMap   one value per map, or one per site
 * @param meaning  what a value means, for people
 * @param origin   exact (computed from the map) or measured (estimated, with an error)
 */
public record LabelColumn(String id, String fileName, NpyDtype dtype, PerMap perMap, String meaning, Origin origin)
        implements DataColumn {

    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9_]*");

    /** How many values a label has per map. */
    public enum PerMap {
        /** One value per map: shape {@code [N]}. */
        SCALAR,
        /** One value per site: shape {@code [N, L, L]}. */
        PER_SITE
    }

    /** Where a label's values come from. */
    public enum Origin {
        /** Computed exactly from the map (e.g. by the cluster labeller). */
        EXACT,
        /** Measured or estimated, so known only up to an error (e.g. a fitted exponent). */
        MEASURED
    }

    /** Checks the fields. */
    public LabelColumn {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(dtype, "dtype");
        Objects.requireNonNull(perMap, "perMap");
        Objects.requireNonNull(meaning, "meaning");
        Objects.requireNonNull(origin, "origin");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("label column id '" + id + "' is not lower-case letters, digits, '_'");
        }
    }

    @Override
    public long[] shape(long samples, int size) {
        return perMap == PerMap.PER_SITE ? new long[] {samples, size, size} : new long[] {samples};
    }

    @Override
    public String shapeText() {
        return perMap == PerMap.PER_SITE ? "[N, L, L]" : "[N]";
    }

    /**
     * @param size linear size L
     * @return values per map: 1, or L·L
     */
    public int valuesPerMap(int size) {
        return perMap == PerMap.PER_SITE ? Math.multiplyExact(size, size) : 1;
    }
}
