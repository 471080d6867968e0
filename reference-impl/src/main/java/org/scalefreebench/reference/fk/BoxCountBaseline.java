package org.scalefreebench.reference.fk;

import java.util.EnumSet;
import java.util.Set;
import org.hipparchus.stat.regression.SimpleRegression;
import org.scalefreebench.datasets.model.BenchmarkModel;
import org.scalefreebench.datasets.model.FitOptions;
import org.scalefreebench.datasets.model.MapBatch;
import org.scalefreebench.datasets.model.TrainingData;
import org.scalefreebench.datasets.task.Task;
import org.scalefreebench.datasets.task.Tier;

/**
 * The classical estimate of {@code fractal-dimension} from one largest-cluster mask: box counting.
 * Cover the L×L map with boxes of side ε = 1, 2, 4, … up to L/4 (at least 4×4 boxes), count the
 * boxes N(ε) holding a site of the cluster, and take the least-squares slope of ln N(ε) against
 * ln(1/ε). A rule with no fitted parameter; it learns nothing from the training maps. Its bias at
 * finite L is larger than the whole range of d_f over Q ∈ [1, 4] (1.8667 to 1.8958), which is what
 * a learnt regressor has to beat.
 */
public final class BoxCountBaseline implements BenchmarkModel {

    @Override
    public String id() {
        return "box-count-baseline";
    }

    @Override
    public String description() {
        return "box-counting slope of the largest-cluster mask, boxes of side 1, 2, 4, … L/4 (a rule, no fit)";
    }

    @Override
    public Set<Task> tasks() {
        return EnumSet.of(Task.FRACTAL_DIMENSION);
    }

    @Override
    public Set<Tier> tiers() {
        return EnumSet.allOf(Tier.class);
    }

    @Override
    public FittedModel fit(TrainingData data, FitOptions options) {
        data.requireFamily(id(), Task.FRACTAL_DIMENSION.family());
        return new FittedModel() {
            @Override
            public long parameterCount() {
                return 0;
            }

            @Override
            public float[] predict(Task task, MapBatch maps) {
                if (task != Task.FRACTAL_DIMENSION) {
                    throw new IllegalArgumentException(id() + " predicts fractal-dimension only, not " + task.id());
                }
                maps.requireChannels(id(), 1);
                int size = maps.size();
                int sites = size * size;
                float[] out = new float[maps.count()];
                for (int i = 0; i < out.length; i++) {
                    out[i] = (float) dimension(maps.sites(), i * sites, size);
                }
                return out;
            }
        };
    }

    /**
     * @param mask   masks, row-major, 1 on the cluster
     * @param offset index of the map's first site
     * @param size   linear size L, at least 4
     * @return the box-counting slope, or NaN if the mask is empty
     */
    static double dimension(byte[] mask, int offset, int size) {
        if (size < 4) {
            throw new IllegalArgumentException("box counting needs L ≥ 4, got " + size);
        }
        SimpleRegression fit = new SimpleRegression();
        for (int box = 1; box <= size / 4; box *= 2) {
            int boxes = (size + box - 1) / box;
            boolean[] hit = new boolean[boxes * boxes];
            int count = 0;
            for (int y = 0; y < size; y++) {
                int row = offset + y * size;
                int by = y / box;
                for (int x = 0; x < size; x++) {
                    if (mask[row + x] != 0) {
                        int b = by * boxes + x / box;
                        if (!hit[b]) {
                            hit[b] = true;
                            count++;
                        }
                    }
                }
            }
            if (count == 0) {
                return Double.NaN;
            }
            fit.addData(Math.log(1.0 / box), Math.log(count));
        }
        return fit.getSlope();
    }
}
