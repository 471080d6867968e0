package org.scalefreebench.scaleout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad usage of the scale-out CLI is refused with exit code 2 before Spark starts or anything is written. */
class ScaleOutCliTest {

    @Test
    void generateWithoutASpecOrTheAdHocOptionsIsBadUsage(@TempDir Path out) {
        StringWriter err = new StringWriter();
        int code = ScaleOutCli.run(
                new PrintWriter(new StringWriter()), new PrintWriter(err), "generate", "--out", out.toString());
        assertEquals(2, code);
        assertTrue(err.toString().contains("give either --spec ID"), err.toString());
    }

    @Test
    void anAdHocSizeOutOfRangeIsRefusedNamingTheRange(@TempDir Path out) throws Exception {
        StringWriter err = new StringWriter();
        int code = ScaleOutCli.run(
                new PrintWriter(new StringWriter()),
                new PrintWriter(err),
                "generate",
                "--lattice",
                "site",
                "--size",
                "1",
                "--p",
                "0.5",
                "--samples",
                "10",
                "--seed",
                "1",
                "--out",
                out.toString());
        assertEquals(2, code);
        assertTrue(err.toString().contains("--size 1 is outside the allowed range [2, 32768]"), err.toString());
        try (var files = Files.list(out)) {
            assertEquals(0, files.count(), "nothing written");
        }
    }

    @Test
    void aSweepOnAClusterWithoutTheCoresOfAFitIsBadUsage() {
        StringWriter err = new StringWriter();
        int code = ScaleOutCli.run(
                new PrintWriter(new StringWriter()),
                new PrintWriter(err),
                "sweep",
                "--tier",
                "smoke",
                "--models",
                "density-baseline",
                "--tasks",
                "spanning",
                "--master",
                "spark://nowhere:7077",
                "--data-dir",
                System.getProperty("scalefree.data.dir", "data"));
        assertEquals(2, code);
        assertTrue(err.toString().contains("--fit-cpus"), err.toString());
    }

    @Test
    void localMastersGiveTheirThreadCount() {
        assertEquals(1, ScaleOutCli.Sweep.localThreads("local"));
        assertEquals(3, ScaleOutCli.Sweep.localThreads("local[3]"));
        assertEquals(4, ScaleOutCli.Sweep.localThreads("local[4,2]"));
        assertEquals(Runtime.getRuntime().availableProcessors(), ScaleOutCli.Sweep.localThreads("local[*]"));
    }
}
