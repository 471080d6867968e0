package org.scalefreebench.datasets.fk;

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
import org.scalefreebench.datasets.spec.ChainRule;

/**
 * Draws the maps of one split of a critical-FK spec by the spec's {@link ChainRule}: per value of
 * Q, a pilot chain that measures τ, then independent Chayes–Machta chains that store a map every
 * thinning interval after their burn-in.
 *
 * <p><b>Reproducibility.</b> The split's generator is {@code source.create(seed)}; its k-th {@link
 * JumpableUniformRandomProvider#jump()} copy (k from 0) is stream k. The pilot of the j-th Q value
 * draws from stream j, and chain c of the j-th value from stream V + j·C + c (V values, C chains
 * per value). Every chain runs on one thread from its own stream, and the maps are handed on in
 * the order (value, chain, step), so the bytes do not depend on the thread count.
 */
public final class FkChainSampler {

    /**
     * What a pilot chain measured: τ̂_int and its Madras–Sokal error, for the bond count and the
     * largest cluster.
     *
     * @param bonds   τ̂_int of the bond count
     * @param largest τ̂_int of the largest cluster's size
     */
    public record Pilot(IntegratedAutocorrelation.Estimate bonds, IntegratedAutocorrelation.Estimate largest) {

        /**
         * @return τ̂ that sets burn-in and thinning: the larger, over the two series, of the estimate
         *     plus two of its standard errors (so that a pilot's underestimate rarely shortens the
         *     thinning)
         */
        public double tau() {
            return Math.max(bonds.tau() + 2 * bonds.error(), largest.tau() + 2 * largest.error());
        }
    }

    /**
     * One stored map.
     *
     * @param planes   the bonds, 2·L² bytes: plane 0 the horizontal edges, plane 1 the vertical ones
     * @param mask     the largest cluster, L² bytes
     * @param measures its exact measures
     * @param chain    the chain it comes from, in [0, C)
     * @param step     the sweeps that chain had made when it was stored
     */
    public record Draw(byte[] planes, byte[] mask, FkMeasures measures, int chain, int step) {}

    /** Receives the maps of one Q value, in order. */
    @FunctionalInterface
    public interface ValueConsumer {
        /**
         * @param valueIndex the index of the value in the spec's list
         * @param pilot      its pilot's τ
         * @param draws      its maps, by chain then step
         * @throws IOException if writing fails
         */
        void accept(int valueIndex, Pilot pilot, List<Draw> draws) throws IOException;
    }

    private final RandomSource source;
    private final long seed;
    private final int size;
    private final ChainRule rule;
    private final int threads;

