package org.scalefreebench.datasets.cli;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.commons.rng.simple.RandomSource;
import org.scalefreebench.datasets.generate.DatasetGenerator;
import org.scalefreebench.datasets.generate.Shard;
import org.scalefreebench.datasets.spec.AdHocSpecs;
import org.scalefreebench.datasets.spec.DatasetSpec;
import org.scalefreebench.datasets.spec.SpecCatalogue;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code generate}: a published spec, or an ad hoc set with the same layout. */
@Command(
        name = "generate",
        description = {
            "Generate a dataset into OUT/<id>/ (atomic and resumable: run again to complete an interrupted run).",
            "Either --spec ID, or an ad hoc set: --lattice site --size L --p P[,P...] --samples N --seed S.",
            "With --shard k/N: only shard k of N of every split, into OUT/<id>/shards/<k>-of-<N>/ (one task of an"
                    + " array job); `merge` assembles the N shards into the same bytes."
        })
final class GenerateCommand implements Callable<Integer> {

    @Spec
    private CommandSpec command;

    @Option(names = "--spec", paramLabel = "ID", description = "a published spec id (see `list`)")
    private String specId;

    @Option(
            names = "--out",
            required = true,
            paramLabel = "DIR",
            description = "root folder; the data goes to DIR/<id>/")
    private Path out;

    @Option(
            names = "--lattice",
            paramLabel = "KIND",
            description = "ad hoc: the lattice model; only 'site' (site percolation, square, open)")
    private String lattice;

    @Option(names = "--size", paramLabel = "L", description = "ad hoc: linear size L, in [2, 32768]")
    private Integer size;

    @Option(
            names = "--p",
            split = ",",
            paramLabel = "P",
            description = "ad hoc: occupation probabilities in [0, 1], comma-separated")
    private List<BigDecimal> p;

    @Option(names = "--samples", paramLabel = "N", description = "ad hoc: maps per p value, at least 1")
    private Integer samples;

    @Option(names = "--seed", paramLabel = "S", description = "ad hoc: seed of the random stream")
    private Long seed;

    @Option(names = "--split", paramLabel = "NAME", defaultValue = "test", description = "ad hoc: the split's name")
    private String split;

    @Option(
            names = "--rng",
            paramLabel = "SOURCE",
            defaultValue = "XO_RO_SHI_RO_128_PP",
            description = "ad hoc: a jumpable Commons RNG RandomSource")
    private RandomSource rng;

    @Option(names = "--id", paramLabel = "ID", description = "ad hoc: the dataset id (default: from the parameters)")
    private String id;

    @Option(
            names = "--threads",
            paramLabel = "T",
            description = "worker threads (default: all cores); the bytes do not depend on it")
    private Integer threads;

    @Option(
            names = "--shard",
            paramLabel = "k/N",
            description = "generate only shard k of N (0 ≤ k < N) of every split; the bytes merged do not depend on N")
    private String shard;

    @Override
    public Integer call() throws IOException {
        Shard part = shard == null ? null : parseShard(shard);
        DatasetSpec spec = specId != null ? fromCatalogue() : adHoc();
        int t = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (t < 1) {
            throw new IllegalArgumentException("--threads " + t + " is outside the allowed range [1, ∞)");
        }
        long start = System.nanoTime();
        DatasetGenerator generator = new DatasetGenerator(
                t, new ConsoleProgress(command.commandLine().getErr()));
        if (part != null) {
            Path dir = generator.generateShard(spec, part, out);
            command.commandLine()
                    .getOut()
                    .printf(
                            "%s: shard %s generated and checksummed in %.1f s; when all %d are done: merge --spec %s"
                                    + " --shards %d --out %s%n",
                            dir, part, (System.nanoTime() - start) / 1e9, part.count(), spec.id(), part.count(), out);
            return 0;
        }
        Path dir = generator.generate(spec, out);
        command.commandLine()
                .getOut()
                .printf(
                        "%s: generated and checksummed in %.1f s%s%n",
                        dir,
                        (System.nanoTime() - start) / 1e9,
                        spec.pinned() ? " (matches the spec's pinned SHA-256)" : "");
        return 0;
    }

    private static Shard parseShard(String text) {
        try {
            return Shard.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--shard: " + e.getMessage(), e);
        }
    }

    private DatasetSpec fromCatalogue() {
        if (lattice != null || size != null || p != null || samples != null || seed != null || id != null) {
            throw new IllegalArgumentException(
                    "--spec takes no ad hoc options (--lattice, --size, --p, --samples, --seed, --id)");
        }
        return SpecCatalogue.published().get(specId);
    }

    private DatasetSpec adHoc() {
        if (lattice == null || size == null || p == null || samples == null || seed == null) {
            throw new IllegalArgumentException(
                    "give either --spec ID, or all of --lattice site --size L --p P --samples N --seed S");
        }
        return AdHocSpecs.sitePercolation(lattice, size, p, samples, seed, split, rng, id);
    }
}
