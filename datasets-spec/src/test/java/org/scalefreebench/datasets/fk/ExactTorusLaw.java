package org.scalefreebench.datasets.fk;

import java.util.Map;
import java.util.TreeMap;

/**
 * The exact law of (bond count, cluster count, wrapping class) of the self-dual FK model on the
 * 3×3 torus, by enumerating all 2^18 bond configurations (brief §3.5): P ∝ count · √Q^{|ω|} · Q^{k}.
 * The counts are integers and Q-free, so the law at any Q is exact up to rounding.
 */
final class ExactTorusLaw {

    /** Linear size of the enumerated torus. */
    static final int SIZE = 3;

    private static final Map<Key, Long> COUNTS = enumerate();

    /**
     * One class of configurations.
     *
     * @param bonds    |ω|
     * @param clusters k(ω)
     * @param wrapping the topology class
     */
    record Key(int bonds, int clusters, WrappingClass wrapping) implements Comparable<Key> {

        static Key of(FkMeasures m) {
            return new Key(m.bondCount(), m.clusterCount(), m.wrapping());
        }

        @Override
        public int compareTo(Key o) {
            int c = Integer.compare(bonds, o.bonds);
            if (c == 0) {
                c = Integer.compare(clusters, o.clusters);
            }
            return c != 0 ? c : wrapping.compareTo(o.wrapping);
        }
    }

    private ExactTorusLaw() {}

    private static Map<Key, Long> enumerate() {
        int n = SIZE * SIZE;
        int edges = 2 * n;
        FkClusterMeasurer measurer = new FkClusterMeasurer(SIZE);
        Map<Key, Long> counts = new TreeMap<>();
        byte[] planes = new byte[edges];
        for (int w = 0; w < 1 << edges; w++) {
            for (int e = 0; e < edges; e++) {
                planes[e] = (byte) ((w >>> e) & 1);
            }
            FkMeasures m = measurer.measure(BondConfiguration.fromPlanes(SIZE, planes), null);
            counts.merge(Key.of(m), 1L, Long::sum);
        }
        return counts;
    }

    /** @return the number of configurations in each class (a sorted, unmodifiable view) */
    static Map<Key, Long> counts() {
        return java.util.Collections.unmodifiableMap(COUNTS);
    }

    /**
     * @param q the cluster weight Q &gt; 0
     * @return the probability of each class at the self-dual point, in the order of {@link #counts()}
     */
    static Map<Key, Double> law(double q) {
        Map<Key, Double> weights = new TreeMap<>();
        double sqrtQ = Math.sqrt(q);
        double total = 0;
        for (Map.Entry<Key, Long> e : COUNTS.entrySet()) {
            double w = e.getValue()
                    * Math.pow(sqrtQ, e.getKey().bonds())
                    * Math.pow(q, e.getKey().clusters());
            weights.put(e.getKey(), w);
            total += w;
        }
        for (Map.Entry<Key, Double> e : weights.entrySet()) {
            e.setValue(e.getValue() / total);
        }
        return weights;
    }
}
