package org.scalefreebench.reference.fk;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.scalefreebench.datasets.model.BenchmarkModel;
import org.scalefreebench.datasets.model.FitOptions;
import org.scalefreebench.datasets.model.MapBatch;
import org.scalefreebench.datasets.model.TrainingData;
import org.scalefreebench.datasets.task.Task;
import org.scalefreebench.datasets.task.Tier;

/**
 * The constant prediction: the mean of the training targets, whatever the map. It looks at no map,
 * so a model that does not beat it has learnt nothing about Q. For {@code fractal-dimension} it is
 * hard to beat: d_f spans only 1.8667 … 1.8958 over Q ∈ [1, 4] and is the same at Q = 2 and Q = 4,
 * so its RMSE (about 0.01) is already small.
 */
public final class LabelMeanBaseline implements BenchmarkModel {

    @Override
    public String id() {
        return "label-mean-baseline";
    }

    @Override
    public String description() {
        return "the training targets' mean for every map (one number per task; sees no map)";
    }

    @Override
    public Set<Task> tasks() {
        return EnumSet.of(Task.CENTRAL_CHARGE, Task.FRACTAL_DIMENSION);
    }

    @Override
    public Set<Tier> tiers() {
        return EnumSet.allOf(Tier.class);
    }

    @Override
    public FittedModel fit(TrainingData data, FitOptions options) {
        data.requireFamily(id(), Task.CENTRAL_CHARGE.family());
        Map<Task, Float> mean = new EnumMap<>(Task.class);
        for (Task task : data.tasks()) {
            float[] target = task.target(data.train());
            double sum = 0;
            for (float t : target) {
                sum += t;
            }
            mean.put(task, (float) (sum / target.length));
        }
        return new FittedModel() {
            @Override
            public long parameterCount() {
                return mean.size();
            }

            @Override
            public float[] predict(Task task, MapBatch maps) {
                Float m = mean.get(task);
                if (m == null) {
                    throw new IllegalArgumentException(id() + " was not fitted for " + task.id());
                }
                float[] out = new float[maps.count()];
                Arrays.fill(out, m);
                return out;
            }
        };
    }
}
