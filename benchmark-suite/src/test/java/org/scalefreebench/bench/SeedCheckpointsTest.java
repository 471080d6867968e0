package org.scalefreebench.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalefreebench.datasets.model.BenchmarkModel;
import org.scalefreebench.datasets.model.FitOptions;
import org.scalefreebench.datasets.model.MapBatch;
import org.scalefreebench.datasets.model.TrainingData;
import org.scalefreebench.datasets.task.Task;
import org.scalefreebench.datasets.task.Tier;

/**
 * A run stopped after some seeds goes on from its checkpoints: the finished seeds are taken back
 * with every score and prediction as they were, only the others are fitted; a checkpoint of other
 * code, a corrupt one, or a seed with a failed task is never taken back.
 */
class SeedCheckpointsTest {

    private static TierData smoke;

    @BeforeAll
    static void loadSmokeData() {
        smoke = SmokeTier.data();
    }

    /** Predicts a seed-dependent share of each map's occupied fraction; counts its fits. */
    private record Counting(List<Long> fitted, boolean nanForSeedTwo) implements BenchmarkModel {

        @Override
        public String id() {
            return "counting";
        }

        @Override
        public String description() {
            return "test model that counts its fits";
        }

        @Override
        public Set<Task> tasks() {
            return EnumSet.of(Task.SPANNING, Task.MAX_CLUSTER_MASK);
        }

        @Override
        public FittedModel fit(TrainingData data, FitOptions options) {
            fitted.add(options.seed());
            float scale = 0.5f + 0.1f * options.seed();
            return new FittedModel() {
                @Override
                public long parameterCount() {
                    return 1;
                }

                @Override
                public long trainedSamples() {
                    return 1;
                }

                @Override
                public float[] predict(Task task, MapBatch maps) {
                    int sites = maps.size() * maps.size();
                    float[] p = new float[task == Task.SPANNING ? maps.count() : maps.count() * sites];
                    for (int i = 0; i < p.length; i++) {
                        p[i] = task == Task.SPANNING
                                ? Math.min(1f, scale * occupied(maps, i) / sites)
                                : maps.sites()[i] * scale / 1.1f;
                    }
                    if (nanForSeedTwo && options.seed() == 2 && task == Task.SPANNING) {
                        p[0] = Float.NaN;
                    }
                    return p;
                }
            };
        }

        private static int occupied(MapBatch maps, int map) {
            int n = 0;
            int sites = maps.size() * maps.size();
            for (int s = map * sites; s < (map + 1) * sites; s++) {
                n += maps.sites()[s];
            }
            return n;
        }
    }

    private static BenchmarkSettings settings(List<Long> seeds) {
        BenchmarkSettings d = SmokeTier.DEFAULTS;
        return new BenchmarkSettings(
                Tier.SMOKE, seeds, "", EnumSet.allOf(Task.class), Duration.ofMinutes(5), d.dataDir(), d.resultsDir());
    }

    private static ModelRun run(BenchmarkModel model, List<Long> seeds, SeedCheckpoints checkpoints) {
        return new Benchmark(settings(seeds), smoke, line -> {}, checkpoints).run(model);
    }

