package org.scalefreebench.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.scalefreebench.bench.record.GitRevision;
import org.scalefreebench.reference.nn.Nd4jBackend;

/** The hardware and library versions a result row records. */
public final class RunEnvironment {

    private RunEnvironment() {}

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
    public static final String GIT_REVISION = "scalefree-bench-git-revision";

    /**
     * @return ScaleFree Bench, DL4J/ND4J (with the native classifier and backend), Commons RNG,
     *     Hipparchus, and the git commit of the checkout the run started in ({@value #GIT_REVISION};
     *     absent when the working folder is in no checkout, e.g. a jar run elsewhere)
     */
    public static Map<String, String> versions() {
        Map<String, String> v = libraryVersions();
        v.put("nd4j-backend", Nd4jBackend.describe());
        GitRevision.of(Path.of("")).ifPresent(r -> v.put(GIT_REVISION, r));
        return v;
    }

    /**
     * @return the library versions the build recorded (ScaleFree Bench, DL4J/ND4J and its native
     *         classifier, Commons RNG, Hipparchus), without starting ND4J to name its backend
     */
    public static Map<String, String> libraryVersions() {
        Properties p = new Properties();
        try (InputStream in =
                RunEnvironment.class.getResourceAsStream("/org/scalefreebench/bench/versions.properties")) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> v = new LinkedHashMap<>();
        p.stringPropertyNames().stream().sorted().forEach(k -> v.put(k, p.getProperty(k)));
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
