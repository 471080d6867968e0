package org.scalefreebench.datasets.cli;

/** Range checks of command-line options, with messages that give the allowed range; shared by the project's CLIs. */
public final class Arguments {

    private Arguments() {}

    /**
     * @param option the option's name, e.g. {@code --size}
     * @param value  the value given
     * @param min    the smallest allowed value
     * @param max    the largest allowed value
     * @throws IllegalArgumentException naming the option, the value and the range if it is outside
     */
    public static void checkRange(String option, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(
                    option + " " + value + " is outside the allowed range [" + min + ", " + max + "]");
        }
    }
}
