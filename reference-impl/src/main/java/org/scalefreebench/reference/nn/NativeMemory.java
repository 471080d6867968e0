package org.scalefreebench.reference.nn;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Keeps the native memory of ND4J's unreachable tensors from piling up. ND4J 1.0.0-M2.1 frees a
 * tensor's native buffer only after the garbage collector has found its Java object unreachable,
 * and a training step of the reference networks makes hundreds of megabytes of such garbage while
 * allocating little on the Java heap, so the heap alone rarely triggers a collection: measured on
 * {@code cnn-anagram}, resident memory climbed by about 1.3 GiB every 5 s, to 11.8 GiB within a fit.
 * ND4J's own periodic collection (every {@link Nd4jBackend#GC_WINDOW_MS} ms, run only when its
 * deallocator thread is idle) came every 10–35 s. {@link #collectIfDue()}, called by the training and
 * inference loops after each batch, collects at most once every {@link #INTERVAL_MS} ms: a full
 * collection of the harness's heap takes about 30 ms, so this costs a few per cent of a fit.
 */
public final class NativeMemory {

    /** Shortest interval between two collections asked for by {@link #collectIfDue()}. */
    public static final long INTERVAL_MS = 1_000;

    private static final AtomicLong LAST = new AtomicLong(System.nanoTime());

    private NativeMemory() {}

    /** Runs the garbage collector if the last collection asked for here is {@link #INTERVAL_MS} ms old or more. */
    public static void collectIfDue() {
        long now = System.nanoTime();
        long last = LAST.get();
        if (now - last >= INTERVAL_MS * 1_000_000L && LAST.compareAndSet(last, now)) {
            System.gc();
        }
    }
}
