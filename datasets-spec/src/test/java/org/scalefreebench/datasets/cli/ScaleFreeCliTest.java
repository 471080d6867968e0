package org.scalefreebench.datasets.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.scalefreebench.datasets.generate.Manifest;
import org.scalefreebench.datasets.lattice.CrossingWindow;
import org.scalefreebench.datasets.npy.Npy;
import org.scalefreebench.datasets.spec.SpecCatalogue;
import picocli.CommandLine;

class ScaleFreeCliTest {

    /** Exit code, standard output and standard error of one run. */
    private record Run(int code, String out, String err) {}

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = ScaleFreeCli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void listGivesALinePerSpec() {
        Run r = run("list");
        assertEquals(0, r.code(), r.err());
        assertEquals(SpecCatalogue.published().ids().size(), r.out().lines().count(), r.out());
        assertTrue(
                r.out().contains("percolation-L64-v1") && r.out().contains("train=20500 val=4100 test=8200"), r.out());
    }

    @Test
    void crossingWindowPrintsEachEndWithItsErrorAndTheCoveringGrid() {
        Run r = run("crossing-window", "--size", "8,16", "--sweeps", "2000", "--seed", "5", "--step", "0.01");
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals(2, lines.size(), r.out());
        CrossingWindow w = CrossingWindow.measure(8, 2000, 5, 0.1, 0.9);
        BigDecimal step = new BigDecimal("0.01");
        assertTrue(lines.get(0).startsWith("L = 8: R = 0.1 at p = " + String.format("%.5f", w.pLow())), lines.get(0));
        assertTrue(
                lines.get(0)
                        .contains("grid " + w.gridFrom(step).toPlainString() + " .. "
                                + w.gridTo(step).toPlainString()),
                lines.get(0));
        assertTrue(w.gridFrom(step).doubleValue() <= w.pLow()
                && w.pLow() < w.gridFrom(step).doubleValue() + 0.01);
        assertTrue(w.gridTo(step).doubleValue() >= w.pHigh()
                && w.pHigh() > w.gridTo(step).doubleValue() - 0.01);
        assertTrue(w.pLow() < w.pHigh() && w.sigmaLow() > 0 && w.sigmaHigh() > 0, w.toString());
    }

    @Test
    void crossingWindowRefusesLevelsOutOfOrderAndTooFewSweeps() {
        Run levels = run("crossing-window", "--size", "8", "--low", "0.9", "--high", "0.1");
        assertEquals(ScaleFreeCli.EXIT_USAGE, levels.code());
        assertTrue(levels.err().contains("crossing levels 0.9 and 0.1 must satisfy 0 < low < high < 1"), levels.err());
        Run sweeps = run("crossing-window", "--size", "8", "--sweeps", "10");
        assertEquals(ScaleFreeCli.EXIT_USAGE, sweeps.code());
        assertTrue(sweeps.err().contains("--sweeps"), sweeps.err());
    }

