package org.scalefreebench.datasets.family;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.scalefreebench.datasets.generate.Shard;
import org.scalefreebench.datasets.lattice.Lattice;
import org.scalefreebench.datasets.spec.ChainRule;
import org.scalefreebench.datasets.spec.DatasetSpec;
import org.scalefreebench.datasets.spec.SplitSpec;

/**
 * A model family of the data contract: what a map is (its input column) and what is known about it
 * (its label columns). The writer, verifier, loader and checksum tables iterate these declarations,
 * so a new family or label column is data plus one class. The known families are in {@link Families}.
 */
public interface Family {

    /** @return the public id, as in a spec's {@code family} field, e.g. {@code site-percolation} */
    String id();

    /** @return one line for people */
    String description();

    /** @return the maps a model reads */
    InputColumn input();

    /** @return the label columns, in file order (the order of checksum tables and manifests) */
    List<LabelColumn> labels();

    /** @return the hook that generates a split's files */
    SplitGenerator generator();

    /** @return the control parameter a spec lists values of (p for site percolation, Q for critical FK) */
    default ControlParameter parameter() {
        return ControlParameter.OCCUPATION_PROBABILITY;
    }

    /** @return the lattice's boundary, as a spec's {@code lattice.boundary} field states it */
    default String boundary() {
        return "open";
    }

    /** @return the smallest linear size L a spec of the family may have */
    default int minSize() {
        return Lattice.MIN_SIZE;
    }

    /**
     * @return whether the maps come from a Markov chain, so that a spec must state its {@link ChainRule} (burn-in, thinning, chains)
     */
    default boolean markovChain() {
        return false;
    }

    /**
     * The maps a shard of a split holds: a contiguous run of the split's files. By default each map
     * is a unit of sharding ({@link Shard#part} of the split's maps); a Markov-chain family cuts
     * between whole chains.
     *
     * @param spec  the spec
     * @param split one of its splits
     * @param shard the shard
     * @return the maps [first, end) of the split that the shard generates
     */
    default Shard.Range shardMaps(DatasetSpec spec, SplitSpec split, Shard shard) {
        return shard.part(spec.samples(split));
    }

    /** @return every file of a split: the input, then the labels */
    default List<DataColumn> columns() {
        List<DataColumn> out = new ArrayList<>();
        out.add(input());
        out.addAll(labels());
        return List.copyOf(out);
    }

    /**
     * @param id a label column id
     * @return the column
     * @throws IllegalArgumentException naming the family and its columns if it has no such column
     */
    default LabelColumn label(String id) {
        for (LabelColumn c : labels()) {
            if (c.id().equals(id)) {
                return c;
            }
        }
        throw new IllegalArgumentException("family " + id() + " has no label column '" + id + "'; its columns are: "
                + labels().stream().map(LabelColumn::id).collect(Collectors.joining(", ")));
    }
}
