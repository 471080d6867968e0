package org.scalefreebench.datasets.generation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.hipparchus.stat.inference.KolmogorovSmirnovTest;
import org.scalefreebench.datasets.lattice.CriticalExponents;

/**
 * Scores generated largest-cluster maps against exact ones by physics, at one size L = 2^K (and
 * across sizes with {@link #acrossSizes}).
 *
 * <p><b>Inputs.</b> Three sets of maps of one size: the generated set G (n_G maps), an exact
 * reference set A (n_A maps, as many as affordable), and a held-out exact set B of exactly n_G
 * maps, independent of A. B exists for the noise floors and is never compared with G.
 *
 * <p><b>Metrics</b>, in this order (d_f = 91/48, the hull exponent 7/4):
 *
 * <ul>
 *   <li>{@code largest_piece_share}, {@code pieces}: mean share of a map's sites in its largest
 *       4-connected piece (exactly 1 for true masks) and mean number of pieces;
 *   <li>{@code disconnected_share}: the share of maps that are not exactly one piece;
 *   <li>{@code spanning_tb}, {@code spanning_lr}, {@code spanning_both}, {@code spanning_either}:
 *       the probability that a piece spans top–bottom (the project's label), left–right, both, either;
 *   <li>{@code mass_mean}, {@code hull_mean}, {@code holes_mean}: ⟨M⟩/L^{d_f}, ⟨H⟩/L^{7/4} and the
 *       mean number of holes per map;
 *   <li>{@code box_ratio_l<l>}, l = 0…K−1: ΣN_l / ΣN_{l+1} over the set, the box-count ratio of the
 *       block-OR pyramid (→ 2^{d_f} ≈ 3.72 in the scaling window, 4 for a space-filling set);
 *   <li>{@code mass_w1}, {@code mass_ks}: Wasserstein-1 and Kolmogorov–Smirnov (Hipparchus)
 *       distances between the distributions of M/L^{d_f};
 *   <li>{@code hull_w1}, {@code hull_ks}: the same for H/L^{7/4};
 *   <li>{@code hole_area_js}: the Jensen–Shannon distance (√divergence, log base 2, in [0, 1])
 *       between the pooled histograms of hole areas in bins ⌊log₂ area⌋;
 *   <li>{@code pattern_js_l<l>}, l = 0…K−1: the Jensen–Shannon distance between the pooled
 *       histograms of the 15 non-empty child patterns of the parents at level l + 1;
 *   <li>{@code nll_per_map}, {@code nll_per_parent}: if the generator has a likelihood, the mean
 *       held-out −ln P of the reference masks, per map and per occupied parent (Σ_{l=1…K} N_l).
 * </ul>
 *
 * <p><b>Noise floors.</b> Every metric's distance is reported beside the same distance between two
 * exact sets of the same sizes n_G and n_A: the exact maps A ∪ B are pooled and split at random
 * into n_G and n_A maps, {@link Options#permutations()} times (seeded, so the floor is
 * reproducible); the floor is the mean of those distances and its spread their standard
 * deviation. Pooling both exact sets gives a floor that is stable from run to run, where the single
 * distance d(B, A) (reported too, as {@code exactVsExact}) is itself one noisy draw. The exception
 * is {@code disconnected_share}: exact masks are always one piece, so its exact-vs-exact distance
 * is 0, and its floor is the resolution of n_G maps instead, the rule-of-three bound 3/n_G (the
 * 95 % upper limit of a rate of which 0 events were seen in n_G trials). The other connectedness
 * metrics, also 0 on exact sets, have a floor of 0 and stay out of the score.
 *
 * <p><b>The sort key: the physics score</b> = the largest ratio distance / floor over {@code
 * disconnected_share}, {@code spanning_tb}, {@code spanning_either}, {@code mass_w1}, {@code
 * mass_ks}, {@code hull_ks}, {@code hole_area_js} and every {@code pattern_js_l<l>}: "the worst
 * metric is this many times as far from the exact maps as exact maps are from each other". It is
 * about 1 to 3 for an exact sampler, whatever the metric and the sample sizes, and lower is better.
 * The worst metric rather than the mean, because a generator must get every one of these right to
 * be a sampler of critical clusters, and a mean would let a perfect mass distribution hide broken
 * connectivity. These metrics are chosen to cover connectivity, crossing, mass, the boundary, the
 * holes and every scale of the pyramid once each (the other metrics above are reported, not
 * scored: they repeat one of these, or have no finite floor).
 */