    @Test
    void unknownSpecIdListsTheKnownIds(@TempDir Path dir) {
        Run r = run("generate", "--spec", "percolation-L63-v1", "--out", dir.toString());
        assertEquals(ScaleFreeCli.EXIT_USAGE, r.code());
        assertTrue(
                r.err().contains("unknown spec id 'percolation-L63-v1'; known ids: critical-fk-L128-test-v1"), r.err());
        Run v = run("verify", "--spec", "percolation-L63-v1", "--dir", dir.toString());
        assertTrue(v.err().contains("known ids:"), v.err());
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "--size 1 --p 0.5 --samples 3 --seed 1 | --size 1 is outside the allowed range [2, 32768]",
                "--size 8 --p 1.5 --samples 3 --seed 1 | --p 1.5 is outside the allowed range [0, 1]",
                "--size 8 --p -0.1 --samples 3 --seed 1 | --p -0.1 is outside the allowed range [0, 1]",
                "--size 8 --p 0.5 --samples 0 --seed 1 | --samples 0 is outside the allowed range [1, 2147483647]",
                "--size 8 --p 0.5 --samples 3 | give either --spec ID, or all of"
            })
    void outOfRangeAdHocArgumentsAreRejectedWithTheAllowedRange(String args, String message, @TempDir Path dir) {
        String[] full = ("generate --lattice site " + args + " --out " + dir).split(" ");
        Run r = run(full);
        assertEquals(ScaleFreeCli.EXIT_USAGE, r.code(), r.out() + r.err());
        assertTrue(r.err().contains(message), r.err());
        assertEquals(0, dir.toFile().list().length, "nothing may be written");
    }

    @Test
    void adHocSetHasTheLayoutOfTheContractAndVerifies(@TempDir Path dir) throws IOException {
        Run g = run(
                "generate",
                "--lattice",
                "site",
                "--size",
                "10",
                "--p",
                "0.4,0.6",
                "--samples",
                "5",
                "--seed",
                "3",
                "--out",
                dir.toString());
        assertEquals(0, g.code(), g.err());
        Path set = dir.resolve("site-L10-p0.4..0.6x2-n5-seed3");
        assertTrue(Files.isRegularFile(set.resolve(Manifest.FILE_NAME)));
        assertEquals(10 * 10 * 10, Npy.readUint8(set.resolve("test/maps.npy"), 10, 10, 10).length);
        assertEquals(10, Npy.readFloat64(set.resolve("test/p.npy"), 10).length);
        assertEquals(10, Npy.readInt32(set.resolve("test/max_cluster.npy"), 10).length);

        Run ok = run("verify", "--spec", set.getFileName().toString(), "--dir", dir.toString());
        assertEquals(0, ok.code(), ok.err());
        assertTrue(ok.out().contains("OK"), ok.out());

        try (RandomAccessFile f =
                new RandomAccessFile(set.resolve("test/spanning.npy").toFile(), "rw")) {
            f.setLength(f.length() - 1);
        }
        Run bad = run("verify", "--spec", set.getFileName().toString(), "--dir", dir.toString());
        assertEquals(ScaleFreeCli.EXIT_FAILURE, bad.code());
        assertTrue(bad.err().contains("test/spanning.npy: expected SHA-256 "), bad.err());
    }

    @Test
    void shardsGeneratedOneByOneThenMergedVerifyAgainstThePins(@TempDir Path dir) {
        String id = "percolation-L32-smoke-v1";
        for (int k = 0; k < 3; k++) {
            Run g = run("generate", "--spec", id, "--shard", k + "/3", "--threads", "1", "--out", dir.toString());
            assertEquals(0, g.code(), g.err());
            assertTrue(g.out().contains("shards" + java.io.File.separator + k + "-of-3: shard " + k + "/3"), g.out());
        }
        Run m = run("merge", "--spec", id, "--shards", "3", "--out", dir.toString());
        assertEquals(0, m.code(), m.err());
        assertTrue(m.out().contains("3 shards merged") && m.out().contains("pinned SHA-256"), m.out());
        Run v = run("verify", "--spec", id, "--dir", dir.toString());
        assertEquals(0, v.code(), v.err());
        assertTrue(v.out().contains("OK"), v.out());
    }

    @Test
    void adHocShardsMergeIntoTheSetGenerateWrites(@TempDir Path dir) throws IOException {
        String[] adHoc = {"--lattice", "site", "--size", "10", "--p", "0.4,0.6", "--samples", "5", "--seed", "3"};
        String id = "site-L10-p0.4..0.6x2-n5-seed3";
        for (int k = 0; k < 4; k++) {
            String[] args = java.util.stream.Stream.concat(
                            java.util.stream.Stream.of("generate", "--shard", k + "/4", "--out", dir + "/sharded"),
                            java.util.Arrays.stream(adHoc))
                    .toArray(String[]::new);
            Run g = run(args);
            assertEquals(0, g.code(), g.err());
        }
        Run m = run("merge", "--spec", id, "--shards", "4", "--out", dir + "/sharded");
        assertEquals(0, m.code(), m.err());
        Run whole = run(java.util.stream.Stream.concat(
                        java.util.stream.Stream.of("generate", "--out", dir + "/whole"), java.util.Arrays.stream(adHoc))
                .toArray(String[]::new));
        assertEquals(0, whole.code(), whole.err());
        assertEquals(
                Manifest.read(dir.resolve("whole").resolve(id)).sha256(),
                Manifest.read(dir.resolve("sharded").resolve(id)).sha256());
        Run v = run("verify", "--spec", id, "--dir", dir + "/sharded");
        assertEquals(0, v.code(), v.err());
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "3/3 | k = 3 is not below N = 3",
                "0/0 | N = 0 is outside [1, 2147483647]",
                "-1/3 | is not of the form k/N",
                "x/3 | is not of the form k/N",
                "2 | is not of the form k/N"
            })
    void badShardIsRefusedWithTheRuleAndNothingIsWritten(String shard, String message, @TempDir Path dir) {
        Run r = run("generate", "--spec", "percolation-L32-smoke-v1", "--shard", shard, "--out", dir.toString());
        assertEquals(ScaleFreeCli.EXIT_USAGE, r.code(), r.out() + r.err());
        assertTrue(
                r.err().contains("error: --shard: shard '" + shard + "'")
                        && r.err().contains(message)
                        && r.err().contains("0 ≤ k < N"),
                r.err());
        assertEquals(0, dir.toFile().list().length, "nothing may be written");
    }

    @Test
    void mergeNamesAMissingShardAndRefusesABadCount(@TempDir Path dir) {
        String id = "percolation-L32-smoke-v1";
        assertEquals(
                0,
                run("generate", "--spec", id, "--shard", "1/2", "--out", dir.toString())
                        .code());
        Run m = run("merge", "--spec", id, "--shards", "2", "--out", dir.toString());
        assertEquals(ScaleFreeCli.EXIT_FAILURE, m.code());
        assertTrue(
                m.err()
                                .contains("shard 0/2: "
                                        + dir.resolve(id).resolve("shards").resolve("0-of-2") + " is missing")
                        && m.err().contains("generate --spec " + id + " --shard 0/2"),
                m.err());
        assertFalse(Files.exists(dir.resolve(id).resolve(Manifest.FILE_NAME)));
        Run zero = run("merge", "--spec", id, "--shards", "0", "--out", dir.toString());
        assertEquals(ScaleFreeCli.EXIT_USAGE, zero.code());
        assertTrue(zero.err().contains("--shards 0 is outside the allowed range [1, 2147483647]"), zero.err());
    }

    @Test
    void verifyOfAMissingDatasetFails(@TempDir Path dir) {
        Run r = run("verify", "--spec", "percolation-L32-smoke-v1", "--dir", dir.toString());
        assertEquals(ScaleFreeCli.EXIT_FAILURE, r.code());
        assertTrue(r.err().contains("manifest.json") && r.err().contains("missing"), r.err());
    }

    @Test
    void verifyOfAFolderWithoutManifestSaysSoInPlainWords(@TempDir Path dir) throws IOException {
        Path set = Files.createDirectories(dir.resolve("percolation-L32-smoke-v1"));
        Run r = run("verify", "--spec", "percolation-L32-smoke-v1", "--dir", dir.toString());
        assertEquals(ScaleFreeCli.EXIT_FAILURE, r.code());
        assertTrue(
                r.err()
                        .contains(set + ": no manifest.json here (missing), so this folder is not a complete generated"
                                + " dataset; generate it with: scalefree generate --spec percolation-L32-smoke-v1 --out "
                                + dir),
                r.err());
        assertTrue(!r.err().contains("expected SHA-256"), r.err());
    }

    @Test
    void helpOfEverySubcommandPrintsItsUsageWithDefaults() {
        for (String name : new CommandLine(ScaleFreeCli.class).getSubcommands().keySet()) {
            Run r = run(name, "--help");
            assertEquals(0, r.code(), name + ": " + r.err());
            assertTrue(r.out().startsWith("Usage: scalefree " + name), name + ": " + r.out());
            assertTrue(r.out().contains("-h, --help"), name + ": " + r.out());
            assertFalse(r.out().contains("(default: test)"), "the default is shown once: " + r.out());
        }
        Run generate = run("generate", "--help");
        assertTrue(generate.out().contains("Default: test"), generate.out());
    }

    /** A command that fails as a write into a folder without permission does. */
    @CommandLine.Command(name = "denied")
    static final class Denied implements Callable<Integer> {
        @Override
        public Integer call() throws IOException {
            throw new java.io.UncheckedIOException(new AccessDeniedException("/read-only/rows/x.json.part"));
        }
    }

    @Test
    void aRefusedWriteSaysPermissionDeniedAndThePath() {
        StringWriter err = new StringWriter();
        int code = ScaleFreeCli.execute(
                Denied.class, new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
        assertEquals(ScaleFreeCli.EXIT_FAILURE, code);
        assertTrue(err.toString().startsWith("error: permission denied: /read-only/rows/x.json.part;"), err.toString());
    }

    @Test
    void generateIntoAReadOnlyFolderSaysPermissionDenied(@TempDir Path dir) throws IOException {
        Path locked = Files.createDirectory(dir.resolve("locked"));
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            Assumptions.assumeFalse(Files.isWritable(locked), "this user (root?) may write into a read-only folder");
            Run r = run("generate", "--spec", "percolation-L32-smoke-v1", "--out", locked.toString(), "--threads", "1");
            assertEquals(ScaleFreeCli.EXIT_FAILURE, r.code());
            assertTrue(r.err().contains("permission denied: " + locked), r.err());
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void generateSmokeSpecThenVerify(@TempDir Path dir) {
        Run g = run("generate", "--spec", "percolation-L32-smoke-v1", "--out", dir.toString(), "--threads", "2");
        assertEquals(0, g.code(), g.err());
        assertTrue(g.out().contains("matches the spec's pinned SHA-256"), g.out());
        Run v = run("verify", "--spec", "percolation-L32-smoke-v1", "--dir", dir.toString());
        assertEquals(0, v.code(), v.err());
    }

    @Test
    void benchLabelPrintsThroughput(@TempDir Path dir) throws IOException {
        Path maps = dir.resolve("maps.npy");
        Run r = run("bench-label", "--size", "16", "--samples", "20", "--rounds", "1", "--save-maps", maps.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("Msites/s"), r.out());
        assertEquals(20 * 16 * 16, Npy.readUint8(maps, 20, 16, 16).length);
        Run bad = run("bench-label", "--size", "16", "--samples", "0");
        assertEquals(ScaleFreeCli.EXIT_USAGE, bad.code());
        assertTrue(bad.err().contains("--samples 0 is outside the allowed range"), bad.err());
    }

    @Test
    void benchFkPrintsTheLabellerAndALinePerQAndSize() {
        Run r = run("bench-fk", "--size", "8,6", "--q", "1,2.5", "--sweeps", "20", "--rounds", "1");
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals(8, lines.size(), r.out());
        assertTrue(lines.get(1).startsWith("L=8 percolation labeller at p_c: labels "), lines.get(1));
        assertTrue(lines.get(2).startsWith("L=8 Q=1.0: sweep "), lines.get(2));
        assertTrue(lines.get(3).startsWith("L=8 Q=2.5: sweep "), lines.get(3));
        assertTrue(lines.get(6).startsWith("L=6 Q=2.5: sweep "), lines.get(6));
        assertTrue(lines.get(6).contains("sweeps/s; sweep + measure + mask "), lines.get(6));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "--sweeps|0|--sweeps 0 is outside the allowed range [1, 1000000000]",
                "--rounds|0|--rounds 0 is outside the allowed range [1, 1000]",
                "--size|2|--size 2 is outside the allowed range [3, 32768]",
                "--size|64,40000|--size 40000 is outside the allowed range [3, 32768]",
                "--q|0.5|--q 0.5 is not a finite number >= 1",
                "--q|2,Infinity|--q Infinity is not a finite number >= 1",
                "--q|NaN|--q NaN is not a finite number >= 1"
            })
    void benchFkRefusesOutOfRangeArgumentsNamingThemBeforeAnyWork(String option, String value, String message) {
        Run r = run("bench-fk", option, value);
        assertEquals(ScaleFreeCli.EXIT_USAGE, r.code(), r.out());
        assertTrue(r.err().contains("error: " + message), r.err());
        assertEquals("", r.out());
    }
}
