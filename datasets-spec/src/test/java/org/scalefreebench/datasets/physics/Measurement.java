package org.scalefreebench.datasets.physics;

import io.qameta.allure.Allure;

/** Reports a physics check's measured values: on standard output and as an Allure attachment. */
final class Measurement {

    private Measurement() {
    }

    static void report(String format, Object... args) {
        String text = String.format(format, args);
        System.out.print(text);
        Allure.addAttachment("measured", "text/plain", text, ".txt");
    }
}
