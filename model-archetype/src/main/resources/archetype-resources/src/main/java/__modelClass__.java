package ${package};

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

/**
 * A model for ScaleFree Bench: the training maps' mean target for every map (the share that span,
 * the mean largest-cluster fraction), a starting point that looks at no map. Replace {@link #fit}
 * and the returned {@code predict} with yours; keep every random draw derived from
 * {@link FitOptions#seed()}.
 */
public final class ${modelClass} implements BenchmarkModel {

    @Override
    public String id() {
        return "${modelId}";
    }

    @Override
    public String description() {
        return "the training maps' mean target for every map (archetype starting point)";
    }

    @Override
    public Set<Task> tasks() {
        return EnumSet.of(Task.SPANNING, Task.MAX_CLUSTER);
    }

    @Override
    public FittedModel fit(TrainingData data, FitOptions options) {
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
