package org.scalefreebench.bench;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The thread every model's fit and predictions run on, one for the whole JVM, so that a model that
 * hangs is abandoned at its budget while the harness goes on.
 *
 * <p>One thread, not one per model: the native memory of a fit (ND4J's buffers, allocated with
 * malloc) is freed into the calling thread's glibc arena, and the next fit reuses it only if it
 * runs on the same thread. With a thread per model, each model built up arenas of its own and the
 * harness's resident memory stepped up at every model boundary (7.1 to 9.7 GiB, peak 11.2 GiB, in
 * a default-tier run). The thread is replaced only after a call overran its budget (or the harness
 * was interrupted): that thread may still be running the hung model, and is left to it. Calls from
 * several harness threads at once are queued one after another on the one thread.
 */
public final class ModelThread {

    private static final ModelThread HARNESS = new ModelThread();

    private int generation;
    private ExecutorService worker;

    private ModelThread() {}

    /** @return the JVM's model thread, shared by every {@link Benchmark} */
    public static ModelThread harness() {
        return HARNESS;
    }

    /**
     * Runs {@code work} on the model thread and waits at most {@code budget} for it.
     *
     * @param work   a model's fit or prediction
     * @param budget the longest wait
     * @param what   what the work is, for the failure's message
     * @param <T>    the work's result
     * @return the work's result
     * @throws Benchmark.ModelFailure if the work threw or overran the budget (then {@code timedOut}, and the thread is abandoned)
     * @throws InterruptedException   if the harness itself was interrupted while waiting
     */
    <T> T call(Callable<T> work, Duration budget, String what) throws InterruptedException {
        ExecutorService on = executor();
        Future<T> f = on.submit(work);
        try {
            return f.get(budget.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            f.cancel(true);
            abandon(on);
            throw e;
        } catch (TimeoutException e) {
            f.cancel(true);
            abandon(on);
            throw new Benchmark.ModelFailure(what + " exceeded its budget of " + budget.toSeconds() + " s", true);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            throw new Benchmark.ModelFailure(what + " threw " + c.getClass().getName() + ": " + c.getMessage(), false);
        }
    }

    private synchronized ExecutorService executor() {
        if (worker == null) {
            String name = "model-thread-" + ++generation;
            worker = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, name);
                t.setDaemon(true);
                return t;
            });
        }
        return worker;
    }

    private synchronized void abandon(ExecutorService busy) {
        busy.shutdownNow();
        if (worker == busy) {
            worker = null;
        }
    }
}
