package org.scalefreebench.datasets.physics;

import com.google.errorprone.annotations.FormatMethod;
import com.google.errorprone.annotations.FormatString;
import io.qameta.allure.Allure;

/** Reports a physics check's measured values: on standard output and as an Allure attachment. */
final class Measurement {

    private Measurement() {}

    @FormatMethod
    static void report(@FormatString String format, Object... args) {
        String text = String.format(format, args);
        System.out.print(text);
        Allure.addAttachment("measured", "text/plain", text, ".txt");
    }
}
