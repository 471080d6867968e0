package org.scalefreebench.datasets.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.scalefreebench.datasets.generate.DatasetVerifier;
import org.scalefreebench.datasets.generate.Manifest;
import org.scalefreebench.datasets.spec.DatasetSpec;
import org.scalefreebench.datasets.spec.SpecCatalogue;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code verify}: every file of a generated dataset against its pinned (or recorded) SHA-256. */
@Command(
        name = "verify",
        description = {
            "Check DIR/<id>/ against the spec's pinned SHA-256 (an ad hoc set: against its manifest).",
            "Exit 0 if complete and intact, 1 otherwise."
        })
final class VerifyCommand implements Callable<Integer> {

    @Spec
    private CommandSpec command;

    @Option(
            names = "--spec",
            required = true,
            paramLabel = "ID",
            description = "a published spec id, or the id of an ad hoc set in DIR")
    private String specId;

    @Option(
            names = "--dir",
            required = true,
            paramLabel = "DIR",
            description = "the root folder given to generate --out")
    private Path dir;

    @Override
    public Integer call() {
        Path datasetDir = dir.resolve(specId);
        DatasetSpec spec;
        if (SpecCatalogue.published().ids().contains(specId)) {
            spec = SpecCatalogue.published().get(specId);
        } else if (Files.isDirectory(datasetDir)) {
            spec = null;
        } else {
            spec = SpecCatalogue.published().get(specId);
        }
        if (!Files.isRegularFile(datasetDir.resolve(Manifest.FILE_NAME))) {
            command.commandLine()
                    .getErr()
                    .println("error: " + datasetDir + ": "
                            + (Files.isDirectory(datasetDir)
                                    ? "no " + Manifest.FILE_NAME
                                            + " here (missing), so this folder is not a complete generated dataset"
                                    : "no such folder (missing), so no " + Manifest.FILE_NAME)
                            + "; generate it with: scalefree generate --spec " + specId + " --out " + dir);
            return ScaleFreeCli.EXIT_FAILURE;
        }
        List<DatasetVerifier.Problem> problems = DatasetVerifier.verify(spec, datasetDir);
        if (problems.isEmpty()) {
            command.commandLine()
                    .getOut()
                    .println(datasetDir + ": OK, every file matches its " + (spec == null ? "manifest's" : "pinned")
                            + " SHA-256");
            return 0;
        }
        for (DatasetVerifier.Problem p : problems) {
            command.commandLine().getErr().println("error: " + p);
        }
        command.commandLine().getErr().println(datasetDir + ": FAILED, " + problems.size() + " problem(s)");
        return ScaleFreeCli.EXIT_FAILURE;
    }
}
