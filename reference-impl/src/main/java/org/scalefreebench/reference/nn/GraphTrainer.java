package org.scalefreebench.reference.nn;

import java.time.Duration;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.PermutationSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.scalefreebench.datasets.load.SplitData;
import org.scalefreebench.datasets.model.FitOptions;
import org.scalefreebench.datasets.model.MapBatch;
import org.scalefreebench.datasets.task.Task;
import org.scalefreebench.datasets.task.Tier;

/**
 * The mini-batch training loop and the batched inference shared by the reference networks. Training shuffles the training maps each
 * pass with a Commons RNG stream from the fit's seed, reports the training loss every few steps and
 * the validation loss after every pass, and stops with a clear error on a non-finite loss, an
 * interrupt or a spent time budget.
 *
 * <p>When training makes more than one pass (the full tier's ten, the equal-time variants' up to
 * three), the weights of the lowest validation loss at the end of a pass are kept (early stopping on
 * the validation split): a network that over-fits its training maps in the later passes is scored as
 * it was before it did, and the row's training note says after which pass that was. Training stops
 * early once {@value EarlyStop#PATIENCE} passes in a row have not lowered the validation loss: it has
 * stopped falling (a later pass could still beat it; the stop gives that up for time). A fit of one
 * pass or less is never compared and ends with its last weights. The rule is {@link EarlyStop}'s,
 * which {@code rg-flow}'s own loop uses too.
 */
public final class GraphTrainer {

    /** Steps between two points of the training-loss curve. */
    private static final int LOG_EVERY = 10;

    private GraphTrainer() {}

    /**
     * How long to train.
     *
     * @param batchSize maps per step (the whole split if it is smaller)
     * @param passes    passes over the training split; a fraction stops part-way through the last
     *                  pass, and the validation loss is taken after every whole pass and at the end
     * @param timeLimit wall-clock training time after which training stops (before the passes are
     *                  done, if they take longer), or null for none; the result then depends on the machine
     */
    public record Schedule(int batchSize, double passes, Duration timeLimit) {

        /**
         * @param batchSize maps per step
         * @param passes    passes over the training split
         */
        public Schedule(int batchSize, double passes) {
            this(batchSize, passes, null);
        }

        /**
         * @param tier the tier being run
         * @return this schedule in that tier: {@link Tier#passScale()} times the passes, unless training
         *         is bounded by time (the equal-time variants train for their time in every tier)
         */
        public Schedule in(Tier tier) {
            return timeLimit != null || tier.passScale() == 1
                    ? this
                    : new Schedule(batchSize, passes * tier.passScale(), null);
        }

        /**
         * @return how long this schedule trains when {@link GraphTrainer#train} runs it, in words for a
         *         model's description: the passes of the default tier and what the full tier makes of
         *         them (the early stop included), or the time limit
         */
        public String describe() {
            return describe("stopped once " + EarlyStop.PATIENCE
                    + " passes have not lowered the validation loss, its lowest pass's weights kept");
        }

        /**
         * @return the same words for a model with its own training loop, which makes every pass and
         *         keeps its last weights
         */
        public String describeLastWeightsKept() {
            return describe("last weights kept");
        }

        private String describe(String fullTierEnd) {
            return timeLimit == null
                    ? passes + (passes > 1 ? " passes" : " pass") + " (" + Tier.FULL.passScale()
                            + "× in the full tier, " + fullTierEnd + ")"
                    : timeLimit.toSeconds() + " s of training (at most " + passes + " passes)";
        }
    }

    /** One optimiser step on a batch. */
    public interface StepRule {

        /**
         * @param net   the network, updated in place
         * @param batch the batch
         * @return the batch loss (after the step, or before it if the step was rejected)
         */
        double step(ComputationGraph net, MultiDataSet batch);

        /** @return why training should stop now, or null to go on */
        default String stopReason() {
            return null;
        }

        /** @return a line about the training for the result rows, or null */
        default String summary() {
            return null;
        }

        /**
         * Called once when training ends, before the last validation loss.
         *
         * @param net   the trained network
         * @param train the training split's maps, as the network reads them
         */
        default void finish(ComputationGraph net, MapBatch train) {}
    }

