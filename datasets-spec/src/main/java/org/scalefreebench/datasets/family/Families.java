package org.scalefreebench.datasets.family;

import java.util.List;
import java.util.Optional;

/** The catalogue of known families, by id. */
public final class Families {

    /** Site percolation on the open square lattice, the v1 family. */
    public static final Family SITE_PERCOLATION = new SitePercolationFamily();

    /** The critical FK random-cluster model on the torus, Q in [1, 4]. */
    public static final Family CRITICAL_FK = new CriticalFkFamily();

    private static final List<Family> KNOWN = List.of(SITE_PERCOLATION, CRITICAL_FK);

    private Families() {}

    /** @return every known family */
    public static List<Family> known() {
        return KNOWN;
    }

    /** @return the ids of the known families */
    public static List<String> ids() {
        return KNOWN.stream().map(Family::id).toList();
    }

    /**
     * @param id a family id
     * @return the family, or empty if none has that id
     */
    public static Optional<Family> find(String id) {
        return KNOWN.stream().filter(f -> f.id().equals(id)).findFirst();
    }
}
