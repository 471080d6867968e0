package org.scalefreebench.bench;

/**
 * Run by the build before the benchmark (benchmark-suite's pre-integration-test phase): reads the
 * benchmark's system properties ({@code scalefree.tier}, {@code scalefree.models}, {@code
 * scalefree.tasks}, {@code scalefree.seeds}, {@code scalefree.budget.seconds}) and fails the build
 * at once, naming the property, on an unknown tier, model, generator or task id, a model that does
 * not run in the tier, or a malformed number. The benchmark itself records a model's failure and
 * goes on (its failures fail the build later, in the reports module); a wrong setting is not a
 * model's failure and must not look like a green run, e.g. under {@code mvn verify -pl
 * benchmark-suite}.
 */
public final class SettingsCheck {

    private SettingsCheck() {}

    /**
     * @param args none
     */
    public static void main(String[] args) {
        try {
            BenchmarkSettings settings = BenchmarkSettings.fromSystemProperties();
            Selection selection = Selection.of(settings, ModelRegistry.load(), GeneratorRegistry.load());
            System.out.println("benchmark settings: tier " + settings.tier().id() + ", "
                    + selection.models().size() + " model(s), "
                    + selection.generators().size()
                    + " generator(s), " + settings.tasks().size() + " task(s), seeds " + settings.seeds());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("benchmark settings refused: " + e.getMessage(), e);
        }
    }
}
