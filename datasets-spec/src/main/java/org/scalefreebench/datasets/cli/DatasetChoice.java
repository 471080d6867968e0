package org.scalefreebench.datasets.cli;

import java.math.BigDecimal;
import java.util.List;
import org.apache.commons.rng.simple.RandomSource;
import org.scalefreebench.datasets.spec.AdHocSpecs;
import org.scalefreebench.datasets.spec.DatasetSpec;
import org.scalefreebench.datasets.spec.SpecCatalogue;
import picocli.CommandLine.Option;

/**
 * The options that name the dataset a command generates: a published spec ({@code --spec ID}) or
 * an ad hoc site-percolation set ({@code --lattice site --size L --p P --samples N --seed S}). A
 * picocli mixin, shared by every command that generates.
 */
public final class DatasetChoice {

    @Option(names = "--spec", paramLabel = "ID", description = "a published spec id (see `list`)")
    private String specId;

    @Option(
            names = "--lattice",
            paramLabel = "KIND",
            description = "ad hoc: the lattice model; only 'site' (site percolation, square, open)")
    private String lattice;

    @Option(names = "--size", paramLabel = "L", description = "ad hoc: linear size L, in [2, 32768]")
    private Integer size;

    @Option(
            names = "--p",
            split = ",",
            paramLabel = "P",
            description = "ad hoc: occupation probabilities in [0, 1], comma-separated")
    private List<BigDecimal> p;

    @Option(names = "--samples", paramLabel = "N", description = "ad hoc: maps per p value, at least 1")
    private Integer samples;

    @Option(names = "--seed", paramLabel = "S", description = "ad hoc: seed of the random stream")
    private Long seed;

    @Option(names = "--split", paramLabel = "NAME", defaultValue = "test", description = "ad hoc: the split's name")
    private String split;

    @Option(
            names = "--rng",
            paramLabel = "SOURCE",
            defaultValue = "XO_RO_SHI_RO_128_PP",
            description = "ad hoc: a jumpable Commons RNG RandomSource")
    private RandomSource rng;

    @Option(names = "--id", paramLabel = "ID", description = "ad hoc: the dataset id (default: from the parameters)")
    private String id;

    /**
     * @return the published spec, or the ad hoc one the options describe
     * @throws IllegalArgumentException if both or neither are given, naming the options
     */
    public DatasetSpec spec() {
        if (specId != null) {
            if (lattice != null || size != null || p != null || samples != null || seed != null || id != null) {
                throw new IllegalArgumentException(
                        "--spec takes no ad hoc options (--lattice, --size, --p, --samples, --seed, --id)");
            }
            return SpecCatalogue.published().get(specId);
        }
        if (lattice == null || size == null || p == null || samples == null || seed == null) {
            throw new IllegalArgumentException(
                    "give either --spec ID, or all of --lattice site --size L --p P --samples N --seed S");
        }
        return AdHocSpecs.sitePercolation(lattice, size, p, samples, seed, split, rng, id);
    }
}
