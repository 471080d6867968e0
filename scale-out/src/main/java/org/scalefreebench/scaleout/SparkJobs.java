package org.scalefreebench.scaleout;

import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * Starts the Spark context the scale-out jobs run on: an embedded {@code local[...]} master or any
 * cluster master. Spark is only the task scheduler here: no SQL, no shuffle of data between tasks.
 * Speculative execution stays off, so two attempts of one task never write the same shard or fit
 * at the same time.
 */
public final class SparkJobs {

    /** The embedded master: one worker thread per core of this machine, no task retries. */
    public static final String LOCAL = "local[*]";

    private SparkJobs() {}

    /**
     * A started context and how long its start took.
     *
     * @param context      the context; close it when done
     * @param startSeconds wall-clock seconds from the call to a running context
     */
    public record Started(JavaSparkContext context, double startSeconds) implements AutoCloseable {
        @Override
        public void close() {
            context.close();
        }

        /** @return the number of tasks Spark runs at once by default (worker threads or executor cores) */
        public int workers() {
            return context.defaultParallelism();
        }
    }

    /**
     * @param master  a Spark master URL ({@code local[*]}, {@code local[N]}, {@code local[N,F]} for F
     *                attempts per task, {@code spark://...}, {@code yarn}, {@code k8s://...})
     * @param appName the application's name
     * @param conf    further Spark settings (key → value), applied last
     * @return the started context
     * @throws IllegalArgumentException if the master is blank
     */
    public static Started start(String master, String appName, Map<String, String> conf) {
        if (master == null || master.isBlank()) {
            throw new IllegalArgumentException("--master is empty; give local[*] or a cluster master URL");
        }
        SparkConf c = new SparkConf().setMaster(master).setAppName(appName).set("spark.speculation", "false");
        if (isLocal(master)) {
            // an embedded run talks to itself only: no network interface, no web UI on a free port
            c.set("spark.driver.host", "127.0.0.1")
                    .set("spark.driver.bindAddress", "127.0.0.1")
                    .set("spark.ui.enabled", "false");
        }
        conf.forEach(c::set);
        if (!"false".equals(c.get("spark.speculation"))) {
            throw new IllegalArgumentException(
                    "spark.speculation must stay false: two attempts of one shard or fit must never run at once");
        }
        long t0 = System.nanoTime();
        JavaSparkContext context = new JavaSparkContext(c);
        context.setLogLevel("WARN");
        return new Started(context, (System.nanoTime() - t0) / 1e9);
    }

    /**
     * @param master a master URL
     * @return whether it is an embedded {@code local} master
     */
    public static boolean isLocal(String master) {
        return master.equals("local") || master.startsWith("local[");
    }
}
