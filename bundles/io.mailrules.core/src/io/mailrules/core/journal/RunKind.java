package io.mailrules.core.journal;

/** Why a run was started; an undo or resume names the run it works on in its {@link RunHeader}. */
public enum RunKind {
    /** A plan applied for the first time. */
    RUN,
    /** The done batches of an earlier run reversed. */
    UNDO,
    /** The batches an interrupted run left unfinished, reconciled and sent. */
    RESUME;

    public boolean refersToAnotherRun() {
        return this != RUN;
    }
}
