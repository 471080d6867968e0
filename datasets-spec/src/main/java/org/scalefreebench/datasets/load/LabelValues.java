package org.scalefreebench.datasets.load;

import java.util.Locale;
import java.util.Objects;
import org.scalefreebench.datasets.family.LabelColumn;
import org.scalefreebench.datasets.npy.NpyDtype;

/**
 * The values of one label column of a loaded split, as a plain array of the column's dtype
 * (uint8 as {@code byte[]}, int32 as {@code int[]}, float32 as {@code float[]}, float64 as
 * {@code double[]}), in C order.
 */
public final class LabelValues {

    private final LabelColumn column;
    private final Object array;
    private final int length;

    private LabelValues(LabelColumn column, Object array, int length, NpyDtype given) {
        this.column = Objects.requireNonNull(column, "column");
        this.array = Objects.requireNonNull(array, "array");
        this.length = length;
        if (column.dtype() != given) {
            throw new IllegalArgumentException("label column '" + column.id() + "' is " + name(column.dtype())
                    + ", got " + name(given) + " values");
        }
    }

    /**
     * @param column a uint8 column
     * @param values its values
     * @return the view
     */
    public static LabelValues ofUint8(LabelColumn column, byte[] values) {
        return new LabelValues(column, values, values.length, NpyDtype.UINT8);
    }

    /**
     * @param column an int32 column
     * @param values its values
     * @return the view
     */
    public static LabelValues ofInt32(LabelColumn column, int[] values) {
        return new LabelValues(column, values, values.length, NpyDtype.INT32);
    }

    /**
     * @param column a float32 column
     * @param values its values
     * @return the view
     */
    public static LabelValues ofFloat32(LabelColumn column, float[] values) {
        return new LabelValues(column, values, values.length, NpyDtype.FLOAT32);
    }

    /**
     * @param column a float64 column
     * @param values its values
     * @return the view
     */
    public static LabelValues ofFloat64(LabelColumn column, double[] values) {
        return new LabelValues(column, values, values.length, NpyDtype.FLOAT64);
    }

    /** @return the column these values belong to */
    public LabelColumn column() {
        return column;
    }

    /** @return the number of values */
    public int length() {
        return length;
    }

    /** @return the values of a uint8 column */
    public byte[] uint8() {
        return (byte[]) as(NpyDtype.UINT8);
    }

    /** @return the values of an int32 column */
    public int[] int32() {
        return (int[]) as(NpyDtype.INT32);
    }

    /** @return the values of a float32 column */
    public float[] float32() {
        return (float[]) as(NpyDtype.FLOAT32);
    }

    /** @return the values of a float64 column */
    public double[] float64() {
        return (double[]) as(NpyDtype.FLOAT64);
    }

    private Object as(NpyDtype wanted) {
        if (column.dtype() != wanted) {
            throw new IllegalStateException(
                    "label column '" + column.id() + "' is " + name(column.dtype()) + ", not " + name(wanted));
        }
        return array;
    }

    private static String name(NpyDtype dtype) {
        return dtype.name().toLowerCase(Locale.ROOT);
    }
}
