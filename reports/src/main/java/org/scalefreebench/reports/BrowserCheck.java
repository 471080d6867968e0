package org.scalefreebench.reports;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * Whether the report pages are also checked in a real browser: Debian's headless Chromium driven
 * through its chromedriver (never a downloaded one). The pure-Java check of the same pages
 * ({@code ReportFilesIT}) always runs. Chosen by {@code -Dscalefree.browser.check}.
 */
public enum BrowserCheck {
    /** Run where Chromium and its driver are installed; skip, and say so, where they are not (the default). */
    AUTO,
    /** Run; the build's preflight stops at the start if Chromium or its driver is missing ({@code .ci/run}). */
    REQUIRED,
    /** Never run. */
    OFF;

    /** The system property that chooses. */
    public static final String PROPERTY = "scalefree.browser.check";
    /** Debian's Chromium. */
    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    /** Debian's chromedriver. */
    public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    /**
     * @return the choice of {@value #PROPERTY} ({@code auto} if unset)
     * @throws IllegalArgumentException naming the known values if the property holds another
     */
    public static BrowserCheck fromSystemProperties() {
        String v = System.getProperty(PROPERTY, "auto").trim();
        try {
            return valueOf(v.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    PROPERTY + ": unknown value '" + v + "'; known values: "
                            + Arrays.stream(values())
                                    .map(x -> x.name().toLowerCase(Locale.ROOT))
                                    .toList(),
                    e);
        }
    }

    /** @return whether Chromium and its driver are installed */
    public static boolean installed() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    /** @return whether the browser check runs under this choice on this machine */
    public boolean runs() {
        return this == REQUIRED || (this == AUTO && installed());
    }

    /** @return one line for the build log and the report pages: how the pages are checked, and why */
    public String describe() {
        if (runs()) {
            return "Page checks: pure-Java HTML check, and in headless Chromium (" + CHROMIUM + ")";
        }
        return "Page checks: pure-Java HTML check only; the headless-Chromium check is skipped because "
                + (this == OFF
                        ? PROPERTY + "=off"
                        : CHROMIUM + " or " + CHROMEDRIVER
                                + " is not installed (apt-get install -y chromium chromium-driver)");
    }
}