public final class GenerationEvaluator {

    /** The hull dimension of critical percolation clusters, 7/4 (exact). */
    public static final double HULL_DIMENSION = 7.0 / 4.0;

    /** Ids of the metrics that enter the physics score besides the per-level {@code pattern_js_l<l>}. */
    public static final List<String> SCORED = List.of(
            "disconnected_share", "spanning_tb", "spanning_either", "mass_w1", "mass_ks", "hull_ks", "hole_area_js");

    /**
     * How the noise floors are drawn.
     *
     * @param permutations random re-splits of the pooled exact maps, at least 2
     * @param seed         the seed of the re-splits
     */
    public record Options(int permutations, long seed) {

        /** 20 re-splits, seed 1. */
        public static final Options DEFAULT = new Options(20, 1L);

        /** Checks the count. */
        public Options {
            if (permutations < 2) {
                throw new IllegalArgumentException(
                        "permutations = " + permutations + " is outside the allowed range [2, ∞)");
            }
        }
    }

    private GenerationEvaluator() {}

    /**
     * Measures the three sets and scores G against A, with the default options.
     *
     * @param size         L, a power of two
     * @param generated    the generated maps, n_G·L·L values 0 or 1, row-major [n_G, L, L]
     * @param nGenerated   n_G ≥ 2
     * @param reference    the exact reference maps A, [n_A, L, L]
     * @param nReference   n_A ≥ 2
     * @param heldOut      the held-out exact maps B, [n_G, L, L], independent of A
     * @param referenceNll the generator's −ln P of each map of A (n_A values), or null
     * @return the scores
     * @throws IllegalArgumentException if L is not a power of two, an array has the wrong length, a
     *                                  value is neither 0 nor 1, or a set is too small
     */
    public static GenerationScore score(
            int size,
            byte[] generated,
            int nGenerated,
            byte[] reference,
            int nReference,
            byte[] heldOut,
            double[] referenceNll) {
        return score(
                SampleSet.measure(size, generated, nGenerated),
                SampleSet.measure(size, reference, nReference),
                SampleSet.measure(size, heldOut, nGenerated),
                referenceNll,
                Options.DEFAULT);
    }

