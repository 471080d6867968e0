package org.scalefreebench.datasets.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.scalefreebench.datasets.generate.DatasetGenerator;
import org.scalefreebench.datasets.generate.Shard;
import org.scalefreebench.datasets.spec.DatasetSpec;
import org.scalefreebench.datasets.spec.SpecCatalogue;
import org.scalefreebench.datasets.spec.SpecJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code merge}: assembles the N shards of {@code generate --shard k/N} into the dataset folder. */
@Command(
        name = "merge",
        description = {
            "Assemble OUT/<id>/shards/<k>-of-<N>/ (k = 0 … N-1, from generate --shard k/N) into OUT/<id>/,"
                    + " byte for byte what generate writes, checked against the spec's pins.",
            "A missing, incomplete or corrupt shard is named; nothing is then taken as complete."
        })
final class MergeCommand implements Callable<Integer> {

    @Spec
    private CommandSpec command;

    @Option(
            names = "--spec",
            required = true,
            paramLabel = "ID",
            description = "a published spec id, or the id of an ad hoc set whose shards are in DIR")
    private String specId;

    @Option(names = "--shards", required = true, paramLabel = "N", description = "the number of shards N, at least 1")
    private int shards;

    @Option(
            names = "--out",
            required = true,
            paramLabel = "DIR",
            description = "the root folder given to generate --shard --out")
    private Path out;

    @Override
    public Integer call() throws IOException {
        Arguments.checkRange("--shards", shards, 1, Integer.MAX_VALUE);
        DatasetSpec spec = spec();
        long start = System.nanoTime();
        Path dir = new DatasetGenerator(
                        1, new ConsoleProgress(command.commandLine().getErr()))
                .mergeShards(spec, shards, out);
        command.commandLine()
                .getOut()
                .printf(
                        "%s: %d shards merged and checksummed in %.1f s%s%n",
                        dir,
                        shards,
                        (System.nanoTime() - start) / 1e9,
                        spec.pinned() ? " (matches the spec's pinned SHA-256)" : "");
        return 0;
    }

    /** The published spec of that id, else the ad hoc spec recorded by the first shard there is. */
    private DatasetSpec spec() throws IOException {
        if (SpecCatalogue.published().ids().contains(specId)) {
            return SpecCatalogue.published().get(specId);
        }
        Path folder = out.resolve(specId).resolve(DatasetGenerator.SHARDS_DIR);
        for (int k = 0; k < shards && Files.isDirectory(folder); k++) {
            Path recorded = folder.resolve(new Shard(k, shards).folderName()).resolve(DatasetGenerator.SPEC_FILE);
            if (Files.isRegularFile(recorded)) {
                return SpecJson.parse(Files.readString(recorded, StandardCharsets.UTF_8), recorded.toString(), specId);
            }
        }
        return SpecCatalogue.published().get(specId);
    }
}
