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
 * A real crash: the CLI generating a set (or one shard of it) in a child JVM is killed with SIGKILL
 * half-way through its maps. Nothing it leaves may look complete, {@code verify} (or {@code merge})
 * must fail, and running the same command again must complete the set (or the shard).
 */
class KilledGenerationIT {

    private static final String ID = "killed";

    private static List<String> generateArgs(Path out) {
        return generateArgs(out, 4000);
    }

    private static List<String> generateArgs(Path out, int samples) {
        return List.of(
                "generate",
                "--lattice",
                "site",
                "--size",
                "256",
                "--p",
                "0.59274605",
                "--samples",
                Integer.toString(samples),
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
        Path maps = out.resolve(ID).resolve("test/maps.npy");
        Path part = AtomicFiles.partOf(maps);
        killWhenLarger(generateArgs(out), part, 64L << 20, out);

        assertFalse(Files.exists(out.resolve(ID).resolve(Manifest.FILE_NAME)), "no manifest after a crash");
        assertFalse(Files.exists(maps), "no maps.npy that looks complete");
        assertEquals(1, run("verify", "--spec", ID, "--dir", out.toString()), "verify must reject the crashed set");

        assertEquals(0, run(generateArgs(out).toArray(String[]::new)), "a rerun completes the set");
        assertEquals(0, run("verify", "--spec", ID, "--dir", out.toString()));
        assertFalse(Files.exists(part), "no part file left after completion");
    }

    @Test
    void killedShardTaskLeavesNoChecksumsSoMergeNamesItAndARerunRegeneratesIt(@TempDir Path out) throws Exception {
        List<String> shardArgs = new java.util.ArrayList<>(generateArgs(out, 2400));
        shardArgs.addAll(List.of("--shard", "1/2"));
        Path shard = out.resolve(ID).resolve("shards").resolve("1-of-2");
        Path part = AtomicFiles.partOf(shard.resolve("test/maps.npy"));
        killWhenLarger(shardArgs, part, 16L << 20, out);

        Path sums = shard.resolve("SHA256SUMS");
        assertFalse(Files.exists(sums), "no SHA256SUMS after a crash: the shard is not complete");
        assertFalse(Files.exists(shard.resolve("test/maps.npy")), "no maps.npy that looks complete");
        StringWriter err = new StringWriter();
        int merge = ScaleFreeCli.run(
                new PrintWriter(new StringWriter(), true),
                new PrintWriter(err, true),
                "merge",
                "--spec",
                ID,
                "--shards",
                "2",
                "--out",
                out.toString());
        assertEquals(ScaleFreeCli.EXIT_FAILURE, merge);
        assertTrue(
                err.toString().contains("2 of 2 shards are not ready")
                        && err.toString()
                                .contains("shard 0/2: "
                                        + out.resolve(ID).resolve("shards").resolve("0-of-2") + " is missing")
                        && err.toString().contains("shard 1/2: " + shard + " is incomplete: it has no SHA256SUMS"),
                "both shards are named, the killed one as incomplete: " + err);

        StringWriter rerunErr = new StringWriter();
        assertEquals(
                0,
                ScaleFreeCli.run(
                        new PrintWriter(new StringWriter(), true),
                        new PrintWriter(rerunErr, true),
                        shardArgs.toArray(String[]::new)),
                "a rerun of the task completes its shard");
        assertTrue(rerunErr.toString().contains("generating 1200 maps"), "regenerated, not kept: " + rerunErr);
        assertTrue(Files.exists(sums));
        assertFalse(Files.exists(part), "no part file left after completion");
        for (String line : Files.readAllLines(sums)) {
            String[] f = line.split(" {2}", 2);
            assertEquals(f[0], org.scalefreebench.datasets.generate.Sha256.of(shard.resolve(f[1])), f[1]);
        }
    }

    /** Runs the CLI in a child JVM and kills it with SIGKILL once {@code file} exceeds {@code bytes}. */
    private static void killWhenLarger(List<String> args, Path file, long bytes, Path out) throws Exception {
        Path javaBin = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new java.util.ArrayList<>(List.of(
                javaBin.toString(), "-cp", System.getProperty("java.class.path"), ScaleFreeCli.class.getName()));
        command.addAll(args);
        Process child = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(out.resolve("child.log").toFile())
                .start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!(Files.exists(file) && Files.size(file) > bytes) && child.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(
                child.isAlive(),
                "the child finished before it could be killed; log: " + Files.readString(out.resolve("child.log")));
        child.destroyForcibly();
        assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        assertEquals(137, child.exitValue(), "killed by SIGKILL");
    }

    private static int run(String... args) throws IOException {
        StringWriter sink = new StringWriter();
        return ScaleFreeCli.run(new PrintWriter(sink, true), new PrintWriter(sink, true), args);
    }
}
