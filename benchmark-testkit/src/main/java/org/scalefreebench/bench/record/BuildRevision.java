package org.scalefreebench.bench.record;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;
import org.scalefreebench.bench.result.ResultRow;
import org.scalefreebench.datasets.generate.AtomicFiles;

/**
 * The build step that records which commit of the suite the harness classes were built from:
 * {@code BuildRevision <module folder> <properties file>} writes {@value #KEY}{@code =<commit>}
 * (atomically) if a checkout holds the folder, and removes a stale file if none does. The harness
 * reads it with {@link #recorded()}.
 */
public final class BuildRevision {

    /** The key of the commit in the file. */
    public static final String KEY = "scalefree-bench-git-revision";

    /** Where the build writes the file, as a class-path resource. */
    public static final String RESOURCE = "/org/scalefreebench/bench/revision.properties";

    private BuildRevision() {}

    /**
     * @param args the module folder, then the file to write
     * @throws IOException if the file cannot be written
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException(
                    "usage: BuildRevision <module folder> <properties file>; got " + args.length + " arguments");
        }
        Path out = Path.of(args[1]);
        Optional<String> commit = GitRevision.of(Path.of(args[0]));
        if (commit.isPresent()) {
            Files.createDirectories(out.getParent());
            AtomicFiles.writeString(out, KEY + "=" + commit.get() + "\n");
        } else {
            Files.deleteIfExists(out);
        }
    }

    /**
     * @param row a result row
     * @return the suite commit the row records among its versions; empty if it records none
     */
    public static Optional<String> of(ResultRow row) {
        return Optional.ofNullable(row.versions()).map(v -> v.get(KEY));
    }

    /** @return the commit the build recorded; empty if it recorded none (built outside a checkout) */
    public static Optional<String> recorded() {
        Properties p = new Properties();
        try (InputStream in = BuildRevision.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return Optional.empty();
            }
            p.load(in);
        } catch (IOException e) {
            return Optional.empty();
        }
        String c = p.getProperty(KEY, "");
        return GitRevision.COMMIT.matcher(c).matches() ? Optional.of(c) : Optional.empty();
    }
}
