package org.scalefreebench.datasets.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.scalefreebench.datasets.generate.DatasetGenerator;
import org.scalefreebench.datasets.generate.Shard;
import org.scalefreebench.datasets.spec.DatasetSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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

    @Mixin
    private DatasetChoice dataset = new DatasetChoice();

    @Option(
            names = "--out",
            required = true,
            paramLabel = "DIR",
            description = "root folder; the data goes to DIR/<id>/")
    private Path out;

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
        DatasetSpec spec = dataset.spec();
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
}