    /** DL4J's own step: back-propagation and the network's configured updater. */
    public static final StepRule UPDATER = (net, batch) -> {
        net.fit(batch);
        return net.score();
    };

    /**
     * What training did.
     *
     * @param samples training samples seen (maps × passes)
     * @param note    how training went, for the result rows: why it stopped early, the step rule's summary; null if nothing to say
     */
    public record Trained(long samples, String note) {

        /**
         * @param samples   training samples seen
         * @param sentences the note's sentences, any of them null (left out)
         * @return the samples with the sentences joined by "; ", or a null note if every one is null
         */
        public static Trained of(long samples, String... sentences) {
            return new Trained(samples, note(sentences));
        }

        /**
         * @param sentences a training note's sentences, any of them null (left out)
         * @return the sentences joined by "; ", or null if every one is null
         */
        public static String note(String... sentences) {
            String note = Stream.of(sentences).filter(Objects::nonNull).collect(Collectors.joining("; "));
            return note.isEmpty() ? null : note;
        }
    }

    /** Builds the label tensors of a batch, in the order of the network's outputs. */
    public interface Labels {

        /**
         * @param data    the split
         * @param indices map indices
         * @param from    first entry of {@code indices}
         * @param count   batch size
         * @return one tensor per network output
         */
        INDArray[] of(SplitData data, int[] indices, int from, int count);
    }

    /** The maps a network reads from a split: the family's input, or a task's ({@link Task#input}). */
    public interface Inputs {

        /**
         * @param data a split
         * @return its maps as the network reads them, C planes each
         */
        MapBatch of(SplitData data);
    }

    /** The family's input maps, all their planes. */
    public static final Inputs SITES = d -> new MapBatch(d.samples(), d.channels(), d.size(), d.maps());

    /**
     * Trains {@code net} in place on the family's input maps ({@link #SITES}).
     *
     * @param net      the network
     * @param train    training split
     * @param val      validation split
     * @param labels   the label tensors of a batch
     * @param schedule batch size, passes and time limit
     * @param rule     the optimiser step
     * @param options  seed, budget and loss listener
     * @return samples seen and how training went
     * @throws InterruptedException if the harness interrupts the fit
     */
    public static Trained train(
            ComputationGraph net,
            SplitData train,
            SplitData val,
            Labels labels,
            Schedule schedule,
            StepRule rule,
            FitOptions options)
            throws InterruptedException {
        return train(net, train, val, SITES, labels, schedule, rule, options);
    }

    /**
     * Trains {@code net} in place.
     *
     * @param net      the network
     * @param train    training split
     * @param val      validation split
     * @param inputs   the maps the network reads from a split
     * @param labels   the label tensors of a batch
     * @param schedule batch size, passes and time limit
     * @param rule     the optimiser step
     * @param options  seed, budget and loss listener
     * @return samples seen and how training went
     * @throws InterruptedException if the harness interrupts the fit
     */
    public static Trained train(
            ComputationGraph net,
            SplitData train,
            SplitData val,
            Inputs inputs,
            Labels labels,
            Schedule schedule,
            StepRule rule,
            FitOptions options)
            throws InterruptedException {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(options.seed());
        MapBatch trainMaps = inputs.of(train);
        MapBatch valMaps = inputs.of(val);
        int n = train.samples();
        int batch = Math.min(schedule.batchSize(), n);
        int[] order = MapTensors.identity(n);
        long start = System.nanoTime();
        long deadline = start + options.budget().toNanos();
        long limit = schedule.timeLimit() == null
                ? Long.MAX_VALUE
                : start + schedule.timeLimit().toNanos();
        String stopped = null;
        long step = 0;
        long seen = 0;
        double lossSum = 0;
        long steps = Math.max(1, Math.round(schedule.passes() * n / batch));
        int perPass = n / batch;
        EarlyStop<INDArray> early = new EarlyStop<>(() -> net.params().dup(), net::setParams, INDArray::close);
        int pass = 0;
        while (step < steps && stopped == null) {
            PermutationSampler.shuffle(rng, order);
            for (int b = 0; b < perPass && step < steps && stopped == null; b++) {
                if (Thread.interrupted()) {
                    throw new InterruptedException("training interrupted at step " + step);
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("training exceeded its budget of "
                            + options.budget().toSeconds() + " s at step " + step);
                }
                int from = b * batch;
                INDArray x = MapTensors.maps(trainMaps, order, from, batch);
                INDArray[] y = labels.of(train, order, from, batch);
                double loss = rule.step(net, new MultiDataSet(new INDArray[] {x}, y));
                release(x, y);
                NativeMemory.collectIfDue();
                if (!Double.isFinite(loss)) {
                    throw new IllegalStateException("training diverged: loss " + loss + " at step " + step);
                }
                step++;
                seen += batch;
                lossSum += loss;
                if (step % LOG_EVERY == 0) {
                    options.listener().loss("train", step, seconds(start), lossSum / LOG_EVERY);
                    lossSum = 0;
                }
                stopped = rule.stopReason();
                if (stopped == null && System.nanoTime() > limit) {
                    stopped = String.format(
                            "stopped at the time limit of %d s after %d steps (%.2f passes)",
                            schedule.timeLimit().toSeconds(), step, step / (double) perPass);
                }
            }
            pass++;
            if (step < steps && stopped == null) {
                double v = loss(net, val, valMaps, labels, batch);
                options.listener().loss("val", step, seconds(start), v);
                stopped = early.afterPass(pass, v, schedule.passes());
            }
        }
        String kept = early.finish(() -> loss(net, val, valMaps, labels, batch), step, perPass);
        rule.finish(net, trainMaps);
        options.listener().loss("val", step, seconds(start), loss(net, val, valMaps, labels, batch));
        return Trained.of(seen, stopped, kept, rule.summary());
    }

