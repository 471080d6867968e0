package org.scalefreebench.reference.cnn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;

/** {@code cnn-anagram} is {@code cnn-sgd}'s network: same architecture, same initial parameters for a seed. */
class CnnAnagramTest {

    @Test
    void sameArchitectureAndInitialisationAsCnnSgd() {
        ComputationGraph sgd = new CnnSgd().network(7, 32);
        ComputationGraph anagram = new CnnAnagram().network(7, 32);
        assertEquals(
                sgd.getConfiguration().getVertices().keySet(),
                anagram.getConfiguration().getVertices().keySet());
        assertEquals(sgd.numParams(), anagram.numParams());
        assertEquals(sgd.params(), anagram.params());
        assertTrue(new CnnAnagram.EqualTime().description().contains(ResidualCnnModel.EQUAL_TIME.toSeconds() + " s"));
    }
}
