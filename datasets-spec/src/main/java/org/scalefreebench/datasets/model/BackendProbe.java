package org.scalefreebench.datasets.model;

import java.util.Map;

/**
 * What a model framework with its own native backend (ND4J for the reference models) tells the
 * harness for its result rows and per-fit memory lines: the library versions its build recorded,
 * the backend as it runs, and the native bytes its buffers hold. Found with
 * {@link java.util.ServiceLoader}: list the class in
 * {@code META-INF/services/org.scalefreebench.datasets.model.BackendProbe}. Optional: a model
 * project without a native framework registers none, and the harness records only its own versions.
 */
public interface BackendProbe {

    /** @return library versions (name to version) as the build recorded them, without starting the backend */
    Map<String, String> libraryVersions();

    /** @return the running backend as rows record it (name to description); may start the backend */
    Map<String, String> backend();

    /** @return native bytes the backend's buffers hold and have not yet freed, or −1 if unknown */
    long offHeapBytes();
}
