package org.scalefreebench.bench;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.scalefreebench.datasets.model.BackendProbe;

/**
 * What the harness JVM holds at one moment: the garbage collector's work so far, the heap, the
 * native bytes a model framework's buffers hold (ND4J's through JavaCPP, read by its
 * {@link BackendProbe}), and the process's resident memory (now and its
 * peak). Two snapshots give what one fit cost beside its wall time; the harness logs them per fit so
 * that growth across a run shows in every build log.
 *
 * @param nanos         {@link System#nanoTime()} when taken
 * @param gcCount       collections so far, all collectors
 * @param gcMillis      milliseconds spent collecting so far, all collectors
 * @param heapUsed      heap bytes in use
 * @param offHeapBytes  native bytes the backend probes count as allocated and not yet freed (ND4J's
 *                      buffers), −1 if unknown (no probe on the class path)
 * @param resident      resident set size of the process in bytes (VmRSS), −1 if unknown (not Linux)
 * @param peakResident  the largest resident set size so far (VmHWM), −1 if unknown
 */
public record ResourceUse(
        long nanos, long gcCount, long gcMillis, long heapUsed, long offHeapBytes, long resident, long peakResident) {

    private static final Path STATUS = Path.of("/proc/self/status");

    /** @return a snapshot of now */
    public static ResourceUse now() {
        long count = 0;
        long millis = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            count += Math.max(0, gc.getCollectionCount());
            millis += Math.max(0, gc.getCollectionTime());
        }
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        long rss = -1;
        long hwm = -1;
        try {
            for (String line : Files.readAllLines(STATUS)) {
                if (line.startsWith("VmRSS:")) {
                    rss = kilobytes(line);
                } else if (line.startsWith("VmHWM:")) {
                    hwm = kilobytes(line);
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: resident memory stays unknown
        }
        return new ResourceUse(System.nanoTime(), count, millis, heap.getUsed(), offHeap(), rss, hwm);
    }

    /** @return the native bytes every backend probe counts, −1 if there is none or none knows */
    private static long offHeap() {
        long sum = -1;
        for (BackendProbe p : RunEnvironment.probes()) {
            long b = p.offHeapBytes();
            if (b >= 0) {
                sum = Math.max(sum, 0) + b;
            }
        }
        return sum;
    }

    /**
     * @param before an earlier snapshot
     * @return one line: seconds, GC seconds and collections since {@code before}, then heap, off-heap,
     *         resident and peak resident memory now
     */
    public String since(ResourceUse before) {
        return String.format(
                Locale.ROOT,
                "%.1f s, GC %.1f s in %d collections; heap %s, off-heap %s, resident %s (peak %s)",
                (nanos - before.nanos) / 1e9,
                (gcMillis - before.gcMillis) / 1e3,
                gcCount - before.gcCount,
                gib(heapUsed),
                gib(offHeapBytes),
                gib(resident),
                gib(peakResident));
    }

    /**
     * @param bytes a byte count, or −1
     * @return it in GiB with two decimals, or "?" if unknown
     */
    public static String gib(long bytes) {
        return bytes < 0 ? "?" : String.format(Locale.ROOT, "%.2f GiB", bytes / (double) (1L << 30));
    }

    private static long kilobytes(String line) {
        String[] parts = line.substring(line.indexOf(':') + 1).trim().split("\\s+");
        return Long.parseLong(parts[0]) * 1024;
    }
}
