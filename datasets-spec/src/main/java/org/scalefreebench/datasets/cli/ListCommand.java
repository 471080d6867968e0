package org.scalefreebench.datasets.cli;

import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.scalefreebench.datasets.spec.DatasetSpec;
import org.scalefreebench.datasets.spec.SpecCatalogue;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code list}: one line per published spec. */
@Command(name = "list", description = "List the published dataset specs, one line each.")
final class ListCommand implements Callable<Integer> {

    @Spec
    private CommandSpec command;

    @Override
    public Integer call() {
        var out = command.commandLine().getOut();
        for (DatasetSpec s : SpecCatalogue.published().specs()) {
            String splits =
                    s.splits().stream().map(x -> x.name() + "=" + s.samples(x)).collect(Collectors.joining(" "));
            out.printf(
                    "%-28s L=%-5d %3d p values  %-32s %s%n", s.id(), s.size(), s.p().size(), splits, s.description());
        }
        return 0;
    }
}
