package org.scalefreebench.reference.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
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
 * Every site-percolation model reads one plane per map and refuses two, and every critical-FK model
 * refuses site-percolation maps, before any training, naming itself.
 */
class EveryModelRefusesTwoChannelsTest {

    @Test
    void everyRegisteredModelRefusesTwoPlaneTrainingData() {
        SplitData twoPlanes = GeneratedSplit.twoPlanes(8, 3);
        FitOptions options = new FitOptions(1L, Duration.ofSeconds(30), TrainingListener.NONE);
        List<String> ids = new ArrayList<>();
        for (BenchmarkModel model : ServiceLoader.load(BenchmarkModel.class)) {
            ids.add(model.id());
            if (model.tasks().stream().allMatch(t -> "critical-fk".equals(t.family()))) {
                continue;
            }
            TrainingData data = new TrainingData(model.tasks(), twoPlanes, twoPlanes);
            IllegalArgumentException e =
                    assertThrows(IllegalArgumentException.class, () -> model.fit(data, options), model.id());
            assertEquals(
                    "model " + model.id() + " reads 1 channel(s) per map, got 2 (a family it was not built for)",
                    e.getMessage());
        }
        assertEquals(13, ids.size(), "the thirteen registered models: " + ids);
    }

    @Test
    void everyCriticalFkModelRefusesSitePercolationMapsNamingItself() {
        for (BenchmarkModel model : ServiceLoader.load(BenchmarkModel.class)) {
            if (!model.tasks().stream().allMatch(t -> "critical-fk".equals(t.family()))) {
                continue;
            }
            SplitData percolation = GeneratedSplit.of("train", 8, List.of("0.5"), 3, 1L);
            TrainingData data = new TrainingData(model.tasks(), percolation, percolation);
            FitOptions options = new FitOptions(1L, Duration.ofSeconds(30), TrainingListener.NONE);
            IllegalArgumentException e =
                    assertThrows(IllegalArgumentException.class, () -> model.fit(data, options), model.id());
            assertTrue(e.getMessage().contains("model " + model.id()), e.getMessage());
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
