package org.scalefreebench.reference.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The 10× trap: DL4J 1.0.0-M2.1 only uses its oneDNN convolution helpers when the helper property
 * is false and the reflective lookup of {@code org.nd4j.nativeblas.Nd4jCpu$Environment#isUseMKLDNN}
 * succeeds. The build's default native classifier is an oneDNN one, so both must hold here.
 */
class Nd4jBackendTest {

    @Test
    void helpersAreSwitchedOnAndTheShimAnswers() throws Exception {
        Nd4jBackend.init();
        assertEquals("false", System.getProperty(Nd4jBackend.HELPERS_DISABLE));
        Class<?> c = Class.forName("org.nd4j.nativeblas.Nd4jCpu$Environment");
        Object env = c.getMethod("getInstance").invoke(null);
        assertTrue((Boolean) c.getMethod("isUseMKLDNN").invoke(env), "oneDNN not in use: is the onednn classifier on the class path?");
        assertTrue(Nd4jBackend.describe().contains("oneDNN"), Nd4jBackend.describe());
    }
}
