package org.scalefreebench.datasets.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.scalefreebench.datasets.spec.DatasetSpec;
import org.scalefreebench.datasets.spec.SpecCatalogue;

class ConsoleProgressTest {

    @Test
    void withoutATerminalASplitIsOneLineAtItsStartAndOneAtItsEnd() {
        StringWriter text = new StringWriter();
        ConsoleProgress progress = new ConsoleProgress(new PrintWriter(text, true), false);
        DatasetSpec spec = SpecCatalogue.published().get("percolation-L32-smoke-v1");
        progress.start(spec, spec.split("train"), 60);
        for (int i = 0; i < 60; i++) {
            progress.advance(1);
        }
        progress.finish();
        String out = text.toString();
        assertFalse(out.contains("\r"), "no carriage return: " + out);
        String[] lines = out.split("\n");
        assertEquals(2, lines.length, out);
        assertEquals("percolation-L32-smoke-v1/train: generating 60 maps", lines[0]);
        assertTrue(lines[1].matches("percolation-L32-smoke-v1/train: 60 maps in [0-9.]+ s"), lines[1]);
    }
}
