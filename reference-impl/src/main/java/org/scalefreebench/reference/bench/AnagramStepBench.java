package org.scalefreebench.reference.bench;

import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.scalefreebench.reference.anagram.Anagram;
import org.scalefreebench.reference.cnn.CnnAnagram;
import org.scalefreebench.reference.cnn.CnnSgd;
import org.scalefreebench.reference.nn.Nd4jBackend;

/**
 * Measures, in one run, the cost of one ANaGRAM step of the reference CNN (with {@code cnn-anagram}'s
 * cut-off and damping) as a multiple of one
 * SGD step (DL4J's {@code fit} with Nesterov momentum) on the same batch, with where the ANaGRAM
 * step's time goes, and the memory of J and of the Gram matrix. SGD and ANaGRAM rounds alternate,
 * after two warm-up rounds; medians are reported.
 */
public final class AnagramStepBench {

    /**
     * What was measured.
     *
     * @param size            L
     * @param batch           maps per step
     * @param jacobianSamples maps J is computed on
     * @param parameters      P
     * @param rows            rows of J (maps × outputs)
     * @param sgdSeconds      one SGD step (median)
     * @param anagram         one ANaGRAM step (median of each part)
     * @param evaluations     median line-search evaluations per step
     */
    public record Result(
            int size,
            int batch,
            int jacobianSamples,
            long parameters,
            int rows,
            double sgdSeconds,
            Anagram.Seconds anagram,
            double evaluations) {

        /** @return an ANaGRAM step in SGD steps */
        public double ratio() {
            return anagram.total() / sgdSeconds;
        }

        /** @return bytes of J in float */
        public long jacobianBytes() {
            return (long) rows * parameters * Float.BYTES;
        }

        /** @return bytes of the Gram matrix in float plus its double copy, eigenvectors included */
        public long gramBytes() {
            return (long) rows * rows * (Float.BYTES + 2 * Double.BYTES);
        }

        /** @return the figures as lines for people */
        public String report() {
            return String.format(
                            "reference CNN, L = %d, batch %d (J on %d maps), P = %d, J: %d x %d%n",
                            size, batch, jacobianSamples, parameters, rows, parameters)
                    + String.format("  SGD step     : %7.3f s%n", sgdSeconds)
                    + String.format("  ANaGRAM step : %7.3f s = %.2f SGD steps%n", anagram.total(), ratio())
                    + String.format("    Jacobian   : %7.3f s (forward + per-sample backward)%n", anagram.jacobian())
                    + String.format(
                            "    solve      : %7.3f s (Gram matrix, eigendecomposition, J^T c)%n", anagram.solve())
                    + String.format(
                            "    line search: %7.3f s (%.0f batch losses + the one before)%n",
                            anagram.lineSearch(), evaluations)
                    + String.format(
                            "  memory: J %.1f MB (float), Gram matrix %.2f MB%n",
                            jacobianBytes() / 1e6, gramBytes() / 1e6);
        }
    }

    private AnagramStepBench() {}

    /**
     * @param size            L
     * @param batch           maps per step
     * @param jacobianSamples maps J is computed on (0: the whole batch)
     * @param rounds          measured rounds of one step each, after two warm-up rounds
     * @return the figures
     */
    public static Result run(int size, int batch, int jacobianSamples, int rounds) {
        Nd4jBackend.init();
        MultiDataSet data = CnnThroughputBench.criticalBatch(size, batch);
        ComputationGraph sgdNet = new CnnSgd().network(1, size);
        ComputationGraph anagramNet = new CnnSgd().network(1, size);
        Anagram anagram = new Anagram(
                anagramNet,
                new Anagram.Options(
                        CnnAnagram.RCOND,
                        Anagram.Options.DEFAULT.route(),
                        CnnAnagram.DAMPING,
                        jacobianSamples,
                        Integer.MAX_VALUE));
        double[] sgd = new double[rounds];
        double[] jac = new double[rounds];
        double[] solve = new double[rounds];
        double[] search = new double[rounds];
        double[] evals = new double[rounds];
        int rows = 0;
        for (int r = -2; r < rounds; r++) {
            long t0 = System.nanoTime();
            sgdNet.fit(data);
            double s = (System.nanoTime() - t0) / 1e9;
            Anagram.Step step = anagram.step(data);
            rows = step.rows();
            if (r >= 0) {
                sgd[r] = s;
                jac[r] = step.seconds().jacobian();
                solve[r] = step.seconds().solve();
                search[r] = step.seconds().lineSearch();
                evals[r] = step.evaluations();
            }
        }
        int used = jacobianSamples == 0 ? batch : Math.min(batch, jacobianSamples);
        return new Result(
                size,
                batch,
                used,
                anagramNet.numParams(),
                rows,
                CnnThroughputBench.median(sgd),
                new Anagram.Seconds(
                        CnnThroughputBench.median(jac),
                        CnnThroughputBench.median(solve),
                        CnnThroughputBench.median(search)),
                CnnThroughputBench.median(evals));
    }

    /**
     * Prints the figures for L = 64, batch 128.
     *
     * @param args {@code [L [batch [jacobianSamples [rounds]]]]}
     */
    public static void main(String[] args) {
        int size = args.length > 0 ? Integer.parseInt(args[0]) : 64;
        int batch = args.length > 1 ? Integer.parseInt(args[1]) : 128;
        int samples = args.length > 2 ? Integer.parseInt(args[2]) : 0;
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 5;
        System.out.print(run(size, batch, samples, rounds).report());
    }
}
