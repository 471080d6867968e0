package org.scalefreebench.reports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.scalefreebench.bench.result.ResultRun;

/**
 * Command line of the leaderboard pages: {@code LeaderboardMain <results or rows dir> <output dir> [project dir]}.
 * The reports module runs it at {@code package} with the harness's results folder (the pages show
 * the build's run, {@code -Dscalefree.run.id}, else the newest: {@link #rowsOf}), its own
 * {@code target} and the multi-module project's folder, whose modules' JaCoCo reports the pages
 * list and link ({@link CodeCoverage}) and whose {@value #RECORDS} folder's records are merged in
 * (re-scored against the datasets of {@code -Dscalefree.data.dir}, default {@code <project>/data}). It never calls {@code System.exit}, since Maven runs it in
 * its own JVM.
 */
public final class LeaderboardMain {

    /** The folder of results of record, below the project folder. */
    public static final String RECORDS = "results-of-record";

    private LeaderboardMain() {}

    /**
     * @param args the rows folder, the output folder and optionally the project folder
     * @throws IOException              if the rows folder cannot be listed or a page cannot be written
     * @throws IllegalArgumentException if there are not two or three arguments
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 2 && args.length != 3) {
            throw new IllegalArgumentException(
                    "usage: LeaderboardMain <results dir or rows dir> <output dir> [project dir], got " + args.length
                            + " argument(s)");
        }
        Path rowsDir = rowsOf(Path.of(args[0]), System.getProperty("scalefree.run.id"));
        if (args.length == 2) {
            run(rowsDir, Path.of(args[1]), LocalDate.now(ZoneOffset.UTC), List.of());
            return;
        }
        Path project = Path.of(args[2]);
        run(
                rowsDir,
                Path.of(args[1]),
                LocalDate.now(ZoneOffset.UTC),
                CodeCoverage.read(project),
                project.resolve(RECORDS),
                Path.of(System.getProperty(
                        "scalefree.data.dir", project.resolve("data").toString())));
    }

    /**
     * The rows folder a results folder's pages show: a results folder with runs ({@link ResultRun})
     * gives the rows of the run named by {@code wanted} if it holds it, else of its newest run; any
     * other folder is taken as a rows folder itself.
     *
     * @param results a results folder, or a rows folder
     * @param wanted  a run id, or blank for the newest run
     * @return the rows folder
     * @throws IOException if the runs cannot be listed
     */
    public static Path rowsOf(Path results, String wanted) throws IOException {
        if (!Files.isDirectory(results.resolve(ResultRun.RUNS))) {
            return results;
        }
        Optional<ResultRun> run = ResultRun.select(results, wanted);
        if (run.isEmpty()) {
            return results.resolve(ResultRun.RUNS);
        }
        if (wanted != null && !wanted.isBlank() && !run.get().id().equals(wanted.strip())) {
            System.out.println("leaderboard: no run " + wanted.strip() + " in " + results + "; showing the newest, "
                    + run.get().id());
        }
        return run.get().rowsDir(results);
    }

    /**
     * Reads this run's rows and the results of record, writes the pages with the modules' code
     * coverage and prints what was written.
     *
     * @param rowsDir     this run's rows folder (may not exist)
     * @param outDir      the output folder
     * @param date        the date stated in the pages
     * @param coverage    the modules' code coverage
     * @param recordsRoot the results of record (may not exist), merged as {@link Leaderboard#read(Path, Path, Path)} says
     * @param dataDir     the datasets folder, for re-scoring the records' predictions
     * @return the files written
     * @throws IOException if a folder cannot be listed or a page cannot be written
     */
    public static List<Path> run(
            Path rowsDir, Path outDir, LocalDate date, List<CodeCoverage> coverage, Path recordsRoot, Path dataDir)
            throws IOException {
        return write(Leaderboard.read(rowsDir, recordsRoot, dataDir), rowsDir, outDir, date, coverage);
    }

    /**
     * Reads the rows, writes the pages and prints one line saying what was written.
     *
     * @param rowsDir the rows folder (may not exist: the pages then say there are no rows)
     * @param outDir  the output folder
     * @param date    the date stated in the pages
     * @return the files written, as {@link LeaderboardPages#write} returns them
     * @throws IOException if the rows folder cannot be listed or a page cannot be written
     */
    public static List<Path> run(Path rowsDir, Path outDir, LocalDate date) throws IOException {
        return run(rowsDir, outDir, date, List.of());
    }

    /**
     * Reads the rows, writes the pages with the modules' code coverage and prints what was written.
     *
     * @param rowsDir  the rows folder (may not exist: the pages then say there are no rows)
     * @param outDir   the output folder
     * @param date     the date stated in the pages
     * @param coverage the modules' code coverage, listed at the pages' end
     * @return the files written, as {@link LeaderboardPages#write} returns them
     * @throws IOException if the rows folder cannot be listed or a page cannot be written
     */
    public static List<Path> run(Path rowsDir, Path outDir, LocalDate date, List<CodeCoverage> coverage)
            throws IOException {
        return write(Leaderboard.read(rowsDir), rowsDir, outDir, date, coverage);
    }

    /** The run whose rows folder this is, if it is one. */
    private static Optional<ResultRun> runOf(Path rowsDir) {
        Path runDir = rowsDir.toAbsolutePath().getParent();
        if (runDir == null
                || !rowsDir.getFileName().toString().equals(ResultRun.ROWS)
                || !Files.isRegularFile(runDir.resolve(ResultRun.FILE))) {
            return Optional.empty();
        }
        try {
            return Optional.of(ResultRun.read(runDir));
        } catch (IOException e) {
            System.out.println("leaderboard: WARNING " + e.getMessage());
            return Optional.empty();
        }
    }

    private static List<Path> write(
            Leaderboard board, Path rowsDir, Path outDir, LocalDate date, List<CodeCoverage> coverage)
            throws IOException {
        String pageCheck = BrowserCheck.fromSystemProperties().describe();
        System.out.println("leaderboard: " + pageCheck);
        List<String> notes = new ArrayList<>();
        runOf(rowsDir).ifPresent(r -> notes.add("Shows " + r.describe() + "."));
        notes.add(pageCheck);
        List<Path> written = LeaderboardPages.write(board, outDir, date, notes, coverage);
        for (CodeCoverage c : coverage) {
            System.out.println("leaderboard: coverage of " + c.module() + ": lines " + c.lineText() + ", branches "
                    + c.branchText());
        }
        System.out.println("leaderboard: " + board.rowCount() + " row(s) from " + rowsDir
                + (board.records() == null ? "" : " (" + board.provenance().size() + " of them results of record)")
                + " in "
                + board.tables().size() + " table(s), " + board.warnings().size() + " warning(s); wrote "
                + written.size() + " file(s) to " + outDir);
        for (String w : board.warnings()) {
            System.out.println("leaderboard: WARNING " + w);
        }
        return written;
    }
}
