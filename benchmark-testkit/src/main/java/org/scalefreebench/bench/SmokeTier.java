package org.scalefreebench.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.scalefreebench.datasets.task.Task;
import org.scalefreebench.datasets.task.Tier;

/** The smoke tier's data for the unit tests, loaded (and generated if absent) once per JVM. */
final class SmokeTier {

    /** Settings from the system properties Maven passes (data and results folders). */
    static final BenchmarkSettings DEFAULTS = BenchmarkSettings.fromSystemProperties();

    private static List<TierData> groups;

    private SmokeTier() {}

    /** @return the smoke tier's checksum-verified data of the site-percolation tasks */
    static TierData data() {
        return all().stream()
                .filter(g -> g.tasks().contains(Task.SPANNING))
                .findFirst()
                .orElseThrow();
    }

    /**
     * @return the smoke tier's checksum-verified data of every predictive task (every task but
     *         generation), one group per distinct training data (site percolation, critical FK)
     */
    static synchronized List<TierData> all() {
        if (groups == null) {
            Set<Task> predicted = EnumSet.noneOf(Task.class);
            for (Task t : Task.values()) {
                if (t.kind() != Task.Kind.GENERATION) {
                    predicted.add(t);
                }
            }
            try {
                groups = TierData.loadAll(Tier.SMOKE, predicted, DEFAULTS.dataDir());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return groups;
    }
}
