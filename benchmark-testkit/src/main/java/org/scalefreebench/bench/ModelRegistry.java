package org.scalefreebench.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.scalefreebench.datasets.model.BenchmarkModel;
import org.scalefreebench.datasets.task.Tier;

/**
 * The registered models: every {@link BenchmarkModel} that {@link ServiceLoader} finds on the class
 * path, keyed by id, in id order. Ids must be well formed and unique.
 */
public final class ModelRegistry {

    private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private final Map<String, BenchmarkModel> models;

    private ModelRegistry(Map<String, BenchmarkModel> models) {
        this.models = Collections.unmodifiableMap(models);
    }

    /**
     * @return the models registered on the class path
     * @throws IllegalStateException naming the classes if an id is malformed or taken twice
     */
    public static ModelRegistry load() {
        List<BenchmarkModel> found = new ArrayList<>();
        ServiceLoader.load(BenchmarkModel.class).forEach(found::add);
        return of(found);
    }

    /**
     * @param found models
     * @return a registry of them
     * @throws IllegalStateException naming the classes if an id is malformed or taken twice
     */
    public static ModelRegistry of(List<BenchmarkModel> found) {
        Map<String, BenchmarkModel> byId = new java.util.TreeMap<>();
        for (BenchmarkModel m : found) {
            String id = requireWellFormedId(m, m.id());
            BenchmarkModel old = byId.put(id, m);
            if (old != null) {
                throw new IllegalStateException("model id '" + id + "' is registered twice: by "
                        + old.getClass().getName() + " and " + m.getClass().getName());
            }
        }
        return new ModelRegistry(new LinkedHashMap<>(byId));
    }

    /**
     * @param provider the model or generator that declares the id
     * @param id       its id
     * @return the id
     * @throws IllegalStateException naming the provider's class if the id is not lower-case letters
     *                               and digits in dash-separated words
     */
    static String requireWellFormedId(Object provider, String id) {
        if (!isWellFormedId(id)) {
            throw new IllegalStateException(provider.getClass().getName() + " has id '" + id
                    + "'; ids are lower-case letters and digits in dash-separated words");
        }
        return id;
    }

    /**
     * @param id a model id
     * @return whether it is lower-case letters and digits in dash-separated words, as every model id must be
     */
    public static boolean isWellFormedId(String id) {
        return id != null && ID.matcher(id).matches();
    }

    /** @return all models, by id */
    public Map<String, BenchmarkModel> all() {
        return models;
    }

    /** @return the known ids, comma-separated */
    public String ids() {
        return String.join(", ", models.keySet());
    }

    /**
     * @param id a model id
     * @return the model
     * @throws IllegalArgumentException listing the known ids if none has this id
     */
    public BenchmarkModel get(String id) {
        BenchmarkModel m = models.get(id);
        if (m == null) {
            throw new IllegalArgumentException("unknown model id '" + id + "'; known model ids: " + ids());
        }
        return m;
    }

    /**
     * @param filter comma-separated model ids; null or blank for every model that runs in the tier
     * @param tier   the tier being run
     * @return the selected models, in id order
     * @throws IllegalArgumentException listing the known ids if the filter names an unknown one, or
     *                                  naming the model's tiers if it names one that does not run in this tier
     */
    public List<BenchmarkModel> select(String filter, Tier tier) {
        List<BenchmarkModel> out = new ArrayList<>();
        boolean all = filter == null || filter.isBlank();
        for (BenchmarkModel m : select(filter)) {
            if (m.tiers().contains(tier)) {
                out.add(m);
            } else if (!all) {
                throw new IllegalArgumentException("model " + m.id() + " does not run in tier " + tier.id()
                        + "; its tiers: "
                        + m.tiers().stream().map(Tier::id).collect(Collectors.joining(", ")));
            }
        }
        return out;
    }

    /**
     * @param filter comma-separated model ids; null or blank for all
     * @return the selected models, in id order
     * @throws IllegalArgumentException listing the known ids if the filter names an unknown one
     */
    public List<BenchmarkModel> select(String filter) {
        if (filter == null || filter.isBlank()) {
            return List.copyOf(models.values());
        }
        List<BenchmarkModel> out = new ArrayList<>();
        for (String id : filter.split(",")) {
            BenchmarkModel m = get(id.trim());
            if (!out.contains(m)) {
                out.add(m);
            }
        }
        return out;
    }
}
