package org.scalefreebench.bench.result;

import java.util.ArrayList;
import java.util.List;

/** The notes under one table: each distinct text numbered once, in the order the cells first cite it. */
public final class Footnotes {

    private final List<String> texts = new ArrayList<>();

    /**
     * @param text a note
     * @return its mark for a cell, e.g. {@code (2)}; the same text always gets the same mark
     */
    public String mark(String text) {
        int i = texts.indexOf(text);
        if (i < 0) {
            texts.add(text);
            i = texts.size() - 1;
        }
        return "(" + (i + 1) + ")";
    }

    /** @return one line per note, in order, e.g. {@code (1) different seeds: …} */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            lines.add("(" + (i + 1) + ") " + texts.get(i));
        }
        return lines;
    }
}
