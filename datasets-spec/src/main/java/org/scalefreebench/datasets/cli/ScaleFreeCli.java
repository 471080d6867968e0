package org.scalefreebench.datasets.cli;

import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.file.AccessDeniedException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code scalefree} command-line tool: list, generate and verify datasets, and measure the
 * labeller's and the critical-FK sampler's throughput. Exit codes: 0 success, 1 failure (bad data, checksum mismatch, I/O),
 * 2 bad usage (unknown option, out-of-range argument).
 */
@Command(
        name = "scalefree",
        mixinStandardHelpOptions = true,
        showDefaultValues = true,
        scope = CommandLine.ScopeType.INHERIT,
        versionProvider = ScaleFreeCli.Version.class,
        description = "ScaleFree Bench datasets: exact, checksummed percolation data.",
        subcommands = {
            ListCommand.class,
            GenerateCommand.class,
            MergeCommand.class,
            VerifyCommand.class,
            BenchLabelCommand.class,
            BenchFkCommand.class,
            CrossingWindowCommand.class,
            PinCommand.class,
            PreflightCommand.class
        })
public final class ScaleFreeCli {

    /** Exit code of a run that failed on its data or I/O. */
    public static final int EXIT_FAILURE = 1;
    /** Exit code of bad usage. */
    public static final int EXIT_USAGE = 2;

    private ScaleFreeCli() {}

    /**
     * @param args command-line arguments
     */
    public static void main(String[] args) {
        System.exit(run(
                new PrintWriter(System.out, true, Charset.defaultCharset()),
                new PrintWriter(System.err, true, Charset.defaultCharset()),
                args));
    }

    /**
     * Runs the tool without exiting the JVM (for tests and embedding).
     *
     * @param out  standard output
     * @param err  standard error
     * @param args arguments
     * @return the exit code
     */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        return execute(ScaleFreeCli.class, out, err, args);
    }

    /**
     * Runs a picocli command with the project's exit codes: an {@link IllegalArgumentException}
     * (bad usage, unknown id, out-of-range option) is {@value #EXIT_USAGE}, any other failure
     * {@value #EXIT_FAILURE}, each printed as one {@code error:} line ({@link #message}).
     *
     * @param command the annotated command class
     * @param out     standard output
     * @param err     standard error
     * @param args    arguments
     * @return the exit code
     */
    public static int execute(Class<?> command, PrintWriter out, PrintWriter err, String... args) {
        CommandLine cmd = new CommandLine(command);
        cmd.setOut(out);
        cmd.setErr(err);
        cmd.setExecutionExceptionHandler((ex, line, parsed) -> {
            line.getErr().println("error: " + message(ex));
            return ex instanceof IllegalArgumentException ? EXIT_USAGE : EXIT_FAILURE;
        });
        return cmd.execute(args);
    }

    /**
     * @param ex a failure
     * @return its message for people; a refused file access (the JDK's message is the bare path)
     *         says "permission denied" and the path, with the other path of a copy or move if any
     */
    public static String message(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof AccessDeniedException a) {
                return "permission denied: " + a.getFile()
                        + (a.getOtherFile() == null ? "" : " (to " + a.getOtherFile() + ")")
                        + (a.getReason() == null ? "" : ": " + a.getReason())
                        + "; give this user write access there or choose another folder";
            }
        }
        return ex.getMessage() == null ? ex.toString() : ex.getMessage();
    }

    /** Reports the library version. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {
                "scalefree datasets-spec " + org.scalefreebench.datasets.generate.LibraryVersion.datasetsSpec()
            };
        }
    }
}
