package org.scalefreebench.bench.result;

import java.util.List;

/** Markdown text of the result pages: escaped inline text and pipe tables. */
public final class Markdown {

    private Markdown() {}

    /**
     * @param s text, may be null
     * @return the text on one line, with a backslash before each character that Markdown tables or
     *         inline syntax would interpret ({@code \ | ` * _ [ ] < > &}), so it renders as written
     */
    public static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\r' || c == '\n') {
                b.append(' ');
            } else {
                if ("\\|`*_[]<>&".indexOf(c) >= 0) {
                    b.append('\\');
                }
                b.append(c);
            }
        }
        return b.toString();
    }

    /**
     * Appends a pipe table, every cell escaped, then a blank line. The second column (the model) is
     * left-aligned, the others right-aligned.
     *
     * @param b       where to append
     * @param columns the column titles
     * @param rows    the cells, row by row
     */
    public static void table(StringBuilder b, List<String> columns, List<List<String>> rows) {
        b.append('|');
        for (String c : columns) {
            b.append(' ').append(escape(c)).append(" |");
        }
        b.append("\n|");
        for (int i = 0; i < columns.size(); i++) {
            b.append(i == 1 ? "---|" : "---:|");
        }
        b.append('\n');
        for (List<String> row : rows) {
            b.append('|');
            for (String cell : row) {
                b.append(' ').append(escape(cell)).append(" |");
            }
            b.append('\n');
        }
        b.append('\n');
    }

    /**
     * Appends the notes under a table, one per line (hard line breaks), then a blank line; nothing
     * when there are none.
     *
     * @param b     where to append
     * @param notes the notes, e.g. {@link Footnotes#lines()}
     */
    public static void notes(StringBuilder b, List<String> notes) {
        if (notes.isEmpty()) {
            return;
        }
        notes.forEach(n -> b.append(escape(n)).append("  \n"));
        b.append('\n');
    }
}
