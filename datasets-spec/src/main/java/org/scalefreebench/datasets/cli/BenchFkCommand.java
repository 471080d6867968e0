package org.scalefreebench.datasets.cli;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.commons.rng.simple.RandomSource;
import org.scalefreebench.datasets.fk.BondConfiguration;
import org.scalefreebench.datasets.fk.ChayesMachta;
import org.scalefreebench.datasets.fk.FkClusterMeasurer;
import org.scalefreebench.datasets.lattice.ClusterLabeller;
import org.scalefreebench.datasets.lattice.CriticalExponents;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bench-fk}: the critical-FK sampler's throughput, one thread. For each L it first times the
 * percolation labeller on site-percolation maps at p_c as {@code bench-label} does (as many maps as
 * there are sweeps in a round, generated beforehand and not timed), then for each Q a Chayes–Machta
 * chain started from the full torus: sweeps alone, and each sweep followed by the exact FK measures
 * with the largest-cluster mask. Each figure is the median of several timed rounds after one
 * untimed round (which is also the chain's burn-in), per wall-clock second and per second of the
 * thread's CPU time, with the ratio of the sweep rate to the labeller's rate (per CPU-second) from
 * the same run.
 */
@Command(
        name = "bench-fk",
        description = {
            "Measure the critical-FK sampler's throughput, one thread: Chayes-Machta sweeps,",
            "and sweeps each followed by the exact FK measures with the largest-cluster mask,",
            "beside the percolation labeller on site-percolation maps at p_c of the same L."
        })
final class BenchFkCommand implements Callable<Integer> {

    /** Most sites of percolation maps held at once; above it the maps are labelled in turn, repeatedly. */
    private static final long MAX_MAP_SITES = 1L << 26;

    @Spec
    private CommandSpec command;

    @Option(
            names = "--size",
            split = ",",
            paramLabel = "L",
            defaultValue = "64",
            description = "linear sizes L, comma-separated, each in [3, 32768]")
    private List<Integer> sizes;

    @Option(
            names = "--q",
            split = ",",
            paramLabel = "Q",
            defaultValue = "1,2,3,4",
            description = "cluster weights Q, comma-separated, each finite and >= 1")
    private List<Double> qs;

    @Option(names = "--sweeps", paramLabel = "M", defaultValue = "1000", description = "sweeps per round")
    private int sweeps;

    @Option(names = "--rounds", paramLabel = "R", defaultValue = "5", description = "timed rounds after one warm-up")
    private int rounds;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "seed")
    private long seed;

    @Override
    public Integer call() throws IOException {
        Arguments.checkRange("--sweeps", sweeps, 1, 1_000_000_000);
        Arguments.checkRange("--rounds", rounds, 1, 1000);
        for (int size : sizes) {
            Arguments.checkRange("--size", size, BondConfiguration.MIN_SIZE, BondConfiguration.MAX_SIZE);
        }
        for (double q : qs) {
            if (!Double.isFinite(q) || q < 1) {
                throw new IllegalArgumentException("--q " + q + " is not a finite number >= 1");
            }
        }
        var out = command.commandLine().getOut();
        out.printf(
                "bench-fk: one thread, median (min, max; median per CPU-second) of %d rounds of %d sweeps after a"
                        + " warm-up round, seed %d; ratios per CPU-second%n",
                rounds, sweeps, seed);
        Throughput timer = new Throughput();
        for (int size : sizes) {
            long sites = (long) size * size;
            double roundSites = (double) sites * sweeps;
            byte[][] maps = Throughput.percolationMaps(
                    size, (int) Math.max(1, Math.min(sweeps, MAX_MAP_SITES / sites)), CriticalExponents.SITE_P_C, seed);
            ClusterLabeller labeller = new ClusterLabeller(size);
            byte[] mask = new byte[(int) sites];
            Throughput.Rates labels =
                    timer.measure(rounds, roundSites, () -> Throughput.label(labeller, maps, sweeps, null));
            Throughput.Rates masked =
                    timer.measure(rounds, roundSites, () -> Throughput.label(labeller, maps, sweeps, mask));
            out.printf(
                    "L=%d percolation labeller at p_c: labels %s Msites/s; labels + mask %s Msites/s%n",
                    size, labels.format(1e6), masked.format(1e6));
            FkClusterMeasurer measurer = new FkClusterMeasurer(size);
            for (double q : qs) {
                ChayesMachta chain = new ChayesMachta(
                        q, BondConfiguration.full(size), RandomSource.XO_RO_SHI_RO_128_PP.create(seed));
                Throughput.Rates sweep = timer.measure(rounds, roundSites, () -> {
                    chain.sweep(sweeps);
                    return chain.configuration().horizontal()[0];
                });
                Throughput.Rates measured = timer.measure(rounds, roundSites, () -> {
                    long sum = 0;
                    for (int t = 0; t < sweeps; t++) {
                        chain.sweep();
                        sum += measurer.measure(chain.configuration(), mask).largestCluster();
                    }
                    return sum;
                });
                out.printf(
                        "L=%d Q=%s: sweep %s Msites/s = %.0f sweeps/s; sweep + measure + mask %s Msites/s = %.0f"
                                + " sweeps/s; ratios to the labeller: sweep / labels %.3f, sweep + measure + mask /"
                                + " labels + mask %.3f%n",
                        size,
                        q,
                        sweep.format(1e6),
                        sweep.median() / sites,
                        measured.format(1e6),
                        measured.median() / sites,
                        sweep.cpu() / labels.cpu(),
                        measured.cpu() / masked.cpu());
            }
        }
        out.printf("(checksum over all rounds: %d)%n", timer.checksum());
        return 0;
    }
}
