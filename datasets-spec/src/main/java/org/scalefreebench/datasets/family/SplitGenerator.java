package org.scalefreebench.datasets.family;

import java.io.IOException;
import java.util.function.LongConsumer;
import org.scalefreebench.datasets.generate.Shard;
import org.scalefreebench.datasets.npy.NpyWriter;
import org.scalefreebench.datasets.spec.DatasetSpec;
import org.scalefreebench.datasets.spec.SplitSpec;

/**
 * A family's generation hook: draws the maps of one shard of a split (the whole split when the
 * shard is {@link Shard#whole()}) and writes every column the family declares. The dataset
 * generator owns the files (part files, checksums, renames); the hook only fills them, and must
 * follow the spec's reproducibility rule, so that the maps of a shard are byte for byte the maps
 * {@link Family#shardMaps} names of the whole split.
 */
@FunctionalInterface
public interface SplitGenerator {

    /** Opens the files of the split being generated. */
    interface ColumnSink {
        /**
         * @param column one of the family's columns
         * @return a writer for {@code column.shape(M, L)}, M the shard's maps ({@link Family#shardMaps}),
         *         N for the whole split; closing it is optional (the generator closes
         *         every writer after the hook returns)
         * @throws IOException if the file cannot be created
         */
        NpyWriter open(DataColumn column) throws IOException;
    }

    /**
     * Generates one shard of a split.
     *
     * @param spec     the spec
     * @param split    the split
     * @param shard    the shard: its maps are {@link Family#shardMaps}{@code (spec, split, shard)}
     * @param threads  worker threads (the output must not depend on it)
     * @param sink     opens the split's files, one per declared column
     * @param progress receives the number of maps finished since the last call
     * @throws IOException if writing fails
     */
    void generate(DatasetSpec spec, SplitSpec split, Shard shard, int threads, ColumnSink sink, LongConsumer progress)
            throws IOException;
}
