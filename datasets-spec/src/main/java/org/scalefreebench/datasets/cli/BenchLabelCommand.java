package org.scalefreebench.datasets.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
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
        byte[][] maps = Throughput.percolationMaps(size, samples, p, seed);
        if (saveMaps != null) {
            NpyWriter.write(saveMaps, NpyDtype.UINT8, new long[] {samples, size, size}, concat(maps));
        }
        var out = command.commandLine().getOut();
        out.printf(
                "bench-label: L=%d, %d maps at p=%s, seed %d, one thread, median of %d rounds after a warm-up%n",
                size, samples, p, seed, rounds);
        ClusterLabeller labeller = new ClusterLabeller(size);
        byte[] mask = new byte[(int) sites];
        Throughput timer = new Throughput();
        for (boolean withMask : new boolean[] {false, true}) {
            Throughput.Rates rates = timer.measure(
                    rounds,
                    (double) sites * samples,
                    () -> Throughput.label(labeller, maps, samples, withMask ? mask : null));
            out.printf(
                    "  %-38s %8.1f Msites/s (median; min %.1f, max %.1f)%n",
                    withMask ? "largest cluster + spanning + mask:" : "largest cluster + spanning:",
                    rates.median() / 1e6,
                    rates.min() / 1e6,
                    rates.max() / 1e6);
        }
        out.printf("  (sum of largest clusters over all rounds: %d)%n", timer.checksum());
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
