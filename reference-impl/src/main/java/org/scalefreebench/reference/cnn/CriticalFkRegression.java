package org.scalefreebench.reference.cnn;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.hipparchus.stat.descriptive.StreamingStatistics;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.scalefreebench.datasets.load.SplitData;
import org.scalefreebench.datasets.model.BenchmarkModel;
import org.scalefreebench.datasets.model.FitOptions;
import org.scalefreebench.datasets.model.MapBatch;
import org.scalefreebench.datasets.model.TrainingData;
import org.scalefreebench.datasets.task.Task;
import org.scalefreebench.reference.nn.FittedNetwork;
import org.scalefreebench.reference.nn.GraphTrainer;
import org.scalefreebench.reference.nn.MapTensors;

/**
 * The reference CNN on the critical-FK tasks: one {@link ResidualCnn#regression} network per task,
 * each reading the task's own input ({@link Task#input}: the two bond planes for central-charge, the
 * largest-cluster mask for fractal-dimension) and trained by the model's optimiser on the task's
 * target standardised with the training split's mean and standard deviation (d_f spans only
 * 1.867–1.896); predictions undo the standardisation.
 */
final class CriticalFkRegression {

    /** The critical-FK tasks the reference CNN fits. */
    static final Set<Task> TASKS = Collections.unmodifiableSet(EnumSet.of(Task.CENTRAL_CHARGE, Task.FRACTAL_DIMENSION));

    /** Sites per inference batch, over all planes: 64 one-plane maps at L = 64. */
    private static final long PREDICT_SITES = 64L * 64 * 64;

    private CriticalFkRegression() {}

    /**
     * @param task a critical-FK task
     * @return the planes per map of its input: two bond planes for central-charge, one mask for fractal-dimension
     */
    static int channels(Task task) {
        return switch (task) {
            case CENTRAL_CHARGE -> 2;
            case FRACTAL_DIMENSION -> 1;
            default -> throw new IllegalArgumentException("not a critical-FK task of the reference CNN: " + task.id());
        };
    }

    /**
     * Fits one network per critical-FK task of {@code data}, in task order.
     *
     * @param model    the model (its id, optimiser and step rule)
     * @param data     critical-FK training data; its tasks are all critical-FK tasks
     * @param schedule batch size, passes and time limit, already scaled to the tier
     * @param options  seed, budget and loss listener
     * @return the fitted networks, predicting the tasks of {@code data}
     * @throws InterruptedException     if the harness interrupts the fit
     * @throws IllegalArgumentException naming the model if a task's input has the wrong channel count
     */
    static BenchmarkModel.FittedModel fit(
            ResidualCnnModel model, TrainingData data, GraphTrainer.Schedule schedule, FitOptions options)
            throws InterruptedException {
        SplitData train = data.train();
        Map<Task, Network> nets = new EnumMap<>(Task.class);
        for (Task task : EnumSet.copyOf(data.tasks())) {
            int channels = channels(task);
            MapBatch.requireChannels(model.id(), channels, task.input(train).channels());
            StreamingStatistics stats = new StreamingStatistics();
            for (float t : task.target(train)) {
                stats.addValue(t);
            }
            double mean = stats.getMean();
            double sd = stats.getStandardDeviation() > 0 ? stats.getStandardDeviation() : 1;
            ComputationGraph net = ResidualCnn.regression(
                    ResidualCnn.Shape.REFERENCE, model.criticalFkUpdater(), options.seed(), train.size(), channels);
            GraphTrainer.Labels labels = (split, indices, from, count) -> {
                float[] target = task.target(split);
                for (int i = 0; i < target.length; i++) {
                    target[i] = (float) ((target[i] - mean) / sd);
                }
                return new INDArray[] {MapTensors.values(target, 1, indices, from, count, count, 1)};
            };
            GraphTrainer.Trained trained =
                    GraphTrainer.train(net, train, data.val(), task::input, labels, schedule, model.rule(net), options);
            nets.put(task, new Network(model.id(), net, trained, channels, mean, sd));
        }
        return new Fitted(nets);
    }

    /** One task's trained network and the standardisation it undoes. */
    private static final class Network extends FittedNetwork {

        private final int channels;
        private final double mean;
        private final double sd;

        Network(
                String model,
                ComputationGraph net,
                GraphTrainer.Trained trained,
                int channels,
                double mean,
                double sd) {
            super(model, net, trained);
            this.channels = channels;
            this.mean = mean;
            this.sd = sd;
        }

        @Override
        public synchronized float[] predict(Task task, MapBatch maps) throws InterruptedException {
            requireChannels(maps, channels);
            float[] out = new float[maps.count()];
            GraphTrainer.predict(net, maps, PREDICT_SITES / channels, (from, b, o) -> {
                float[] z = o[0].toFloatVector();
                for (int i = 0; i < b; i++) {
                    out[from + i] = (float) (mean + sd * z[i]);
                }
            });
            return out;
        }
    }

    /** The networks of the fitted tasks: parameters and samples summed, notes joined. */
    private record Fitted(Map<Task, Network> nets) implements BenchmarkModel.FittedModel {

        @Override
        public float[] predict(Task task, MapBatch maps) throws InterruptedException {
            Network n = nets.get(task);
            if (n == null) {
                throw new IllegalArgumentException(
                        "this fit has networks for " + nets.keySet() + " only, not " + task.id());
            }
            return n.predict(task, maps);
        }

        @Override
        public long parameterCount() {
            return nets.values().stream().mapToLong(Network::parameterCount).sum();
        }

        @Override
        public long trainedSamples() {
            return nets.values().stream().mapToLong(Network::trainedSamples).sum();
        }

        @Override
        public String trainingNote() {
            List<String> notes = new ArrayList<>();
            nets.forEach((task, n) -> {
                if (n.trainingNote() != null) {
                    notes.add(task.id() + ": " + n.trainingNote());
                }
            });
            return notes.isEmpty() ? null : String.join("; ", notes);
        }
    }
}
