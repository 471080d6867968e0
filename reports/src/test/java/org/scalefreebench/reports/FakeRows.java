package org.scalefreebench.reports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.scalefreebench.bench.result.ResultRow;
import org.scalefreebench.bench.result.Stat;

/** Result rows as the harness writes them, with chosen scores, for the leaderboard tests. */
final class FakeRows {

    static final Map<String, String> HARDWARE = Map.of("cpu", "Test CPU @ 2.0GHz", "cores", "2");
    static final Map<String, String> VERSIONS = Map.of("scalefree-bench", "0.1.0-SNAPSHOT", "nd4j", "1.0.0-M2.1");

    private FakeRows() {}

    /**
     * @param tier     tier id
     * @param task     task id
     * @param model    model id
     * @param testSpec test spec
     * @param size     L
     * @param ranked   whether the model is ranked
     * @param metrics  metric id → the per-seed values (two seeds)
     * @return an ok row
     */
    static ResultRow ok(
            String tier,
            String task,
            String model,
            String testSpec,
            int size,
            boolean ranked,
            Map<String, List<Double>> metrics) {
        Map<String, Stat> m = new LinkedHashMap<>();
        metrics.forEach((k, v) -> m.put(k, Stat.of(v)));
        List<ResultRow.PerP> perP = new ArrayList<>();
        if (task.equals("spanning")) {
            for (double p : new double[] {0.55, 0.59274605, 0.65}) {
                double a = ranked ? 1 - 0.4 * Math.exp(-Math.pow((p - 0.5927) / 0.03, 2)) : 1.0;
                perP.add(new ResultRow.PerP(p, Stat.of(List.of(a - 0.01, a))));
            }
        }
        return new ResultRow(
                ResultRow.SCHEMA,
                task,
                1,
                "site-percolation",
                model,
                "description of " + model,
                ranked,
                tier,
                "percolation-L32-smoke-v1",
                testSpec,
                "test",
                "window",
                size,
                ResultRow.OK,
                null,
                List.of(1L, 2L),
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
     * @return a failed row
     */
    static ResultRow failed(String tier, String task, String model, String testSpec, String error) {
        return new ResultRow(
                ResultRow.SCHEMA,
                task,
                1,
                "site-percolation",
                model,
                "description of " + model,
                true,
                tier,
                "percolation-L32-smoke-v1",
                testSpec,
                "test",
                "window",
                32,
                ResultRow.FAILED,
                error,
                List.of(1L, 2L),
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

    /** @return two values whose mean is {@code mean} and whose sample std is {@code std} */
    static List<Double> around(double mean, double std) {
        double d = std / Math.sqrt(2);
        return List.of(mean - d, mean + d);
    }
}
