package org.scalefreebench.reference.bench;

import java.util.Arrays;
import org.scalefreebench.datasets.generation.GenerationEvaluator;
import org.scalefreebench.datasets.generation.SampleSet;
import org.scalefreebench.datasets.model.MaskGenerator;
import org.scalefreebench.reference.baseline.ExactSampler;
import org.scalefreebench.reference.baseline.FractalPercolation;

/**
 * Measures, in one run, what generation scoring costs at one size: the exact sampler's time per
 * map (site percolation at p_c plus the labeller's largest-cluster mask) on one thread and on all
 * processors, the fractal cascade's time per map, the evaluator's measuring time per map (cluster
 * measures, hull and holes, pyramid and pattern counts) on one thread, and the time of one
 * {@link GenerationEvaluator#score} of measured sets (20 noise-floor re-splits). One warm-up round
 * is run first and not counted; the median of the measured rounds is reported.
 */
public final class GenerationEvaluatorBench {

    /**
     * What was measured.
     *
     * @param size             L
     * @param maps             maps per round
     * @param threads          processors used by the multi-threaded exact sampler
     * @param exactOneThreadMs exact sampler, ms per map, one thread
     * @param exactThreadsMs   exact sampler, ms per map, all processors
     * @param fractalMs        fractal cascade, ms per map
     * @param measureMs        evaluator measuring, ms per map, one thread
     * @param scoreMs          one score of three measured sets of {@code maps} maps each, ms
     */
    public record Result(
            int size,
            int maps,
            int threads,
            double exactOneThreadMs,
            double exactThreadsMs,
            double fractalMs,
            double measureMs,
            double scoreMs) {

        /** @return the figures as lines for people */
        public String report() {
            return String.format("generation scoring at L = %d, %d maps per round (median round)%n", size, maps)
                    + String.format("  exact sampler, 1 thread   : %8.1f ms/map%n", exactOneThreadMs)
                    + String.format("  exact sampler, %d threads  : %8.1f ms/map%n", threads, exactThreadsMs)
                    + String.format("  fractal cascade           : %8.1f ms/map%n", fractalMs)
                    + String.format("  evaluator measure, 1 thread: %7.1f ms/map%n", measureMs)
                    + String.format("  evaluator score (3 x %d maps measured, 20 re-splits): %.1f ms%n", maps, scoreMs);
        }
    }

    private GenerationEvaluatorBench() {}

    /**
     * @param size   L, a power of two
     * @param maps   maps per round
     * @param rounds measured rounds, after one warm-up round
     * @return the figures
     * @throws Exception if a generator fails
     */
    public static Result run(int size, int maps, int rounds) throws Exception {
        int threads = Runtime.getRuntime().availableProcessors();
        MaskGenerator.FittedGenerator one = new ExactSampler.Fitted(1);
        MaskGenerator.FittedGenerator all = new ExactSampler.Fitted(threads);
        MaskGenerator.FittedGenerator fractal = new FractalPercolation().fit(null, null);
        double[] exact1 = new double[rounds];
        double[] exactN = new double[rounds];
        double[] cascade = new double[rounds];
        double[] measure = new double[rounds];
        double[] score = new double[rounds];
        for (int r = -1; r < rounds; r++) {
            long t0 = System.nanoTime();
            byte[] a = one.generate(maps, size, 1000L + r);
            double e1 = (System.nanoTime() - t0) / 1e6 / maps;
            t0 = System.nanoTime();
            byte[] b = all.generate(maps, size, 2000L + r);
            double en = (System.nanoTime() - t0) / 1e6 / maps;
            t0 = System.nanoTime();
            byte[] g = fractal.generate(maps, size, 3000L + r);
            double fc = (System.nanoTime() - t0) / 1e6 / maps;
            t0 = System.nanoTime();
            SampleSet sa = SampleSet.measure(size, a, maps);
            SampleSet sb = SampleSet.measure(size, b, maps);
            SampleSet sg = SampleSet.measure(size, g, maps);
            double me = (System.nanoTime() - t0) / 1e6 / (3.0 * maps);
            t0 = System.nanoTime();
            GenerationEvaluator.score(sg, sa, sb, null, GenerationEvaluator.Options.DEFAULT);
            double sc = (System.nanoTime() - t0) / 1e6;
            if (r >= 0) {
                exact1[r] = e1;
                exactN[r] = en;
                cascade[r] = fc;
                measure[r] = me;
                score[r] = sc;
            }
        }
        return new Result(
                size, maps, threads, median(exact1), median(exactN), median(cascade), median(measure), median(score));
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    /**
     * Prints the figures, by default for L = 1024, 20 maps, 3 rounds.
     *
     * @param args {@code [L [maps [rounds]]]}
     * @throws Exception if a generator fails
     */
    public static void main(String[] args) throws Exception {
        int size = args.length > 0 ? Integer.parseInt(args[0]) : 1024;
        int maps = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        System.out.print(run(size, maps, rounds).report());
    }
}
