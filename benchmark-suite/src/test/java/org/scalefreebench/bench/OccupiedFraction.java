package org.scalefreebench.bench;

import org.scalefreebench.datasets.load.SplitData;

/** The density rule's predictions in tests: each map's occupied fraction, as a numpy user might submit it. */
public final class OccupiedFraction {

    private OccupiedFraction() {}

    /**
     * @param test a split of site maps
     * @param by   a shift added to every fraction
     * @return the occupied fraction of each map, shifted by {@code by} and kept in [0, 1]
     */
    public static float[] of(SplitData test, float by) {
        return of(test.maps(), test.samples(), test.size(), by);
    }

    /**
     * @param maps  {@code count} L×L site maps, row-major, 0 or 1
     * @param count how many maps
     * @param size  L
     * @param by    a shift added to every fraction
     * @return the occupied fraction of each map, shifted by {@code by} and kept in [0, 1]
     */
    public static float[] of(byte[] maps, int count, int size, float by) {
        int sites = size * size;
        float[] d = new float[count];
        for (int m = 0; m < d.length; m++) {
            int occupied = 0;
            for (int i = m * sites; i < (m + 1) * sites; i++) {
                occupied += maps[i];
            }
            d[m] = Math.min(1f, Math.max(0f, (float) occupied / sites + by));
        }
        return d;
    }
}
