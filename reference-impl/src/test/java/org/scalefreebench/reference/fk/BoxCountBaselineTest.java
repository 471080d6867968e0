package org.scalefreebench.reference.fk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class BoxCountBaselineTest {

    private static final int L = 32;

    @Test
    void aFilledSquareHasDimensionTwoALineOneAPointZero() {
        byte[] full = new byte[L * L];
        Arrays.fill(full, (byte) 1);
        assertEquals(2, BoxCountBaseline.dimension(full, 0, L), 1e-12);
        byte[] line = new byte[L * L];
        Arrays.fill(line, 5 * L, 6 * L, (byte) 1);
        assertEquals(1, BoxCountBaseline.dimension(line, 0, L), 1e-12);
        byte[] point = new byte[L * L];
        point[17 * L + 3] = 1;
        assertEquals(0, BoxCountBaseline.dimension(point, 0, L), 1e-12);
    }

    @Test
    void readsTheMapAtItsOffsetAndRefusesTinyOrEmptyMaps() {
        byte[] two = new byte[2 * L * L];
        Arrays.fill(two, L * L, 2 * L * L, (byte) 1);
        assertEquals(2, BoxCountBaseline.dimension(two, L * L, L), 1e-12);
        assertTrue(Double.isNaN(BoxCountBaseline.dimension(two, 0, L)), "an empty mask has no dimension");
        assertThrows(IllegalArgumentException.class, () -> BoxCountBaseline.dimension(new byte[9], 0, 3));
    }
}
