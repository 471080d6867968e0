package org.scalefreebench.bench.result;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;
import java.util.function.ToIntFunction;

/**
 * The ranking rule for rows of different seed counts: they are never ranked as equals. Rows are
 * ranked among the rows of the same seed count only. The seed count most rows of the ranking have
 * (the larger on a tie) is the main group, listed first with plain places (1, 2, 3); every other
 * seed count follows, the larger first, its places marked with the count ("1 (5 seeds)"). A ranking
 * whose rows all have one seed count is unchanged by the rule.
 */
public final class SeedGroups {

    private SeedGroups() {}

    /**
     * One item of a ranking with its place.
     *
     * @param item  the item
     * @param place its place among the items of its seed count, from 1; equal keys share the first one's
     * @param seeds its seed count
     * @param main  whether its seed count is the ranking's main one
     * @param <T>   the item type
     */
    public record Placed<T>(T item, int place, int seeds, boolean main) {

        /** @return what follows the place: "" in the main group, else " (5 seeds)" or " (1 seed)" */
        public String mark() {
            return main ? "" : " (" + seeds + (seeds == 1 ? " seed)" : " seeds)");
        }
    }

    /**
     * @param items the items to rank
     * @param key   each item's sort key, smaller first
     * @param seeds each item's seed count
     * @param then  the order of items of equal key (by model id, say)
     * @param <T>   the item type
     * @return the items in order: the main seed count's, then each other seed count's, larger first
     */
    public static <T> List<Placed<T>> rank(
            List<T> items, ToDoubleFunction<T> key, ToIntFunction<T> seeds, Comparator<T> then) {
        Map<Integer, Integer> counts = new TreeMap<>(Comparator.reverseOrder());
        items.forEach(i -> counts.merge(seeds.applyAsInt(i), 1, Integer::sum));
        int main = counts.entrySet().stream()
                .max(Comparator.comparingInt((Map.Entry<Integer, Integer> e) -> e.getValue())
                        .thenComparingInt(Map.Entry::getKey))
                .map(Map.Entry::getKey)
                .orElse(0);
        List<Integer> order = new ArrayList<>(List.of(main));
        counts.keySet().stream().filter(c -> c != main).forEach(order::add);
        List<Placed<T>> out = new ArrayList<>();
        for (int count : order) {
            List<T> group = new ArrayList<>(
                    items.stream().filter(i -> seeds.applyAsInt(i) == count).toList());
            group.sort(Comparator.comparingDouble(key).thenComparing(then));
            for (int i = 0; i < group.size(); i++) {
                T item = group.get(i);
                boolean tie = i > 0 && key.applyAsDouble(item) == key.applyAsDouble(group.get(i - 1));
                out.add(new Placed<>(item, tie ? out.get(out.size() - 1).place() : i + 1, count, count == main));
            }
        }
        return out;
    }

    /**
     * @param placed a ranking
     * @return a sentence for the caption when it mixes seed counts; "" when it does not
     */
    public static String note(List<? extends Placed<?>> placed) {
        if (placed.stream().allMatch(Placed::main)) {
            return "";
        }
        return " Rows of different seed counts are never ranked as equals: each seed count is ranked on its own,"
                + " the most common first, the others after it with their seed count beside the place.";
    }
}
