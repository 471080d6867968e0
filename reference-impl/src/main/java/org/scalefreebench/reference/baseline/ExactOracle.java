package org.scalefreebench.reference.baseline;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.scalefreebench.datasets.family.Families;
import org.scalefreebench.datasets.lattice.ClusterLabeller;
import org.scalefreebench.datasets.lattice.ClusterLabels;
import org.scalefreebench.datasets.model.BenchmarkModel;
import org.scalefreebench.datasets.model.FitOptions;
import org.scalefreebench.datasets.model.MapBatch;
import org.scalefreebench.datasets.model.TrainingData;
import org.scalefreebench.datasets.task.Task;
import org.scalefreebench.datasets.task.Tier;

/**
 * The exact oracle: the benchmark's own cluster labeller run on every map it is asked about. It
 * learns nothing and is always right, so it is the upper bound of every task, shown on the
 * leaderboard apart from the ranked models.
 */
public final class ExactOracle implements BenchmarkModel {

    /** The public id. */
    public static final String ID = "exact-oracle";

    /** Creates the model; it holds no state. */
    public ExactOracle() {}

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "the exact cluster labeller (union-find over row runs) run on each map: the upper bound of every"
                + " task, not ranked";
    }

    /** @return every tier: the rows every other model is measured against */
    @Override
    public Set<Tier> tiers() {
        return EnumSet.allOf(Tier.class);
    }

    @Override
    public Set<Task> tasks() {
        return Arrays.stream(Task.values())
                .filter(t -> t.kind() != Task.Kind.GENERATION
                        && Families.SITE_PERCOLATION.id().equals(t.family()))
                .collect(Collectors.toUnmodifiableSet());
    }

    /** @return false: an upper bound, shown apart */
    @Override
    public boolean ranked() {
        return false;
    }

    /**
     * Learns nothing.
     *
     * @param data    the tasks it will be asked to predict; the maps are not read
     * @param options ignored
     * @return the oracle for those tasks
     * @throws IllegalArgumentException if the maps have more than one channel
     */
    @Override
    public Fitted fit(TrainingData data, FitOptions options) {
        data.requireChannels(ID, 1);
        return new Fitted(data.tasks());
    }

    /** The oracle for a set of tasks. */
    public static final class Fitted implements FittedModel {

        private final Set<Task> tasks;

        private Fitted(Set<Task> tasks) {
            this.tasks = Set.copyOf(tasks);
        }

        /** @return 0: a rule, nothing trained */
        @Override
        public long parameterCount() {
            return 0;
        }

        /**
         * Labels every map exactly.
         *
         * @param task a task it was fitted for
         * @param maps maps of any size L ≥ 2
         * @return spanning as 0 or 1, the fraction max_cluster / L², or the largest cluster's 0/1 mask
         * @throws IllegalArgumentException if the task was not asked for at fit time, or the maps have more than
         *                                  one channel
         */
        @Override
        public float[] predict(Task task, MapBatch maps) {
            maps.requireChannels(ID, 1);
            if (!tasks.contains(task)) {
                throw new IllegalArgumentException(ID + " was not fitted for task " + task.id() + "; it was fitted for "
                        + tasks.stream().map(Task::id).sorted().collect(Collectors.joining(", ")));
            }
            int count = maps.count();
            int size = maps.size();
            float[] out = new float[(int) task.predictionLength(count, size)];
            if (count == 0) {
                return out;
            }
            int sites = size * size;
            ClusterLabeller labeller = new ClusterLabeller(size);
            byte[] map = new byte[sites];
            byte[] mask = task == Task.MAX_CLUSTER_MASK ? new byte[sites] : null;
            for (int m = 0; m < count; m++) {
                System.arraycopy(maps.sites(), m * sites, map, 0, sites);
                ClusterLabels labels = labeller.label(map, mask);
                switch (task) {
                    case SPANNING -> out[m] = labels.spanning() ? 1f : 0f;
                    case MAX_CLUSTER -> out[m] = (float) (labels.maxCluster() / ((double) size * size));
                    default -> {
                        for (int i = 0; i < sites; i++) {
                            out[m * sites + i] = mask[i];
                        }
                    }
                }
            }
            return out;
        }
    }
}