    /**
     * @param net       a network
     * @param data      a split
     * @param maps      its maps as the network reads them
     * @param labels    its label tensors
     * @param batchSize maps per forward pass
     * @return the mean loss over the split (without regularisation)
     */
    public static double loss(ComputationGraph net, SplitData data, MapBatch maps, Labels labels, int batchSize) {
        int[] order = MapTensors.identity(data.samples());
        double sum = 0;
        int count = 0;
        for (int from = 0; from < order.length; from += batchSize) {
            int b = Math.min(batchSize, order.length - from);
            INDArray x = MapTensors.maps(maps, order, from, b);
            INDArray[] y = labels.of(data, order, from, b);
            sum += net.score(new MultiDataSet(new INDArray[] {x}, y), false) * b;
            release(x, y);
            NativeMemory.collectIfDue();
            count += b;
        }
        return sum / count;
    }

    /** Receives the outputs of one inference batch. */
    public interface BatchOutputs {

        /**
         * @param from    index of the batch's first map
         * @param count   maps in the batch
         * @param outputs the network's outputs, one tensor per output, first dimension {@code count}
         */
        void accept(int from, int count, INDArray[] outputs);
    }

    /**
     * Runs the network in inference mode over maps in batches of about {@code sitesPerBatch} sites
     * (so batches hold fewer maps as L grows, and memory stays the same at every L), checking for an
     * interrupt between batches.
     *
     * @param net           the network
     * @param maps          the maps
     * @param sitesPerBatch sites per forward pass; at least one map
     * @param sink          receives each batch's outputs
     * @throws InterruptedException if the harness interrupts the prediction
     */
    public static void predict(ComputationGraph net, MapBatch maps, long sitesPerBatch, BatchOutputs sink)
            throws InterruptedException {
        int batchSize = (int) Math.max(1, sitesPerBatch / ((long) maps.size() * maps.size()));
        int[] order = MapTensors.identity(maps.count());
        for (int from = 0; from < maps.count(); from += batchSize) {
            if (Thread.interrupted()) {
                throw new InterruptedException("prediction interrupted at map " + from);
            }
            int b = Math.min(batchSize, maps.count() - from);
            INDArray x = MapTensors.maps(maps, order, from, b);
            INDArray[] out = net.output(false, x);
            sink.accept(from, b, out);
            release(x, out);
            NativeMemory.collectIfDue();
        }
    }

    /**
     * Frees the native memory of a batch's tensors at once. ND4J otherwise frees it only when the
     * garbage collector reclaims the Java objects, which with a large heap and little heap pressure
     * can be long after: resident memory then grows by gigabytes over a run.
     */
    private static void release(INDArray x, INDArray[] ys) {
        x.close();
        for (INDArray y : ys) {
            y.close();
        }
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
