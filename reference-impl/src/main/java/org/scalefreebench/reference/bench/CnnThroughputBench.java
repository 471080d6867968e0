package org.scalefreebench.reference.bench;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.scalefreebench.datasets.lattice.CriticalExponents;
import org.scalefreebench.datasets.lattice.SitePercolation;
import org.scalefreebench.reference.cnn.CnnSgd;
import org.scalefreebench.reference.nn.Nd4jBackend;

/**
 * Measures, in one run, the reference CNN's training throughput (maps/s and GFLOP/s of its
 * convolution and dense layers, a training step counted as 3× the forward pass) and ND4J's sgemm
 * rate on square float matrices, and prints both with their ratio. Warm-up rounds are run first and
 * not counted; the best and median of the measured rounds are reported.
 */
public final class CnnThroughputBench {

    /**
     * What was measured.
     *
     * @param size              L of the maps
     * @param batch             maps per step
     * @param macsPerMap        forward multiply–accumulates per map
     * @param trainMapsPerSecond training maps per second (median round)
     * @param trainGflops       training GFLOP/s (median round)
     * @param sgemmGflops       sgemm GFLOP/s (median round)
     * @param inferMapsPerSecond inference maps per second (median round)
     */
    public record Result(
            int size,
            int batch,
            long macsPerMap,
            double trainMapsPerSecond,
            double trainGflops,
            double sgemmGflops,
            double inferMapsPerSecond) {

        /** @return training GFLOP/s as a fraction of sgemm's */
        public double ratio() {
            return trainGflops / sgemmGflops;
        }

        /** @return the figures as lines for people */
        public String report() {
            return String.format(
                            "reference CNN (cnn-sgd), L = %d, batch %d: %.1f MFLOP per map forward (conv + dense)%n",
                            size, batch, 2e-6 * macsPerMap)
                    + String.format(
                            "  training : %8.1f maps/s  %7.1f GFLOP/s (step = 3 x forward)%n",
                            trainMapsPerSecond, trainGflops)
                    + String.format("  inference: %8.1f maps/s%n", inferMapsPerSecond)
                    + String.format("  sgemm    : %24.1f GFLOP/s (ND4J, float, 1024 x 1024)%n", sgemmGflops)
                    + String.format("  training / sgemm = %.0f %%%n", 100 * ratio());
        }
    }

    private CnnThroughputBench() {}

    /**
     * @param size   L
     * @param batch  maps per step
     * @param rounds measured rounds (each of {@code steps} steps), after two warm-up rounds
     * @param steps  steps per round
     * @return the figures
     */
    public static Result run(int size, int batch, int rounds, int steps) {
        Nd4jBackend.init();
        ComputationGraph net = new CnnSgd().network(1, size);
        long macs = FlopCount.forwardMacs(net.getConfiguration(), size);
        MultiDataSet data = criticalBatch(size, batch);
        INDArray input = data.getFeatures(0);
        double[] train = new double[rounds];
        double[] infer = new double[rounds];
        double[] gemm = new double[rounds];
        int n = 1024;
        INDArray a = Nd4j.rand(DataType.FLOAT, n, n);
        INDArray bm = Nd4j.rand(DataType.FLOAT, n, n);
        INDArray c = Nd4j.create(DataType.FLOAT, n, n);
        for (int r = -2; r < rounds; r++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < steps; i++) {
                net.fit(data);
            }
            double ts = (System.nanoTime() - t0) / 1e9;
            t0 = System.nanoTime();
            for (int i = 0; i < steps; i++) {
                net.output(false, input);
            }
            double is = (System.nanoTime() - t0) / 1e9;
            int reps = 20;
            t0 = System.nanoTime();
            for (int i = 0; i < reps; i++) {
                a.mmuli(bm, c);
            }
            double gs = (System.nanoTime() - t0) / 1e9;
            if (r >= 0) {
                train[r] = steps * (double) batch / ts;
                infer[r] = steps * (double) batch / is;
                gemm[r] = reps * 2.0 * n * n * n / gs / 1e9;
            }
        }
        double trainRate = median(train);
        return new Result(size, batch, macs, trainRate, trainRate * 3 * 2 * macs / 1e9, median(gemm), median(infer));
    }

    /**
     * A benchmark batch: maps at p_c (seeded), labels alternating spanning / not and a fraction of 0.3.
     *
     * @param size  L
     * @param batch maps
     * @return features [batch, 1, L, L] and the two label tensors of the reference CNN
     */
    static MultiDataSet criticalBatch(int size, int batch) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(1L);
        float[] x = new float[batch * size * size];
        byte[] map = new byte[size * size];
        float[] spanning = new float[batch];
        float[] fraction = new float[batch];
        for (int b = 0; b < batch; b++) {
            SitePercolation.occupy(rng, CriticalExponents.SITE_P_C, map);
            for (int i = 0; i < map.length; i++) {
                x[b * map.length + i] = map[i];
            }
            spanning[b] = b % 2;
            fraction[b] = 0.3f;
        }
        INDArray input = Nd4j.create(x, new long[] {batch, 1, size, size}, DataType.FLOAT);
        return new MultiDataSet(
                new INDArray[] {input},
                new INDArray[] {Nd4j.create(spanning, batch, 1), Nd4j.create(fraction, batch, 1)});
    }

    static double median(double[] v) {
        double[] s = v.clone();
        java.util.Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    /**
     * Prints the figures for L = 64, batch 64.
     *
     * @param args {@code [L [batch [rounds [steps]]]]}
     */
    public static void main(String[] args) {
        int size = args.length > 0 ? Integer.parseInt(args[0]) : 64;
        int batch = args.length > 1 ? Integer.parseInt(args[1]) : 64;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        int steps = args.length > 3 ? Integer.parseInt(args[3]) : 10;
        System.out.print(run(size, batch, rounds, steps).report());
    }
}
