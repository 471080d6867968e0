package org.scalefreebench.reports;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Command line of the leaderboard pages: {@code LeaderboardMain <rows dir> <output dir> [project dir]}.
 * The reports module runs it at {@code package} with the harness's rows folder, its own
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
                    "usage: LeaderboardMain <result rows dir> <output dir> [project dir], got " + args.length
                            + " argument(s)");
        }
        if (args.length == 2) {
            run(Path.of(args[0]), Path.of(args[1]), LocalDate.now(ZoneOffset.UTC), List.of());
            return;
        }
        Path project = Path.of(args[2]);
        run(
                Path.of(args[0]),
                Path.of(args[1]),
                LocalDate.now(ZoneOffset.UTC),
                CodeCoverage.read(project),
                project.resolve(RECORDS),
                Path.of(System.getProperty(
                        "scalefree.data.dir", project.resolve("data").toString())));
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

    private static List<Path> write(
            Leaderboard board, Path rowsDir, Path outDir, LocalDate date, List<CodeCoverage> coverage)
            throws IOException {
        String pageCheck = BrowserCheck.fromSystemProperties().describe();
        System.out.println("leaderboard: " + pageCheck);
        List<Path> written = LeaderboardPages.write(board, outDir, date, List.of(pageCheck), coverage);
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
