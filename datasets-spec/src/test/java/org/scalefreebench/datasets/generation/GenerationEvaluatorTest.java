package org.scalefreebench.datasets.generation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.scalefreebench.datasets.generate.LabelledMapStream;
import org.scalefreebench.datasets.lattice.CriticalExponents;

/** The evaluator's distances, floors and refusals on small exact sets and hand-made inputs. */
class GenerationEvaluatorTest {

    /** Exact largest-cluster masks at p_c, [n, L, L]. */
    static byte[] exactMasks(int size, int n, long seed) {
        int sites = size * size;
        byte[] out = new byte[n * sites];
        double[] ps = new double[n];
        Arrays.fill(ps, CriticalExponents.SITE_P_C);
        try {
            new LabelledMapStream(RandomSource.XO_RO_SHI_RO_128_PP, seed, size, 1).run(ps, true, block -> {
                for (int i = 0; i < block.count(); i++) {
                    System.arraycopy(block.masks()[i], 0, out, (int) (block.first() + i) * sites, sites);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    @Test
    void wassersteinOneOfSmallSamples() {
        assertEquals(0.0, GenerationEvaluator.wasserstein1(new double[] {0, 1}, new double[] {1, 0, 0, 1}));
        assertEquals(1.0, GenerationEvaluator.wasserstein1(new double[] {0, 1}, new double[] {1, 2}));
        assertEquals(1.0, GenerationEvaluator.wasserstein1(new double[] {0}, new double[] {0, 2}));
        assertEquals(2.5, GenerationEvaluator.wasserstein1(new double[] {3, 3}, new double[] {0, 1}), 1e-15);
    }

    @Test
    void jensenShannonOfSmallHistograms() {
        assertEquals(0.0, GenerationEvaluator.jensenShannon(new long[] {2, 3}, 0, new long[] {4, 6}, 0, 2), 1e-15);
        assertEquals(1.0, GenerationEvaluator.jensenShannon(new long[] {1, 0}, 0, new long[] {0, 5}, 0, 2), 1e-15);
        assertEquals(0.0, GenerationEvaluator.jensenShannon(new long[] {0, 0}, 0, new long[] {0, 0}, 0, 2));
        assertEquals(1.0, GenerationEvaluator.jensenShannon(new long[] {0, 0}, 0, new long[] {0, 1}, 0, 2));
        // p = (1, 0), q = (1/2, 1/2), m = (3/4, 1/4): JSD = [ln(4/3) + ½ln(2/3) + ½ln 2] / 2 nats
        double jsd = (Math.log(4.0 / 3) + 0.5 * Math.log(2.0 / 3) + 0.5 * Math.log(2)) / 2 / Math.log(2);
        assertEquals(
                Math.sqrt(jsd),
                GenerationEvaluator.jensenShannon(new long[] {9, 1, 0}, 1, new long[] {3, 3}, 0, 2),
                1e-12);
    }

    @Test
    void anExactSetSitsAtItsNoiseFloor() {
        int size = 16;
        int nA = 400;
        int nG = 200;
        GenerationScore s = GenerationEvaluator.score(
                size, exactMasks(size, nG, 3L), nG, exactMasks(size, nA, 1L), nA, exactMasks(size, nG, 2L), null);
        assertEquals(size, s.size());
        assertEquals(1.0, s.metric("largest_piece_share").generated());
        assertEquals(1.0, s.metric("pieces").exact());
        assertEquals(0.0, s.metric("disconnected_share").distance());
        assertEquals(3.0 / nG, s.metric("disconnected_share").floor());
        assertEquals(0.0, s.metric("largest_piece_share").ratio());
        for (GenerationMetric m : s.metrics()) {
            if (m.inScore() && !m.id().equals("disconnected_share")) {
                assertTrue(m.floor() > 0 && m.floorSpread() > 0, m.id());
                // 5 spreads: one-sided, a dozen scored metrics, floors skewed like χ with few degrees of freedom
                assertTrue(m.excess() < 5, m.id() + " is " + m.excess() + " spreads above its floor");
                assertTrue(m.exactVsExact() >= 0, m.id());
            }
        }
        assertEquals(
                4 + 7, s.metrics().stream().filter(GenerationMetric::inScore).count());
        assertTrue(Double.isFinite(s.physicsScore()));
        assertFalse(s.worstMetric().isEmpty());
        Map<String, Double> row = s.row();
        assertEquals(s.physicsScore(), row.get("physics_score"));
        assertEquals(s.metric("spanning_tb").exact(), row.get("spanning_tb.exact"));
        assertFalse(row.containsKey("mass_ks.generated"));
    }

    @Test
    void aStraySiteInEveryMapIsCountedExactly() {
        int size = 16;
        int n = 100;
        int sites = size * size;
        byte[] generated = exactMasks(size, n, 4L);
        int strays = 0;
        for (int m = 0; m < n; m++) {
            int corner = m * sites + sites - 1;
            int left = corner - 1;
            int up = corner - size;
            boolean empty = true;
            for (int i = m * sites; i < (m + 1) * sites; i++) {
                empty &= generated[i] == 0;
            }
            if (!empty && generated[corner] == 0 && generated[left] == 0 && generated[up] == 0) {
                generated[corner] = 1;
                strays++;
            }
        }
        GenerationScore s = GenerationEvaluator.score(
                size, generated, n, exactMasks(size, 200, 5L), 200, exactMasks(size, n, 6L), null);
        GenerationMetric d = s.metric("disconnected_share");
        assertEquals(strays / (double) n, d.distance(), 1e-15);
        assertEquals(strays / 3.0, d.ratio(), 1e-12);
        assertEquals(Double.POSITIVE_INFINITY, s.metric("largest_piece_share").ratio());
        assertTrue(strays > 0 && s.physicsScore() >= strays / 3.0);
    }

    @Test
    void theLikelihoodIsReportedPerMapAndPerOccupiedParent() {
        int size = 8;
        byte[] a = exactMasks(size, 10, 7L);
        double[] nll = new double[10];
        Arrays.fill(nll, 2.0);
        long parents = 0;
        for (int m = 0; m < 10; m++) {
            MaskPyramid p = MaskPyramid.of(a, m * size * size, size);
            for (int l = 1; l <= p.levels(); l++) {
                parents += p.boxCount(l);
            }
        }
        GenerationScore s =
                GenerationEvaluator.score(size, exactMasks(size, 4, 8L), 4, a, 10, exactMasks(size, 4, 9L), nll);
        assertEquals(2.0, s.metric("nll_per_map").distance(), 1e-15);
        assertEquals(20.0 / parents, s.metric("nll_per_parent").generated(), 1e-15);
        assertFalse(s.metric("nll_per_map").inScore());
    }

    @Test
    void refusesBadInputWithAReason() {
        byte[] ok = exactMasks(8, 4, 1L);
        IllegalArgumentException size = assertThrows(
                IllegalArgumentException.class,
                () -> GenerationEvaluator.score(
                        12, new byte[4 * 144], 4, new byte[4 * 144], 4, new byte[4 * 144], null));
        assertTrue(size.getMessage().contains("power of two"), size.getMessage());
        byte[] bad = ok.clone();
        bad[70] = 2;
        IllegalArgumentException value = assertThrows(
                IllegalArgumentException.class, () -> GenerationEvaluator.score(8, bad, 4, ok, 4, ok, null));
        assertTrue(value.getMessage().startsWith("map 1: site 6"), value.getMessage());
        assertThrows(IllegalArgumentException.class, () -> GenerationEvaluator.score(8, ok, 3, ok, 4, ok, null));
        SampleSet four = SampleSet.measure(8, ok, 4);
        SampleSet two = SampleSet.measure(8, Arrays.copyOf(ok, 128), 2);
        assertThrows(
                IllegalArgumentException.class,
                () -> GenerationEvaluator.score(four, four, two, null, GenerationEvaluator.Options.DEFAULT));
        assertThrows(
                IllegalArgumentException.class,
                () -> GenerationEvaluator.score(four, four, four, new double[3], GenerationEvaluator.Options.DEFAULT));
        assertThrows(IllegalArgumentException.class, () -> new GenerationEvaluator.Options(1, 0L));
        SampleSet other = SampleSet.measure(16, exactMasks(16, 4, 1L), 4);
        assertThrows(
                IllegalArgumentException.class,
                () -> GenerationEvaluator.score(four, other, four, null, GenerationEvaluator.Options.DEFAULT));
    }

    @Test
    void measuringOnTwoThreadsGivesTheSameSetAsOnOne() {
        byte[] maps = exactMasks(16, 30, 12L);
        SampleSet one = SampleSet.measure(16, maps, 30, 1);
        SampleSet two = SampleSet.measure(16, maps, 30, 2);
        for (int i = 0; i < 30; i++) {
            assertEquals(one.measures(i).mass(), two.measures(i).mass());
            assertEquals(one.measures(i).hull(), two.measures(i).hull());
            assertTrue(Arrays.equals(one.map(i).patterns(), two.map(i).patterns()));
        }
        assertEquals(60, SampleSet.concat(one, two).count());
    }

    @Test
    void aPowerLawIsFittedExactlyAcrossSizes() {
        List<GenerationScore> scores = List.of(
                score(16, Math.pow(16, 2), Math.pow(16, 1.75)),
                score(32, Math.pow(32, 2), Math.pow(32, 1.75)),
                score(64, Math.pow(64, 2), Math.pow(64, 1.75)));
        ScalingScore s = GenerationEvaluator.acrossSizes(scores);
        assertEquals(2.0, s.massGenerated().exponent(), 1e-9);
        assertEquals(1.75, s.massExact().exponent(), 1e-9);
        assertEquals(1.75, s.hullGenerated().exponent(), 1e-9);
        assertTrue(s.fractalDimensionSigmas() > 10);
        assertEquals(0.0, s.hullDimensionSigmas(), 1e-6);
        assertEquals(16, s.bySize().get(0).size());
        assertThrows(
                IllegalArgumentException.class,
                () -> GenerationEvaluator.acrossSizes(List.of(scores.get(0), scores.get(0))));
        assertThrows(IllegalArgumentException.class, () -> GenerationEvaluator.acrossSizes(List.of(scores.get(0))));
    }

    private static GenerationScore score(int size, double massGenerated, double power175) {
        return new GenerationScore(
                size,
                10,
                10,
                2,
                List.of(),
                new GenerationScore.MeanPair(massGenerated, massGenerated * 1e-3, power175, power175 * 1e-3),
                new GenerationScore.MeanPair(power175, power175 * 1e-3, power175, power175 * 1e-3));
    }
}
