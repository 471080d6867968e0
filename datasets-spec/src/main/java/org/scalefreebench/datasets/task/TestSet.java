package org.scalefreebench.datasets.task;

/**
 * A split a task is scored on in a tier.
 *
 * @param specId the dataset spec
 * @param split  the split's name
 * @param role   what the set measures
 */
public record TestSet(String specId, String split, Role role) {

    /** What a test set measures. */
    public enum Role {
        /**
         * Maps at p = p_c only, where density says almost nothing: the headline. Sized so that the
         * standard error of an accuracy is at most 0.01 (0.025 at L = 512).
         */
        CRITICAL("critical"),
        /** Maps over a window of p around p_c, where density decides most labels: secondary columns. */
        WINDOW("window");

        private final String id;

        Role(String id) {
            this.id = id;
        }

        /** @return the id written in result rows */
        public String id() {
            return id;
        }

        /**
         * @param size L of the set's maps
         * @return how tables and charts name a set of this role: "L = 64, p = p_c" for a critical
         *         set, "L = 64, p window" for a window set
         */
        public String label(int size) {
            return "L = " + size + (this == CRITICAL ? ", p = p_c" : ", p window");
        }
    }
}
