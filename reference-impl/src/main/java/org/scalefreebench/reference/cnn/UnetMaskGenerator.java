package org.scalefreebench.reference.cnn;

import java.util.EnumSet;
import java.util.Set;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.scalefreebench.datasets.model.FitOptions;
import org.scalefreebench.datasets.model.MapBatch;
import org.scalefreebench.datasets.model.MaskGenerator;
import org.scalefreebench.datasets.model.TrainingData;
import org.scalefreebench.datasets.task.Tier;
import org.scalefreebench.reference.baseline.ExactSampler;
import org.scalefreebench.reference.nn.GraphTrainer;

/**
 * {@code unet-mask-generator}: the non-RG learned generator, the baseline that makes the pyramid
 * generators' comparison honest. It is the {@link UNet} of {@code unet-sgd} (same channels, same SGD
 * with Nesterov momentum, same batch), trained by {@link GraphTrainer} on the largest training split
 * (L = 64 in the default and full tiers, L = 16 in the smoke tier) to map an occupation map to its
 * exact largest-cluster mask, with the validation split of that size for the loss curve. It never
 * coarse-grains by RG: it sees a whole configuration at once and has no scale-by-scale rule.
 *
 * <p>To draw n maps at L from a seed it draws n fresh site-percolation configurations at p_c with the
 * exact sampler's stream ({@link ExactSampler#draw}: map k of seed s is the very configuration whose
 * exact largest cluster {@code exact-sampler} returns as its map k), runs the U-Net on them and keeps
 * the sites with P(site in the largest cluster) &gt; 1/2. That threshold is each site's most probable
 * value under the per-site cross-entropy the U-Net is trained with; all the randomness of the draw is
 * the configuration's, none is added by sampling the U-Net's per-site probabilities.
 *
 * <p>The thresholded output is kept as it is: no projection on its largest 4-connected piece, no
 * filling. The generation metrics must see the U-Net's own connectivity errors (a cluster broken into
 * pieces, stray sites, bridges across empty sites), which is what a generator that does not build the
 * cluster scale by scale is expected to get wrong; projecting them away would hide exactly that.
 *
 * <p>It draws at any L the U-Net takes: a multiple of its stride {@link UNet#stride} (8), and refuses
 * any other L.
 */
public final class UnetMaskGenerator implements MaskGenerator {

    /** The public id. */
    public static final String ID = "unet-mask-generator";
    /**
     * Passes over the training split in the default tier ({@link Tier#passScale()} times that in the
     * full tier): 2 000 of the 4 000 maps at L = 64 ({@code unet-sgd}'s default fit sees about 10 000),
     * so that three fits and the draws at L = 64, 256 and 512 stay within about two minutes on two
     * idle cores. So short a fit may still leave the U-Net predicting almost no site above 1/2: the
     * generator then draws near-empty maps, and the scores say so.
     */
    public static final double PASSES = 0.5;
    /** Passes in the smoke tier (its training maps are at L = 16, sixteen times cheaper each). */
    public static final double SMOKE_PASSES = 0.25;

