package org.scalefreebench.reference.bench;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.scalefreebench.datasets.load.SplitData;
import org.scalefreebench.datasets.model.FitOptions;
import org.scalefreebench.datasets.model.MaskGenerator;
import org.scalefreebench.datasets.model.TrainingData;
import org.scalefreebench.datasets.model.TrainingListener;
import org.scalefreebench.datasets.task.Task;
import org.scalefreebench.datasets.task.Tier;
import org.scalefreebench.reference.cnn.UnetMaskGenerator;
import org.scalefreebench.reference.nn.GraphTrainer;
import org.scalefreebench.reference.nn.Nd4jBackend;
import org.scalefreebench.reference.rg.generator.ExactMaskSplit;
import org.scalefreebench.reference.rg.generator.RgGenerator;
import org.scalefreebench.reference.rg.generator.RgGeneratorIndep;

/**
 * Measures, in one run, the learned generators' cost on this machine: training maps per second at
 * L = 64 (exact p_c masks made in memory, after a warm-up fit), generation seconds per map at several
 * L, the exact likelihood's seconds per map where there is one, and the exact sampler (generate and
 * label) for comparison. The pyramid generators, the four-pass {@code rg-generator} and the one-pass
 * {@code rg-generator-indep}, train one pass (every level of each map); the non-RG {@code
 * unet-mask-generator} trains its default-tier schedule, so its fit time is the one the default tier
 * spends per seed. The system property {@code bench.generators} (comma-separated ids) picks some of
 * them; all three by default. Times are wall-clock and include the Java-side pyramid work.
 */
public final class RgGeneratorBench {

    /** Property naming the generators to measure. */
    public static final String GENERATORS = "bench.generators";

    private RgGeneratorBench() {}

    /** How the bench fits a generator. */
    @FunctionalInterface
    private interface Fit {
        MaskGenerator.FittedGenerator fit(TrainingData data, FitOptions options) throws Exception;
    }

    /**
     * A generator to measure.
     *
     * @param id  its id
     * @param fit how the bench fits it
     */
    private record Candidate(String id, Fit fit) {}

    private static Candidate pyramid(RgGenerator g) {
        return new Candidate(
                g.id(), (data, options) -> g.fit(data, options, new GraphTrainer.Schedule(RgGenerator.BATCH, 1)));
    }

    private static Candidate unet() {
        UnetMaskGenerator g = new UnetMaskGenerator();
        return new Candidate(g.id(), (data, options) -> g.fit(data, options, UnetMaskGenerator.schedule(Tier.DEFAULT)));
    }

    /** @return ΣN_l / ΣN_{l+1} of the block-OR pyramids at each level l, as text */
    private static String ratios(byte[] masks, int n, int size) {
        int k = Integer.numberOfTrailingZeros(size);
        long[] boxes = new long[k + 1];
        int area = size * size;
        for (int m = 0; m < n; m++) {
            int side = size;
            byte[] level = java.util.Arrays.copyOfRange(masks, m * area, (m + 1) * area);
            for (int l = 0; l <= k; l++) {
                for (byte b : level) {
                    boxes[l] += b;
                }
                if (l < k) {
                    byte[] coarse = new byte[side * side / 4];
                    for (int i = 0; i < side / 2; i++) {
                        for (int j = 0; j < side / 2; j++) {
                            int t = 2 * i * side + 2 * j;
                            coarse[i * side / 2 + j] =
                                    (byte) (level[t] | level[t + 1] | level[t + side] | level[t + side + 1]);
                        }
                    }
                    level = coarse;
                    side /= 2;
                }
            }
        }
        StringBuilder out = new StringBuilder();
        for (int l = 0; l < k; l++) {
            out.append(String.format("%s%.3f", l == 0 ? "" : " ", boxes[l] / (double) boxes[l + 1]));
        }
        return out.toString();
    }

    /**
     * @param args {@code [trainMaps [sizes…]]}: training maps at L = 64 (default 1024) and the sizes to
     *             generate at (default 64 256 512 1024)
     * @throws Exception if a fit or a draw fails
     */
    public static void main(String[] args) throws Exception {
        int trainMaps = args.length > 0 ? Integer.parseInt(args[0]) : 1024;
        int[] sizes = args.length > 1
                ? java.util.Arrays.stream(args, 1, args.length)
                        .mapToInt(Integer::parseInt)
                        .toArray()
                : new int[] {64, 256, 512, 1024};
        Nd4jBackend.init();
        System.out.println("backend: " + Nd4jBackend.describe());
        long t0 = System.nanoTime();
        SplitData train = ExactMaskSplit.atCriticalPoint("train", 64, trainMaps, 1L);
        SplitData val = ExactMaskSplit.atCriticalPoint("val", 64, 8, 2L);
        System.out.printf("exact masks at L = 64: %d in %.2f s%n", trainMaps, (System.nanoTime() - t0) / 1e9);
        TrainingData data = new TrainingData(Set.of(Task.MAX_CLUSTER_MASK), List.of(train), List.of(val));
        TrainingData warm = new TrainingData(
                Set.of(Task.MAX_CLUSTER_MASK),
                List.of(ExactMaskSplit.atCriticalPoint("warm", 64, 64, 3L)),
                List.of(val));
        Set<String> picked = Set.of(System.getProperty(
                        GENERATORS, String.join(",", RgGenerator.ID, RgGeneratorIndep.ID, UnetMaskGenerator.ID))
                .split(","));
        List<Candidate> candidates = List.of(pyramid(new RgGenerator()), pyramid(new RgGeneratorIndep()), unet());
        for (Candidate g : candidates) {
            if (!picked.contains(g.id())) {
                continue;
            }
            FitOptions options = new FitOptions(1L, Duration.ofHours(2), TrainingListener.NONE, Tier.STUDY);
            g.fit().fit(warm, options);
            long start = System.nanoTime();
            MaskGenerator.FittedGenerator fitted = g.fit().fit(data, options);
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(
                    "%s: fit %.1f s on %d maps at L = 64 (%.1f training maps/s of the split)%n  %s%n",
                    g.id(), seconds, trainMaps, trainMaps / seconds, fitted.trainingNote());
            SplitData reference = ExactMaskSplit.atCriticalPoint("exact", 64, 512, 5L);
            System.out.println("  box-count ratios N_l/N_l+1 at L = 64, l = 0..5: exact "
                    + ratios(reference.maxClusterMask(), reference.samples(), 64) + ", generated (256 maps) "
                    + ratios(fitted.generate(256, 64, 6L), 256, 64));
            for (int size : sizes) {
                fitted.generate(1, size, 0L);
                int n = Math.max(1, (64 * 64 * 64) / (size * size));
                start = System.nanoTime();
                byte[] masks = fitted.generate(n, size, 1L);
                double gen = (System.nanoTime() - start) / 1e9 / n;
                start = System.nanoTime();
                String nll = fitted.negativeLogLikelihood(masks, n, size) == null
                        ? "none"
                        : String.format("%.3f s/map", (System.nanoTime() - start) / 1e9 / n);
                start = System.nanoTime();
                int exactMaps = Math.max(8, n);
                ExactMaskSplit.atCriticalPoint("exact", size, exactMaps, 4L);
                double exact = (System.nanoTime() - start) / 1e9 / exactMaps;
                System.out.printf(
                        "  L = %4d: generate %8.4f s/map (%d maps), likelihood %s; exact sampler %.4f s/map%n",
                        size, gen, n, nll, exact);
            }
        }
    }
}
