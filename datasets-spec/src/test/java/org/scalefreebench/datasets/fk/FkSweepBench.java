package org.scalefreebench.datasets.fk;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import org.apache.commons.rng.simple.RandomSource;

/**
 * Bench, not a test: the Chayes–Machta sweep rate (sites per second, one thread) and the integrated
 * autocorrelation times of the bond count and the largest cluster at the self-dual point. Run with
 * {@code java -cp <test classpath> org.scalefreebench.datasets.fk.FkSweepBench [L] [sweeps] [Q...]}
 * (defaults: L = 64, 20 000 sweeps, Q = 2.5 and 4). Rates are given per wall-clock second and per
 * second of this thread's CPU time (the latter is less sensitive to other processes on a shared
 * machine). Figures depend on the machine and its load.
 */
public final class FkSweepBench {

    private FkSweepBench() {}

    /**
     * @param args optional: L, the number of timed sweeps, then the Q values
     */
    public static void main(String[] args) {
        int size = args.length > 0 ? Integer.parseInt(args[0]) : 64;
        int sweeps = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        double[] qs = {2.5, 4};
        if (args.length > 2) {
            qs = new double[args.length - 2];
            for (int i = 2; i < args.length; i++) {
                qs[i - 2] = Double.parseDouble(args[i]);
            }
        }
        int n = size * size;
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        for (double q : qs) {
            ChayesMachta chain = new ChayesMachta(
                    q, BondConfiguration.full(size), RandomSource.XO_RO_SHI_RO_128_PP.create(20261202L));
            FkClusterMeasurer measurer = new FkClusterMeasurer(size);
            byte[] mask = new byte[n];
            chain.sweep(2000);
            long c0 = cpu.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            chain.sweep(sweeps);
            long t1 = System.nanoTime();
            long c1 = cpu.getCurrentThreadCpuTime();
            double[] bonds = new double[sweeps];
            double[] largest = new double[sweeps];
            long t2 = System.nanoTime();
            for (int t = 0; t < sweeps; t++) {
                chain.sweep();
                FkMeasures m = measurer.measure(chain.configuration(), mask);
                bonds[t] = m.bondCount();
                largest[t] = m.largestCluster();
            }
            long t3 = System.nanoTime();
            IntegratedAutocorrelation.Estimate tb = IntegratedAutocorrelation.estimate(bonds);
            IntegratedAutocorrelation.Estimate tl = IntegratedAutocorrelation.estimate(largest);
            System.out.printf(
                    Locale.ROOT,
                    "L=%d Q=%.3g: sweep %.1f Msites/s wall (%.1f us/sweep), %.1f Msites/s CPU; sweep+measure+mask %.1f Msites/s;"
                            + " tau_int(bonds)=%.2f+-%.2f (M=%d), tau_int(S_max)=%.2f+-%.2f (M=%d), %d sweeps%n",
                    size,
                    q,
                    (double) n * sweeps / (t1 - t0) * 1e3,
                    (t1 - t0) / 1e3 / sweeps,
                    (double) n * sweeps / (c1 - c0) * 1e3,
                    (double) n * sweeps / (t3 - t2) * 1e3,
                    tb.tau(),
                    tb.error(),
                    tb.window(),
                    tl.tau(),
                    tl.error(),
                    tl.window(),
                    sweeps);
        }
    }
}
