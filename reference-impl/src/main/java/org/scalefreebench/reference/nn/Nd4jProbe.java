package org.scalefreebench.reference.nn;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.scalefreebench.datasets.model.BackendProbe;

/**
 * ND4J's {@link BackendProbe}: the DL4J/ND4J versions and native classifier this build used, the
 * backend {@link Nd4jBackend#describe()} names, and JavaCPP's count of native bytes.
 */
public final class Nd4jProbe implements BackendProbe {

    private static final String VERSIONS = "/org/scalefreebench/reference/nn/nd4j-versions.properties";

    @Override
    public Map<String, String> libraryVersions() {
        Properties p = new Properties();
        try (InputStream in = Nd4jProbe.class.getResourceAsStream(VERSIONS)) {
            if (in == null) {
                throw new IllegalStateException(VERSIONS + " is missing from the reference-impl jar");
            }
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> v = new LinkedHashMap<>();
        p.stringPropertyNames().stream().sorted().forEach(k -> v.put(k, p.getProperty(k)));
        return v;
    }

    @Override
    public Map<String, String> backend() {
        return Map.of("nd4j-backend", Nd4jBackend.describe());
    }

    @Override
    public long offHeapBytes() {
        return Nd4jBackend.offHeapBytes();
    }
}
