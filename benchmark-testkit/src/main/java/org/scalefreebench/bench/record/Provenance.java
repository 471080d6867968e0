package org.scalefreebench.bench.record;

/** Where a leaderboard row's scores come from, as the provenance column shows it. */
public enum Provenance {
    /** Written by this run of the harness, which fitted the model and scored it. */
    RE_RUN("re-run", "fitted and scored by this run of the harness"),
    /** A row of record whose every seed's predictions the checker re-scored to the same bits. */
    RE_SCORED("re-scored", "a result of record whose predictions files were re-scored here, bit for bit"),
    /** A row of record without predictions files: its scores are the submitter's. */
    SELF_REPORTED("self-reported", "a result of record without predictions files: the submitter's scores");

    private final String id;
    private final String description;

    Provenance(String id, String description) {
        this.id = id;
        this.description = description;
    }

    /** @return the id shown in the provenance column */
    public String id() {
        return id;
    }

    /** @return what it means, in one line */
    public String description() {
        return description;
    }
}
