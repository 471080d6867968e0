package org.scalefreebench.reference.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.scalefreebench.datasets.load.SplitData;
import org.scalefreebench.datasets.model.BenchmarkModel;
import org.scalefreebench.datasets.model.FitOptions;
import org.scalefreebench.datasets.model.MapBatch;
import org.scalefreebench.datasets.model.TrainingData;
import org.scalefreebench.datasets.model.TrainingListener;
import org.scalefreebench.datasets.task.Task;
import org.scalefreebench.reference.nn.FittedNetwork;

/**
 * Every reference model reads one plane per map for the site-percolation tasks and refuses two,
 * before any training, naming itself; the models that fit central-charge read the two bond planes
 * and refuse one.
 */
class EveryModelRefusesTwoChannelsTest {

    private static final FitOptions OPTIONS = new FitOptions(1L, Duration.ofSeconds(30), TrainingListener.NONE);

    @Test
    void everyRegisteredModelRefusesTwoPlaneDataForThePercolationTasks() {
        SplitData twoPlanes = GeneratedSplit.twoPlanes(8, 3);
        List<String> ids = new ArrayList<>();
        List<String> criticalFkOnly = new ArrayList<>();
        for (BenchmarkModel model : ServiceLoader.load(BenchmarkModel.class)) {
            Set<Task> percolation = EnumSet.noneOf(Task.class);
            model.tasks().stream()
                    .filter(t -> t.family().equals("site-percolation"))
                    .forEach(percolation::add);
            if (percolation.isEmpty()) {
                criticalFkOnly.add(model.id());
                continue;
            }
            ids.add(model.id());
            TrainingData data = new TrainingData(percolation, twoPlanes, twoPlanes);
            IllegalArgumentException e =
                    assertThrows(IllegalArgumentException.class, () -> model.fit(data, OPTIONS), model.id());
            assertEquals(
                    "model " + model.id() + " reads 1 channel(s) per map, got 2 (a family it was not built for)",
                    e.getMessage());
        }
        assertEquals(10, ids.size(), "the ten registered models of the percolation tasks: " + ids);
        assertEquals(
                List.of("fk-count-baseline", "box-count-baseline", "label-mean-baseline", "cnn-anagram-fk").stream()
                        .sorted()
                        .toList(),
                criticalFkOnly.stream().sorted().toList());
    }

    @Test
    void everyModelOfCentralChargeRefusesOnePlaneData() {
        SplitData onePlane = GeneratedSplit.of("train", 8, List.of("0.5"), 3, 1L);
        List<String> ids = new ArrayList<>();
        for (BenchmarkModel model : ServiceLoader.load(BenchmarkModel.class)) {
            if (!model.tasks().contains(Task.CENTRAL_CHARGE)) {
                continue;
            }
            ids.add(model.id());
            TrainingData data = new TrainingData(Set.of(Task.CENTRAL_CHARGE), onePlane, onePlane);
            IllegalArgumentException e =
                    assertThrows(IllegalArgumentException.class, () -> model.fit(data, OPTIONS), model.id());
            assertTrue(
                    e.getMessage()
                                    .equals("model " + model.id()
                                            + " reads 2 channel(s) per map, got 1 (a family it was not built for)")
                            || e.getMessage().startsWith("model " + model.id() + " reads critical-fk maps, got"),
                    e.getMessage());
        }
        assertEquals(
                List.of("cnn-anagram-fk", "cnn-sgd", "fk-count-baseline", "label-mean-baseline"),
                ids.stream().sorted().toList());
    }

    @Test
    void everyCriticalFkModelRefusesSitePercolationMapsNamingItself() {
        SplitData percolation = GeneratedSplit.of("train", 8, List.of("0.5"), 3, 1L);
        for (BenchmarkModel model : ServiceLoader.load(BenchmarkModel.class)) {
            Set<Task> fk = EnumSet.noneOf(Task.class);
            model.tasks().stream().filter(t -> t.family().equals("critical-fk")).forEach(fk::add);
            if (fk.isEmpty()) {
                continue;
            }
            TrainingData data = new TrainingData(fk, percolation, percolation);
            IllegalArgumentException e =
                    assertThrows(IllegalArgumentException.class, () -> model.fit(data, OPTIONS), model.id());
            assertTrue(e.getMessage().startsWith("model " + model.id()), e.getMessage());
        }
    }

    @Test
    void aFittedNetworkRefusesTwoPlaneMapsBeforeTouchingItsNetwork() throws Exception {
        FittedNetwork fitted = new FittedNetwork("cnn-test", null, null) {
            @Override
            public float[] predict(Task task, MapBatch maps) {
                requireOneChannel(maps);
                return new float[maps.count()];
            }
        };
        assertEquals(2, fitted.predict(Task.SPANNING, new MapBatch(2, 4, new byte[32])).length);
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> fitted.predict(Task.SPANNING, new MapBatch(2, 2, 4, new byte[64])));
        assertEquals(
                "model cnn-test reads 1 channel(s) per map, got 2 (a family it was not built for)", e.getMessage());
    }
}
