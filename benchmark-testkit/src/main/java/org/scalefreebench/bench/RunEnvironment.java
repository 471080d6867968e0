package org.scalefreebench.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.TreeMap;
import org.scalefreebench.bench.record.BuildRevision;
import org.scalefreebench.bench.record.GitRevision;
import org.scalefreebench.datasets.model.BackendProbe;

/**
 * The hardware and library versions a result row records. A model framework's own versions and
 * backend (DL4J/ND4J for the reference models) come from the {@link BackendProbe}s on the class path;
 * without one (a model project with no native framework) rows record the suite's versions only.
 */
public final class RunEnvironment {

    private RunEnvironment() {}

    /** The probes on the class path, found once. */
    private static final class Probes {
        static final List<BackendProbe> ALL = ServiceLoader.load(BackendProbe.class).stream()
                .map(ServiceLoader.Provider::get)
                .toList();
    }

    /** @return the backend probes on the class path (none outside this repository's reference models) */
    static List<BackendProbe> probes() {
        return Probes.ALL;
    }

    /** @return CPU model, cores, JVM heap limit, OS and JVM */
    public static Map<String, String> hardware() {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("cpu", cpuModel());
        h.put("cores", Integer.toString(Runtime.getRuntime().availableProcessors()));
        h.put("max-heap-mib", Long.toString(Runtime.getRuntime().maxMemory() >> 20));
        h.put(
                "os",
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                        + System.getProperty("os.arch"));
        h.put("jvm", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        return h;
    }

    /** Key of the suite's git commit in {@link #versions()}. */
    public static final String GIT_REVISION = BuildRevision.KEY;

    /**
     * @return ScaleFree Bench, Commons RNG, Hipparchus, each backend probe's libraries and running
     *     backend (DL4J/ND4J with the native classifier for the reference models), and the suite's
     *     git commit ({@value #GIT_REVISION}, see {@link #suiteRevision()}; absent if unknown)
     */
    public static Map<String, String> versions() {
        Map<String, String> v = libraryVersions();
        probes().forEach(p -> v.putAll(p.backend()));
        suiteRevision().ifPresent(r -> v.put(GIT_REVISION, r));
        return v;
    }

    /**
     * @return the library versions the build recorded (ScaleFree Bench, Commons RNG, Hipparchus, and
     *         each backend probe's, e.g. DL4J/ND4J and its native classifier), in name order, without
     *         starting a backend
     */
    public static Map<String, String> libraryVersions() {
        Map<String, String> v = new TreeMap<>(built());
        probes().forEach(p -> v.putAll(p.libraryVersions()));
        return new LinkedHashMap<>(v);
    }

    /**
     * @return the git commit this suite's harness was built from (recorded by the build, so that a
     *     model project outside this repository records the suite's commit, not its own); if the
     *     build recorded none (built outside a checkout), the commit of the checkout the run started
     *     in; empty if neither is known
     */
    public static Optional<String> suiteRevision() {
        return BuildRevision.recorded().or(() -> GitRevision.of(Path.of("")));
    }

    /** @return versions.properties as the build wrote it */
    private static Map<String, String> built() {
        Properties p = new Properties();
        try (InputStream in =
                RunEnvironment.class.getResourceAsStream("/org/scalefreebench/bench/versions.properties")) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> v = new LinkedHashMap<>();
        p.stringPropertyNames().forEach(k -> v.put(k, p.getProperty(k)));
        return v;
    }

    private static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: fall through to the architecture
        }
        return System.getProperty("os.arch");
    }
}
