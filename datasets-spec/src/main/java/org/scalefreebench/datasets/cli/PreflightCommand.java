package org.scalefreebench.datasets.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.scalefreebench.datasets.spec.DatasetSpec;
import org.scalefreebench.datasets.spec.SpecCatalogue;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code preflight}: what a benchmark run needs, checked before it starts rather than found missing
 * after 40 minutes. The data folder must be writable and its disk must hold every published dataset
 * that is not there yet; every program named by {@code --require-executable} (Chromium and its driver,
 * when the user asks for the browser check) must be installed. {@code mvn verify} runs it right after
 * the contract's unit tests, before any dataset is generated or any model trained.
 */
@Command(
        name = "preflight",
        description = "Check, before a benchmark run, that the data folder is writable with room for the missing "
                + "datasets and that required programs are installed; print what is missing and exit 1 if anything is.")
final class PreflightCommand implements Callable<Integer> {

    @Spec
    private CommandSpec command;

    @Option(names = "--data-dir", required = true, description = "the datasets folder (created if absent)")
    Path dataDir;

    @Option(names = "--specs", split = ",", description = "spec ids the run needs (default: every published spec)")
    List<String> specs;

    @Option(
            names = "--require-executable",
            split = ",",
            description = "programs that must be installed (absolute paths)")
    List<Path> executables;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = command.commandLine().getOut();
        List<String> missing = new ArrayList<>();
        SpecCatalogue catalogue = SpecCatalogue.published();
        List<DatasetSpec> needed = new ArrayList<>();
        for (String id : specs == null || specs.isEmpty() ? catalogue.ids() : specs) {
            DatasetSpec spec = catalogue.get(id.trim());
            if (!Files.exists(dataDir.resolve(spec.id()))) {
                needed.add(spec);
            }
        }
        long bytes = needed.stream().mapToLong(DatasetSpec::dataBytes).sum();
        try {
            Files.createDirectories(dataDir);
            Path probe = Files.createTempFile(dataDir, ".preflight", ".tmp");
            Files.delete(probe);
            FileStore store = Files.getFileStore(dataDir);
            long free = store.getUsableSpace();
            if (free < bytes) {
                missing.add(String.format(
                        "disk space: the datasets not yet in %s (%s) need %.2f GB, and %s has %.2f GB free",
                        dataDir.toAbsolutePath(),
                        String.join(", ", needed.stream().map(DatasetSpec::id).toList()),
                        bytes / 1e9,
                        store,
                        free / 1e9));
            }
        } catch (IOException e) {
            missing.add("a writable data folder: cannot create a file in " + dataDir.toAbsolutePath() + " (" + e
                    + "); choose another with -Dscalefree.data.dir=...");
        }
        List<Path> required = executables == null
                ? List.of()
                : executables.stream().filter(e -> !e.toString().isBlank()).toList();
        for (Path exe : required) {
            if (!Files.isExecutable(exe)) {
                missing.add(
                        "the program " + exe + ", which this run requires (Debian: apt-get install -y chromium "
                                + "chromium-driver for the browser check; -Dscalefree.browser.check=auto runs it only where installed)");
            }
        }
        if (!missing.isEmpty()) {
            for (String m : missing) {
                command.commandLine().getErr().println("preflight: MISSING " + m);
            }
            return ScaleFreeCli.EXIT_FAILURE;
        }
        out.printf(
                "preflight: %s is writable; %d dataset(s) to generate (%.2f GB)%s%n",
                dataDir.toAbsolutePath(),
                needed.size(),
                bytes / 1e9,
                required.isEmpty()
                        ? ""
                        : "; installed: "
                                + String.join(
                                        ", ",
                                        required.stream().map(Path::toString).toList()));
        return 0;
    }
}
