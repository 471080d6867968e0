package org.scalefreebench.reference.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.scalefreebench.datasets.generation.GenerationEvaluator;
import org.scalefreebench.datasets.generation.GenerationMetric;
import org.scalefreebench.datasets.generation.GenerationScore;
import org.scalefreebench.datasets.generation.SampleSet;
import org.scalefreebench.datasets.generation.ScalingScore;
import org.scalefreebench.datasets.model.MaskGenerator;

/**
 * The evaluator tells exact maps from the trivial generators: at L = 32 and 64, with 400 exact
 * reference maps and 200 generated (and 200 held-out exact) maps, an exact sampler with another
 * seed sits at the noise floor of every scored metric, while {@code bernoulli-mask} and {@code
 * fractal-percolation} are far from it on connectedness and spanning, and {@code bernoulli-mask}
 * on the box-count scaling (its mean mass scales as L^{91/48} by construction, so the mass slope
 * cannot show it).
 *
 * <p>Bands, from the statistics: "at the floor" is less than 5 floor spreads above the floor's mean
 * (one-sided, about a dozen scored metrics whose exact-vs-exact distances are skewed like a χ
 * with few degrees of freedom, 20 re-splits); "far" is more than 10 spreads above it, and for the
 * share of disconnected maps more than 10 times its rule-of-three floor (30 of 200 maps).
 */
class GenerationMetricsDiscriminateTest {

    private static final int[] SIZES = {32, 64};
    private static final int REFERENCE = 400;
    private static final int GENERATED = 200;
    private static final double AT_FLOOR = 5;
    private static final double FAR = 10;

    private static final List<GenerationScore> EXACT = new ArrayList<>();
    private static final List<GenerationScore> BERNOULLI = new ArrayList<>();
    private static final List<GenerationScore> FRACTAL = new ArrayList<>();

    @BeforeAll
    static void scoreTheThreeAtEachSize() throws Exception {
        MaskGenerator.FittedGenerator exact = new ExactSampler.Fitted(1);
        MaskGenerator.FittedGenerator bernoulli =
                new BernoulliMask().fit(MaskGeneratorsTest.trainingMasks(32, 500, 40L), MaskGeneratorsTest.options());
        MaskGenerator.FittedGenerator fractal = new FractalPercolation().fit(null, MaskGeneratorsTest.options());
        for (int size : SIZES) {
            SampleSet reference = SampleSet.measure(size, exact.generate(REFERENCE, size, 100L + size), REFERENCE);
            SampleSet heldOut = SampleSet.measure(size, exact.generate(GENERATED, size, 200L + size), GENERATED);
            EXACT.add(score(exact, size, reference, heldOut));
            BERNOULLI.add(score(bernoulli, size, reference, heldOut));
            FRACTAL.add(score(fractal, size, reference, heldOut));
        }
    }

    private static GenerationScore score(
            MaskGenerator.FittedGenerator g, int size, SampleSet reference, SampleSet heldOut) throws Exception {
        SampleSet generated = SampleSet.measure(size, g.generate(GENERATED, size, 300L + size), GENERATED);
        return GenerationEvaluator.score(generated, reference, heldOut, null, GenerationEvaluator.Options.DEFAULT);
    }

    @Test
    void anExactSamplerSitsAtTheNoiseFloorOfEveryScoredMetric() {
        for (GenerationScore s : EXACT) {
            assertEquals(0.0, s.metric("disconnected_share").distance(), "L = " + s.size());
            for (GenerationMetric m : s.metrics()) {
                if (m.inScore() && !m.id().equals("disconnected_share")) {
                    assertTrue(
                            m.excess() < AT_FLOOR,
                            "L = " + s.size() + ": " + m.id() + " is " + m.excess() + " spreads above its floor");
                }
            }
        }
    }

    @Test
    void bernoulliAndFractalPercolationAreFarOnConnectednessAndSpanning() {
        for (List<GenerationScore> scores : List.of(EXACT, BERNOULLI, FRACTAL)) {
            for (GenerationScore s : scores) {
                System.out.printf(
                        "L = %d: physics score %.2f (worst %s), held-out exact set %.2f%n",
                        s.size(), s.physicsScore(), s.worstMetric(), s.exactPhysicsScore());
                for (String id : List.of("spanning_tb", "spanning_either", "mass_ks", "hull_ks", "hole_area_js")) {
                    System.out.println("  " + describe(s, id));
                }
            }
        }
        for (List<GenerationScore> scores : List.of(BERNOULLI, FRACTAL)) {
            for (GenerationScore s : scores) {
                assertTrue(s.metric("disconnected_share").ratio() > FAR, describe(s, "disconnected_share"));
                assertTrue(s.metric("spanning_either").excess() > FAR, describe(s, "spanning_either"));
            }
        }
        for (GenerationScore s : BERNOULLI) {
            assertTrue(s.metric("spanning_tb").excess() > FAR, describe(s, "spanning_tb"));
        }
        for (int i = 0; i < SIZES.length; i++) {
            double exact = EXACT.get(i).physicsScore();
            assertTrue(exact < BERNOULLI.get(i).physicsScore()
                    && exact < FRACTAL.get(i).physicsScore());
        }
    }

    /**
     * Boxes of 4 × 4 sites and more are all occupied at Bernoulli's density (about 1/3), so its
     * box-count ratio N_2/N_3 is 4 (a space-filling set, local dimension 2), where a critical
     * cluster's is near 2^{91/48}; and its 2 × 2 patterns are those of independent sites.
     */
    @Test
    void bernoulliIsFarOnTheBoxCountScalingThoughItsMassScalesRight() {
        for (GenerationScore s : BERNOULLI) {
            assertTrue(s.metric("box_ratio_l2").excess() > FAR, describe(s, "box_ratio_l2"));
            assertTrue(s.metric("pattern_js_l0").excess() > FAR, describe(s, "pattern_js_l0"));
        }
        ScalingScore bernoulli = GenerationEvaluator.acrossSizes(BERNOULLI);
        ScalingScore exact = GenerationEvaluator.acrossSizes(EXACT);
        System.out.printf(
                "effective d_f: exact %.3f ± %.3f, exact sampler %.3f ± %.3f, bernoulli-mask %.3f ± %.3f%n",
                exact.massExact().exponent(),
                exact.massExact().standardError(),
                exact.massGenerated().exponent(),
                exact.massGenerated().standardError(),
                bernoulli.massGenerated().exponent(),
                bernoulli.massGenerated().standardError());
        assertTrue(exact.fractalDimensionSigmas() < AT_FLOOR, "exact sampler d_f " + exact.fractalDimensionSigmas());
    }

    private static String describe(GenerationScore s, String id) {
        GenerationMetric m = s.metric(id);
        return String.format(
                "L = %d, %s: distance %.4g, floor %.4g ± %.4g, ratio %.3g, excess %.3g",
                s.size(), id, m.distance(), m.floor(), m.floorSpread(), m.ratio(), m.excess());
    }
}