    /**
     * Scores a measured generated set against measured exact sets.
     *
     * @param generated    G
     * @param reference    the exact reference set A
     * @param heldOut      the held-out exact set B, as many maps as G, independent of A
     * @param referenceNll the generator's −ln P of each map of A, or null
     * @param options      how the noise floors are drawn
     * @return the scores
     * @throws IllegalArgumentException if the sizes differ, B has not as many maps as G, a set has
     *                                  fewer than 2 maps, or the NLL array is not one per map of A
     */
    public static GenerationScore score(
            SampleSet generated, SampleSet reference, SampleSet heldOut, double[] referenceNll, Options options) {
        int size = generated.size();
        if (reference.size() != size || heldOut.size() != size) {
            throw new IllegalArgumentException("the sets have L = " + size + ", " + reference.size() + " and "
                    + heldOut.size() + "; all three must have the same L");
        }
        int nG = generated.count();
        int nA = reference.count();
        if (nG < 2 || nA < 2) {
            throw new IllegalArgumentException(
                    "need at least 2 generated and 2 reference maps, got " + nG + " and " + nA);
        }
        if (heldOut.count() != nG) {
            throw new IllegalArgumentException("the held-out exact set must have as many maps as the generated set ("
                    + nG + ") so that its noise floor is at the same sample size; it has " + heldOut.count());
        }
        if (referenceNll != null && referenceNll.length != nA) {
            throw new IllegalArgumentException(
                    "expected one NLL per reference map (" + nA + "), got " + referenceNll.length);
        }
        int k = generated.levels();
        List<Spec> specs = specs(k);
        Stats a = new Stats(reference, all(nA));
        double[][] actual = compare(new Stats(generated, all(nG)), a);
        double[][] exactVsExact = compare(new Stats(heldOut, all(nG)), a);
        SampleSet pool = SampleSet.concat(reference, heldOut);
        int[] order = all(nA + nG);
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(options.seed());
        int r = options.permutations();
        double[][] floors = new double[specs.size()][r];
        for (int p = 0; p < r; p++) {
            shuffle(order, rng);
            double[][] d = compare(
                    new Stats(pool, Arrays.copyOfRange(order, 0, nG)),
                    new Stats(pool, Arrays.copyOfRange(order, nG, nA + nG)));
            for (int j = 0; j < specs.size(); j++) {
                floors[j][p] = d[j][2];
            }
        }
        List<GenerationMetric> metrics = new ArrayList<>();
        for (int j = 0; j < specs.size(); j++) {
            Spec s = specs.get(j);
            double floor;
            double spread;
            if (s.id().equals("disconnected_share")) {
                floor = 3.0 / nG;
                spread = 0;
            } else {
                floor = mean(floors[j]);
                spread = sd(floors[j]);
            }
            metrics.add(new GenerationMetric(
                    s.id(),
                    s.description(),
                    actual[j][0],
                    actual[j][1],
                    actual[j][2],
                    floor,
                    spread,
                    exactVsExact[j][2],
                    s.inScore()));
        }
        if (referenceNll != null) {
            double total = 0;
            long parents = 0;
            for (int i = 0; i < nA; i++) {
                total += referenceNll[i];
                int[] patterns = reference.map(i).patterns();
                for (int c : patterns) {
                    parents += c;
                }
            }
            metrics.add(new GenerationMetric(
                    "nll_per_map",
                    "held-out −ln P of the exact reference masks under the generator, nats per map",
                    total / nA,
                    Double.NaN,
                    total / nA,
                    Double.NaN,
                    Double.NaN,
                    Double.NaN,
                    false));
            metrics.add(new GenerationMetric(
                    "nll_per_parent",
                    "held-out −ln P of the exact reference masks, nats per occupied parent of the pyramid",
                    total / parents,
                    Double.NaN,
                    total / parents,
                    Double.NaN,
                    Double.NaN,
                    Double.NaN,
                    false));
        }
        Stats g = new Stats(generated, all(nG));
        return new GenerationScore(
                size,
                nG,
                nA,
                r,
                metrics,
                new GenerationScore.MeanPair(g.massMean, g.massSe, a.massMean, a.massSe),
                new GenerationScore.MeanPair(g.hullMean, g.hullSe, a.hullMean, a.hullSe));
    }

    /**
     * Combines scores at several sizes: the effective d_f (and hull dimension) of the generated and
     * exact sets, and the worst physics score over the sizes.
     *
     * @param bySize scores at two or more distinct sizes
     * @return the across-size score
     */
    public static ScalingScore acrossSizes(List<GenerationScore> bySize) {
        return ScalingScore.of(bySize);
    }

    /** A metric's id, description and whether it is scored. */
    private record Spec(String id, String description, boolean inScore) {}

    private static List<Spec> specs(int k) {
        List<Spec> specs = new ArrayList<>();
        add(specs, "largest_piece_share", "mean share of a map's sites in its largest 4-connected piece (1 exactly)");
        add(specs, "pieces", "mean number of 4-connected pieces per map (1 exactly)");
        add(specs, "disconnected_share", "share of maps that are not exactly one 4-connected piece (0 exactly)");
        add(specs, "spanning_tb", "probability that a piece joins the top and bottom rows");
        add(specs, "spanning_lr", "probability that a piece joins the left and right columns");
        add(specs, "spanning_both", "probability of spanning top–bottom and left–right");
        add(specs, "spanning_either", "probability of spanning top–bottom or left–right");
        add(specs, "mass_mean", "mean mass ⟨M⟩ / L^{91/48}");
        add(specs, "hull_mean", "mean hull length ⟨H⟩ / L^{7/4}");
        add(specs, "holes_mean", "mean number of holes per map");
        for (int l = 0; l < k; l++) {
            add(specs, "box_ratio_l" + l, "box-count ratio N_" + l + " / N_" + (l + 1) + " of the pooled pyramids");
        }
        add(specs, "mass_w1", "Wasserstein-1 distance of the distributions of M / L^{91/48}");
        add(specs, "mass_ks", "Kolmogorov–Smirnov distance of the distributions of M");
        add(specs, "hull_w1", "Wasserstein-1 distance of the distributions of H / L^{7/4}");
        add(specs, "hull_ks", "Kolmogorov–Smirnov distance of the distributions of the hull length H");
        add(specs, "hole_area_js", "Jensen–Shannon distance of the pooled hole-area histograms (bins ⌊log₂ A⌋)");
        for (int l = 0; l < k; l++) {
            specs.add(new Spec(
                    "pattern_js_l" + l,
                    "Jensen–Shannon distance of the 15 child-pattern histograms of the level-" + (l + 1) + " parents",
                    true));
        }
        return specs;
    }

