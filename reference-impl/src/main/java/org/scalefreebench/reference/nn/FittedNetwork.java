package org.scalefreebench.reference.nn;

import org.deeplearning4j.nn.graph.ComputationGraph;
import org.scalefreebench.datasets.model.BenchmarkModel;

/** A trained DL4J network as a fitted model: its parameter count, training samples and training note; subclasses predict. */
public abstract class FittedNetwork implements BenchmarkModel.FittedModel {

    /** The trained network. */
    protected final ComputationGraph net;

    private final GraphTrainer.Trained trained;

    /**
     * @param net     the trained network
     * @param trained training samples it saw (maps × passes) and how training went
     */
    protected FittedNetwork(ComputationGraph net, GraphTrainer.Trained trained) {
        this.net = net;
        this.trained = trained;
    }

    @Override
    public long parameterCount() {
        return net.numParams();
    }

    @Override
    public long trainedSamples() {
        return trained.samples();
    }

    @Override
    public String trainingNote() {
        return trained.note();
    }
}
