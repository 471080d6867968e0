package org.scalefreebench.scaleout;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The settings a Spark context is refused with, before it starts. */
class SparkJobsTest {

    @Test
    void speculativeExecutionIsRefused() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> SparkJobs.start("local[1]", "SparkJobsTest", Map.of("spark.speculation", "true")));
        assertTrue(e.getMessage().contains("spark.speculation must stay false"), e.getMessage());
    }

    @Test
    void aBlankMasterIsRefused() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> SparkJobs.start(" ", "SparkJobsTest", Map.of()));
        assertTrue(e.getMessage().contains("--master is empty"), e.getMessage());
    }

    @Test
    void localMastersAreTold() {
        assertTrue(SparkJobs.isLocal("local"));
        assertTrue(SparkJobs.isLocal("local[*,2]"));
        assertFalse(SparkJobs.isLocal("spark://head:7077"));
        assertFalse(SparkJobs.isLocal("yarn"));
    }
}
