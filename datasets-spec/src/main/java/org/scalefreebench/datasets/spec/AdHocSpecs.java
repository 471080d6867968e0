package org.scalefreebench.datasets.spec;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.apache.commons.rng.simple.RandomSource;
import org.scalefreebench.datasets.cli.Arguments;
import org.scalefreebench.datasets.family.Families;
import org.scalefreebench.datasets.lattice.Lattice;

/**
 * The ad hoc site-percolation sets of {@code generate --lattice site ...}: one split, no pins, the
 * layout and reproducibility rule of the published specs. Shared by the datasets CLI and the
 * scale-out CLI, so that both name and build the same set from the same options.
 */
public final class AdHocSpecs {

    /** The one lattice an ad hoc set may use: site percolation on the open square lattice. */
    public static final String SITE = "site";

    private AdHocSpecs() {}

    /**
     * @param lattice the lattice model; only {@link #SITE}
     * @param size    linear size L, in [{@link Lattice#MIN_SIZE}, {@link Lattice#MAX_SIZE}]
     * @param p       occupation probabilities in [0, 1]
     * @param samples maps per p value, at least 1
     * @param seed    seed of the split's random stream
     * @param split   the split's name
     * @param rng     a jumpable Commons RNG source
     * @param id      the dataset id, or null for one built from the parameters
     * @return the spec, parsed strictly as a spec file would be
     * @throws IllegalArgumentException naming the option, the value and what is allowed
     */
    public static DatasetSpec sitePercolation(
            String lattice,
            int size,
            List<BigDecimal> p,
            int samples,
            long seed,
            String split,
            RandomSource rng,
            String id) {
        if (!SITE.equals(lattice)) {
            throw new IllegalArgumentException("--lattice '" + lattice + "' is not supported; allowed: " + SITE);
        }
        Arguments.checkRange("--size", size, Lattice.MIN_SIZE, Lattice.MAX_SIZE);
        if (p.isEmpty()) {
            throw new IllegalArgumentException("--p needs at least one occupation probability in [0, 1]");
        }
        for (BigDecimal v : p) {
            if (v.signum() < 0 || v.compareTo(BigDecimal.ONE) > 0) {
                throw new IllegalArgumentException("--p " + v.toPlainString() + " is outside the allowed range [0, 1]");
            }
        }
        Arguments.checkRange("--samples", samples, 1, Integer.MAX_VALUE);
        if ((long) samples * p.size() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("--samples × number of p values exceeds " + Integer.MAX_VALUE);
        }
        if (!rng.isJumpable()) {
            throw new IllegalArgumentException(
                    "--rng " + rng + " is not jumpable; the data contract needs a jumpable source");
        }
        String ps = p.size() == 1
                ? p.get(0).toPlainString()
                : p.get(0).toPlainString() + ".." + p.get(p.size() - 1).toPlainString() + "x" + p.size();
        String name = id != null ? id : "site-L" + size + "-p" + ps + "-n" + samples + "-seed" + seed;
        DatasetSpec spec = new DatasetSpec(
                name,
                "ad hoc site percolation set",
                Families.SITE_PERCOLATION,
                size,
                p,
                rng,
                List.of(new SplitSpec(split, samples, seed)),
                Map.of());
        return SpecJson.parse(SpecJson.toJson(spec), "ad hoc options", name);
    }
}
