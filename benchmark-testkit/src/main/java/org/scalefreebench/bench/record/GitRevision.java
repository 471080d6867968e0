package org.scalefreebench.bench.record;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The commit a git checkout (or worktree) is at, read from {@code .git/HEAD} and its ref without
 * running git: a loose ref, then {@code packed-refs}, in the worktree's own git folder and in the
 * repository's common folder.
 */
public final class GitRevision {

    /** A full commit id: 40 lower-case hex digits. */
    public static final Pattern COMMIT = Pattern.compile("[0-9a-f]{40}");

    private GitRevision() {}

    /**
     * @param start a folder inside the checkout (its root or below)
     * @return the commit of HEAD; empty if no checkout holds the folder or HEAD cannot be resolved
     */
    public static Optional<String> of(Path start) {
        for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            Path dotGit = dir.resolve(".git");
            if (Files.exists(dotGit)) {
                try {
                    return resolve(gitDir(dotGit));
                } catch (IOException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    /** The git folder: {@code .git} itself, or where a worktree's {@code .git} file points. */
    private static Path gitDir(Path dotGit) throws IOException {
        if (Files.isDirectory(dotGit)) {
            return dotGit;
        }
        String line = Files.readString(dotGit, StandardCharsets.UTF_8).strip();
        if (!line.startsWith("gitdir:")) {
            throw new IOException(dotGit + ": not a gitdir line");
        }
        return dotGit.getParent()
                .resolve(line.substring("gitdir:".length()).strip())
                .normalize();
    }

    private static Optional<String> resolve(Path gitDir) throws IOException {
        String head =
                Files.readString(gitDir.resolve("HEAD"), StandardCharsets.UTF_8).strip();
        if (!head.startsWith("ref:")) {
            return COMMIT.matcher(head).matches() ? Optional.of(head) : Optional.empty();
        }
        String ref = head.substring("ref:".length()).strip();
        Path common = gitDir;
        Path commonDir = gitDir.resolve("commondir");
        if (Files.isRegularFile(commonDir)) {
            common = gitDir.resolve(
                            Files.readString(commonDir, StandardCharsets.UTF_8).strip())
                    .normalize();
        }
        for (Path dir : new Path[] {gitDir, common}) {
            Path loose = dir.resolve(ref);
            if (Files.isRegularFile(loose)) {
                String id = Files.readString(loose, StandardCharsets.UTF_8).strip();
                return COMMIT.matcher(id).matches() ? Optional.of(id) : Optional.empty();
            }
        }
        Path packed = common.resolve("packed-refs");
        if (Files.isRegularFile(packed)) {
            for (String line : Files.readAllLines(packed, StandardCharsets.UTF_8)) {
                String[] parts = line.strip().split(" ");
                if (parts.length == 2
                        && parts[1].equals(ref)
                        && COMMIT.matcher(parts[0]).matches()) {
                    return Optional.of(parts[0]);
                }
            }
        }
        return Optional.empty();
    }
}
