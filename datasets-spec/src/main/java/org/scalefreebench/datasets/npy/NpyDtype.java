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
        switch (code) {
            case "b1": return "bool";
            case "i1": return "int8";
            case "u1": return "uint8";
            case "i2": return "int16";
            case "u2": return "uint16";
            case "i4": return "int32";
            case "u4": return "uint32";
            case "i8": return "int64";
            case "u8": return "uint64";
            case "f2": return "float16";
            case "f4": return "float32";
            case "f8": return "float64";
            case "f16": return "longdouble";
            case "c8": return "complex64";
            case "c16": return "complex128";
            case "O": return "object";
            default:
                break;
        }
        if (code.isEmpty()) {
            return null;
        }
        switch (code.charAt(0)) {
            case 'U': return "unicode string";
            case 'S': return "byte string";
            case 'V': return "void/structured";
            case 'M': return "datetime64";
            case 'm': return "timedelta64";
            default: return null;
        }
    }
}
