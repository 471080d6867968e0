package org.scalefreebench.datasets.generation;

import java.util.Arrays;
import org.scalefreebench.datasets.lattice.Lattice;
import org.scalefreebench.datasets.lattice.UnionFind;

/**
 * Geometric measures of one cluster map: an L × L map of 0/1 sites meant to be the largest
 * cluster of a percolation configuration, as a generator draws it. The conventions are the
 * project's ({@link Lattice}): open boundaries, occupied sites joined by 4-neighbour bonds.
 *
 * <ul>
 *   <li><b>Pieces</b>: the 4-connected components of the occupied sites. A true largest-cluster
 *       mask is one piece, so its largest-piece share is exactly 1.
 *   <li><b>Spanning</b>: some piece holds a site of row 0 and a site of row L−1 (top–bottom, the
 *       project's spanning label), or of column 0 and column L−1 (left–right). For a true mask this
 *       is whether the largest cluster spans.
 *   <li><b>Exterior</b>: the empty sites 8-connected (edges and corners) to a frame of empty sites
 *       around the lattice, i.e. every empty boundary site and the empty sites joined to one by a
 *       path of empty sites that may step diagonally. The complement of a 4-connected set is
 *       naturally 8-connected: a diagonal gap between two occupied sites lets the outside in.
 *   <li><b>Hull</b>: the occupied sites that share an edge with the exterior or with the frame (a
 *       site on the lattice boundary is on the hull). Its length scales as L^{7/4} for critical
 *       clusters.
 *   <li><b>Holes</b>: the 8-connected components of empty sites that are not exterior. For a mask
 *       they hold the smaller clusters and the empty sites the largest cluster encloses.
 * </ul>
 *
 * An empty map has mass 0, no piece, largest-piece share 0, hull 0 and no hole.
 *
 * @param size           L
 * @param mass           occupied sites M
 * @param pieces         4-connected components of the occupied sites
 * @param largestPiece   sites in the largest of them
 * @param spansTopBottom some piece joins row 0 to row L−1
 * @param spansLeftRight some piece joins column 0 to column L−1
 * @param hull           occupied sites sharing an edge with the exterior or the frame
 * @param holeAreas      the area of each hole (empty sites not in the exterior), in no set order
 */
