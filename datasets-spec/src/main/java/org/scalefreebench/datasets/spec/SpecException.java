package org.scalefreebench.datasets.spec;

/** A dataset spec that cannot be found or read: the message names the spec or file and the field. */
public final class SpecException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what was wrong, naming the file or id and the field
     */
    public SpecException(String message) {
        super(message);
    }
}
