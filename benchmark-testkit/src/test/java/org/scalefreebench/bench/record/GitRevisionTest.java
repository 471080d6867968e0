package org.scalefreebench.bench.record;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HEAD resolved from a plain checkout, a worktree, packed refs and a detached HEAD, without git. */
class GitRevisionTest {

    private static final String A = "0123456789abcdef0123456789abcdef01234567";
    private static final String B = "89abcdef0123456789abcdef0123456789abcdef";

    private static Path write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }

    @Test
    void aLooseRefOfACheckoutIsFoundFromASubfolder(@TempDir Path dir) throws IOException {
        write(dir.resolve(".git/HEAD"), "ref: refs/heads/main\n");
        write(dir.resolve(".git/refs/heads/main"), A + "\n");
        Path sub = Files.createDirectories(dir.resolve("reports/target"));
        assertEquals(Optional.of(A), GitRevision.of(sub));
    }

    @Test
    void aWorktreeReadsItsHeadAndTheCommonRefs(@TempDir Path dir) throws IOException {
        Path main = dir.resolve("main");
        write(main.resolve(".git/worktrees/wt/HEAD"), "ref: refs/heads/records\n");
        write(main.resolve(".git/worktrees/wt/commondir"), "../..\n");
        write(main.resolve(".git/packed-refs"), "# pack-refs with: peeled\n" + B + " refs/heads/records\n");
        Path wt = dir.resolve("wt");
        write(wt.resolve(".git"), "gitdir: " + main.resolve(".git/worktrees/wt") + "\n");
        assertEquals(Optional.of(B), GitRevision.of(wt));
    }

    @Test
    void aDetachedHeadIsItsOwnCommitAndNoCheckoutIsEmpty(@TempDir Path dir) throws IOException {
        Path checkout = dir.resolve("c");
        write(checkout.resolve(".git/HEAD"), A + "\n");
        assertEquals(Optional.of(A), GitRevision.of(checkout));
        write(dir.resolve("d/.git/HEAD"), "ref: refs/heads/gone\n");
        assertEquals(Optional.empty(), GitRevision.of(dir.resolve("d")));
    }
}