    /** Creates the generator; it holds no state. */
    public UnetMaskGenerator() {}

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "non-RG learned generator: the unet-sgd U-Net (levels of " + UnetSgd.CHANNELS + " channels; SGD +"
                + " Nesterov " + UnetSgd.MOMENTUM + ", lr " + UnetSgd.LEARNING_RATE + ", batch " + UnetSgd.BATCH + ", "
                + new GraphTrainer.Schedule(UnetSgd.BATCH, PASSES).describe()
                + ") trained on exact masks at the largest training L, run on fresh p_c configurations"
                + " and thresholded at P > 1/2, no connectivity repair";
    }

    /**
     * @return smoke (the contract) and full: after the default tier's half pass (2 000 maps at L = 64)
     *         the U-Net's P stays below ½ on every site, so it draws empty masks, and scoring that
     *         costs about 4 minutes of the default tier's 60 for three seeds; the full tier trains 10×
     *         longer
     */
    @Override
    public Set<Tier> tiers() {
        return EnumSet.of(Tier.SMOKE, Tier.FULL);
    }

    /**
     * @param tier the tier being run
     * @return batch size and passes of that tier
     */
    public static GraphTrainer.Schedule schedule(Tier tier) {
        return tier == Tier.SMOKE
                ? new GraphTrainer.Schedule(UnetSgd.BATCH, SMOKE_PASSES)
                : new GraphTrainer.Schedule(UnetSgd.BATCH, PASSES).in(tier);
    }

    @Override
    public Fitted fit(TrainingData data, FitOptions options) throws InterruptedException {
        return fit(data, options, schedule(options.tier()));
    }

    /**
     * Fits with an explicit schedule (tests and benchmarks).
     *
     * @param data     the training and validation splits; the largest of each is used
     * @param options  seed, budget and listener
     * @param schedule batch size, passes and optional time limit
     * @return the fitted generator
     * @throws InterruptedException     if the harness interrupts the fit
     * @throws IllegalArgumentException if the maps are not of one channel
     */
    public Fitted fit(TrainingData data, FitOptions options, GraphTrainer.Schedule schedule)
            throws InterruptedException {
        data.requireChannels(ID, 1);
        ComputationGraph net = UNet.build(
                UnetSgd.CHANNELS,
                new Nesterovs(UnetSgd.LEARNING_RATE, UnetSgd.MOMENTUM),
                options.seed(),
                data.train().size());
        GraphTrainer.Trained trained = GraphTrainer.train(
                net, data.train(), data.val(), UnetSgd::labels, schedule, GraphTrainer.UPDATER, options);
        String note = GraphTrainer.Trained.note(
                trained.samples() + " samples at L = " + data.train().size(), trained.note());
        return new Fitted(net, note, Runtime.getRuntime().availableProcessors());
    }

    /** The trained U-Net as a generator: fresh p_c configurations in, thresholded masks out. */
    public static final class Fitted implements FittedGenerator {

        private final ComputationGraph net;
        private final String note;
        private final int threads;

        /**
         * @param net     a trained {@link UNet} of {@link UnetSgd#CHANNELS}
         * @param note    how training went
         * @param threads threads drawing the configurations, at least 1; the bytes do not depend on it
         */
        public Fitted(ComputationGraph net, String note, int threads) {
            this.net = net;
            this.note = note;
            this.threads = threads;
        }

        @Override
        public long parameterCount() {
            return net.numParams();
        }

        @Override
        public String trainingNote() {
            return note;
        }

        /**
         * @param n    how many
         * @param size L, a multiple of the U-Net's stride
         * @param seed the seed of the configurations
         * @return the thresholded U-Net output on n fresh configurations at p_c, [n, L, L] of 0 and 1
         * @throws IllegalArgumentException if L is not a positive multiple of the stride, or n·L² does not fit in one array
         * @throws Exception                if drawing or inference fails, or the harness interrupts it
         */
        @Override
        public byte[] generate(int n, int size, long seed) throws Exception {
            int stride = UNet.stride(UnetSgd.CHANNELS);
            if (size < stride || size % stride != 0) {
                throw new IllegalArgumentException(ID + " cannot draw at L = " + size + ": its U-Net takes only L that"
                        + " are positive multiples of its stride " + stride);
            }
            byte[] maps = ExactSampler.draw(ID, n, size, seed, threads, false);
            byte[] masks = new byte[maps.length];
            int area = size * size;
            GraphTrainer.predict(net, new MapBatch(n, size, maps), UnetSgd.PREDICT_SITES, (from, b, out) -> {
                float[] p = out[0].ravel().toFloatVector();
                for (int i = 0; i < b * area; i++) {
                    masks[from * area + i] = (byte) (p[i] > 0.5f ? 1 : 0);
                }
            });
            return masks;
        }
    }
}
