package org.scalefreebench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The harness's per-fit memory probe reads what the kernel and the JVM report, and formats it. */
class ResourceUseTest {

    @Test
    void readsResidentMemoryAndItsPeakOnLinux() {
        assumeTrue(Files.isReadable(Path.of("/proc/self/status")), "not Linux");
        byte[] touched = new byte[64 << 20];
        touched[touched.length - 1] = 1;
        ResourceUse now = ResourceUse.now();
        assertTrue(now.resident() > touched.length, "resident " + now.resident() + " after touching 64 MiB");
        assertTrue(now.peakResident() >= now.resident(), now.toString());
        assertTrue(now.heapUsed() > 0, now.toString());
        assertTrue(now.offHeapBytes() >= 0, now.toString());
    }

    @Test
    void formatsTheDifferenceOfTwoSnapshots() {
        ResourceUse a = new ResourceUse(0, 10, 1_000, 0, 0, 0, 0);
        ResourceUse b = new ResourceUse(2_500_000_000L, 13, 1_250, 1L << 30, 0, 3L << 29, 2L << 30);
        assertEquals(
                "2.5 s, GC 0.3 s in 3 collections; heap 1.00 GiB, off-heap 0.00 GiB, resident 1.50 GiB (peak 2.00 GiB)",
                b.since(a));
        assertEquals("?", ResourceUse.gib(-1));
    }
}
