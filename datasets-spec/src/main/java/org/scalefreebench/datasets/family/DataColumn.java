package org.scalefreebench.datasets.family;

import org.scalefreebench.datasets.npy.NpyDtype;

/** One NPY file of a split, as a family declares it: its name, dtype and shape for N maps of size L. */
public interface DataColumn {

    /** @return the file name inside the split folder, e.g. {@code maps.npy} */
    String fileName();

    /** @return the NPY dtype of the file */
    NpyDtype dtype();

    /**
     * @param samples number of maps N
     * @param size    linear size L
     * @return the file's shape for N maps of size L
     */
    long[] shape(long samples, int size);

    /** @return the shape for people, in N and L, e.g. {@code [N, L, L]} */
    String shapeText();

    /**
     * @param split the split's name
     * @return the path of this file relative to the dataset folder, with '/' separators
     */
    default String relativePath(String split) {
        return split + "/" + fileName();
    }

    /** @return dtype and shape for error messages, e.g. {@code uint8 [N, L, L]} */
    default String expectation() {
        return dtype().name().toLowerCase(java.util.Locale.ROOT) + " " + shapeText();
    }
}
