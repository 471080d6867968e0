package org.scalefreebench.datasets.generation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The measures of a set of cluster maps of one size L = 2^K, reduced per map to what the
 * {@link GenerationEvaluator} compares: the {@link ClusterMapMeasures}, the hole areas binned by
 * ⌊log₂ area⌋, and the 15 child-pattern counts of every level of the block-OR {@link MaskPyramid}.
 * Measuring is the O(L²)-per-map part of an evaluation; a reference set measured once can be
 * compared with many generated sets, and a set too large for one array can be measured in chunks
 * and joined with {@link #concat}.
 */
public final class SampleSet {

    /** Number of non-empty child patterns. */
    static final int NON_EMPTY = MaskPyramid.PATTERNS - 1;

    /**
     * The reduced measures of one map.
     *
     * @param measures the map's measures (its hole areas included)
     * @param holeBins hole counts by bin b = ⌊log₂ area⌋, b = 0…2K
     * @param patterns child-pattern counts: entry l·15 + (k − 1) counts the parents of level l + 1
     *                 whose children at level l have pattern k = 1…15
     */
    record MapSummary(ClusterMapMeasures measures, int[] holeBins, int[] patterns) {}

    private final int size;
    private final int levels;
    private final MapSummary[] maps;

    private SampleSet(int size, MapSummary[] maps) {
        this.size = size;
        this.levels = MaskPyramid.levels(size);
        this.maps = maps;
    }

    /**
     * Measures n maps on one thread.
     *
     * @param size L, a power of two
     * @param maps n·L·L values 0 or 1, row-major [n, L, L]
     * @param n    how many maps
     * @return their measures
     * @throws IllegalArgumentException if L is not a power of two, the array is not n·L² long, or a
     *                                  value is neither 0 nor 1 (naming the map and site)
     */
    public static SampleSet measure(int size, byte[] maps, int n) {
        return measure(size, maps, n, 1);
    }

    /**
     * Measures n maps on several threads; the result does not depend on the thread count.
     *
     * @param size    L, a power of two
     * @param maps    n·L·L values 0 or 1, row-major [n, L, L]
     * @param n       how many maps
     * @param threads worker threads, at least 1
     * @return their measures
     * @throws IllegalArgumentException if L is not a power of two, the array is not n·L² long, or a
     *                                  value is neither 0 nor 1 (naming the map and site)
     */
    public static SampleSet measure(int size, byte[] maps, int n, int threads) {
        MaskPyramid.levels(size);
        long sites = (long) size * size;
        if (n < 0 || maps.length != n * sites) {
            throw new IllegalArgumentException("expected n·L² = " + n + "·" + sites + " values for " + n
                    + " maps of L = " + size + ", got " + maps.length);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads = " + threads + " is outside the allowed range [1, ∞)");
        }
        MapSummary[] out = new MapSummary[n];
        if (threads == 1 || n < 2) {
            measureStrided(size, maps, 0, 1, out);
            return new SampleSet(size, out);
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "scalefree-measure");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> tasks = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int first = t;
                tasks.add(pool.submit(() -> measureStrided(size, maps, first, threads, out)));
            }
            for (Future<?> task : tasks) {
                task.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("measuring interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IllegalArgumentException iae) {
                throw iae;
            }
            throw new IllegalStateException("measuring failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return new SampleSet(size, out);
    }

    private static void measureStrided(int size, byte[] maps, int first, int stride, MapSummary[] out) {
        ClusterMapMeasures.Meter meter = new ClusterMapMeasures.Meter(size);
        int sites = size * size;
        for (int m = first; m < out.length; m += stride) {
            try {
                out[m] = summarise(meter, maps, m * sites, size);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("map " + m + ": " + e.getMessage(), e);
            }
        }
    }

    private static MapSummary summarise(ClusterMapMeasures.Meter meter, byte[] maps, int offset, int size) {
        ClusterMapMeasures measures = meter.measure(maps, offset);
        int k = MaskPyramid.levels(size);
        int[] holeBins = new int[2 * k + 1];
        for (int area : measures.holeAreas()) {
            holeBins[31 - Integer.numberOfLeadingZeros(area)]++;
        }
        MaskPyramid pyramid = MaskPyramid.of(maps, offset, size);
        int[] patterns = new int[k * NON_EMPTY];
        for (int l = 0; l < k; l++) {
            int[] counts = pyramid.patternCounts(l);
            System.arraycopy(counts, 1, patterns, l * NON_EMPTY, NON_EMPTY);
        }
        return new MapSummary(measures, holeBins, patterns);
    }

    /**
     * Joins two sets of the same size, a's maps first.
     *
     * @param a a set
     * @param b a set of the same L
     * @return their union
     */
    public static SampleSet concat(SampleSet a, SampleSet b) {
        if (a.size != b.size) {
            throw new IllegalArgumentException("cannot join sets of L = " + a.size + " and L = " + b.size);
        }
        MapSummary[] all = Arrays.copyOf(a.maps, a.maps.length + b.maps.length);
        System.arraycopy(b.maps, 0, all, a.maps.length, b.maps.length);
        return new SampleSet(a.size, all);
    }

    /** @return L */
    public int size() {
        return size;
    }

    /** @return K = log₂ L */
    public int levels() {
        return levels;
    }

    /** @return the number of maps */
    public int count() {
        return maps.length;
    }

    /**
     * @param index a map's index
     * @return its measures
     */
    public ClusterMapMeasures measures(int index) {
        return maps[index].measures();
    }

    MapSummary map(int index) {
        return maps[index];
    }
}
