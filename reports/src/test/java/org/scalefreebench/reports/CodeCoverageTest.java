package org.scalefreebench.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalefreebench.bench.result.ResultStore;

class CodeCoverageTest {

    private static final String HEADER = "GROUP,PACKAGE,CLASS,INSTRUCTION_MISSED,INSTRUCTION_COVERED,BRANCH_MISSED,"
            + "BRANCH_COVERED,LINE_MISSED,LINE_COVERED,COMPLEXITY_MISSED,COMPLEXITY_COVERED,METHOD_MISSED,METHOD_COVERED";

    @TempDir
    Path project;

    private Path report(String module, String... rows) throws IOException {
        Path dir = project.resolve(module).resolve(CodeCoverage.REPORT);
        Files.createDirectories(dir);
        Path csv = dir.resolve("jacoco.csv");
        Files.writeString(csv, HEADER + "\n" + String.join("\n", rows) + "\n");
        return csv;
    }

    @Test
    void sumsLinesAndBranchesOverTheClassesOfEachModuleWithAReport() throws IOException {
        report("datasets-spec", "g,p,A,0,9,0,0,0,1,0,1,0,1", "g,p,B,28,741,4,62,5,133,5,39,1,10");
        report("benchmark-suite", "g,p,C,1,1,3,1,10,30,0,0,0,0");
        List<CodeCoverage> c = CodeCoverage.read(project);
        assertEquals(2, c.size(), "reference-impl has no report here");
        assertEquals("datasets-spec", c.get(0).module());
        assertEquals(134, c.get(0).linesCovered());
        assertEquals(139, c.get(0).lines());
        assertEquals(62, c.get(0).branchesCovered());
        assertEquals(66, c.get(0).branches());
        assertEquals("96.4 % (134 of 139)", c.get(0).lineText());
        assertEquals("93.9 % (62 of 66)", c.get(0).branchText());
        assertEquals("75.0 % (30 of 40)", c.get(1).lineText());
        assertEquals(
                project.resolve("benchmark-suite").resolve(CodeCoverage.REPORT).resolve("index.html"),
                c.get(1).page());
    }

    @Test
    void noReportsGiveNoRows() {
        assertTrue(CodeCoverage.read(project).isEmpty());
    }

    @Test
    void aFileThatIsNotJacocosCsvIsNamed() throws IOException {
        Path csv = project.resolve("x.csv");
        IllegalArgumentException header = assertThrows(
                IllegalArgumentException.class, () -> CodeCoverage.parse("m", csv, List.of("a,b,c", "1,2,3")));
        assertTrue(header.getMessage().contains(csv + " has no column LINE_MISSED"), header.getMessage());
        IllegalArgumentException count = assertThrows(
                IllegalArgumentException.class,
                () -> CodeCoverage.parse("m", csv, List.of(HEADER, "g,p,A,0,9,0,zero,0,1,0,1,0,1")));
        assertTrue(count.getMessage().contains(csv + " line 2: no count in column BRANCH_COVERED"), count.getMessage());
    }

    @Test
    void thePagesListEachModuleWithALinkToItsReport() throws IOException {
        report("datasets-spec", "g,p,A,1,9,1,3,2,8,0,1,0,1");
        Path out = project.resolve("reports").resolve("target");
        Leaderboard board = Leaderboard.of(
                "/rows",
                new ResultStore.Contents(
                        List.of(FakeRows.ok(
                                "smoke",
                                "spanning",
                                "cnn",
                                "percolation-L32-smoke-v1",
                                32,
                                true,
                                Map.of("accuracy", FakeRows.around(0.9, 0.01)))),
                        List.of()));
        LeaderboardPages.write(board, out, LocalDate.of(2026, 12, 1), List.of(), CodeCoverage.read(project));
        String href = "../../datasets-spec/target/site/jacoco-merged/index.html";
        String html = Files.readString(out.resolve(LeaderboardPages.HTML));
        assertTrue(
                html.contains("<td class=\"model\">datasets-spec</td><td>80.0 % (8 of 10)</td><td>75.0 % (3 of 4)</td>"
                        + "<td><a href=\"" + href + "\">"),
                html);
        String md = Files.readString(out.resolve(LeaderboardPages.MARKDOWN));
        assertTrue(
                md.contains("| datasets-spec | 80.0 % (8 of 10) | 75.0 % (3 of 4) | [index.html](<" + href + ">) |"),
                md);
    }
}
