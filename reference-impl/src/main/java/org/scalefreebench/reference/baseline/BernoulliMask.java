package org.scalefreebench.reference.baseline;

import org.apache.commons.rng.JumpableUniformRandomProvider;
import org.scalefreebench.datasets.lattice.CriticalExponents;
import org.scalefreebench.datasets.lattice.SitePercolation;
import org.scalefreebench.datasets.load.SplitData;
import org.scalefreebench.datasets.model.FitOptions;
import org.scalefreebench.datasets.model.MaskGenerator;
import org.scalefreebench.datasets.model.TrainingData;

/**
 * The trivial generator: independent sites at the mean density of the exact largest cluster. It
 * measures the mean mass ⟨M⟩ of the training masks at their size L₀ (the largest training split),
 * so ρ₀ = ⟨M⟩/L₀², and draws at size L with ρ_L = ρ₀·(L/L₀)^{d_f − 2}, d_f = 91/48: the exact
 * mean density at L₀, extrapolated with the exact exponent elsewhere. Its mean mass therefore
 * scales as L^{91/48} by construction, so the mass-scaling d_f cannot tell it from exact maps; its
 * box-count ratios (→ 4, a space-filling set), connectedness and spanning can. Sites are drawn
 * with {@link SitePercolation#occupy}, one stream per map ({@link MapStreams}).
 */
public final class BernoulliMask implements MaskGenerator {

    /** The public id. */
    public static final String ID = "bernoulli-mask";

    /** Creates the generator; it holds no state. */
    public BernoulliMask() {}

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "independent sites at the exact mean density of the largest cluster (measured at the training size,"
                + " extrapolated as L^(91/48 - 2))";
    }

    /**
     * Measures the mean density of the largest-cluster masks at the largest training size.
     *
     * @param data    the training splits; the largest must hold the {@code max_cluster} or {@code
     *                max_cluster_mask} column
     * @param options ignored: nothing random
     * @return the fitted generator
     * @throws IllegalArgumentException if the largest training split has neither column, or no map
     */
    @Override
    public Fitted fit(TrainingData data, FitOptions options) {
        SplitData train = data.train();
        int size = train.size();
        int n = train.samples();
        if (n == 0) {
            throw new IllegalArgumentException(ID + " needs training masks; split "
                    + train.spec().id() + "/" + train.split().name() + " has none");
        }
        double mass = 0;
        if (train.maxCluster() != null) {
            for (int m : train.maxCluster()) {
                mass += m;
            }
        } else if (train.maxClusterMask() != null) {
            for (byte b : train.maxClusterMask()) {
                mass += b;
            }
        } else {
            throw new IllegalArgumentException(ID + " needs the max_cluster or max_cluster_mask column of split "
                    + train.spec().id() + "/" + train.split().name());
        }
        return new Fitted(mass / n / ((double) size * size), size);
    }

    /** Independent sites at a density extrapolated from the training size. */
    public static final class Fitted implements FittedGenerator {

        private final double trainingDensity;
        private final int trainingSize;

        /**
         * @param trainingDensity the mean density ρ₀ of the exact largest cluster at L₀
         * @param trainingSize    L₀
         */
        public Fitted(double trainingDensity, int trainingSize) {
            SitePercolation.checkProbability(trainingDensity);
            this.trainingDensity = trainingDensity;
            this.trainingSize = trainingSize;
        }

        /**
         * @param size L
         * @return ρ_L = ρ₀·(L/L₀)^{91/48 − 2}, at most 1
         */
        public double density(int size) {
            return Math.min(
                    1,
                    trainingDensity * Math.pow(size / (double) trainingSize, CriticalExponents.FRACTAL_DIMENSION - 2));
        }

        /** @return 0: the density is measured, not trained */
        @Override
        public long parameterCount() {
            return 0;
        }

        @Override
        public String trainingNote() {
            return String.format("density %.5f at L = %d", trainingDensity, trainingSize);
        }

        @Override
        public byte[] generate(int n, int size, long seed) {
            byte[] out = MapStreams.output(ID, n, size);
            int sites = size * size;
            double rho = density(size);
            JumpableUniformRandomProvider base = MapStreams.base(seed);
            byte[] map = new byte[sites];
            for (int m = 0; m < n; m++) {
                SitePercolation.occupy(base.jump(), rho, map);
                System.arraycopy(map, 0, out, m * sites, sites);
            }
            return out;
        }

        /**
         * The exact likelihood of independent sites: −ln P = −M ln ρ_L − (L² − M) ln(1 − ρ_L).
         *
         * @param masks n·L·L values 0 or 1
         * @param n     how many masks
         * @param size  L
         * @return −ln P of each mask, in nats
         */
        @Override
        public double[] negativeLogLikelihood(byte[] masks, int n, int size) {
            int sites = size * size;
            if (masks.length != (long) n * sites) {
                throw new IllegalArgumentException(
                        "expected n·L² = " + (long) n * sites + " values, got " + masks.length);
            }
            double rho = density(size);
            double[] nll = new double[n];
            for (int m = 0; m < n; m++) {
                long mass = 0;
                for (int i = 0; i < sites; i++) {
                    mass += masks[m * sites + i];
                }
                nll[m] = -(mass * Math.log(rho) + (sites - mass) * Math.log1p(-rho));
            }
            return nll;
        }
    }
}