    /**
     * @param source  the spec's random source; must be jumpable
     * @param seed    the split's seed
     * @param size    linear size L of the torus
     * @param rule    the spec's chain rule
     * @param threads worker threads, at least 1 (the output does not depend on it)
     */
    public FkChainSampler(RandomSource source, long seed, int size, ChainRule rule, int threads) {
        if (!source.isJumpable()) {
            throw new IllegalArgumentException("random source " + source + " is not jumpable");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        FkParameters.requireFamilySize(size);
        this.source = source;
        this.seed = seed;
        this.size = size;
        this.rule = rule;
        this.threads = threads;
    }

    /**
     * Draws {@code samplesPerValue} maps at each Q.
     *
     * @param q               the Q values, each in [1, 4]
     * @param samplesPerValue maps per value, at least the rule's chain count
     * @param consumer        receives each value's maps, values in order
     * @throws IOException if the consumer fails or the work is interrupted
     */
    public void run(double[] q, int samplesPerValue, ValueConsumer consumer) throws IOException {
        run(q, samplesPerValue, 0, q.length * rule.chains(), consumer);
    }

    /**
     * Runs the chains {@code firstChain … endChain − 1} of the split only, numbering chain c of the
     * j-th value j·C + c (C chains per value): the unit of sharding. Each value they belong to has
     * its pilot run again here (the chains need its τ̂), from the same stream as in the whole split,
     * so every map is byte for byte the map the whole split gives. The consumer receives, for each
     * value touched, in order, only the maps of these chains.
     *
     * @param q               the Q values, each in [1, 4]
     * @param samplesPerValue maps per value, at least the rule's chain count
     * @param firstChain      the first chain, in [0, V·C]
     * @param endChain        one past the last chain, in [firstChain, V·C]
     * @param consumer        receives each touched value's maps of these chains, values in order
     * @throws IOException if the consumer fails or the work is interrupted
     */
    public void run(double[] q, int samplesPerValue, int firstChain, int endChain, ValueConsumer consumer)
            throws IOException {
        for (double v : q) {
            FkParameters.of(v);
        }
        if (samplesPerValue < rule.chains()) {
            throw new IllegalArgumentException(samplesPerValue + " maps per value cannot fill " + rule.chains()
                    + " chains: each chain stores at least one map");
        }
        int values = q.length;
        int perValue = rule.chains();
        if (firstChain < 0 || endChain < firstChain || endChain > values * perValue) {
            throw new IllegalArgumentException("chains [" + firstChain + ", " + endChain + ") are not within the "
                    + values * perValue + " chains of " + values + " values");
        }
        if (firstChain == endChain) {
            return;
        }
        int firstValue = firstChain / perValue;
        int endValue = (endChain - 1) / perValue + 1;
        JumpableUniformRandomProvider base = (JumpableUniformRandomProvider) source.create(seed);
        UniformRandomProvider[] pilotStreams = new UniformRandomProvider[values];
        for (int j = 0; j < values; j++) {
            pilotStreams[j] = base.jump();
        }
        UniformRandomProvider[][] chainStreams = new UniformRandomProvider[values][perValue];
        for (int u = 0; u < endChain; u++) {
            UniformRandomProvider stream = base.jump();
            if (u >= firstChain) {
                chainStreams[u / perValue][u % perValue] = stream;
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "scalefree-fk-chain");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Pilot>> pilots = new ArrayList<>();
            for (int j = 0; j < values; j++) {
                double qj = q[j];
                UniformRandomProvider rng = pilotStreams[j];
                pilots.add(j >= firstValue && j < endValue ? pool.submit(() -> pilot(qj, size, rule, rng)) : null);
            }
            // Chains of the next values start before this value's are written, so that every
            // thread has work even with fewer chains per value than threads; at most `window`
            // values are in memory at once.
            int window = Math.max(1, (threads + perValue - 1) / perValue) + 1;
            List<List<Future<List<Draw>>>> chains = new ArrayList<>();
            for (int j = 0; j < firstValue; j++) {
                chains.add(null);
            }
            for (int j = firstValue; j < endValue; j++) {
                for (int next = chains.size(); next < Math.min(endValue, j + window); next++) {
                    chains.add(
                            submitChains(pool, q[next], await(pilots.get(next)), samplesPerValue, chainStreams[next]));
                }
                List<Draw> draws = new ArrayList<>(samplesPerValue);
                for (Future<List<Draw>> f : chains.get(j)) {
                    draws.addAll(await(f));
                }
                chains.set(j, null);
                consumer.accept(j, await(pilots.get(j)), draws);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private List<Future<List<Draw>>> submitChains(
            ExecutorService pool, double q, Pilot pilot, int samplesPerValue, UniformRandomProvider[] streams) {
        List<Future<List<Draw>>> out = new ArrayList<>();
        for (int c = 0; c < rule.chains(); c++) {
            if (streams[c] == null) {
                continue;
            }
            int chain = c;
            int maps = rule.mapsOfChain(samplesPerValue, c);
            UniformRandomProvider rng = streams[c];
            out.add(pool.submit(() -> chain(q, chain, maps, pilot, rng)));
        }
        return out;
    }

    /**
     * The pilot chain of the rule: from all bonds occupied, {@code pilotSweeps} sweeps, τ̂ of the
     * bond count and the largest cluster over the last four fifths, with their errors.
     *
     * @param q    the cluster weight
     * @param size linear size L
     * @param rule the chain rule
     * @param rng  the pilot's stream
     * @return its τ̂ values
     */
    public static Pilot pilot(double q, int size, ChainRule rule, UniformRandomProvider rng) {
        ChayesMachta chain = new ChayesMachta(q, BondConfiguration.full(size), rng);
        FkClusterMeasurer measurer = new FkClusterMeasurer(size);
        int discard = rule.pilotSweeps() / 5;
        int kept = rule.pilotSweeps() - discard;
        chain.sweep(discard);
        double[] bonds = new double[kept];
        double[] largest = new double[kept];
        for (int t = 0; t < kept; t++) {
            chain.sweep();
            FkMeasures m = measurer.measure(chain.configuration(), null);
            bonds[t] = m.bondCount();
            largest[t] = m.largestCluster();
        }
        return new Pilot(IntegratedAutocorrelation.estimate(bonds), IntegratedAutocorrelation.estimate(largest));
    }

    private List<Draw> chain(double q, int index, int maps, Pilot pilot, UniformRandomProvider rng) {
        BondConfiguration start = index % 2 == 0 ? BondConfiguration.full(size) : BondConfiguration.empty(size);
        ChayesMachta chain = new ChayesMachta(q, start, rng);
        FkClusterMeasurer measurer = new FkClusterMeasurer(size);
        int burnIn = rule.burnIn(pilot.tau());
        int thinning = rule.thinning(pilot.tau());
        chain.sweep(burnIn);
        int step = burnIn;
        List<Draw> out = new ArrayList<>(maps);
        for (int m = 0; m < maps; m++) {
            if (m > 0) {
                chain.sweep(thinning);
                step += thinning;
            }
            byte[] mask = new byte[size * size];
            FkMeasures measures = measurer.measure(chain.configuration(), mask);
            out.add(new Draw(chain.configuration().toPlanes(), mask, measures, index, step));
        }
        return out;
    }

    private static <T> T await(Future<T> f) throws IOException {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("critical-FK generation interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("critical-FK generation failed: " + e.getCause(), e.getCause());
        }
    }
}
