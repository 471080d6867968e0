package org.scalefreebench.reports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.scalefreebench.bench.result.ResultRow;
import org.scalefreebench.bench.result.Stat;
import org.scalefreebench.datasets.lattice.CriticalExponents;
import org.scalefreebench.datasets.task.Task;
import org.scalefreebench.datasets.task.Tier;

/** Result rows as the harness writes them, with chosen scores, for the leaderboard tests. */
final class FakeRows {

    static final Map<String, String> HARDWARE = Map.of("cpu", "Test CPU @ 2.0GHz", "cores", "2");
    static final Map<String, String> VERSIONS = Map.of("scalefree-bench", "0.1.0-SNAPSHOT", "nd4j", "1.0.0-M2.1");
    static final List<Long> SEEDS = List.of(1L, 2L);

    private FakeRows() {}

    /**
     * @param tier     tier id
     * @param task     task id
     * @param model    model id
     * @param testSpec test spec
     * @param size     L
     * @param ranked   whether the model is ranked
     * @param metrics  metric id → the per-seed values (two seeds)
     * @return an ok row on a p-window set, seeds 1 and 2
     */
    static ResultRow ok(
            String tier,
            String task,
            String model,
            String testSpec,
            int size,
            boolean ranked,
            Map<String, List<Double>> metrics) {
        return ok(tier, task, model, testSpec, "window", size, ranked, SEEDS, metrics);
    }

    /**
     * @param tier     tier id
     * @param task     task id
     * @param model    model id
     * @param testSpec test spec
     * @param role     {@code critical} (one p, p_c) or {@code window} (three p around p_c)
     * @param size     L
     * @param ranked   whether the model is ranked
     * @param seeds    the seeds
     * @param metrics  metric id → the per-seed values
     * @return an ok row of the task's current version
     */
    static ResultRow ok(
            String tier,
            String task,
            String model,
            String testSpec,
            String role,
            int size,
            boolean ranked,
            List<Long> seeds,
            Map<String, List<Double>> metrics) {
        Map<String, Stat> m = new LinkedHashMap<>();
        metrics.forEach((k, v) -> m.put(k, Stat.of(v)));
        List<ResultRow.PerP> perP = new ArrayList<>();
        if (task.equals("spanning")) {
            double[] ps = ResultRow.CRITICAL.equals(role)
                    ? new double[] {CriticalExponents.SITE_P_C}
                    : new double[] {0.55, 0.59274605, 0.65};
            for (double p : ps) {
                double a = ranked ? 1 - 0.4 * Math.exp(-Math.pow((p - 0.5927) / 0.03, 2)) : 1.0;
                perP.add(new ResultRow.PerP(p, Stat.of(List.of(a - 0.01, a))));
            }
        }
        return new ResultRow(
                ResultRow.SCHEMA,
                task,
                version(task),
                "site-percolation",
                model,
                "description of " + model,
                ranked,
                tier,
                trainSpec(tier),
                testSpec,
                "test",
                role,
                size,
                ResultRow.OK,
                null,
                seeds,
                m,
                perP,
                12_345L,
                Stat.of(List.of(10.0, 12.0)),
                Stat.of(List.of(1500.0, 1600.0)),
                Stat.of(List.of(20_000.0, 22_000.0)),
                HARDWARE,
                VERSIONS,
                Map.of(),
                "2026-11-23T10:00:00Z",
                List.of());
    }

    /**
     * @param tier     tier id
     * @param task     task id
     * @param model    model id
     * @param testSpec test spec
     * @param error    why it failed
     * @return a failed row on a p-window set at L = 32
     */
    static ResultRow failed(String tier, String task, String model, String testSpec, String error) {
        return failed(tier, task, model, testSpec, "window", 32, error);
    }

    /**
     * @param tier     tier id
     * @param task     task id
     * @param model    model id
     * @param testSpec test spec
     * @param role     {@code critical} or {@code window}
     * @param size     L
     * @param error    why it failed
     * @return a failed row of the task's current version
     */
    static ResultRow failed(
            String tier, String task, String model, String testSpec, String role, int size, String error) {
        return new ResultRow(
                ResultRow.SCHEMA,
                task,
                version(task),
                "site-percolation",
                model,
                "description of " + model,
                true,
                tier,
                trainSpec(tier),
                testSpec,
                "test",
                role,
                size,
                ResultRow.FAILED,
                error,
                SEEDS,
                Map.of(),
                List.of(),
                0L,
                null,
                null,
                null,
                HARDWARE,
                VERSIONS,
                Map.of(),
                "2026-11-23T11:00:00Z",
                List.of());
    }

    /**
     * @param r           a row
     * @param schema      the row schema to give it
     * @param taskVersion the task version to give it
     * @return the same row written with another schema or task version (an older run's row)
     */
    static ResultRow as(ResultRow r, int schema, int taskVersion) {
        return new ResultRow(
                schema,
                r.task(),
                taskVersion,
                r.family(),
                r.model(),
                r.modelDescription(),
                r.ranked(),
                r.tier(),
                r.trainSpec(),
                r.testSpec(),
                r.testSplit(),
                r.testRole(),
                r.size(),
                r.status(),
                r.error(),
                r.seeds(),
                r.metrics(),
                r.perP(),
                r.params(),
                r.trainSeconds(),
                r.trainSamplesPerSecond(),
                r.predictSamplesPerSecond(),
                r.hardware(),
                r.versions(),
                r.datasetSha256(),
                r.finishedAt(),
                r.trainingNotes());
    }

    /** @return two values whose mean is {@code mean} and whose sample std is {@code std} */
    static List<Double> around(double mean, double std) {
        double d = std / Math.sqrt(2);
        return List.of(mean - d, mean + d);
    }

    /** The current version of a task of the catalogue; 1 for an id the catalogue does not know. */
    private static int version(String task) {
        for (Task t : Task.values()) {
            if (t.id().equals(task)) {
                return t.version();
            }
        }
        return 1;
    }

    /** The spec a tier's plan trains on. */
    private static String trainSpec(String tier) {
        return Task.SPANNING.plan(Tier.byId(tier)).trainSpecs().get(0);
    }
}
