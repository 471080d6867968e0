package org.scalefreebench.reference.baseline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.commons.rng.JumpableUniformRandomProvider;
import org.junit.jupiter.api.Test;
import org.scalefreebench.datasets.lattice.ClusterLabeller;
import org.scalefreebench.datasets.lattice.CriticalExponents;
import org.scalefreebench.datasets.lattice.SitePercolation;
import org.scalefreebench.datasets.load.SplitData;
import org.scalefreebench.datasets.model.FitOptions;
import org.scalefreebench.datasets.model.MaskGenerator;
import org.scalefreebench.datasets.model.TrainingData;
import org.scalefreebench.datasets.model.TrainingListener;
import org.scalefreebench.datasets.task.Task;

/** The baseline generators: reproducible draws, the cascade's box counts, the sampler's exactness. */
class MaskGeneratorsTest {

    static final String P_C = "0.59274605079210";

    static FitOptions options() {
        return new FitOptions(1L, Duration.ofMinutes(1), TrainingListener.NONE);
    }

    static TrainingData trainingMasks(int size, int n, long seed) {
        SplitData train = GeneratedSplit.of("train", size, List.of(P_C), n, seed);
        SplitData val = GeneratedSplit.of("val", size, List.of(P_C), 10, seed + 1);
        return new TrainingData(Set.of(Task.MAX_CLUSTER_MASK), train, val);
    }

    @Test
    void theThreeAreRegisteredAndOnlyTheExactSamplerIsUnranked() {
        List<MaskGenerator> all = ServiceLoader.load(MaskGenerator.class).stream()
                .map(ServiceLoader.Provider::get)
                .toList();
        assertTrue(all.stream()
                .map(MaskGenerator::id)
                .collect(Collectors.toSet())
                .containsAll(Set.of(BernoulliMask.ID, FractalPercolation.ID, ExactSampler.ID)));
        for (MaskGenerator g : all) {
            assertEquals(!g.id().equals(ExactSampler.ID), g.ranked(), g.id());
            assertFalse(g.description().isBlank());
        }
    }

    @Test
    void theSameSeedGivesTheSameBytesAndEveryValueIsZeroOrOne() throws Exception {
        TrainingData data = trainingMasks(16, 50, 3L);
        for (MaskGenerator g : List.of(new BernoulliMask(), new FractalPercolation(), new ExactSampler())) {
            MaskGenerator.FittedGenerator f = g.fit(data, options());
            assertEquals(0, f.parameterCount());
            byte[] a = f.generate(5, 32, 9L);
            assertEquals(5 * 32 * 32, a.length);
            assertArrayEquals(a, f.generate(5, 32, 9L), g.id());
            assertFalse(java.util.Arrays.equals(a, f.generate(5, 32, 10L)), g.id());
            byte[] first = f.generate(2, 32, 9L);
            assertArrayEquals(java.util.Arrays.copyOf(a, first.length), first, g.id() + ": map k depends on k only");
            for (byte b : a) {
                assertTrue(b == 0 || b == 1);
            }
            assertThrows(IllegalArgumentException.class, () -> f.generate(3000, 1024, 1L), g.id());
        }
    }

