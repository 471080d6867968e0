package org.scalefreebench.bench;

import java.io.IOException;
import java.io.UncheckedIOException;

/** The smoke tier's data for the unit tests, loaded (and generated if absent) once per JVM. */
final class SmokeTier {

    /** Settings from the system properties Maven passes (data and results folders). */
    static final BenchmarkSettings DEFAULTS = BenchmarkSettings.fromSystemProperties();

    private static TierData data;

    private SmokeTier() {}

    /** @return the smoke tier's checksum-verified data */
    static synchronized TierData data() {
        if (data == null) {
            try {
                data = TierData.load(org.scalefreebench.datasets.task.Tier.SMOKE, DEFAULTS.dataDir());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return data;
    }
}
