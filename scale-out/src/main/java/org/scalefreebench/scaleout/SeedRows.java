package org.scalefreebench.scaleout;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import org.scalefreebench.bench.result.ResultRow;
import org.scalefreebench.bench.result.Stat;

/**
 * Merges the rows of independent fits, one seed each, into the row the harness writes for a run
 * over all those seeds: one per (tier, task, model, test set), every score a {@link Stat} over the
 * seeds in seed order. A field that differs between the fits' rows (the host, when fits ran on
 * several machines) records each seed's value.
 */
public final class SeedRows {

    private SeedRows() {}

    /**
     * @param rows rows of single-seed fits (any order; several keys mixed)
     * @return one row per (tier, task, model, test set), in first-seen key order
     * @throws IllegalArgumentException if two rows of one key share a seed
     */
    public static List<ResultRow> merge(List<ResultRow> rows) {
        Map<String, List<ResultRow>> byKey = new LinkedHashMap<>();
        for (ResultRow r : rows) {
            byKey.computeIfAbsent(
                            r.tier() + "/" + r.task() + "/" + r.model() + "/" + r.testSpec(), k -> new ArrayList<>())
                    .add(r);
        }
        List<ResultRow> out = new ArrayList<>();
        byKey.values().forEach(group -> out.add(mergeGroup(group)));
        return out;
    }

    private static ResultRow mergeGroup(List<ResultRow> group) {
        List<ResultRow> rows = new ArrayList<>(group);
        rows.sort(Comparator.comparingLong(SeedRows::firstSeed));
        List<Long> seeds = new ArrayList<>();
        rows.forEach(r -> seeds.addAll(r.seeds()));
        if (seeds.stream().distinct().count() != seeds.size()) {
            throw new IllegalArgumentException("the fits of " + rows.get(0).model() + " on "
                    + rows.get(0).task() + " / " + rows.get(0).testSpec() + " repeat a seed: " + seeds);
        }
        ResultRow first = rows.get(0);
        String error = null;
        for (ResultRow r : rows) {
            if (!r.ok()) {
                error = r.error();
                break;
            }
        }
        if (error == null && rows.stream().anyMatch(r -> !r.datasetSha256().equals(first.datasetSha256()))) {
            error = "the fits read different data (dataset SHA-256 differ between seeds)";
        }
        boolean ok = error == null;
        Map<String, Stat> metrics = new LinkedHashMap<>();
        List<ResultRow.PerP> perP = new ArrayList<>();
        if (ok) {
            for (String metric : first.metrics().keySet()) {
                if (rows.stream().allMatch(r -> r.metrics().containsKey(metric))) {
                    metrics.put(metric, concat(rows, r -> r.metrics().get(metric)));
                }
            }
            SortedMap<Double, List<Double>> byP = new TreeMap<>();
            rows.forEach(r -> r.perP()
                    .forEach(pp -> byP.computeIfAbsent(pp.p(), k -> new ArrayList<>())
                            .addAll(pp.accuracy().values())));
            byP.forEach((p, values) -> perP.add(new ResultRow.PerP(p, Stat.of(values))));
        }
        List<String> notes = new ArrayList<>();
        rows.forEach(r -> notes.addAll(r.trainingNotes()));
        return new ResultRow(
                first.schema(),
                first.task(),
                first.taskVersion(),
                first.family(),
                first.model(),
                first.modelDescription(),
                first.ranked(),
                first.tier(),
                first.trainSpec(),
                first.testSpec(),
                first.testSplit(),
                first.testRole(),
                first.size(),
                ok ? ResultRow.OK : ResultRow.FAILED,
                error,
                seeds,
                metrics,
                perP,
                first.params(),
                concat(rows, ResultRow::trainSeconds),
                concat(rows, ResultRow::trainSamplesPerSecond),
                concat(rows, ResultRow::predictSamplesPerSecond),
                perSeed(rows, ResultRow::hardware),
                perSeed(rows, ResultRow::versions),
                first.datasetSha256(),
                rows.stream()
                        .map(ResultRow::finishedAt)
                        .max(Comparator.naturalOrder())
                        .orElseThrow(),
                notes,
                first.source());
    }

    private static long firstSeed(ResultRow r) {
        return r.seeds().isEmpty() ? Long.MAX_VALUE : r.seeds().get(0);
    }

    /** The stat over every row's values, or null if a row has none. */
    private static Stat concat(List<ResultRow> rows, Function<ResultRow, Stat> field) {
        List<Double> values = new ArrayList<>();
        for (ResultRow r : rows) {
            Stat s = field.apply(r);
            if (s == null) {
                return null;
            }
            values.addAll(s.values());
        }
        return values.isEmpty() ? null : Stat.of(values);
    }

    /** The rows' common map; a key whose value differs holds each seed's value, "seed 1: a; seed 2: b". */
    private static Map<String, String> perSeed(List<ResultRow> rows, Function<ResultRow, Map<String, String>> field) {
        Map<String, String> out = new LinkedHashMap<>();
        for (ResultRow r : rows) {
            field.apply(r).keySet().forEach(k -> out.putIfAbsent(k, null));
        }
        for (String key : List.copyOf(out.keySet())) {
            List<String> values =
                    rows.stream().map(r -> field.apply(r).get(key)).toList();
            if (values.stream().allMatch(v -> Objects.equals(v, values.get(0)))) {
                out.put(key, values.get(0));
            } else {
                List<String> each = new ArrayList<>();
                for (ResultRow r : rows) {
                    each.add("seed " + (r.seeds().isEmpty() ? "?" : r.seeds().get(0)) + ": "
                            + field.apply(r).get(key));
                }
                out.put(key, String.join("; ", each));
            }
        }
        return out;
    }
}
