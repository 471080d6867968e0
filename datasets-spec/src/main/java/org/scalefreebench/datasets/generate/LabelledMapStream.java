package org.scalefreebench.datasets.generate;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.commons.rng.JumpableUniformRandomProvider;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.scalefreebench.datasets.lattice.ClusterLabeller;
import org.scalefreebench.datasets.lattice.ClusterLabels;
import org.scalefreebench.datasets.lattice.Lattice;
import org.scalefreebench.datasets.lattice.SitePercolation;

/**
 * Generates and labels a sequence of site-percolation maps, in parallel, delivering them in
 * order in blocks of bounded memory.
 *
 * <p>The reproducibility rule (part of the data contract): the stream's generator is
 * {@code source.create(seed)} (Commons RNG's own conversion of a {@code long} seed), which must
 * be jumpable; map {@code k} (0-based) draws its sites from the {@code k}-th copy returned by
 * {@link JumpableUniformRandomProvider#jump()}. So map {@code k} does not depend on the thread
 * count, the block size or any other map.
 */
public final class LabelledMapStream {

    /** Receives the blocks of a stream, in order. */
    @FunctionalInterface
    public interface BlockConsumer {
        /**
         * Takes one block.
         *
         * @param block the block; its arrays are reused after this call returns
         * @throws IOException if writing the block fails
         */
        void accept(MapBlock block) throws IOException;
    }

    /** Bytes of maps and masks held at once, across the block. */
    private static final long BLOCK_BYTES = 16L << 20;

    private final RandomSource source;
    private final long seed;
    private final int size;
    private final int threads;

    /**
     * Describes a stream.
     *
     * @param source  the named Commons RNG source; must be jumpable
     * @param seed    the stream's seed
     * @param size    the linear lattice size L
     * @param threads worker threads (≥ 1); the output does not depend on it
     */
    public LabelledMapStream(RandomSource source, long seed, int size, int threads) {
        if (!source.isJumpable()) {
            throw new IllegalArgumentException("random source " + source + " is not jumpable; the data contract needs a"
                    + " jumpable source (e.g. XO_RO_SHI_RO_128_PP)");
        }
        Lattice.sites(size);
        if (threads < 1) {
            throw new IllegalArgumentException("threads = " + threads + " is outside the allowed range [1, ∞)");
        }
        this.source = source;
        this.seed = seed;
        this.size = size;
        this.threads = threads;
    }

    /**
     * Generates one map per entry of {@code pOfSample}, labels it and hands the maps on in blocks.
     *
     * @param pOfSample occupation probability of each sample, in sample order
     * @param withMasks whether to compute the largest-cluster masks
     * @param consumer  receives the blocks in order
     * @throws IOException if the consumer fails
     */
    public void run(double[] pOfSample, boolean withMasks, BlockConsumer consumer) throws IOException {
        run(0, pOfSample, withMasks, consumer);
    }

    /**
     * Generates maps {@code first}, {@code first + 1}, … of the stream, one per entry of {@code
     * pOfSample}: the stream's generator is jumped {@code first} times before the first map (each
     * jump costs a few hundred nanoseconds), so these maps are byte for byte those the whole stream
     * gives at the same indices. The blocks' {@link MapBlock#first()} counts from the stream's start.
     *
     * @param first     index in the stream of the first map, at least 0
     * @param pOfSample occupation probability of maps {@code first, first + 1, …}
     * @param withMasks whether to compute the largest-cluster masks
     * @param consumer  receives the blocks in order
     * @throws IOException if the consumer fails
     */
    public void run(long first, double[] pOfSample, boolean withMasks, BlockConsumer consumer) throws IOException {
        if (first < 0) {
            throw new IllegalArgumentException("first map " + first + " is negative");
        }
        for (double p : pOfSample) {
            SitePercolation.checkProbability(p);
        }
        int sites = size * size;
        long perMap = (long) sites * (withMasks ? 2 : 1);
        int blockMaps = (int) Math.max(threads, Math.min(4096, BLOCK_BYTES / perMap));
        int capacity = Math.min(blockMaps, Math.max(1, pOfSample.length));
        byte[][] maps = new byte[capacity][sites];
        byte[][] masks = withMasks ? new byte[capacity][sites] : null;
        ClusterLabels[] labels = new ClusterLabels[capacity];
        double[] p = new double[capacity];
        UniformRandomProvider[] rngs = new UniformRandomProvider[capacity];
        ClusterLabeller[] labellers = new ClusterLabeller[threads];
        for (int t = 0; t < threads; t++) {
            labellers[t] = new ClusterLabeller(size);
        }
        JumpableUniformRandomProvider base = (JumpableUniformRandomProvider) source.create(seed);
        for (long skipped = 0; skipped < first; skipped++) {
            base.jump();
        }
        ExecutorService pool = threads > 1 ? Executors.newFixedThreadPool(threads, daemonThreads()) : null;
        try {
            for (int offset = 0; offset < pOfSample.length; offset += capacity) {
                int count = Math.min(capacity, pOfSample.length - offset);
                for (int i = 0; i < count; i++) {
                    rngs[i] = base.jump();
                    p[i] = pOfSample[offset + i];
                }
                fill(pool, count, rngs, p, maps, masks, labels, labellers);
                consumer.accept(new MapBlock(first + offset, count, p, maps, masks, labels));
            }
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
    }

    private void fill(
            ExecutorService pool,
            int count,
            UniformRandomProvider[] rngs,
            double[] p,
            byte[][] maps,
            byte[][] masks,
            ClusterLabels[] labels,
            ClusterLabeller[] labellers)
            throws IOException {
        if (pool == null) {
            fillStrided(0, 1, count, rngs, p, maps, masks, labels, labellers[0]);
            return;
        }
        List<Future<?>> tasks = new ArrayList<>(threads);
        for (int t = 0; t < threads; t++) {
            int offset = t;
            ClusterLabeller labeller = labellers[t];
            tasks.add(pool.submit(() -> fillStrided(offset, threads, count, rngs, p, maps, masks, labels, labeller)));
        }
        for (Future<?> task : tasks) {
            try {
                task.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("map generation interrupted", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("map generation failed: " + e.getCause(), e.getCause());
            }
        }
    }

    private static void fillStrided(
            int offset,
            int stride,
            int count,
            UniformRandomProvider[] rngs,
            double[] p,
            byte[][] maps,
            byte[][] masks,
            ClusterLabels[] labels,
            ClusterLabeller labeller) {
        for (int i = offset; i < count; i += stride) {
            SitePercolation.occupy(rngs[i], p[i], maps[i]);
            labels[i] = labeller.label(maps[i], masks == null ? null : masks[i]);
        }
    }

    private static java.util.concurrent.ThreadFactory daemonThreads() {
        return r -> {
            Thread t = new Thread(r, "scalefree-generate");
            t.setDaemon(true);
            return t;
        };
    }
}
