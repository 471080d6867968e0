package org.scalefreebench.datasets.npy;

/**
 * The NumPy element types this codec reads and writes, each with its NPY {@code descr} string
 * (byte-order character, kind, item size) and item size in bytes. Multi-byte types are always
 * little-endian.
 */
public enum NpyDtype {
    /** {@code numpy.uint8}, descr {@code '|u1'}. */
    UINT8("|u1", 1),
    /** {@code numpy.int32} little-endian, descr {@code '<i4'}. */
    INT32("<i4", 4),
    /** {@code numpy.float32} little-endian, descr {@code '<f4'}. */
    FLOAT32("<f4", 4),
    /** {@code numpy.float64} little-endian, descr {@code '<f8'}. */
    FLOAT64("<f8", 8);

    private final String descr;
    private final int itemSize;

    NpyDtype(String descr, int itemSize) {
        this.descr = descr;
        this.itemSize = itemSize;
    }

    /** @return the NPY header {@code descr} string, e.g. {@code "<i4"} */
    public String descr() {
        return descr;
    }

    /** @return the size of one element in bytes */
    public int itemSize() {
        return itemSize;
    }

    /**
     * @param descr an NPY {@code descr} string exactly as numpy writes it, e.g. {@code "|u1"}
     * @return the matching dtype
     * @throws IllegalArgumentException if {@code descr} is not one of the supported descr strings
     */
    public static NpyDtype fromDescr(String descr) {
        for (NpyDtype dtype : values()) {
            if (dtype.descr.equals(descr)) {
                return dtype;
            }
        }
        throw new IllegalArgumentException("unsupported NPY dtype " + quote(descr) + describeSuffix(descr)
                + ", expected one of " + supportedList());
    }

    /** @return the type code without the byte-order character, e.g. {@code "i4"} */
    String typeCode() {
        return descr.substring(1);
    }

    /** @return descr and numpy name for messages, e.g. {@code '<i4' (int32)} */
    String describe() {
        return describe(descr);
    }

    /** @return {@code 'descr' (numpy name)} for messages; the name is left out when unknown */
    static String describe(String descr) {
        return quote(descr) + describeSuffix(descr);
    }

    /** @return the supported descr strings, for messages */
    static String supportedList() {
        StringBuilder sb = new StringBuilder();
        for (NpyDtype dtype : values()) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(dtype.describe());
        }
        return sb.toString();
    }

    private static String quote(String s) {
        return s == null ? "null" : "'" + s + "'";
    }

    private static String describeSuffix(String descr) {
        String name = numpyName(descr);
        return name == null ? "" : " (" + name + ")";
    }

    /** @return numpy's name for a descr such as {@code '<f4'} (float32), or null if not recognised */
    static String numpyName(String descr) {
        if (descr == null || descr.isEmpty()) {
            return null;
        }
        String code = "<>|=".indexOf(descr.charAt(0)) >= 0 ? descr.substring(1) : descr;
        String name = switch (code) {
            case "b1" -> "bool";
            case "i1" -> "int8";
            case "u1" -> "uint8";
            case "i2" -> "int16";
            case "u2" -> "uint16";
            case "i4" -> "int32";
            case "u4" -> "uint32";
            case "i8" -> "int64";
            case "u8" -> "uint64";
            case "f2" -> "float16";
            case "f4" -> "float32";
            case "f8" -> "float64";
            case "f16" -> "longdouble";
            case "c8" -> "complex64";
            case "c16" -> "complex128";
            case "O" -> "object";
            default -> null;
        };
        if (name != null || code.isEmpty()) {
            return name;
        }
        return switch (code.charAt(0)) {
            case 'U' -> "unicode string";
            case 'S' -> "byte string";
            case 'V' -> "void/structured";
            case 'M' -> "datetime64";
            case 'm' -> "timedelta64";
            default -> null;
        };
    }
}
