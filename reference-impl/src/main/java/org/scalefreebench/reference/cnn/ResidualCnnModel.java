package org.scalefreebench.reference.cnn;

import java.time.Duration;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.IUpdater;
import org.scalefreebench.datasets.load.SplitData;
import org.scalefreebench.datasets.model.BenchmarkModel;
import org.scalefreebench.datasets.model.FitOptions;
import org.scalefreebench.datasets.model.MapBatch;
import org.scalefreebench.datasets.model.TrainingData;
import org.scalefreebench.datasets.task.Task;
import org.scalefreebench.datasets.task.Tier;
import org.scalefreebench.reference.nn.FittedNetwork;
import org.scalefreebench.reference.nn.GraphTrainer;

/**
 * The reference CNN ({@link ResidualCnn}) trained on both heads at once, spanning and
 * largest-cluster fraction, by one optimiser. Subclasses fix the optimiser only: same architecture,
 * same initialisation for the same seed. Those that {@link #fitsCriticalFk} also fit the critical-FK
 * tasks, on their own data, with one regression network of the same architecture per task.
 */
public abstract class ResidualCnnModel implements BenchmarkModel {

    /** Maps per optimiser step. */
    public static final int BATCH = 64;
    /** Passes over the training split in the default tier. */
    public static final double PASSES = 1;
    /** Weight of the largest-cluster squared error beside the spanning cross-entropy. */
    public static final double FRACTION_LOSS_WEIGHT = 10;

    /**
     * Wall-clock training time of the equal-time variants ({@code cnn-sgd-45s}, {@code cnn-adam-45s},
     * {@code cnn-anagram-45s}): about what one pass of SGD takes on the 2-core reference machine.
     */
    public static final Duration EQUAL_TIME = Duration.ofSeconds(45);
    /** Passes the equal-time variants stop at if the time limit has not come first. */
    public static final double EQUAL_TIME_MAX_PASSES = 3;

    /** Sites per inference batch: 64 maps at L = 64, 4 at L = 256. */
    private static final long PREDICT_SITES = 64L * 64 * 64;

    /** @return spanning and max-cluster, and the critical-FK tasks if {@link #fitsCriticalFk} */
    @Override
    public Set<Task> tasks() {
        Set<Task> tasks = EnumSet.of(Task.SPANNING, Task.MAX_CLUSTER);
        if (fitsCriticalFk()) {
            tasks.addAll(CriticalFkRegression.TASKS);
        }
        return tasks;
    }

    /**
     * @return whether this model also fits the critical-FK tasks (central-charge, fractal-dimension),
     *         one regression network per task ({@link CriticalFkRegression}); false unless a subclass says so
     */
    protected boolean fitsCriticalFk() {
        return false;
    }

    /** @return batch size and passes on the critical-FK training data (before the tier's pass scale) */
    protected GraphTrainer.Schedule criticalFkSchedule() {
        return schedule();
    }

    /**
     * @return every tier for the pass-bounded models (the study tier compares the trainers at equal
     *         passes too); smoke and study for the equal-time variants, which compare trainers at equal
     *         wall-clock time
     */
    @Override
    public Set<Tier> tiers() {
        return schedule().timeLimit() == null
                ? EnumSet.of(Tier.SMOKE, Tier.DEFAULT, Tier.STUDY, Tier.FULL)
                : EnumSet.of(Tier.SMOKE, Tier.STUDY);
    }

    /** @return a fresh instance of DL4J's updater (the optimiser, or unused if {@link #rule} replaces it) */
    protected abstract IUpdater updater();

    /** @return a fresh instance of the updater of the critical-FK regression networks; {@link #updater()} by default */
    protected IUpdater criticalFkUpdater() {
        return updater();
    }

    /** @return the optimiser, its settings, for the description */
    protected abstract String optimiser();

    /** @return batch size, passes and time limit */
    protected GraphTrainer.Schedule schedule() {
        return new GraphTrainer.Schedule(BATCH, PASSES);
    }

    /**
     * @param net the network to train
     * @return the optimiser step; DL4J's updater by default
     */
    protected GraphTrainer.StepRule rule(ComputationGraph net) {
        return GraphTrainer.UPDATER;
    }

