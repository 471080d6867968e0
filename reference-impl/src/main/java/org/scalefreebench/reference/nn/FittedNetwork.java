package org.scalefreebench.reference.nn;

import org.deeplearning4j.nn.graph.ComputationGraph;
import org.scalefreebench.datasets.model.BenchmarkModel;
import org.scalefreebench.datasets.model.MapBatch;

/**
 * A trained DL4J network as a fitted model: its parameter count, training samples and training note; subclasses
 * predict, after {@link #requireOneChannel} (the percolation networks read one plane per map) or
 * {@link #requireChannels}.
 */
public abstract class FittedNetwork implements BenchmarkModel.FittedModel {

    /** The trained network. */
    protected final ComputationGraph net;

    private final String model;
    private final GraphTrainer.Trained trained;

    /**
     * @param model   the model's id, for error messages
     * @param net     the trained network
     * @param trained training samples it saw (maps × passes) and how training went
     */
    protected FittedNetwork(String model, ComputationGraph net, GraphTrainer.Trained trained) {
        this.model = model;
        this.net = net;
        this.trained = trained;
    }

    /**
     * @param maps maps to predict
     * @throws IllegalArgumentException naming the model if the maps have more than one channel
     */
    protected void requireOneChannel(MapBatch maps) {
        requireChannels(maps, 1);
    }

    /**
     * @param maps     maps to predict
     * @param expected the planes per map the network reads
     * @throws IllegalArgumentException naming the model if the maps have another channel count
     */
    protected void requireChannels(MapBatch maps, int expected) {
        maps.requireChannels(model, expected);
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
