package org.scalefreebench.datasets.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import org.apache.commons.rng.simple.RandomSource;
import org.scalefreebench.datasets.generate.LabelledMapStream;
import org.scalefreebench.datasets.lattice.ClusterLabeller;
import org.scalefreebench.datasets.lattice.CriticalExponents;
import org.scalefreebench.datasets.lattice.Lattice;
import org.scalefreebench.datasets.lattice.SitePercolation;
import org.scalefreebench.datasets.npy.NpyDtype;
import org.scalefreebench.datasets.npy.NpyWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bench-label}: labelling throughput in sites per second, one thread, on maps generated
 * beforehand (generation is not timed). Reports the median of several timed rounds after a
 * warm-up round, for labels alone (largest cluster + spanning) and with the largest-cluster mask.
 */
@Command(
        name = "bench-label",
        description = {
            "Measure the exact labeller's throughput (sites/s, one thread) on pre-generated maps.",
            "--save-maps writes the maps as NPY so another labeller (e.g. tools/scipy_label_bench.py) can run on the same maps."
        })
final class BenchLabelCommand implements Callable<Integer> {

    @Spec
    private CommandSpec command;

    @Option(names = "--size", required = true, paramLabel = "L", description = "linear size L, in [2, 32768]")
    private int size;

    @Option(names = "--samples", required = true, paramLabel = "N", description = "number of maps, at least 1")
    private int samples;

    @Option(
            names = "--p",
            paramLabel = "P",
            defaultValue = "" + CriticalExponents.SITE_P_C,
            description = "occupation probability (default: the site p_c)")
    private double p;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "seed")
    private long seed;

    @Option(names = "--rounds", paramLabel = "R", defaultValue = "5", description = "timed rounds after one warm-up")
    private int rounds;

    @Option(
            names = "--save-maps",
            paramLabel = "FILE",
            description = "also write the maps to FILE as uint8 [N, L, L] NPY")
    private Path saveMaps;

    @Override
    public Integer call() throws IOException {
        Arguments.checkRange("--size", size, Lattice.MIN_SIZE, Lattice.MAX_SIZE);
        Arguments.checkRange("--samples", samples, 1, Integer.MAX_VALUE);
        Arguments.checkRange("--rounds", rounds, 1, 1000);
        SitePercolation.checkProbability(p);
        long sites = (long) size * size;
        if (sites * samples > (1L << 31)) {
            throw new IllegalArgumentException(
                    "--samples " + samples + " at L = " + size + " needs more than 2 GiB of maps; use fewer");
        }
        byte[][] maps = new byte[samples][];
        double[] ps = new double[samples];
        Arrays.fill(ps, p);
        new LabelledMapStream(
                        RandomSource.XO_RO_SHI_RO_128_PP,
                        seed,
                        size,
                        Runtime.getRuntime().availableProcessors())
                .run(ps, false, block -> {
                    for (int i = 0; i < block.count(); i++) {
                        maps[(int) block.first() + i] = block.maps()[i].clone();
                    }
                });
        if (saveMaps != null) {
            NpyWriter.write(saveMaps, NpyDtype.UINT8, new long[] {samples, size, size}, concat(maps));
        }
        var out = command.commandLine().getOut();
        out.printf(
                "bench-label: L=%d, %d maps at p=%s, seed %d, one thread, median of %d rounds after a warm-up%n",
                size, samples, p, seed, rounds);
        ClusterLabeller labeller = new ClusterLabeller(size);
        byte[] mask = new byte[(int) sites];
        long checksum = 0;
        for (boolean withMask : new boolean[] {false, true}) {
            double[] rates = new double[rounds];
            for (int r = -1; r < rounds; r++) {
                long t0 = System.nanoTime();
                for (byte[] map : maps) {
                    checksum += labeller.label(map, withMask ? mask : null).maxCluster();
                }
                double seconds = (System.nanoTime() - t0) / 1e9;
                if (r >= 0) {
                    rates[r] = sites * samples / seconds;
                }
            }
            Arrays.sort(rates);
            out.printf(
                    "  %-38s %8.1f Msites/s (median; min %.1f, max %.1f)%n",
                    withMask ? "largest cluster + spanning + mask:" : "largest cluster + spanning:",
                    rates[rounds / 2] / 1e6,
                    rates[0] / 1e6,
                    rates[rounds - 1] / 1e6);
        }
        out.printf("  (sum of largest clusters over all rounds: %d)%n", checksum);
        return 0;
    }

    private static byte[] concat(byte[][] maps) {
        int per = maps[0].length;
        byte[] all = new byte[Math.multiplyExact(per, maps.length)];
        for (int i = 0; i < maps.length; i++) {
            System.arraycopy(maps[i], 0, all, i * per, per);
        }
        return all;
    }
}