    private static void add(List<Spec> specs, String id, String description) {
        specs.add(new Spec(id, description, SCORED.contains(id)));
    }

    /** Each metric as {generated value, exact value, distance}, in {@link #specs} order. */
    private static double[][] compare(Stats g, Stats a) {
        List<double[]> out = new ArrayList<>();
        stat(out, g.share, a.share);
        stat(out, g.pieces, a.pieces);
        stat(out, g.disconnected, a.disconnected);
        stat(out, g.tb, a.tb);
        stat(out, g.lr, a.lr);
        stat(out, g.both, a.both);
        stat(out, g.either, a.either);
        stat(out, g.massNormMean, a.massNormMean);
        stat(out, g.hullNormMean, a.hullNormMean);
        stat(out, g.holes, a.holes);
        for (int l = 0; l < g.levels; l++) {
            stat(out, g.boxRatio[l], a.boxRatio[l]);
        }
        KolmogorovSmirnovTest ks = new KolmogorovSmirnovTest();
        dist(out, wasserstein1(g.massNorm, a.massNorm));
        dist(out, ks.kolmogorovSmirnovStatistic(g.massNorm, a.massNorm));
        dist(out, wasserstein1(g.hullNorm, a.hullNorm));
        dist(out, ks.kolmogorovSmirnovStatistic(g.hullNorm, a.hullNorm));
        dist(out, jensenShannon(g.holeBins, 0, a.holeBins, 0, g.holeBins.length));
        for (int l = 0; l < g.levels; l++) {
            int from = l * SampleSet.NON_EMPTY;
            dist(out, jensenShannon(g.patterns, from, a.patterns, from, SampleSet.NON_EMPTY));
        }
        return out.toArray(new double[0][]);
    }

    private static void stat(List<double[]> out, double g, double a) {
        out.add(new double[] {g, a, Math.abs(g - a)});
    }

    private static void dist(List<double[]> out, double d) {
        out.add(new double[] {Double.NaN, Double.NaN, d});
    }

    /**
     * The Wasserstein-1 distance of two empirical distributions on the line: ∫ |F_x − F_y| dt.
     *
     * @param x a sample, at least one value
     * @param y a sample, at least one value
     * @return the distance
     */
    public static double wasserstein1(double[] x, double[] y) {
        double[] sx = x.clone();
        double[] sy = y.clone();
        Arrays.sort(sx);
        Arrays.sort(sy);
        int i = 0;
        int j = 0;
        double total = 0;
        double prev = Math.min(sx[0], sy[0]);
        while (i < sx.length || j < sy.length) {
            double t = j >= sy.length || (i < sx.length && sx[i] <= sy[j]) ? sx[i] : sy[j];
            total += Math.abs(i / (double) sx.length - j / (double) sy.length) * (t - prev);
            while (i < sx.length && sx[i] == t) {
                i++;
            }
            while (j < sy.length && sy[j] == t) {
                j++;
            }
            prev = t;
        }
        return total;
    }

    /**
     * The Jensen–Shannon distance of two histograms: the square root of the JS divergence of their
     * normalised counts, with logarithms to base 2, so in [0, 1]. Two empty histograms are at
     * distance 0, an empty and a non-empty one at distance 1.
     *
     * @param p     counts
     * @param pFrom first bin in p
     * @param q     counts
     * @param qFrom first bin in q
     * @param bins  number of bins
     * @return the distance
     */
    public static double jensenShannon(long[] p, int pFrom, long[] q, int qFrom, int bins) {
        double np = 0;
        double nq = 0;
        for (int b = 0; b < bins; b++) {
            np += p[pFrom + b];
            nq += q[qFrom + b];
        }
        if (np == 0 || nq == 0) {
            return np == nq ? 0 : 1;
        }
        double divergence = 0;
        for (int b = 0; b < bins; b++) {
            double pb = p[pFrom + b] / np;
            double qb = q[qFrom + b] / nq;
            double m = (pb + qb) / 2;
            if (pb > 0) {
                divergence += pb * Math.log(pb / m);
            }
            if (qb > 0) {
                divergence += qb * Math.log(qb / m);
            }
        }
        return Math.sqrt(Math.max(0, divergence / (2 * Math.log(2))));
    }

