package org.scalefreebench.datasets.generation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.scalefreebench.datasets.generate.LabelledMapStream;
import org.scalefreebench.datasets.lattice.ClusterLabeller;
import org.scalefreebench.datasets.lattice.CriticalExponents;
import org.scalefreebench.datasets.lattice.SitePercolation;

/** Each measure on hand-made maps, against a brute-force flood fill, and on exact masks. */
class ClusterMapMeasuresTest {

    private static ClusterMapMeasures measure(String... rows) {
        return ClusterMapMeasures.of(MaskPyramidTest.bytes(rows), 0, rows.length);
    }

    @Test
    void aRingWithAHoleOfThreeSites() {
        ClusterMapMeasures m = measure("000000", "011110", "010010", "010110", "011100", "000000");
        assertEquals(12, m.mass());
        assertEquals(1, m.pieces());
        assertEquals(1.0, m.largestPieceShare());
        assertArrayEquals(new int[] {3}, m.holeAreas());
        assertEquals(11, m.hull(), "every site but (3,3), which touches only the hole and the cluster");
        assertFalse(m.spansEither());
    }

    @Test
    void aDiagonalGapLetsTheExteriorIn() {
        ClusterMapMeasures m = measure("00000", "01110", "01010", "01100", "00000");
        assertEquals(7, m.mass());
        assertEquals(0, m.holeCount(), "the centre reaches the exterior through the empty corner (3,3)");
        assertEquals(7, m.hull());
    }

    @Test
    void twoPiecesTouchingAtACornerAreTwoAndNeitherSpans() {
        ClusterMapMeasures m = measure("1000", "1000", "1100", "0011");
        assertEquals(6, m.mass());
        assertEquals(2, m.pieces());
        assertEquals(4, m.largestPiece());
        assertEquals(4 / 6.0, m.largestPieceShare());
        assertFalse(m.spansTopBottom());
        assertFalse(m.spansLeftRight());
        assertEquals(6, m.hull());
    }

    @Test
    void aCrossSpansBothWays() {
        ClusterMapMeasures m = measure("0100", "1111", "0100", "0100");
        assertTrue(m.spansTopBottom());
        assertTrue(m.spansLeftRight());
        assertTrue(m.spansBoth());
        assertEquals(6, m.hull(), "the centre of the cross (1,1) touches no empty site and no edge");
        ClusterMapMeasures row = measure("0000", "1111", "0000", "0000");
        assertFalse(row.spansTopBottom());
        assertTrue(row.spansLeftRight());
        assertTrue(row.spansEither());
        assertFalse(row.spansBoth());
    }

    @Test
    void aPieceInsideAHoleSplitsNeitherTheHoleNorTheHull() {
        ClusterMapMeasures m = measure("0000000", "0111110", "0100010", "0101010", "0100010", "0111110", "0000000");
        assertEquals(17, m.mass());
        assertEquals(2, m.pieces());
        assertEquals(16, m.largestPiece());
        assertArrayEquals(new int[] {8}, m.holeAreas());
        assertEquals(16, m.hull());
    }

    @Test
    void anEmptyMapAndAFullMap() {
        ClusterMapMeasures empty = measure("000", "000", "000");
        assertEquals(0, empty.mass());
        assertEquals(0, empty.pieces());
        assertEquals(0.0, empty.largestPieceShare());
        assertEquals(0, empty.hull());
        assertEquals(0, empty.holeCount());
        ClusterMapMeasures full = measure("111", "111", "111");
        assertEquals(8, full.hull(), "all but the centre touch the frame");
        assertTrue(full.spansBoth());
    }

    @Test
    void refusesValuesOtherThanZeroAndOne() {
        byte[] map = new byte[9];
        map[4] = 3;
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> ClusterMapMeasures.of(map, 0, 3));
        assertTrue(e.getMessage().contains("site 4"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ClusterMapMeasures.of(map, 1, 3));
    }

