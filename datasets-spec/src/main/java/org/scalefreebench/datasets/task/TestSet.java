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
        WINDOW("window"),
        /** Critical-FK maps at the values of Q a model trained on: the FK tasks' headline. */
        TRAINED_Q("trained-q"),
        /** Critical-FK maps at values of Q held out of training (interpolation, and Q = 4). */
        HELD_OUT_Q("held-out-q"),
        /** Critical-FK maps at every value of Q, at a size L never seen in training. */
        ALL_Q("all-q");

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
         *         set, "L = 64, p window" for a window set, "L = 64, held-out Q" for critical FK
         */
        public String label(int size) {
            return "L = " + size
                    + switch (this) {
                        case CRITICAL -> ", p = p_c";
                        case WINDOW -> ", p window";
                        case TRAINED_Q -> ", trained Q";
                        case HELD_OUT_Q -> ", held-out Q";
                        case ALL_Q -> ", all Q";
                    };
        }

        /**
         * @param id a role id as written in result rows
         * @return the role
         * @throws IllegalArgumentException naming the known ids if there is none of that id
         */
        public static Role byId(String id) {
            for (Role r : values()) {
                if (r.id.equals(id)) {
                    return r;
                }
            }
            throw new IllegalArgumentException("unknown test-set role '" + id + "'; known roles: "
                    + java.util.Arrays.stream(values()).map(Role::id).toList());
        }
    }
}
