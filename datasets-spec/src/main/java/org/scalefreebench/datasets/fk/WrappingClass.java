package org.scalefreebench.datasets.fk;

/**
 * The topology of an FK configuration on the torus: the largest rank, over clusters, of the
 * lattice in Z² spanned by the winding vectors of the cluster's cycles.
 */
public enum WrappingClass {
    /** No cluster contains a non-contractible cycle. */
    NONE("none", "no cluster wraps the torus"),
    /** Some cluster wraps, and every cycle of every cluster winds along one primitive direction (a, b). */
    ONE_DIRECTION("one_direction", "some cluster wraps, all windings parallel to one direction (a, b)"),
    /** One cluster has two non-parallel windings (it wraps in both homology directions: cross topology). */
    CROSS("cross", "one cluster has cross topology: two non-parallel windings");

    private final String id;
    private final String description;

    WrappingClass(String id, String description) {
        this.id = id;
        this.description = description;
    }

    /** @return the class's short name */
    public String id() {
        return id;
    }

    /** @return what the class means */
    public String description() {
        return description;
    }

    /** @return the rank of the winding lattice: 0, 1 or 2 */
    public int rank() {
        return ordinal();
    }
}