    private static int[] all(int n) {
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        return idx;
    }

    private static void shuffle(int[] a, UniformRandomProvider rng) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    private static double sd(double[] v) {
        double m = mean(v);
        double s = 0;
        for (double x : v) {
            s += (x - m) * (x - m);
        }
        return Math.sqrt(s / (v.length - 1));
    }

    /** The set-level statistics of a selection of maps. */
    private static final class Stats {

        final int levels;
        final double share;
        final double pieces;
        final double disconnected;
        final double tb;
        final double lr;
        final double both;
        final double either;
        final double massNormMean;
        final double hullNormMean;
        final double holes;
        final double massMean;
        final double massSe;
        final double hullMean;
        final double hullSe;
        final double[] boxRatio;
        final double[] massNorm;
        final double[] hullNorm;
        final long[] holeBins;
        final long[] patterns;

        Stats(SampleSet set, int[] maps) {
            int n = maps.length;
            int size = set.size();
            levels = set.levels();
            double massScale = Math.pow(size, CriticalExponents.FRACTAL_DIMENSION);
            double hullScale = Math.pow(size, HULL_DIMENSION);
            massNorm = new double[n];
            hullNorm = new double[n];
            double[] mass = new double[n];
            double[] hull = new double[n];
            holeBins = new long[2 * levels + 1];
            patterns = new long[levels * SampleSet.NON_EMPTY];
            double sShare = 0;
            double sPieces = 0;
            int disc = 0;
            int nTb = 0;
            int nLr = 0;
            int nBoth = 0;
            int nEither = 0;
            double sHoles = 0;
            for (int i = 0; i < n; i++) {
                SampleSet.MapSummary s = set.map(maps[i]);
                ClusterMapMeasures m = s.measures();
                sShare += m.largestPieceShare();
                sPieces += m.pieces();
                disc += m.pieces() == 1 ? 0 : 1;
                nTb += m.spansTopBottom() ? 1 : 0;
                nLr += m.spansLeftRight() ? 1 : 0;
                nBoth += m.spansBoth() ? 1 : 0;
                nEither += m.spansEither() ? 1 : 0;
                sHoles += m.holeCount();
                mass[i] = m.mass();
                hull[i] = m.hull();
                massNorm[i] = m.mass() / massScale;
                hullNorm[i] = m.hull() / hullScale;
                for (int b = 0; b < holeBins.length; b++) {
                    holeBins[b] += s.holeBins()[b];
                }
                int[] pc = s.patterns();
                for (int b = 0; b < patterns.length; b++) {
                    patterns[b] += pc[b];
                }
            }
            share = sShare / n;
            pieces = sPieces / n;
            disconnected = disc / (double) n;
            tb = nTb / (double) n;
            lr = nLr / (double) n;
            both = nBoth / (double) n;
            either = nEither / (double) n;
            holes = sHoles / n;
            massMean = mean(mass);
            massSe = sd(mass) / Math.sqrt(n);
            hullMean = mean(hull);
            hullSe = sd(hull) / Math.sqrt(n);
            massNormMean = massMean / massScale;
            hullNormMean = hullMean / hullScale;
            boxRatio = new double[levels];
            for (int l = 0; l < levels; l++) {
                long fine = 0;
                long coarse = 0;
                for (int code = 1; code <= SampleSet.NON_EMPTY; code++) {
                    long c = patterns[l * SampleSet.NON_EMPTY + code - 1];
                    coarse += c;
                    fine += Integer.bitCount(code) * c;
                }
                boxRatio[l] = coarse == 0 ? Double.NaN : fine / (double) coarse;
            }
        }
    }
}