    /**
     * @param batch maps per step
     * @return the schedule of the equal-time variants: {@link #EQUAL_TIME}, at most {@link #EQUAL_TIME_MAX_PASSES} passes
     */
    protected static GraphTrainer.Schedule equalTime(int batch) {
        return new GraphTrainer.Schedule(batch, EQUAL_TIME_MAX_PASSES, EQUAL_TIME);
    }

    @Override
    public String description() {
        GraphTrainer.Schedule s = schedule();
        return "residual CNN (global pooling, any L), same architecture and init as cnn-sgd, " + optimiser()
                + ", batch " + s.batchSize() + ", " + s.describe()
                + (fitsCriticalFk()
                        ? "; critical-FK: one regression network per task (two bond planes for central-charge, the"
                                + " largest-cluster mask for fractal-dimension), standardised target, batch "
                                + criticalFkSchedule().batchSize() + ", "
                                + criticalFkSchedule().describe()
                        : "");
    }

    /**
     * @param seed      initialisation seed
     * @param trainSize L of the training maps
     * @return the untrained network this model fits
     */
    public ComputationGraph network(long seed, int trainSize) {
        return ResidualCnn.build(ResidualCnn.Shape.REFERENCE, updater(), seed, trainSize, FRACTION_LOSS_WEIGHT);
    }

    /**
     * Fits the percolation network on site-percolation data, or one regression network per
     * critical-FK task on critical-FK data (the harness fits the two families separately).
     */
    @Override
    public FittedModel fit(TrainingData data, FitOptions options) throws Exception {
        if (!Collections.disjoint(data.tasks(), CriticalFkRegression.TASKS)) {
            if (!CriticalFkRegression.TASKS.containsAll(data.tasks())) {
                throw new IllegalArgumentException(
                        id() + " fits the critical-FK tasks apart from the others (they train" + " on other data), got "
                                + data.tasks());
            }
            if (!fitsCriticalFk()) {
                throw new IllegalArgumentException(id() + " does not fit the critical-FK tasks, got " + data.tasks());
            }
            return CriticalFkRegression.fit(this, data, criticalFkSchedule().in(options.tier()), options);
        }
        data.requireChannels(id(), 1);
        ComputationGraph net = network(options.seed(), data.train().size());
        GraphTrainer.Trained trained = GraphTrainer.train(
                net,
                data.train(),
                data.val(),
                ResidualCnnModel::labels,
                schedule().in(options.tier()),
                rule(net),
                options);
        return new Fitted(id(), net, trained);
    }

    /**
     * The label tensors of a batch: spanning [b, 1] and largest-cluster fraction [b, 1].
     *
     * @param data    a split
     * @param indices map indices
     * @param from    first entry of {@code indices}
     * @param count   batch size
     * @return the two label tensors, in the network's output order
     */
    public static INDArray[] labels(SplitData data, int[] indices, int from, int count) {
        float[] spanning = new float[count];
        float[] fraction = new float[count];
        double area = (double) data.size() * data.size();
        for (int b = 0; b < count; b++) {
            int i = indices[from + b];
            spanning[b] = data.spanning()[i];
            fraction[b] = (float) (data.maxCluster()[i] / area);
        }
        return new INDArray[] {Nd4j.create(spanning, count, 1), Nd4j.create(fraction, count, 1)};
    }

    /** A trained residual CNN; caches the last batch's two heads so both tasks cost one forward pass. */
    private static final class Fitted extends FittedNetwork {

        private MapBatch cachedFor;
        private float[][] cached;

        Fitted(String model, ComputationGraph net, GraphTrainer.Trained trained) {
            super(model, net, trained);
        }

        // The cache is for the very batch object the harness passes once per task: identity, not equals.
        @SuppressWarnings("ReferenceEquality")
        @Override
        public synchronized float[] predict(Task task, MapBatch maps) throws InterruptedException {
            requireOneChannel(maps);
            if (cachedFor != maps) {
                cached = heads(maps);
                cachedFor = maps;
            }
            return (task == Task.SPANNING ? cached[0] : cached[1]).clone();
        }

        private float[][] heads(MapBatch maps) throws InterruptedException {
            float[] spanning = new float[maps.count()];
            float[] fraction = new float[maps.count()];
            GraphTrainer.predict(net, maps, PREDICT_SITES, (from, b, out) -> {
                System.arraycopy(out[0].toFloatVector(), 0, spanning, from, b);
                System.arraycopy(out[1].toFloatVector(), 0, fraction, from, b);
            });
            return new float[][] {spanning, fraction};
        }
    }
}
