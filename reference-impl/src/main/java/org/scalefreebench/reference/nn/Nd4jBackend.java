package org.scalefreebench.reference.nn;

import org.nd4j.linalg.factory.Nd4j;

/**
 * Starts ND4J the way the reference models need it: Deeplearning4j's oneDNN helpers switched on
 * (they are off by default in 1.0.0-M2.1, see {@link org.nd4j.nativeblas.Nd4jCpu}) and periodic
 * garbage collection of native buffers. Call {@link #init()} before any network is built.
 */
public final class Nd4jBackend {

    /** The system property that, when "true" (M2.1's default), keeps DL4J off its oneDNN helpers. */
    public static final String HELPERS_DISABLE = "org.eclipse.deeplearning4j.helpers.disable";

    /**
     * Interval of ND4J's periodic garbage collection. Native buffers that DL4J allocates outside its
     * workspaces are freed only when their Java objects are collected. ND4J's deallocator thread runs
     * this collection only when it has no freed buffer left to release, so under load it came every
     * 10–35 s (measured); the training and inference loops also ask for one through
     * {@link NativeMemory#collectIfDue()}.
     */
    public static final int GC_WINDOW_MS = 5_000;

    private static volatile boolean started;

    private Nd4jBackend() {}

    /** Idempotent: enables the helpers unless the user set the property, and loads the backend. */
    public static synchronized void init() {
        if (started) {
            return;
        }
        if (System.getProperty(HELPERS_DISABLE) == null) {
            System.setProperty(HELPERS_DISABLE, "false");
        }
        Nd4j.create(1);
        Nd4j.getMemoryManager().togglePeriodicGc(true);
        Nd4j.getMemoryManager().setAutoGcWindow(GC_WINDOW_MS);
        started = true;
    }

    /** @return whether the CPU backend reports oneDNN in use, read through the old name DL4J looks up */
    public static boolean oneDnnInUse() {
        init();
        try {
            return org.nd4j.nativeblas.Nd4jCpu.Environment.getInstance().isUseMKLDNN();
        } catch (LinkageError | RuntimeException e) {
            return false;
        }
    }

    /**
     * @return native bytes that ND4J's buffers hold through JavaCPP and that are not yet freed
     *         ({@code Pointer.totalBytes()}); these are what JavaCPP's {@code maxbytes} limit counts
     */
    public static long offHeapBytes() {
        return org.bytedeco.javacpp.Pointer.totalBytes();
    }

    /** @return the backend and BLAS as ND4J describes them, for result rows */
    public static String describe() {
        init();
        return Nd4j.getExecutioner().getEnvironmentInformation().getProperty("backend", "unknown")
                + (oneDnnInUse() ? " + oneDNN" : "") + ", "
                + Nd4j.getBackend().getClass().getSimpleName();
    }
}
