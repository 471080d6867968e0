package org.scalefreebench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Without a backend probe on the class path (a model project with no native framework, as here)
 * rows record the suite's own versions only, and the native bytes are unknown.
 */
class RunEnvironmentTest {

    @Test
    void recordsTheSuitesVersionsAndNoFrameworksWithoutAProbe() {
        assertTrue(RunEnvironment.probes().isEmpty(), "a backend probe on the testkit's class path");
        Map<String, String> v = RunEnvironment.libraryVersions();
        assertEquals(List.of("commons-rng", "hipparchus", "scalefree-bench"), List.copyOf(v.keySet()));
        assertFalse(v.get("scalefree-bench").contains("${"), "unfiltered version: " + v);
        assertFalse(RunEnvironment.versions().containsKey("nd4j-backend"));
    }

    @Test
    void nativeBytesAreUnknownWithoutAProbe() {
        assertEquals(-1, ResourceUse.now().offHeapBytes());
    }
}
