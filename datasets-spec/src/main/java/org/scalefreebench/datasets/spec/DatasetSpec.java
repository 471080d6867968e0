package org.scalefreebench.datasets.spec;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.apache.commons.rng.simple.RandomSource;
import org.scalefreebench.datasets.family.DataColumn;
import org.scalefreebench.datasets.family.Family;
import org.scalefreebench.datasets.npy.NpyHeader;

/**
 * A dataset spec: the model family (which declares the files of a split: see {@link Family}), L,
 * the p values, the splits with their seeds, the named random source, and the pinned SHA-256 of
 * every file it generates (empty for an ad hoc set).
 *
 * <p>Samples of a split are ordered p-major: the first {@code samplesPerP} maps have the first p
 * value, and so on.
 *
 * @param id          the public id (the spec file's name without {@code .json})
 * @param description one line for people
 * @param family      the model family, which declares the files of every split
 * @param size        linear size L
 * @param p           the values of the family's control parameter (the occupation probability p of
 *                    site percolation, the cluster weight Q of critical FK), as exact decimals
 * @param rng         the Commons RNG source every draw comes from
 * @param splits      the splits, in generation order
 * @param sha256      pinned checksums, keyed by path relative to the dataset folder (e.g. {@code train/maps.npy})
 * @param chain       how a Markov-chain family draws its maps (burn-in, thinning, chains); null for a
 *                    family of independent draws
 */
public record DatasetSpec(
        String id,
        String description,
        Family family,
        int size,
        List<BigDecimal> p,
        RandomSource rng,
        List<SplitSpec> splits,
        Map<String, String> sha256,
        ChainRule chain) {

    /** Canonical copy: immutable lists and maps; a chain rule exactly for a Markov-chain family. */
    public DatasetSpec {
        Objects.requireNonNull(family, "family");
        if (family.markovChain() != (chain != null)) {
            throw new SpecException("spec " + id + " of family " + family.id()
                    + (chain == null ? " needs a chain rule (burn-in, thinning, chains)" : " takes no chain rule"));
        }
        p = List.copyOf(p);
        splits = List.copyOf(splits);
        sha256 = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(sha256));
    }

    /**
     * A spec of a family of independent draws (no chain rule).
     *
     * @param id          the public id
     * @param description one line for people
     * @param family      the model family
     * @param size        linear size L
     * @param p           the control parameter's values
     * @param rng         the Commons RNG source
     * @param splits      the splits
     * @param sha256      pinned checksums
     */
    public DatasetSpec(
            String id,
            String description,
            Family family,
            int size,
            List<BigDecimal> p,
            RandomSource rng,
            List<SplitSpec> splits,
            Map<String, String> sha256) {
        this(id, description, family, size, p, rng, splits, sha256, null);
    }

    /** @return whether the spec pins the checksums of its files */
    public boolean pinned() {
        return !sha256.isEmpty();
    }

    /**
     * @param name a split name
     * @return the split
     * @throws SpecException naming the known splits if there is none of that name
     */
    public SplitSpec split(String name) {
        for (SplitSpec s : splits) {
            if (s.name().equals(name)) {
                return s;
            }
        }
        throw new SpecException("spec " + id + " has no split '" + name + "'; its splits are: "
                + splits.stream().map(SplitSpec::name).collect(Collectors.joining(", ")));
    }

    /**
     * @param split a split of this spec
     * @return the number of maps in it
     */
    public int samples(SplitSpec split) {
        return Math.multiplyExact(split.samplesPerP(), p.size());
    }

    /**
     * @param split a split of this spec
     * @return the occupation probability of each of its samples, p-major
     */
    public double[] pOfSamples(SplitSpec split) {
        double[] out = new double[samples(split)];
        int k = 0;
        for (BigDecimal value : p) {
            double v = value.doubleValue();
            for (int i = 0; i < split.samplesPerP(); i++) {
                out[k++] = v;
            }
        }
        return out;
    }

    /** @return every file the spec generates, relative to the dataset folder, in generation order */
    public List<String> files() {
        List<String> out = new ArrayList<>();
        for (SplitSpec s : splits) {
            for (DataColumn f : family.columns()) {
                out.add(f.relativePath(s.name()));
            }
        }
        return out;
    }

    /**
     * @return the bytes of every file the spec generates: each file's elements times its item size,
     *         plus {@value #NPY_HEADER_BYTES} bytes of NPY header (a bound: headers are padded to 64 bytes
     *         and hold less than 128), plus the spec, manifest and per-split checksum files
     */
    public long dataBytes() {
        long total = 0;
        for (SplitSpec s : splits) {
            for (DataColumn f : family.columns()) {
                long elements = NpyHeader.elementCount(f.shape(samples(s), size));
                total += Math.multiplyExact(elements, f.dtype().itemSize()) + NPY_HEADER_BYTES;
            }
            total += NPY_HEADER_BYTES;
        }
        return total + 2L * NPY_HEADER_BYTES;
    }

    /** Bytes allowed for one NPY header or one small metadata file in {@link #dataBytes()}. */
    public static final int NPY_HEADER_BYTES = 1024;

    /**
     * @param newSha256 checksums to pin
     * @return this spec with the given checksums pinned
     */
    public DatasetSpec withSha256(Map<String, String> newSha256) {
        return new DatasetSpec(id, description, family, size, p, rng, splits, newSha256, chain);
    }
}
