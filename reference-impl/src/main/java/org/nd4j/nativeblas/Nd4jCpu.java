package org.nd4j.nativeblas;

/**
 * Compatibility shim for Deeplearning4j 1.0.0-M2.1. Its layers decide whether to use the oneDNN
 * convolution, pooling and batch-norm helpers by looking up, by reflection,
 * {@code org.nd4j.nativeblas.Nd4jCpu$Environment#isUseMKLDNN}; in M2.1 that class moved to
 * {@code org.nd4j.linalg.cpu.nativecpu.bindings.Nd4jCpu.Environment} and the method was renamed
 * {@code isUseONEDNN}, so the lookup fails and every convolution falls back to the slow built-in
 * path (about 10× slower here). This class restores the old name and forwards to the new method.
 */
public final class Nd4jCpu {

    private Nd4jCpu() {}

    /** The old name of ND4J's native environment, forwarding to the moved class. */
    public static final class Environment {

        private static final Environment INSTANCE = new Environment();

        private Environment() {}

        /** @return the one instance, as the old native binding had */
        public static Environment getInstance() {
            return INSTANCE;
        }

        /**
         * Looked up by reflection so that this class also compiles against the CUDA backend (the
         * {@code gpu} profile), where the CPU binding does not exist and DL4J uses cuDNN instead.
         *
         * @return whether ND4J's native CPU library was built with oneDNN and uses it
         */
        public boolean isUseMKLDNN() {
            try {
                Class<?> env = Class.forName("org.nd4j.linalg.cpu.nativecpu.bindings.Nd4jCpu$Environment");
                Object instance = env.getMethod("getInstance").invoke(null);
                return (Boolean) env.getMethod("isUseONEDNN").invoke(instance);
            } catch (ReflectiveOperationException e) {
                return false;
            }
        }
    }
}
