package org.scalefreebench.reports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * One module's line and branch coverage, as JaCoCo's merged report of its unit and integration
 * tests states it ({@code target/site/jacoco-merged/jacoco.csv}), with the report's page.
 *
 * @param module          the Maven module
 * @param linesCovered    lines covered
 * @param lines           lines in all
 * @param branchesCovered branches covered
 * @param branches        branches in all
 * @param page            the report's {@code index.html}
 */
public record CodeCoverage(
        String module, long linesCovered, long lines, long branchesCovered, long branches, Path page) {

    /** The report of every module, relative to the module's folder. */
    public static final Path REPORT = Path.of("target", "site", "jacoco-merged");

    /** The modules whose reports exist when the leaderboard is written (the reports module's own comes later). */
    public static final List<String> MODULES = List.of("datasets-spec", "reference-impl", "benchmark-suite");

    /**
     * Reads the merged reports of {@link #MODULES} that exist.
     *
     * @param projectDir the multi-module project's folder
     * @return one entry per module with a report, in {@link #MODULES} order (none when JaCoCo was skipped)
     * @throws UncheckedIOException     if a report exists but cannot be read
     * @throws IllegalArgumentException naming the file if a report is not JaCoCo's CSV
     */
    public static List<CodeCoverage> read(Path projectDir) {
        List<CodeCoverage> out = new ArrayList<>();
        for (String module : MODULES) {
            Path csv = projectDir.resolve(module).resolve(REPORT).resolve("jacoco.csv");
            if (Files.isRegularFile(csv)) {
                try {
                    out.add(parse(module, csv, Files.readAllLines(csv)));
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read the coverage report " + csv, e);
                }
            }
        }
        return out;
    }

    /**
     * Sums a JaCoCo CSV report (one line per class) over its classes.
     *
     * @param module the module
     * @param csv    the report's file, whose folder holds {@code index.html}
     * @param lines  the file's lines, the header first
     * @return the module's coverage
     * @throws IllegalArgumentException naming the file if the header lacks JaCoCo's columns or a count is not a number
     */
    static CodeCoverage parse(String module, Path csv, List<String> lines) {
        if (lines.isEmpty()) {
            throw new IllegalArgumentException(csv + " is empty; expected JaCoCo's CSV report");
        }
        List<String> header = Arrays.asList(lines.get(0).split(","));
        int[] at = new int[4];
        String[] names = {"LINE_MISSED", "LINE_COVERED", "BRANCH_MISSED", "BRANCH_COVERED"};
        for (int k = 0; k < names.length; k++) {
            at[k] = header.indexOf(names[k]);
            if (at[k] < 0) {
                throw new IllegalArgumentException(
                        csv + " has no column " + names[k] + "; expected JaCoCo's CSV report, got header " + header);
            }
        }
        long[] sum = new long[4];
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            String[] cells = lines.get(i).split(",", -1);
            for (int k = 0; k < names.length; k++) {
                try {
                    sum[k] += Long.parseLong(cells[at[k]]);
                } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
                    throw new IllegalArgumentException(
                            csv + " line " + (i + 1) + ": no count in column " + names[k] + ": " + lines.get(i), e);
                }
            }
        }
        return new CodeCoverage(
                module, sum[1], sum[0] + sum[1], sum[3], sum[2] + sum[3], csv.resolveSibling("index.html"));
    }

    /** @return lines covered as a percentage with one decimal, and the counts */
    public String lineText() {
        return percent(linesCovered, lines) + " (" + linesCovered + " of " + lines + ")";
    }

    /** @return branches covered as a percentage with one decimal, and the counts */
    public String branchText() {
        return percent(branchesCovered, branches) + " (" + branchesCovered + " of " + branches + ")";
    }

    private static String percent(long covered, long total) {
        return total == 0 ? "–" : String.format(Locale.ROOT, "%.1f %%", 100.0 * covered / total);
    }
}
