package org.scalefreebench.datasets.cli;

import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.Callable;
import org.scalefreebench.datasets.lattice.CrossingWindow;
import org.scalefreebench.datasets.lattice.Lattice;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code crossing-window}: the p window in which the top–bottom crossing probability of an L×L
 * lattice lies between two levels, from Newman–Ziff sweeps, with the statistical error of each end
 * and the grid of a given step that covers it. The RG family's multi-size training specs pin the
 * grids this command prints.
 */
@Command(
        name = "crossing-window",
        description = {
            "Measure the p window where the crossing probability R(p, L) lies between two levels (Newman-Ziff sweeps),",
            "with each end's standard error and the grid of the given step that covers it."
        })
final class CrossingWindowCommand implements Callable<Integer> {

    @Spec
    private CommandSpec command;

    @Option(
            names = "--size",
            required = true,
            split = ",",
            paramLabel = "L",
            description = "linear sizes L, comma-separated, each in [2, 32768]")
    private List<Integer> sizes;

    @Option(names = "--sweeps", paramLabel = "M", defaultValue = "20000", description = "Newman-Ziff sweeps per size")
    private int sweeps;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "seed")
    private long seed;

    @Option(names = "--low", paramLabel = "R", defaultValue = "0.1", description = "lower level")
    private double low;

    @Option(names = "--high", paramLabel = "R", defaultValue = "0.9", description = "upper level")
    private double high;

    @Option(names = "--step", paramLabel = "DP", defaultValue = "0.001", description = "grid step")
    private BigDecimal step;

    @Override
    public Integer call() {
        Arguments.checkRange("--sweeps", sweeps, 100, 100_000_000);
        if (step.signum() <= 0 || step.compareTo(BigDecimal.ONE) >= 0) {
            throw new IllegalArgumentException("--step " + step + " must be in (0, 1)");
        }
        for (int size : sizes) {
            Arguments.checkRange("--size", size, Lattice.MIN_SIZE, Lattice.MAX_SIZE);
            CrossingWindow w = CrossingWindow.measure(size, sweeps, seed, low, high);
            BigDecimal from = w.gridFrom(step);
            BigDecimal to = w.gridTo(step);
            int points = to.subtract(from).divide(step).intValueExact() + 1;
            command.commandLine()
                    .getOut()
                    .printf(
                            "L = %d: R = %s at p = %.5f ± %.5f, R = %s at p = %.5f ± %.5f (%d sweeps, seed %d);"
                                    + " grid %s .. %s step %s, %d points%n",
                            size,
                            low,
                            w.pLow(),
                            w.sigmaLow(),
                            high,
                            w.pHigh(),
                            w.sigmaHigh(),
                            sweeps,
                            seed,
                            from.toPlainString(),
                            to.toPlainString(),
                            step.toPlainString(),
                            points);
        }
        return 0;
    }
}
