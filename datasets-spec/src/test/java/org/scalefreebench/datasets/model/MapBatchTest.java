package org.scalefreebench.datasets.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A batch holds N·C·L·L sites; a model refuses a channel count it cannot read. */
class MapBatchTest {

    @Test
    void oneChannelIsTheSitePercolationDefault() {
        MapBatch b = new MapBatch(3, 4, new byte[3 * 4 * 4]);
        assertEquals(1, b.channels());
        assertEquals(3, b.count());
    }

    @Test
    void twoChannelsNeedTwiceTheSites() {
        assertEquals(2, new MapBatch(3, 2, 4, new byte[3 * 2 * 4 * 4]).channels());
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> new MapBatch(3, 2, 4, new byte[3 * 4 * 4]));
        assertTrue(
                e.getMessage().contains("a batch of 3 maps of 2 channel(s) of size 4 needs 96 sites, got 48"),
                e.getMessage());
    }

    @Test
    void noChannelIsRefused() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> new MapBatch(0, 0, 4, new byte[0]));
        assertTrue(e.getMessage().contains("at least one channel per map, got 0"), e.getMessage());
    }

    @Test
    void requireChannelsNamesTheModelAndBothCounts() {
        MapBatch two = new MapBatch(1, 2, 2, new byte[8]);
        two.requireChannels("two-plane-model", 2);
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> two.requireChannels("cnn-sgd", 1));
        assertEquals("model cnn-sgd reads 1 channel(s) per map, got 2 (a family it was not built for)", e.getMessage());
    }
}
