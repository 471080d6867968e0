package org.scalefreebench.reference.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.scalefreebench.datasets.lattice.CriticalExponents;
import org.scalefreebench.datasets.lattice.SitePercolation;
import org.scalefreebench.reference.nn.Nd4jBackend;
import org.scalefreebench.reference.rg.RgFlow;
import org.scalefreebench.reference.rg.RgFlowAdam;
import org.scalefreebench.reference.rg.RgFlowNetwork;

/**
 * Measures, in one run, {@code rg-flow}'s training throughput at one L (maps/s, and GFLOP/s of its
 * convolutions and dense products, a training step counted as 3× the forward pass), ND4J's sgemm
 * rate on square float matrices, their ratio, and inference time per map at several L. Warm-up
 * rounds are run first and not counted; medians of the measured rounds are reported. Optionally the
 * reference CNN's {@link CnnThroughputBench} runs in the same process, for the DL4J path beside SameDiff.
 */
public final class RgFlowThroughputBench {

    /** Sites per inference batch, as the fitted model uses: 64 maps at L = 64, 1 at L ≥ 512. */
    private static final long PREDICT_SITES = 64L * 64 * 64;

    /**
     * What was measured.
     *
     * @param size               L of the training maps
     * @param batch              maps per training step
     * @param macsPerMap         forward multiply–accumulates per map at L
     * @param trainMapsPerSecond training maps per second (median round)
     * @param sgemmGflops        sgemm GFLOP/s (median round)
     * @param inferMsPerMap      inference milliseconds per map (median round), by L
     */
    public record Result(
            int size,
            int batch,
            long macsPerMap,
            double trainMapsPerSecond,
            double sgemmGflops,
            Map<Integer, Double> inferMsPerMap) {

        /** @return training GFLOP/s (step = 3 × forward) */
        public double trainGflops() {
            return trainMapsPerSecond * 3 * 2 * macsPerMap / 1e9;
        }

        /** @return training GFLOP/s as a fraction of sgemm's */
        public double ratio() {
            return trainGflops() / sgemmGflops;
        }

        /** @return the figures as lines for people */
        public String report() {
            StringBuilder s = new StringBuilder();
            s.append(String.format(
                    "rg-flow (SameDiff, %d parameters), L = %d, batch %d: %.1f MFLOP per map forward%n",
                    RgFlowNetwork.PARAMETERS, size, batch, 2e-6 * macsPerMap));
            s.append(String.format(
                    "  training : %8.1f maps/s  %7.1f GFLOP/s (step = 3 x forward)%n",
                    trainMapsPerSecond, trainGflops()));
            s.append(String.format("  sgemm    : %24.1f GFLOP/s (ND4J, float, 1024 x 1024)%n", sgemmGflops));
            s.append(String.format("  training / sgemm = %.1f %% (goal >= 25 %%)%n", 100 * ratio()));
            for (Map.Entry<Integer, Double> e : inferMsPerMap.entrySet()) {
                long b = Math.max(1, PREDICT_SITES / ((long) e.getKey() * e.getKey()));
                s.append(String.format("  inference L = %4d (batch %2d): %9.2f ms/map%n", e.getKey(), b, e.getValue()));
            }
            return s.toString();
        }
    }

    private RgFlowThroughputBench() {}

    /**
     * @param size       L of the training maps
     * @param batch      maps per training step
     * @param rounds     measured rounds (each of {@code steps} steps), after two warm-up rounds
     * @param steps      training steps per round
     * @param inferSizes the L at which inference is timed
     * @return the figures
     */
    public static Result run(int size, int batch, int rounds, int steps, int... inferSizes) {
        Nd4jBackend.init();
        RgFlowNetwork net = RgFlowNetwork.initialise(1, DataType.FLOAT, RgFlow.MASK_LOSS_WEIGHT);
        RgFlowAdam adam = new RgFlowAdam(net, RgFlow.LEARNING_RATE);
        INDArray x = criticalMaps(size, batch, 1L);
        float[] labels = new float[batch];
        for (int b = 0; b < batch; b++) {
            labels[b] = b % 2;
        }
        INDArray spanning = Nd4j.create(labels, batch, 1);
        INDArray mask = x.dup();
        int n = 1024;
        INDArray a = Nd4j.rand(DataType.FLOAT, n, n);
        INDArray bm = Nd4j.rand(DataType.FLOAT, n, n);
        INDArray c = Nd4j.create(DataType.FLOAT, n, n);
        double[] train = new double[rounds];
        double[] gemm = new double[rounds];
        for (int r = -2; r < rounds; r++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < steps; i++) {
                adam.step(x, spanning, mask);
            }
            double ts = (System.nanoTime() - t0) / 1e9;
            int reps = 20;
            t0 = System.nanoTime();
            for (int i = 0; i < reps; i++) {
                a.mmuli(bm, c);
            }
            double gs = (System.nanoTime() - t0) / 1e9;
            if (r >= 0) {
                train[r] = steps * (double) batch / ts;
                gemm[r] = reps * 2.0 * n * n * n / gs / 1e9;
            }
        }
        Map<Integer, Double> infer = new LinkedHashMap<>();
        for (int l : inferSizes) {
            int b = (int) Math.max(1, PREDICT_SITES / ((long) l * l));
            INDArray maps = criticalMaps(l, b, 2L);
            int reps = l >= 512 ? 3 : 5;
            double[] ms = new double[reps];
            for (int r = -1; r < reps; r++) {
                long t0 = System.nanoTime();
                net.predict(maps).values().forEach(INDArray::close);
                if (r >= 0) {
                    ms[r] = (System.nanoTime() - t0) / 1e6 / b;
                }
            }
            infer.put(l, CnnThroughputBench.median(ms));
        }
        return new Result(
                size,
                batch,
                RgFlowNetwork.forwardMacs(size),
                CnnThroughputBench.median(train),
                CnnThroughputBench.median(gemm),
                infer);
    }

    /** Maps at p_c, [count, 1, L, L] float, from a seeded Commons RNG stream. */
    private static INDArray criticalMaps(int size, int count, long seed) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        byte[] map = new byte[size * size];
        float[] v = new float[count * map.length];
        for (int m = 0; m < count; m++) {
            SitePercolation.occupy(rng, CriticalExponents.SITE_P_C, map);
            for (int i = 0; i < map.length; i++) {
                v[m * map.length + i] = map[i];
            }
        }
        return Nd4j.create(v, new long[] {count, 1, size, size}, DataType.FLOAT);
    }

    /**
     * Prints the figures: training at L = 64, batch 32; inference at L = 64, 128, 256, 512, 1024; then,
     * unless the fifth argument is {@code no-cnn}, the reference CNN's bench (L = 64, batch 64) in the
     * same process for the DL4J path.
     *
     * @param args {@code [L [batch [rounds [steps [no-cnn]]]]]}
     */
    public static void main(String[] args) {
        int size = args.length > 0 ? Integer.parseInt(args[0]) : 64;
        int batch = args.length > 1 ? Integer.parseInt(args[1]) : RgFlow.BATCH;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        int steps = args.length > 3 ? Integer.parseInt(args[3]) : 5;
        boolean cnn = args.length <= 4 || !"no-cnn".equals(args[4]);
        System.out.print(
                run(size, batch, rounds, steps, 64, 128, 256, 512, 1024).report());
        if (cnn) {
            System.out.print(CnnThroughputBench.run(64, 64, 3, 10).report());
        }
    }
}
