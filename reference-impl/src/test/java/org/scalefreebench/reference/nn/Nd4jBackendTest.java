package org.scalefreebench.reference.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;

/**
 * The 10× trap: DL4J 1.0.0-M2.1 only uses its oneDNN convolution helpers when the helper property
 * is false and the reflective lookup of {@code org.nd4j.nativeblas.Nd4jCpu$Environment#isUseMKLDNN}
 * succeeds. With an oneDNN native classifier (the build's default) both must hold.
 */
class Nd4jBackendTest {

    @Test
    void helpersAreSwitchedOnAndTheShimAnswers() throws Exception {
        assumeTrue(
                System.getProperty("nd4j.classifier", "onednn").contains("onednn"),
                "built with a native classifier without oneDNN");
        Nd4jBackend.init();
        assertEquals("false", System.getProperty(Nd4jBackend.HELPERS_DISABLE));
        Class<?> c = Class.forName("org.nd4j.nativeblas.Nd4jCpu$Environment");
        Object env = c.getMethod("getInstance").invoke(null);
        assertTrue(
                (Boolean) c.getMethod("isUseMKLDNN").invoke(env),
                "oneDNN not in use: is the onednn classifier on the class path?");
        assertTrue(Nd4jBackend.describe().contains("oneDNN"), Nd4jBackend.describe());
    }
}
