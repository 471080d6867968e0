package org.scalefreebench.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import org.scalefreebench.datasets.model.MaskGenerator;
import org.scalefreebench.datasets.task.Tier;

/**
 * The registered generators: every {@link MaskGenerator} that {@link ServiceLoader} finds on the
 * class path, keyed by id, in id order. Ids must be well formed (as model ids) and unique.
 */
public final class GeneratorRegistry {

    private final Map<String, MaskGenerator> generators;

    private GeneratorRegistry(Map<String, MaskGenerator> generators) {
        this.generators = Collections.unmodifiableMap(generators);
    }

    /**
     * @return the generators registered on the class path
     * @throws IllegalStateException naming the classes if an id is malformed or taken twice
     */
    public static GeneratorRegistry load() {
        List<MaskGenerator> found = new ArrayList<>();
        ServiceLoader.load(MaskGenerator.class).forEach(found::add);
        return of(found);
    }

    /**
     * @param found generators
     * @return a registry of them
     * @throws IllegalStateException naming the classes if an id is malformed or taken twice
     */
    public static GeneratorRegistry of(List<MaskGenerator> found) {
        Map<String, MaskGenerator> byId = new TreeMap<>();
        for (MaskGenerator g : found) {
            String id = ModelRegistry.requireWellFormedId(g, g.id());
            MaskGenerator old = byId.put(id, g);
            if (old != null) {
                throw new IllegalStateException("generator id '" + id + "' is registered twice: by "
                        + old.getClass().getName() + " and " + g.getClass().getName());
            }
        }
        return new GeneratorRegistry(new LinkedHashMap<>(byId));
    }

    /** @return all generators, by id */
    public Map<String, MaskGenerator> all() {
        return generators;
    }

    /**
     * @param ids  generator ids named by the run (empty when the run names none: then every
     *             generator that runs in the tier)
     * @param tier the tier being run
     * @return the selected generators, in id order
     * @throws IllegalArgumentException naming the generator's tiers if an id names one that does not run in the tier
     */
    public List<MaskGenerator> select(List<String> ids, Tier tier) {
        List<MaskGenerator> out = new ArrayList<>();
        if (ids.isEmpty()) {
            generators.values().stream().filter(g -> g.tiers().contains(tier)).forEach(out::add);
            return out;
        }
        for (String id : ids) {
            MaskGenerator g = generators.get(id);
            if (g == null) {
                throw new IllegalArgumentException("unknown generator id '" + id + "'; known generator ids: "
                        + String.join(", ", generators.keySet()));
            }
            if (!g.tiers().contains(tier)) {
                throw new IllegalArgumentException("generator " + g.id() + " does not run in tier " + tier.id());
            }
            if (!out.contains(g)) {
                out.add(g);
            }
        }
        return out;
    }
}
