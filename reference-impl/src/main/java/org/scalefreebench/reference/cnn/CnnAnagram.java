package org.scalefreebench.reference.cnn;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.NoOp;
import org.scalefreebench.datasets.model.MapBatch;
import org.scalefreebench.datasets.task.Task;
import org.scalefreebench.datasets.task.Tier;
import org.scalefreebench.reference.anagram.Anagram;
import org.scalefreebench.reference.nn.GraphTrainer;
import org.scalefreebench.reference.nn.MapTensors;

/**
 * {@code cnn-anagram}: the study's "CNN+ANaGRAM", the reference residual CNN (same architecture and
 * initialisation as {@code cnn-sgd}) trained by {@link Anagram}: natural-gradient steps in the
 * Gauss–Newton form, J on the first {@value #JACOBIAN_SAMPLES} maps of each batch of
 * {@value #ANAGRAM_BATCH}, step size by line search on the whole batch, no momentum; cut-off and
 * damping chosen on the validation loss.
 */
public class CnnAnagram extends ResidualCnnModel {

    /** Maps per step. */
    public static final int ANAGRAM_BATCH = 128;
    /** Maps of each batch the Jacobian is computed on (rows of J: twice this, one per head). */
    public static final int JACOBIAN_SAMPLES = 64;
    /**
     * Relative cut-off of J's singular values. The default √(ε·P) is 0.122 for P = 125 490 in float
     * and kept about 28 of 128 directions: after 60 steps (seed 1) the validation loss was 0.83,
     * against 0.26 with this cut-off and {@link #DAMPING} (1.06 with this cut-off undamped).
     */
    public static final double RCOND = 0.01;
    /** Levenberg–Marquardt damping relative to σ_max², chosen with {@link #RCOND} on the validation loss. */
    public static final double DAMPING = 1e-3;
    /**
     * Training maps (every k-th, so every p) whose batch statistics replace batch normalisation's
     * running estimates when training ends ({@link Anagram#recalibrate}).
     */
    public static final int RECALIBRATION_MAPS = 2048;

    @Override
    public String id() {
        return "cnn-anagram";
    }

    @Override
    protected String optimiser() {
        return "ANaGRAM (Gauss-Newton natural gradient, J on " + JACOBIAN_SAMPLES + " maps of the batch, rcond " + RCOND
                + ", damping " + DAMPING + ", line search 0.5^k)";
    }

    /** ANaGRAM sets the parameters itself: DL4J's updater is never used. */
    @Override
    protected IUpdater updater() {
        return new NoOp();
    }

    /** @return the ANaGRAM settings */
    protected Anagram.Options options() {
        Anagram.Options d = Anagram.Options.DEFAULT;
        return new Anagram.Options(RCOND, d.route(), DAMPING, JACOBIAN_SAMPLES, d.maxRejected());
    }

    @Override
    protected GraphTrainer.Schedule schedule() {
        return new GraphTrainer.Schedule(ANAGRAM_BATCH, PASSES);
    }

    @Override
    protected GraphTrainer.StepRule rule(ComputationGraph net) {
        Anagram anagram = new Anagram(net, options());
        String id = id();
        return new GraphTrainer.StepRule() {
            @Override
            public double step(ComputationGraph n, MultiDataSet batch) {
                Anagram.Step s = anagram.step(batch);
                if (!s.accepted()) {
                    System.err.printf(
                            "%s: step %d rejected: no step size 0.5^0…0.5^30 lowered the batch loss %.6g%n",
                            id, anagram.steps().size(), s.lossBefore());
                }
                return s.lossAfter();
            }

            @Override
            public String stopReason() {
                return anagram.stopReason();
            }

            @Override
            public String summary() {
                return anagram.summary() + "; batch-norm statistics recalibrated on " + RECALIBRATION_MAPS + " maps";
            }

            @Override
            public void finish(ComputationGraph n, MapBatch train) {
                int count = Math.min(RECALIBRATION_MAPS, train.count());
                int[] pick = new int[count];
                for (int i = 0; i < count; i++) {
                    pick[i] = (int) ((long) i * train.count() / count);
                }
                List<INDArray> batches = new ArrayList<>();
                for (int from = 0; from < count; from += ANAGRAM_BATCH) {
                    batches.add(MapTensors.maps(train, pick, from, Math.min(ANAGRAM_BATCH, count - from)));
                }
                anagram.recalibrate(batches);
                batches.forEach(INDArray::close);
                anagram.release();
            }
        };
    }

    /**
     * {@code cnn-anagram-fk}: {@code cnn-anagram} on the critical-FK tasks, one regression network per
     * task, in the smoke, study and full tiers only: its fits do not fit the default tier's budget
     * for the critical-FK family beside {@code cnn-sgd}, and a model runs all its tasks in every tier
     * it runs in, so the critical-FK tasks have their own id.
     */
    public static final class CriticalFk extends CnnAnagram {

        @Override
        public String id() {
            return "cnn-anagram-fk";
        }

        @Override
        public Set<Task> tasks() {
            return EnumSet.copyOf(CriticalFkRegression.TASKS);
        }

        @Override
        public Set<Tier> tiers() {
            return EnumSet.of(Tier.SMOKE, Tier.STUDY, Tier.FULL);
        }

        @Override
        protected boolean fitsCriticalFk() {
            return true;
        }
    }

    /** {@code cnn-anagram-45s}: {@code cnn-anagram} trained for {@link #EQUAL_TIME} of wall-clock time. */
    public static final class EqualTime extends CnnAnagram {

        @Override
        public String id() {
            return "cnn-anagram-" + EQUAL_TIME.toSeconds() + "s";
        }

        @Override
        protected GraphTrainer.Schedule schedule() {
            return equalTime(ANAGRAM_BATCH);
        }
    }
}
