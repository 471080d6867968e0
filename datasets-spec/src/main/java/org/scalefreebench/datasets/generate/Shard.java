package org.scalefreebench.datasets.generate;

/**
 * Shard {@code index} of {@code count} (0-based): the part of every split one task of a scheduler's
 * array job generates. A split's units (the maps of an independent-draw family, the chains of a
 * Markov-chain family) are cut into {@code count} contiguous runs whose lengths differ by at most
 * one; a shard is empty when there are fewer units than shards and it gets none. The bytes of the merged files do not depend on {@code count}.
 *
 * @param index the shard k, in [0, count)
 * @param count the number of shards N, at least 1
 */
public record Shard(int index, int count) {

    /**
     * A run of units (or of maps) [first, end).
     *
     * @param first the first unit
     * @param end   one past the last unit
     */
    public record Range(int first, int end) {

        /** Checks 0 ≤ first ≤ end. */
        public Range {
            if (first < 0 || end < first) {
                throw new IllegalArgumentException("range [" + first + ", " + end + ") is not 0 ≤ first ≤ end");
            }
        }

        /** @return the number of units, end − first */
        public int count() {
            return end - first;
        }
    }

    /** Checks 0 ≤ index < count. */
    public Shard {
        if (count < 1 || index < 0 || index >= count) {
            throw new IllegalArgumentException("shard " + index + "/" + count + " is not k/N with N ≥ 1 and 0 ≤ k < N");
        }
    }

    /** @return the single shard 0/1, which is the whole split */
    public static Shard whole() {
        return new Shard(0, 1);
    }

    /**
     * Parses {@code k/N}, e.g. {@code 3/8}.
     *
     * @param text the shard as {@code k/N}, two decimal integers
     * @return the shard
     * @throws IllegalArgumentException naming the text and the rule if it is not {@code k/N} with
     *                                  N ≥ 1 and 0 ≤ k < N
     */
    public static Shard parse(String text) {
        String rule = "expected k/N with whole numbers N ≥ 1 and 0 ≤ k < N (k counts from 0, no sign), e.g. 0/4";
        if (text == null) {
            throw new IllegalArgumentException("shard is missing; " + rule);
        }
        String[] parts = text.strip().split("/", -1);
        if (parts.length != 2 || !digits(parts[0]) || !digits(parts[1])) {
            throw new IllegalArgumentException("shard '" + text + "' is not of the form k/N; " + rule);
        }
        long k;
        long n;
        try {
            k = Long.parseLong(parts[0]);
            n = Long.parseLong(parts[1]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("shard '" + text + "' has a number too large; " + rule, e);
        }
        if (n < 1 || n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(
                    "shard '" + text + "': N = " + n + " is outside [1, " + Integer.MAX_VALUE + "]; " + rule);
        }
        if (k >= n) {
            throw new IllegalArgumentException(
                    "shard '" + text + "': k = " + k + " is not below N = " + n + "; " + rule);
        }
        return new Shard((int) k, (int) n);
    }

    private static boolean digits(String s) {
        return !s.isEmpty() && s.length() <= 18 && s.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    /** @return whether this is the single shard 0/1 */
    public boolean isWhole() {
        return count == 1;
    }

    /**
     * @param units the number of units of a split
     * @return this shard's units: [⌊k·U/N⌋, ⌊(k+1)·U/N⌋)
     */
    public Range part(int units) {
        if (units < 0) {
            throw new IllegalArgumentException("a split of " + units + " units");
        }
        return new Range((int) ((long) index * units / count), (int) ((long) (index + 1) * units / count));
    }

    /** @return the shard's folder name, {@code <k>-of-<N>} */
    public String folderName() {
        return index + "-of-" + count;
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
