package org.scalefreebench.bench.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The build step writes the checkout's commit, and removes a stale file where there is no checkout. */
class BuildRevisionTest {

    private static final String A = "0123456789abcdef0123456789abcdef01234567";

    @Test
    void writesTheCommitOfTheCheckoutHoldingTheModule(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("repo/.git/refs/heads"));
        Files.writeString(dir.resolve("repo/.git/HEAD"), "ref: refs/heads/main\n");
        Files.writeString(dir.resolve("repo/.git/refs/heads/main"), A + "\n");
        Path module = Files.createDirectories(dir.resolve("repo/benchmark-testkit"));
        Path out = dir.resolve("classes/org/scalefreebench/bench/revision.properties");
        BuildRevision.main(new String[] {module.toString(), out.toString()});
        assertEquals(BuildRevision.KEY + "=" + A + "\n", Files.readString(out));
    }

    @Test
    void removesAStaleFileOutsideACheckout(@TempDir Path dir) throws IOException {
        Path module = Files.createDirectories(dir.resolve("no-checkout/benchmark-testkit"));
        Files.createDirectories(dir.resolve("no-checkout/.git"));
        Path out = dir.resolve("revision.properties");
        Files.writeString(out, BuildRevision.KEY + "=" + A + "\n");
        BuildRevision.main(new String[] {module.toString(), out.toString()});
        assertFalse(Files.exists(out), "a stale revision was kept");
    }

    @Test
    void namesItsUsageOnWrongArguments() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> BuildRevision.main(new String[] {"only-one"}));
        assertTrue(e.getMessage().contains("usage: BuildRevision"), e.getMessage());
    }
}