    @Test
    void theFractalCascadeRefusesASizeThatIsNotAPowerOfTwo() {
        FractalPercolation.Fitted f = new FractalPercolation().fit(null, options());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> f.generate(1, 48, 1L));
        assertTrue(e.getMessage().contains("power of two"), e.getMessage());
    }

    /**
     * The kept cells at level l form a Galton–Watson generation n = K − l with Binomial(4, q)
     * offspring: mean μⁿ, μ = 4q = 2^{91/48}, variance σ²μⁿ⁻¹(μⁿ − 1)/(μ − 1), σ² = 4q(1 − q). Each
     * level's mean over R cascades is checked within 4 standard errors.
     */
    @Test
    void theCascadeKeepsFourQToThePowerKMinusLCellsAtLevelL() {
        int levels = 6;
        int runs = 3000;
        double q = FractalPercolation.Q;
        double mu = 4 * q;
        assertEquals(Math.pow(2, CriticalExponents.FRACTAL_DIMENSION), mu, 1e-12);
        double[] sum = new double[levels + 1];
        JumpableUniformRandomProvider base = MapStreams.base(21L);
        byte[] map = new byte[1 << (2 * levels)];
        for (int r = 0; r < runs; r++) {
            int[] kept = FractalPercolation.cascade(base.jump(), levels, q, map, 0);
            int mass = 0;
            for (byte b : map) {
                mass += b;
            }
            assertEquals(kept[0], mass);
            assertEquals(1, kept[levels]);
            for (int l = 0; l <= levels; l++) {
                sum[l] += kept[l];
            }
        }
        double offspringVariance = 4 * q * (1 - q);
        for (int l = 0; l < levels; l++) {
            int n = levels - l;
            double mean = Math.pow(mu, n);
            double variance = offspringVariance * Math.pow(mu, n - 1) * (Math.pow(mu, n) - 1) / (mu - 1);
            double se = Math.sqrt(variance / runs);
            assertEquals(mean, sum[l] / runs, 4 * se, "level " + l);
        }
    }

    @Test
    void bernoulliDrawsAtTheExactMeanDensityOfTheTrainingMasks() {
        int size = 32;
        TrainingData data = trainingMasks(size, 200, 5L);
        double mass = 0;
        for (int m : data.train().maxCluster()) {
            mass += m;
        }
        double rho = mass / 200 / (size * size);
        BernoulliMask.Fitted f = new BernoulliMask().fit(data, options());
        assertEquals(rho, f.density(size), 1e-15);
        assertEquals(rho * Math.pow(2, CriticalExponents.FRACTAL_DIMENSION - 2), f.density(2 * size), 1e-15);
        int n = 100;
        byte[] maps = f.generate(n, size, 1L);
        long occupied = 0;
        for (byte b : maps) {
            occupied += b;
        }
        double sites = (double) n * size * size;
        double se = Math.sqrt(rho * (1 - rho) / sites);
        assertEquals(rho, occupied / sites, 4 * se, "binomial, 4 standard errors");
        double[] nll = f.negativeLogLikelihood(maps, n, size);
        long m0 = 0;
        for (int i = 0; i < size * size; i++) {
            m0 += maps[i];
        }
        assertEquals(-(m0 * Math.log(rho) + (size * size - m0) * Math.log(1 - rho)), nll[0], 1e-9);
    }

    /**
     * The Bernoulli likelihood is exact: at L = 3 every one of the 2^9 masks is scored, each −ln P
     * equals −ln of the product of ρ per occupied and 1 − ρ per empty site multiplied out site by
     * site, and the probabilities sum to 1. Both are double arithmetic on nine factors, so they agree
     * to a few ulps (1e-12 relative is 10^4 ulps).
     */
    @Test
    void bernoulliLikelihoodIsTheProductOverSitesAndSumsToOne() {
        int size = 3;
        int sites = size * size;
        int count = 1 << sites;
        BernoulliMask.Fitted f = new BernoulliMask.Fitted(0.3, 6);
        double rho = f.density(size);
        byte[] masks = new byte[count * sites];
        for (int m = 0; m < count; m++) {
            for (int s = 0; s < sites; s++) {
                masks[m * sites + s] = (byte) ((m >> s) & 1);
            }
        }
        double[] nll = f.negativeLogLikelihood(masks, count, size);
        assertEquals(count, nll.length);
        double total = 0;
        for (int m = 0; m < count; m++) {
            double product = 1;
            for (int s = 0; s < sites; s++) {
                product *= masks[m * sites + s] == 1 ? rho : 1 - rho;
            }
            assertEquals(-Math.log(product), nll[m], 1e-12 * -Math.log(product), "mask " + m);
            total += Math.exp(-nll[m]);
        }
        assertEquals(1.0, total, 1e-12);
        assertThrows(IllegalArgumentException.class, () -> f.negativeLogLikelihood(new byte[sites + 1], 1, size));
    }

    @Test
    void theExactSamplerGivesTheLabellersLargestClusterOfTheContractsMaps() throws Exception {
        int size = 32;
        int n = 20;
        byte[] one = new ExactSampler.Fitted(1).generate(n, size, 4L);
        assertArrayEquals(one, new ExactSampler.Fitted(2).generate(n, size, 4L));
        JumpableUniformRandomProvider base = MapStreams.base(4L);
        ClusterLabeller labeller = new ClusterLabeller(size);
        byte[] map = new byte[size * size];
        byte[] mask = new byte[size * size];
        for (int m = 0; m < n; m++) {
            SitePercolation.occupy(base.jump(), CriticalExponents.SITE_P_C, map);
            labeller.label(map, mask);
            assertArrayEquals(mask, java.util.Arrays.copyOfRange(one, m * size * size, (m + 1) * size * size));
        }
    }
}