public record ClusterMapMeasures(
        int size,
        int mass,
        int pieces,
        int largestPiece,
        boolean spansTopBottom,
        boolean spansLeftRight,
        int hull,
        int[] holeAreas) {

    /**
     * Measures one map (allocating its work arrays; to measure many maps of one size use a
     * {@link Meter}).
     *
     * @param maps   maps, row-major [n, L, L]
     * @param offset index of the map's first site
     * @param size   L
     * @return its measures
     */
    public static ClusterMapMeasures of(byte[] maps, int offset, int size) {
        return new Meter(size).measure(maps, offset);
    }

    /** @return largest piece / mass, exactly 1 for a true mask, 0 for an empty map */
    public double largestPieceShare() {
        return mass == 0 ? 0 : largestPiece / (double) mass;
    }

    /** @return whether it spans top–bottom and left–right */
    public boolean spansBoth() {
        return spansTopBottom && spansLeftRight;
    }

    /** @return whether it spans top–bottom or left–right */
    public boolean spansEither() {
        return spansTopBottom || spansLeftRight;
    }

    /** @return the number of holes */
    public int holeCount() {
        return holeAreas.length;
    }

    /**
     * Measures maps of one size, reusing its work arrays (O(L²) time per map). Not thread safe: use
     * one per thread.
     */
    public static final class Meter {

        private static final int TOP = 1;
        private static final int BOTTOM = 2;
        private static final int LEFT = 4;
        private static final int RIGHT = 8;

        private final int size;
        private final UnionFind sets;
        private final int[] sides;

        /**
         * @param size L
         */
        public Meter(int size) {
            int sites = Lattice.sites(size);
            this.size = size;
            this.sets = new UnionFind(sites + 1);
            this.sides = new int[sites];
        }

        /** @return L */
        public int size() {
            return size;
        }

        /**
         * Measures one map.
         *
         * @param maps   maps, row-major [n, L, L]
         * @param offset index of the map's first site
         * @return its measures
         * @throws IllegalArgumentException if the map does not fit or holds a value other than 0 and 1
         */
        public ClusterMapMeasures measure(byte[] maps, int offset) {
            int l = size;
            int sites = l * l;
            if (offset < 0 || offset > maps.length - sites) {
                throw new IllegalArgumentException("a map of L = " + l + " at offset " + offset
                        + " does not fit in an array of " + maps.length + " values");
            }
            int frame = sites;
            sets.makeSet(frame, 0);
            int mass = 0;
            for (int r = 0; r < l; r++) {
                for (int c = 0; c < l; c++) {
                    int i = r * l + c;
                    byte v = maps[offset + i];
                    if (v != 0 && v != 1) {
                        throw new IllegalArgumentException("site " + i + " (row " + r + ", column " + c + ") holds " + v
                                + "; a cluster map holds 0 or 1 only");
                    }
                    sets.makeSet(i, 1);
                    boolean up = r > 0;
                    boolean left = c > 0;
                    boolean right = c < l - 1;
                    if (v == 1) {
                        mass++;
                        if (left && maps[offset + i - 1] == 1) {
                            sets.union(i, i - 1);
                        }
                        if (up && maps[offset + i - l] == 1) {
                            sets.union(i, i - l);
                        }
                    } else {
                        if (left && maps[offset + i - 1] == 0) {
                            sets.union(i, i - 1);
                        }
                        if (up && maps[offset + i - l] == 0) {
                            sets.union(i, i - l);
                        }
                        if (up && left && maps[offset + i - l - 1] == 0) {
                            sets.union(i, i - l - 1);
                        }
                        if (up && right && maps[offset + i - l + 1] == 0) {
                            sets.union(i, i - l + 1);
                        }
                        if (!up || !left || !right || r == l - 1) {
                            sets.union(i, frame);
                        }
                    }
                }
            }
            int exterior = sets.find(frame);
            Arrays.fill(sides, 0);
            for (int k = 0; k < l; k++) {
                markSide(maps, offset, k, TOP);
                markSide(maps, offset, (l - 1) * l + k, BOTTOM);
                markSide(maps, offset, k * l, LEFT);
                markSide(maps, offset, k * l + l - 1, RIGHT);
            }
            int pieces = 0;
            int largest = 0;
            boolean topBottom = false;
            boolean leftRight = false;
            int holes = 0;
            int hull = 0;
            for (int i = 0; i < sites; i++) {
                boolean occupied = maps[offset + i] == 1;
                if (sets.isRoot(i)) {
                    if (occupied) {
                        pieces++;
                        largest = Math.max(largest, sets.weight(i));
                        topBottom |= (sides[i] & (TOP | BOTTOM)) == (TOP | BOTTOM);
                        leftRight |= (sides[i] & (LEFT | RIGHT)) == (LEFT | RIGHT);
                    } else if (i != exterior) {
                        holes++;
                    }
                }
                if (occupied && onHull(maps, offset, i, exterior)) {
                    hull++;
                }
            }
            int[] holeAreas = new int[holes];
            int h = 0;
            for (int i = 0; i < sites && h < holes; i++) {
                if (sets.isRoot(i) && maps[offset + i] == 0 && i != exterior) {
                    holeAreas[h++] = sets.weight(i);
                }
            }
            return new ClusterMapMeasures(l, mass, pieces, largest, topBottom, leftRight, hull, holeAreas);
        }

        private void markSide(byte[] maps, int offset, int site, int side) {
            if (maps[offset + site] == 1) {
                sides[sets.find(site)] |= side;
            }
        }

        private boolean onHull(byte[] maps, int offset, int i, int exterior) {
            int l = size;
            int r = i / l;
            int c = i - r * l;
            if (r == 0 || c == 0 || r == l - 1 || c == l - 1) {
                return true;
            }
            return exteriorSite(maps, offset, i - 1, exterior)
                    || exteriorSite(maps, offset, i + 1, exterior)
                    || exteriorSite(maps, offset, i - l, exterior)
                    || exteriorSite(maps, offset, i + l, exterior);
        }

        private boolean exteriorSite(byte[] maps, int offset, int j, int exterior) {
            return maps[offset + j] == 0 && sets.find(j) == exterior;
        }
    }
}
