package org.scalefreebench.datasets.npy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads and checks the NPY preamble and header dict of a file: magic, version (1.0 or 2.0),
 * header length, and the Python-literal dict with exactly the keys {@code descr},
 * {@code fortran_order} and {@code shape}. Checking the dtype and shape against expectations is
 * left to {@link NpyReader}.
 */
final class NpyHeaderParser {

    /** The six magic bytes every NPY file starts with: {@code \x93NUMPY}. */
    static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};

    /** Headers longer than this are rejected rather than read into memory. */
    static final int MAX_HEADER_BYTES = 1 << 20;

    private static final int MAX_SHOWN_HEADER_CHARS = 200;

    /** Python's {@code None}. */
    private static final Object NONE = new Object();

    /** A header as found in the file, before its dtype is resolved. */
    record RawHeader(String descr, boolean fortranOrder, long[] shape, int dataOffset) {}

    private NpyHeaderParser() {}

    /**
     * Reads the header from the start of {@code channel}; leaves the channel position unspecified.
     *
     * @param file     the file, for messages
     * @param channel  an open channel on the file
     * @param fileSize the size of the file in bytes
     */
    static RawHeader read(Path file, FileChannel channel, long fileSize) throws IOException {
        int preambleMax = MAGIC.length + 2 + 4;
        ByteBuffer pre =
                ByteBuffer.allocate((int) Math.min(preambleMax, fileSize)).order(ByteOrder.LITTLE_ENDIAN);
        readFully(file, channel, pre, 0);
        byte[] start = new byte[pre.limit()];
        pre.get(0, start);
        checkMagic(file, start, fileSize);
        if (fileSize < MAGIC.length + 2) {
            throw new NpyFormatException(
                    file,
                    "file is " + fileSize + " bytes, expected at least 10 bytes for the"
                            + " NPY preamble (magic, version, header length); the file is truncated");
        }
        int major = start[6] & 0xff;
        int minor = start[7] & 0xff;
        if ((major != 1 && major != 2) || minor != 0) {
            throw new NpyFormatException(
                    file,
                    "NPY format version " + major + "." + minor + " is not supported, expected version 1.0 or 2.0");
        }
        int lengthBytes = major == 1 ? 2 : 4;
        int preamble = MAGIC.length + 2 + lengthBytes;
        if (fileSize < preamble) {
            throw new NpyFormatException(
                    file,
                    "file is " + fileSize + " bytes, expected at least " + preamble
                            + " bytes for the NPY " + major + ".0 preamble (magic, version, header length);"
                            + " the file is truncated");
        }
        long headerLength = major == 1 ? pre.getShort(8) & 0xffffL : pre.getInt(8) & 0xffffffffL;
        if (headerLength > MAX_HEADER_BYTES) {
            throw new NpyFormatException(
                    file,
                    "header length field says " + headerLength + " bytes, expected at most " + MAX_HEADER_BYTES
                            + " bytes");
        }
        int dataOffset = preamble + (int) headerLength;
        if (fileSize < dataOffset) {
            throw new NpyFormatException(
                    file,
                    "file is " + fileSize + " bytes, expected at least " + dataOffset
                            + " bytes for the header (header length field says " + headerLength
                            + " bytes); the file is truncated");
        }
        ByteBuffer headerBytes = ByteBuffer.allocate((int) headerLength);
        readFully(file, channel, headerBytes, preamble);
        String text = new String(headerBytes.array(), StandardCharsets.ISO_8859_1);
        return parseDict(file, text, dataOffset);
    }

    private static void checkMagic(Path file, byte[] start, long fileSize) throws NpyFormatException {
        int n = Math.min(start.length, MAGIC.length);
        boolean prefixMatches = true;
        for (int i = 0; i < n; i++) {
            prefixMatches &= start[i] == MAGIC[i];
        }
        if (!prefixMatches) {
            byte[] found = new byte[n];
            System.arraycopy(start, 0, found, 0, n);
            throw new NpyFormatException(
                    file,
                    "not an NPY file: starts with bytes " + hex(found) + ", expected the magic " + hex(MAGIC)
                            + " (\"\\x93NUMPY\")");
        }
        if (n < MAGIC.length) {
            throw new NpyFormatException(
                    file,
                    "file is " + fileSize + " bytes, expected at least 10 bytes for the"
                            + " NPY preamble (magic, version, header length); the file is truncated");
        }
    }

    private static void readFully(Path file, FileChannel channel, ByteBuffer dst, long position) throws IOException {
        long pos = position;
        while (dst.hasRemaining()) {
            int n = channel.read(dst, pos);
            if (n < 0) {
                throw new NpyFormatException(
                        file,
                        "file ended at byte " + pos + " while reading the header, expected " + dst.remaining()
                                + " more bytes; the file is truncated or changed while being read");
            }
            pos += n;
        }
        dst.flip();
    }

    private static String hex(byte[] bytes) {
        StringBuilder sb = new StringBuilder();
        for (byte b : bytes) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(String.format("%02X", b & 0xff));
        }
        return bytes.length == 0 ? "(none)" : sb.toString();
    }

    /** Parses the header dict text and checks its keys and value types. */
    static RawHeader parseDict(Path file, String text, int dataOffset) throws NpyFormatException {
        Map<String, Object> dict = new Literal(file, text).parseHeader();
        if (!dict.keySet().equals(Set.of("descr", "fortran_order", "shape"))) {
            throw malformed(
                    file, text, "keys " + dict.keySet() + ", expected exactly 'descr', 'fortran_order' and 'shape'");
        }
        Object descr = dict.get("descr");
        if (!(descr instanceof String descrText)) {
            throw new NpyFormatException(
                    file,
                    "header 'descr' is " + repr(descr)
                            + ", expected a dtype string such as '<i4' (structured dtypes are not supported)");
        }
        Object fortran = dict.get("fortran_order");
        if (!(fortran instanceof Boolean fortranOrder)) {
            throw new NpyFormatException(
                    file, "header 'fortran_order' is " + repr(fortran) + ", expected True or False");
        }
        Object shapeValue = dict.get("shape");
        if (!(shapeValue instanceof Tuple tuple)) {
            throw new NpyFormatException(
                    file, "header 'shape' is " + repr(shapeValue) + ", expected a tuple of non-negative integers");
        }
        long[] shape = new long[tuple.items().size()];
        for (int i = 0; i < shape.length; i++) {
            Object dim = tuple.items().get(i);
            if (!(dim instanceof Long d) || d < 0) {
                throw new NpyFormatException(
                        file, "header 'shape' is " + repr(shapeValue) + ", expected a tuple of non-negative integers");
            }
            shape[i] = d;
        }
        try {
            NpyHeader.elementCount(shape);
        } catch (IllegalArgumentException e) {
            throw new NpyFormatException(file, e.getMessage());
        }
        return new RawHeader(descrText, fortranOrder, shape, dataOffset);
    }

    private static NpyFormatException malformed(Path file, String text, String detail) {
        return new NpyFormatException(
                file, "malformed header dict: " + detail + "; header is " + show(text.stripTrailing()));
    }

    /** @return the header text quoted, with control characters escaped, shortened if long */
    private static String show(String text) {
        String t = text.length() > MAX_SHOWN_HEADER_CHARS ? text.substring(0, MAX_SHOWN_HEADER_CHARS) : text;
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == '\n') {
                sb.append("\\n");
            } else if (c < 0x20 || c >= 0x7f) {
                sb.append(String.format("\\x%02x", (int) c));
            } else {
                sb.append(c);
            }
        }
        sb.append('"');
        if (t.length() < text.length()) {
            sb.append("... (").append(text.length()).append(" chars)");
        }
        return sb.toString();
    }

    private static String repr(Object value) {
        if (value instanceof String s) {
            return "'" + s + "'";
        }
        if (value instanceof Boolean b) {
            return b ? "True" : "False";
        }
        if (value == NONE) {
            return "None";
        }
        if (value instanceof Tuple t) {
            StringBuilder sb = new StringBuilder("(");
            for (int i = 0; i < t.items().size(); i++) {
                sb.append(i > 0 ? ", " : "").append(repr(t.items().get(i)));
            }
            return sb.append(t.items().size() == 1 ? ",)" : ")").toString();
        }
        if (value instanceof List<?> list) {
            StringBuilder sb = new StringBuilder("[");
            for (int i = 0; i < list.size(); i++) {
                sb.append(i > 0 ? ", " : "").append(repr(list.get(i)));
            }
            return sb.append(']').toString();
        }
        if (value instanceof Map<?, ?>) {
            return "a dict";
        }
        return String.valueOf(value);
    }

    /** A Python tuple. */
    private record Tuple(List<Object> items) {}

    /**
     * A parser for the subset of Python literals found in NPY headers: a dict of string keys to
     * strings (no escapes), integers, True, False, None, tuples, lists and dicts.
     */
    private static final class Literal {
        private final Path file;
        private final String text;
        private int pos;

        Literal(Path file, String text) {
            this.file = file;
            this.text = text;
        }

        Map<String, Object> parseHeader() throws NpyFormatException {
            skipSpace();
            if (pos >= text.length() || text.charAt(pos) != '{') {
                throw error("'{'");
            }
            Map<String, Object> dict = parseDictLiteral();
            skipSpace();
            if (pos < text.length()) {
                throw error("only spaces and a newline after the closing '}'");
            }
            return dict;
        }

        private Object parseValue() throws NpyFormatException {
            skipSpace();
            if (pos >= text.length()) {
                throw error("a value");
            }
            char c = text.charAt(pos);
            if (c == '\'' || c == '"') {
                return parseString();
            }
            if (c == '(') {
                return parseTuple();
            }
            if (c == '[') {
                pos++;
                return parseSequence(']');
            }
            if (c == '{') {
                return parseDictLiteral();
            }
            if (c == '-' || (c >= '0' && c <= '9')) {
                return parseInteger();
            }
            if (text.startsWith("True", pos)) {
                pos += 4;
                return true;
            }
            if (text.startsWith("False", pos)) {
                pos += 5;
                return false;
            }
            if (text.startsWith("None", pos)) {
                pos += 4;
                return NONE;
            }
            throw error("a string, integer, True, False, None, tuple, list or dict");
        }

        private Map<String, Object> parseDictLiteral() throws NpyFormatException {
            pos++;
            Map<String, Object> dict = new LinkedHashMap<>();
            while (true) {
                skipSpace();
                if (peek() == '}') {
                    pos++;
                    return dict;
                }
                int keyStart = pos;
                if (peek() != '\'' && peek() != '"') {
                    throw error("a quoted key or '}'");
                }
                String key = parseString();
                skipSpace();
                expect(':');
                Object value = parseValue();
                if (dict.put(key, value) != null) {
                    pos = keyStart;
                    throw error("no duplicate key '" + key + "'");
                }
                skipSpace();
                if (peek() == ',') {
                    pos++;
                } else if (peek() != '}') {
                    throw error("',' or '}'");
                }
            }
        }

        private Object parseTuple() throws NpyFormatException {
            pos++;
            skipSpace();
            if (peek() == ')') {
                pos++;
                return new Tuple(List.of());
            }
            Object first = parseValue();
            skipSpace();
            if (peek() == ')') {
                pos++;
                return first;
            }
            expect(',');
            List<Object> rest = parseSequence(')');
            List<Object> items = new ArrayList<>();
            items.add(first);
            items.addAll(rest);
            return new Tuple(items);
        }

        /** Parses comma-separated values up to {@code close}, allowing a trailing comma. */
        private List<Object> parseSequence(char close) throws NpyFormatException {
            List<Object> items = new ArrayList<>();
            while (true) {
                skipSpace();
                if (peek() == close) {
                    pos++;
                    return items;
                }
                items.add(parseValue());
                skipSpace();
                if (peek() == ',') {
                    pos++;
                } else if (peek() != close) {
                    throw error("',' or '" + close + "'");
                }
            }
        }

        private String parseString() throws NpyFormatException {
            char quote = text.charAt(pos);
            int start = ++pos;
            while (pos < text.length() && text.charAt(pos) != quote) {
                char c = text.charAt(pos);
                if (c == '\\' || c == '\n') {
                    throw error("a plain string without escapes or line breaks");
                }
                pos++;
            }
            if (pos >= text.length()) {
                pos = start - 1;
                throw error("a closing " + quote);
            }
            return text.substring(start, pos++);
        }

        private Long parseInteger() throws NpyFormatException {
            int start = pos;
            if (peek() == '-') {
                pos++;
            }
            int digits = pos;
            while (pos < text.length() && text.charAt(pos) >= '0' && text.charAt(pos) <= '9') {
                pos++;
            }
            if (pos == digits) {
                throw error("digits");
            }
            String number = text.substring(start, pos);
            if (peek() == 'L' || peek() == 'l') {
                pos++;
            }
            try {
                return Long.parseLong(number);
            } catch (NumberFormatException e) {
                pos = start;
                throw error("an integer that fits in 64 bits");
            }
        }

        private void expect(char c) throws NpyFormatException {
            if (peek() != c) {
                throw error("'" + c + "'");
            }
            pos++;
        }

        private char peek() {
            return pos < text.length() ? text.charAt(pos) : '\0';
        }

        private void skipSpace() {
            while (pos < text.length()) {
                char c = text.charAt(pos);
                if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                    return;
                }
                pos++;
            }
        }

        private NpyFormatException error(String expected) {
            String found = pos >= text.length() ? "end of header" : show(String.valueOf(text.charAt(pos)));
            return malformed(file, text, "expected " + expected + " at offset " + pos + ", found " + found);
        }
    }
}
