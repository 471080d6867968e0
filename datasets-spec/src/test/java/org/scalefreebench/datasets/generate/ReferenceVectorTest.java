package org.scalefreebench.datasets.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/**
 * Frozen reference vectors (in the manner of Commons RNG's expected-sequence tests): for fixed
 * seeds, the SHA-256 of each map and its labels. A change here changes every dataset's bytes.
 */
class ReferenceVectorTest {

    private static List<String> stream(RandomSource source, long seed, int size, double[] p, int threads)
            throws IOException {
        List<String> out = new ArrayList<>();
        new LabelledMapStream(source, seed, size, threads).run(p, true, block -> {
            for (int i = 0; i < block.count(); i++) {
                out.add(Sha256.of(block.maps()[i]).substring(0, 16) + " max=" + block.labels()[i].maxCluster()
                        + " span=" + block.labels()[i].spanning()
                        + " mask=" + Sha256.of(block.masks()[i]).substring(0, 16));
            }
        });
        return out;
    }

    @Test
    void xoRoShiRo128PlusPlusL16() throws IOException {
        double[] p = {0.5, 0.59274605, 0.7, 0.59274605};
        List<String> expected = List.of(
                "036d104233ca1d39 max=37 span=false mask=b3b8983a8747926f",
                "70e358e1181c229c max=80 span=true mask=5f778de97ea72b96",
                "f58b15f33186897f max=185 span=true mask=bead579a92420867",
                "3fe16e975bf20192 max=56 span=false mask=084935832fc0c479");
        assertEquals(expected, stream(RandomSource.XO_RO_SHI_RO_128_PP, 20261123L, 16, p, 1));
        assertEquals(expected, stream(RandomSource.XO_RO_SHI_RO_128_PP, 20261123L, 16, p, 3));
    }

    @Test
    void xoShiRo256PlusPlusL9() throws IOException {
        double[] p = {0.59274605, 0.59274605};
        List<String> expected = List.of(
                "79440012323eec2e max=11 span=false mask=87ff4921dfe4f7dc",
                "8accc21d5230fff9 max=46 span=true mask=10b11403acedec04");
        assertEquals(expected, stream(RandomSource.XO_SHI_RO_256_PP, 42L, 9, p, 1));
    }
}
