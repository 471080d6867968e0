package org.scalefreebench.reference.rg;

import java.util.LinkedHashMap;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.Adam;

/**
 * Adam on the shared weights of an {@link RgFlowNetwork}: one ND4J {@link Adam} state per weight
 * array, whatever L the step's batch has, so every size moves the same weights with the same moments.
 */
public final class RgFlowAdam {

    private final RgFlowNetwork net;
    private final Map<String, GradientUpdater<?>> updaters = new LinkedHashMap<>();
    private int steps;

    /**
     * @param net          the network, updated in place
     * @param learningRate Adam's learning rate (default β₁, β₂ and ε)
     */
    public RgFlowAdam(RgFlowNetwork net, double learningRate) {
        this.net = net;
        Adam adam = new Adam(learningRate);
        for (Map.Entry<String, INDArray> e : net.parameters().entrySet()) {
            long n = e.getValue().length();
            updaters.put(e.getKey(), adam.instantiate(Nd4j.zeros(net.dataType(), 1, adam.stateSize(n)), true));
        }
    }

    /**
     * One step on a batch of maps of one size.
     *
     * @param maps     [b, 1, L, L]
     * @param spanning [b, 1]
     * @param mask     [b, 1, L, L]
     * @return the batch loss before the step
     */
    public double step(INDArray maps, INDArray spanning, INDArray mask) {
        RgFlowNetwork.Gradients g = net.gradients(maps, spanning, mask);
        if (Double.isFinite(g.loss())) {
            for (Map.Entry<String, INDArray> e : net.parameters().entrySet()) {
                INDArray param = e.getValue();
                INDArray update = g.gradients().get(e.getKey()).reshape('c', 1, param.length());
                updaters.get(e.getKey()).applyUpdater(update, steps, 0);
                param.subi(update.reshape('c', param.shape()));
            }
            steps++;
        }
        g.gradients().values().forEach(INDArray::close);
        return g.loss();
    }
}
