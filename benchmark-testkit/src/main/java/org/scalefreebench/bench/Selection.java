package org.scalefreebench.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.scalefreebench.bench.result.DensityGap;
import org.scalefreebench.datasets.model.BenchmarkModel;
import org.scalefreebench.datasets.model.MaskGenerator;

/**
 * The models and generators a run's settings name ({@code scalefree.models}: model and generator
 * ids mixed, or blank for every one that runs in the tier), checked against their registries and
 * the tier. Models come in id order with {@code density-baseline} first, so that its rows exist
 * when the others' charts are drawn.
 *
 * @param models     the models to run
 * @param generators the generators to run
 */
public record Selection(List<BenchmarkModel> models, List<MaskGenerator> generators) {

    /** Immutable copies. */
    public Selection {
        models = List.copyOf(models);
        generators = List.copyOf(generators);
    }

    /**
     * @param settings   the run's settings
     * @param models     the model registry
     * @param generators the generator registry
     * @return what the settings name
     * @throws IllegalArgumentException naming an unknown id (with the known ids) or one that does not
     *     run in the settings' tier (with its tiers)
     */
    public static Selection of(BenchmarkSettings settings, ModelRegistry models, GeneratorRegistry generators) {
        List<String> named = settings.modelIds().isBlank()
                ? List.of()
                : Arrays.stream(settings.modelIds().split(","))
                        .map(String::trim)
                        .toList();
        List<String> generatorIds =
                named.stream().filter(id -> generators.all().containsKey(id)).toList();
        List<String> modelIds =
                named.stream().filter(id -> !generatorIds.contains(id)).toList();
        List<BenchmarkModel> chosen = named.isEmpty()
                ? new ArrayList<>(models.select("", settings.tier()))
                : modelIds.isEmpty()
                        ? new ArrayList<>()
                        : new ArrayList<>(models.select(String.join(",", modelIds), settings.tier()));
        List<MaskGenerator> drawers = named.isEmpty() || !generatorIds.isEmpty()
                ? generators.select(generatorIds, settings.tier())
                : List.of();
        chosen.sort(Comparator.comparing((BenchmarkModel m) -> !m.id().equals(DensityGap.BASELINE)));
        return new Selection(chosen, drawers);
    }
}