    @Test
    void agreesWithABruteForceFloodFillOnRandomMaps() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(11L);
        int size = 17;
        ClusterMapMeasures.Meter meter = new ClusterMapMeasures.Meter(size);
        for (double p : new double[] {0.1, 0.4, 0.55, 0.6, 0.7, 0.85, 0.95}) {
            for (int t = 0; t < 40; t++) {
                byte[] map = new byte[size * size];
                SitePercolation.occupy(rng, p, map);
                ClusterMapMeasures m = meter.measure(map, 0);
                BruteForce b = new BruteForce(map, size);
                assertEquals(b.mass, m.mass());
                assertEquals(b.pieces.size(), m.pieces());
                assertEquals(b.pieces.stream().mapToInt(Integer::intValue).max().orElse(0), m.largestPiece());
                assertEquals(b.topBottom, m.spansTopBottom());
                assertEquals(b.leftRight, m.spansLeftRight());
                assertEquals(b.hull, m.hull());
                int[] holes = m.holeAreas().clone();
                Arrays.sort(holes);
                assertArrayEquals(
                        b.holes.stream().mapToInt(Integer::intValue).sorted().toArray(), holes);
            }
        }
    }

    @Test
    void exactMasksAreOnePieceAndSpanAsTheLabelSays() throws IOException {
        int size = 32;
        int n = 300;
        int sites = size * size;
        double[] ps = new double[n];
        Arrays.fill(ps, CriticalExponents.SITE_P_C);
        ClusterMapMeasures.Meter meter = new ClusterMapMeasures.Meter(size);
        ClusterLabeller labeller = new ClusterLabeller(size);
        int[] checked = new int[1];
        new LabelledMapStream(RandomSource.XO_RO_SHI_RO_128_PP, 77L, size, 1).run(ps, true, block -> {
            for (int i = 0; i < block.count(); i++) {
                byte[] mask = block.masks()[i];
                ClusterMapMeasures m = meter.measure(mask, 0);
                assertEquals(block.labels()[i].maxCluster(), m.mass());
                assertEquals(m.mass() == 0 ? 0 : 1, m.pieces());
                assertEquals(m.mass() == 0 ? 0.0 : 1.0, m.largestPieceShare());
                assertEquals(labeller.label(mask, null).spanning(), m.spansTopBottom());
                byte[] rest = block.maps()[i].clone();
                for (int s = 0; s < sites; s++) {
                    rest[s] -= mask[s];
                }
                boolean otherSpans = labeller.label(rest, null).spanning();
                assertEquals(block.labels()[i].spanning(), m.spansTopBottom() || otherSpans);
                int holeArea = Arrays.stream(m.holeAreas()).sum();
                assertTrue(m.hull() <= m.mass() && m.mass() + holeArea <= sites);
                checked[0]++;
            }
        });
        assertEquals(n, checked[0]);
    }

    /** Independent BFS: pieces 4-connected, exterior 8-connected from the boundary, holes 8-connected. */
    private static final class BruteForce {
        int mass;
        final List<Integer> pieces = new ArrayList<>();
        final List<Integer> holes = new ArrayList<>();
        boolean topBottom;
        boolean leftRight;
        int hull;

        BruteForce(byte[] map, int l) {
            int[] comp = new int[l * l];
            int id = 0;
            for (int s = 0; s < l * l; s++) {
                if (map[s] == 1) {
                    mass++;
                }
                if (comp[s] != 0) {
                    continue;
                }
                id++;
                boolean occupied = map[s] == 1;
                List<Integer> queue = new ArrayList<>(List.of(s));
                comp[s] = id;
                boolean top = false;
                boolean bottom = false;
                boolean left = false;
                boolean right = false;
                for (int h = 0; h < queue.size(); h++) {
                    int x = queue.get(h);
                    int r = x / l;
                    int c = x % l;
                    top |= r == 0;
                    bottom |= r == l - 1;
                    left |= c == 0;
                    right |= c == l - 1;
                    for (int dr = -1; dr <= 1; dr++) {
                        for (int dc = -1; dc <= 1; dc++) {
                            boolean diagonal = dr != 0 && dc != 0;
                            if ((dr == 0 && dc == 0) || (occupied && diagonal)) {
                                continue;
                            }
                            int rr = r + dr;
                            int cc = c + dc;
                            if (rr < 0 || cc < 0 || rr >= l || cc >= l) {
                                continue;
                            }
                            int y = rr * l + cc;
                            if (comp[y] == 0 && map[y] == map[s]) {
                                comp[y] = id;
                                queue.add(y);
                            }
                        }
                    }
                }
                if (occupied) {
                    pieces.add(queue.size());
                    topBottom |= top && bottom;
                    leftRight |= left && right;
                } else if (!(top || bottom || left || right)) {
                    holes.add(queue.size());
                } else {
                    for (int x : queue) {
                        comp[x] = -1;
                    }
                }
            }
            for (int s = 0; s < l * l; s++) {
                if (map[s] != 1) {
                    continue;
                }
                int r = s / l;
                int c = s % l;
                boolean edge = r == 0 || c == 0 || r == l - 1 || c == l - 1;
                if (edge || comp[s - 1] == -1 || comp[s + 1] == -1 || comp[s - l] == -1 || comp[s + l] == -1) {
                    hull++;
                }
            }
        }
    }
}
