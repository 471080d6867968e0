package org.scalefreebench.reference.nn;

import org.deeplearning4j.nn.graph.ComputationGraph;
import org.scalefreebench.datasets.model.BenchmarkModel;

/** A trained DL4J network as a fitted model: its parameter count and training samples; subclasses predict. */
public abstract class FittedNetwork implements BenchmarkModel.FittedModel {

    /** The trained network. */
    protected final ComputationGraph net;
    private final long seen;

    /**
     * @param net  the trained network
     * @param seen training samples it saw (maps × passes)
     */
    protected FittedNetwork(ComputationGraph net, long seen) {
        this.net = net;
        this.seen = seen;
    }

    @Override
    public long parameterCount() {
        return net.numParams();
    }

    @Override
    public long trainedSamples() {
        return seen;
    }
}
