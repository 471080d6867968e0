package org.scalefreebench.datasets.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.function.LongSupplier;
import org.apache.commons.rng.simple.RandomSource;
import org.scalefreebench.datasets.generate.LabelledMapStream;
import org.scalefreebench.datasets.lattice.ClusterLabeller;

/**
 * One-thread throughput measurement shared by the bench commands: one untimed warm-up round, then
 * several timed rounds, reported as median, minimum and maximum rate per wall-clock second, and the
 * median rate per second of this thread's CPU time (less sensitive to other processes on a shared
 * machine); and the site-percolation maps and labelling round that {@code bench-label} times.
 */
final class Throughput {

    /**
     * Rates over the timed rounds, in units per second.
     *
     * @param median the median round's rate
     * @param min    the slowest round's rate
     * @param max    the fastest round's rate
     * @param cpu    the median rate per second of the thread's CPU time
     */
    record Rates(double median, double min, double max, double cpu) {

        /**
         * @param scale the divisor, e.g. 1e6 for millions
         * @return "median (min a, max b; CPU c)" with one decimal, each divided by {@code scale}
         */
        String format(double scale) {
            return String.format(
                    "%.1f (min %.1f, max %.1f; CPU %.1f)", median / scale, min / scale, max / scale, cpu / scale);
        }
    }

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

    private long checksum;

    /**
     * Times a round once untimed, then {@code rounds} times.
     *
     * @param rounds the number of timed rounds, ≥ 1
     * @param units  the units of work one round does (e.g. sites)
     * @param round  does one round's work and returns a value that depends on it (summed into
     *               {@link #checksum()} so that the work cannot be optimised away)
     * @return the rates in units per second
     */
    Rates measure(int rounds, double units, LongSupplier round) {
        double[] rates = new double[rounds];
        double[] cpuRates = new double[rounds];
        for (int r = -1; r < rounds; r++) {
            long c0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            checksum += round.getAsLong();
            long t1 = System.nanoTime();
            long c1 = threads.getCurrentThreadCpuTime();
            if (r >= 0) {
                rates[r] = units / ((t1 - t0) / 1e9);
                cpuRates[r] = units / ((c1 - c0) / 1e9);
            }
        }
        Arrays.sort(rates);
        Arrays.sort(cpuRates);
        return new Rates(rates[rounds / 2], rates[0], rates[rounds - 1], cpuRates[rounds / 2]);
    }

    /** @return the sum of the values the timed and warm-up rounds returned */
    long checksum() {
        return checksum;
    }

    /**
     * Generates site-percolation maps with the generators' own stream (on all processors; not
     * timed).
     *
     * @param size  the linear size L
     * @param count the number of maps
     * @param p     the occupation probability
     * @param seed  the seed
     * @return the maps, each of length L², 1 = occupied
     * @throws IOException never in practice (the stream's consumer does no I/O)
     */
    static byte[][] percolationMaps(int size, int count, double p, long seed) throws IOException {
        byte[][] maps = new byte[count][];
        double[] ps = new double[count];
        Arrays.fill(ps, p);
        new LabelledMapStream(
                        RandomSource.XO_RO_SHI_RO_128_PP,
                        seed,
                        size,
                        Runtime.getRuntime().availableProcessors())
                .run(ps, false, block -> {
                    for (int i = 0; i < block.count(); i++) {
                        maps[(int) block.first() + i] = block.maps()[i].clone();
                    }
                });
        return maps;
    }

    /**
     * Labels maps in turn, as {@code bench-label} times them.
     *
     * @param labeller a labeller of the maps' size
     * @param maps     the maps
     * @param count    how many maps to label: maps[0], maps[1], … cycling through {@code maps}
     * @param mask     null for labels alone, else a work array of length L² for the largest-cluster mask
     * @return the sum of the largest clusters' sizes
     */
    static long label(ClusterLabeller labeller, byte[][] maps, int count, byte[] mask) {
        long sum = 0;
        for (int t = 0; t < count; t++) {
            sum += labeller.label(maps[t % maps.length], mask).maxCluster();
        }
        return sum;
    }
}
