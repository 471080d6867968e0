package org.scalefreebench.datasets.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.scalefreebench.datasets.generate.AtomicFiles;
import org.scalefreebench.datasets.generate.DatasetGenerator;
import org.scalefreebench.datasets.generate.Manifest;
import org.scalefreebench.datasets.spec.DatasetSpec;
import org.scalefreebench.datasets.spec.SpecCatalogue;
import org.scalefreebench.datasets.spec.SpecJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code pin}: for maintainers adding a spec. Generates a spec file that has no checksums yet and
 * writes the SHA-256 of every generated file into it. Refuses a spec that is already pinned: a
 * published spec's bytes never change (publish a new version instead).
 */
@Command(name = "pin", description = "Maintainers: generate an unpinned spec file and write its SHA-256 pins into it.")
final class PinCommand implements Callable<Integer> {

    @Spec
    private CommandSpec command;

    @Option(
            names = "--spec-file",
            required = true,
            paramLabel = "FILE",
            description = "the spec JSON file, e.g. datasets-spec/specs/<id>.json")
    private Path specFile;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "root folder for the generated data")
    private Path out;

    @Override
    public Integer call() throws IOException {
        DatasetSpec spec = SpecCatalogue.readFile(specFile);
        if (spec.pinned()) {
            throw new IllegalArgumentException(
                    specFile + " is already pinned; published bytes never change: write a new version");
        }
        Path dir = new DatasetGenerator(
                        Runtime.getRuntime().availableProcessors(),
                        new ConsoleProgress(command.commandLine().getErr()))
                .generate(spec, out);
        Map<String, String> sums = Manifest.read(dir).sha256();
        ObjectNode raw = (ObjectNode) SpecJson.mapper().readTree(specFile.toFile());
        ObjectNode pins = raw.putObject("sha256");
        sums.forEach(pins::put);
        String text = SpecJson.mapper().writeValueAsString(raw) + "\n";
        SpecJson.parse(text, specFile.toString(), spec.id());
        AtomicFiles.writeString(specFile, text);
        command.commandLine().getOut().println(specFile + ": pinned " + sums.size() + " files");
        return 0;
    }
}