    @Test
    void aResumedRunFitsOnlyTheSeedsItHadNotFinishedAndKeepsTheirScoresAsTheyWere(@TempDir Path dir) {
        List<String> log = new CopyOnWriteArrayList<>();
        SeedCheckpoints checkpoints = new SeedCheckpoints(dir, smoke, "abc", log::add);
        List<Long> fits = new CopyOnWriteArrayList<>();
        ModelRun stopped = run(new Counting(fits, false), List.of(1L, 2L), checkpoints);
        assertEquals(List.of(1L, 2L), fits);
        assertTrue(Files.isRegularFile(checkpoints.fileOf("counting", 1)));
        assertTrue(Files.isRegularFile(checkpoints.fileOf("counting", 2)));

        List<Long> refits = new CopyOnWriteArrayList<>();
        ModelRun resumed = run(new Counting(refits, false), List.of(1L, 2L, 3L), checkpoints);
        assertEquals(List.of(3L), refits, "only the seed without a checkpoint is fitted");
        assertEquals(List.of(), log, "every checkpoint was taken back: " + log);
        assertEquals(Map.of(), resumed.failures());
        for (int k = 0; k < 2; k++) {
            ModelRun.SeedRun was = stopped.seeds().get(k);
            ModelRun.SeedRun back = resumed.seeds().get(k);
            assertEquals(was.seed(), back.seed());
            assertEquals(was.evaluations(), back.evaluations(), "seed " + was.seed() + "'s scores, bit for bit");
            assertEquals(was.trainSeconds(), back.trainSeconds());
            assertEquals(was.loss(), back.loss());
            assertEquals(was.resources(), back.resources());
            assertEquals(was.predictions().keySet(), back.predictions().keySet());
            for (String set : was.predictions().keySet()) {
                assertEquals(
                        was.predictions().get(set).keySet(),
                        back.predictions().get(set).keySet());
                for (Task t : was.predictions().get(set).keySet()) {
                    assertArrayEquals(
                            was.predictions().get(set).get(t),
                            back.predictions().get(set).get(t),
                            set + " " + t.id());
                }
            }
        }
        assertTrue(
                stopped.seeds().get(0).predictions().values().stream()
                        .anyMatch(p -> p.containsKey(Task.MAX_CLUSTER_MASK)),
                "the first seed's kept masks travel through the checkpoint");
        assertEquals(
                ResultRows.of(
                                run(new Counting(new ArrayList<>(), false), List.of(1L, 2L, 3L), null),
                                smoke,
                                Map.of(),
                                Map.of())
                        .stream()
                        .map(r -> r.metrics())
                        .toList(),
                ResultRows.of(resumed, smoke, Map.of(), Map.of()).stream()
                        .map(r -> r.metrics())
                        .toList(),
                "the resumed run's rows are those of an uninterrupted run");
    }

    @Test
    void aCheckpointOfAnotherRevisionOrACorruptOneIsNotTakenAndTheLogSaysWhy(@TempDir Path dir) throws IOException {
        run(new Counting(new ArrayList<>(), false), List.of(1L, 2L), new SeedCheckpoints(dir, smoke, "abc", l -> {}));
        List<String> log = new CopyOnWriteArrayList<>();
        SeedCheckpoints later = new SeedCheckpoints(dir, smoke, "def", log::add);
        Path second = later.fileOf("counting", 2);
        String text = Files.readString(second);
        Files.writeString(second, text.substring(0, text.length() / 2));
        List<Long> fits = new CopyOnWriteArrayList<>();
        run(new Counting(fits, false), List.of(1L, 2L), later);
        assertEquals(List.of(1L, 2L), fits, "neither checkpoint may be taken");
        assertEquals(2, log.size(), log.toString());
        assertTrue(
                log.get(0).contains(later.fileOf("counting", 1).toString())
                        && log.get(0).contains("suite revision is abc, this run's is def"),
                log.get(0));
        assertTrue(log.get(1).contains(second.toString()) && log.get(1).contains("not a seed checkpoint"), log.get(1));
        assertTrue(Files.readString(second).endsWith("}"), "the corrupt checkpoint was replaced by a whole one");
    }

    @Test
    void aSeedWithAFailedTaskIsNotKept(@TempDir Path dir) {
        SeedCheckpoints checkpoints = new SeedCheckpoints(dir, smoke, "abc", l -> {});
        ModelRun r = run(new Counting(new ArrayList<>(), true), List.of(1L, 2L, 3L), checkpoints);
        assertTrue(r.failures().containsKey(Task.SPANNING), r.failures().toString());
        assertTrue(Files.isRegularFile(checkpoints.fileOf("counting", 1)));
        assertFalse(Files.exists(checkpoints.fileOf("counting", 2)), "seed 2 failed spanning: no checkpoint");
        assertTrue(Files.isRegularFile(checkpoints.fileOf("counting", 3)), "seed 3 failed nothing new");
    }
}
