package org.scalefreebench.datasets.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalefreebench.datasets.generate.AtomicFiles;
import org.scalefreebench.datasets.generate.Manifest;

/**
 * A real crash: the CLI generating a set in a child JVM is killed with SIGKILL half-way through
 * its maps. Nothing it leaves may look complete, {@code verify} must fail, and running the same
 * command again must complete the set.
 */
class KilledGenerationIT {

    private static final String ID = "killed";

    private static List<String> generateArgs(Path out) {
        return List.of(
                "generate",
                "--lattice",
                "site",
                "--size",
                "256",
                "--p",
                "0.59274605",
                "--samples",
                "4000",
                "--seed",
                "5",
                "--id",
                ID,
                "--threads",
                "1",
                "--out",
                out.toString());
    }

    @Test
    void killedGenerationLeavesNothingCompleteAndARerunCompletesIt(@TempDir Path out) throws Exception {
        Path javaBin = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new java.util.ArrayList<>(List.of(
                javaBin.toString(), "-cp", System.getProperty("java.class.path"), ScaleFreeCli.class.getName()));
        command.addAll(generateArgs(out));
        Process child = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(out.resolve("child.log").toFile())
                .start();
        Path maps = out.resolve(ID).resolve("test/maps.npy");
        Path part = AtomicFiles.partOf(maps);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!(Files.exists(part) && Files.size(part) > 64L << 20)
                && child.isAlive()
                && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(
                child.isAlive(),
                "the child finished before it could be killed; log: " + Files.readString(out.resolve("child.log")));
        child.destroyForcibly();
        assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        assertEquals(137, child.exitValue(), "killed by SIGKILL");

        assertFalse(Files.exists(out.resolve(ID).resolve(Manifest.FILE_NAME)), "no manifest after a crash");
        assertFalse(Files.exists(maps), "no maps.npy that looks complete");
        assertEquals(1, run("verify", "--spec", ID, "--dir", out.toString()), "verify must reject the crashed set");

        assertEquals(0, run(generateArgs(out).toArray(String[]::new)), "a rerun completes the set");
        assertEquals(0, run("verify", "--spec", ID, "--dir", out.toString()));
        assertFalse(Files.exists(part), "no part file left after completion");
    }

    private static int run(String... args) throws IOException {
        StringWriter sink = new StringWriter();
        return ScaleFreeCli.run(new PrintWriter(sink, true), new PrintWriter(sink, true), args);
    }
}
