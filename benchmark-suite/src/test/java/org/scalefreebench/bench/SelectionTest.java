package org.scalefreebench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.scalefreebench.datasets.model.BenchmarkModel;
import org.scalefreebench.datasets.task.Task;
import org.scalefreebench.datasets.task.Tier;

class SelectionTest {

    private static BenchmarkSettings settings(Tier tier, String models) {
        return new BenchmarkSettings(
                tier,
                List.of(1L),
                models,
                EnumSet.allOf(Task.class),
                Duration.ofMinutes(1),
                Path.of("d"),
                Path.of("r"));
    }

    @Test
    void blankNamesEveryModelAndGeneratorOfTheTierWithDensityFirst() {
        Selection all = Selection.of(settings(Tier.DEFAULT, ""), ModelRegistry.load(), GeneratorRegistry.load());
        assertEquals("density-baseline", all.models().get(0).id());
        assertTrue(all.models().stream().allMatch(m -> m.tiers().contains(Tier.DEFAULT)));
        assertTrue(all.generators().stream().allMatch(g -> g.tiers().contains(Tier.DEFAULT)));
        assertTrue(all.models().stream().map(BenchmarkModel::id).toList().contains("fk-count-baseline"));
    }

    @Test
    void modelAndGeneratorIdsMayBeMixed() {
        Selection s = Selection.of(
                settings(Tier.DEFAULT, "fk-count-baseline, bernoulli-mask"),
                ModelRegistry.load(),
                GeneratorRegistry.load());
        assertEquals(
                List.of("fk-count-baseline"),
                s.models().stream().map(BenchmarkModel::id).toList());
        assertEquals(1, s.generators().size());
    }

    @Test
    void anUnknownIdOrAModelOutsideTheTierIsRefusedNamingIt() {
        IllegalArgumentException unknown = assertThrows(
                IllegalArgumentException.class,
                () -> Selection.of(settings(Tier.DEFAULT, "bogus"), ModelRegistry.load(), GeneratorRegistry.load()));
        assertTrue(unknown.getMessage().contains("'bogus'"), unknown.getMessage());
        IllegalArgumentException tier = assertThrows(
                IllegalArgumentException.class,
                () -> Selection.of(
                        settings(Tier.DEFAULT, "cnn-anagram-fk"), ModelRegistry.load(), GeneratorRegistry.load()));
        assertTrue(tier.getMessage().contains("does not run in tier default"), tier.getMessage());
    }
}
