package org.scalefreebench.datasets.npy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NpyDtypeTest {

    @Test
    void descrAndItemSize() {
        assertEquals("|u1", NpyDtype.UINT8.descr());
        assertEquals(1, NpyDtype.UINT8.itemSize());
        assertEquals("<i4", NpyDtype.INT32.descr());
        assertEquals(4, NpyDtype.INT32.itemSize());
        assertEquals("<f4", NpyDtype.FLOAT32.descr());
        assertEquals(4, NpyDtype.FLOAT32.itemSize());
        assertEquals("<f8", NpyDtype.FLOAT64.descr());
        assertEquals(8, NpyDtype.FLOAT64.itemSize());
    }

    @Test
    void fromDescrRoundTrips() {
        for (NpyDtype dtype : NpyDtype.values()) {
            assertEquals(dtype, NpyDtype.fromDescr(dtype.descr()));
        }
    }

    @Test
    void fromDescrRejectsUnknown() {
        for (String descr : new String[] {">i4", "<i8", "|b1", "<u1x", "", "f8"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NpyDtype.fromDescr(descr));
            assertTrue(e.getMessage().contains("'" + descr + "'"), e.getMessage());
            assertTrue(e.getMessage().contains("'|u1' (uint8)"), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> NpyDtype.fromDescr(null));
    }
}
