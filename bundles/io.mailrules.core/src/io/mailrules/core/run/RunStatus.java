package io.mailrules.core.run;

/** Where a run stands, as the runs view and {@code mailrules status} show it. */
public enum RunStatus {
    /** Planned and saved, no batch sent yet. */
    PLANNED,
    /** Batches are being sent. */
    RUNNING,
    /** Stopped before all batches had an outcome (killed, connection lost); resumable from the journal. */
    INTERRUPTED,
    /** Every batch succeeded. */
    COMPLETED,
    /** No batch succeeded. */
    FAILED,
    /** Some batches succeeded and some failed, or some mailboxes were done and others refused. */
    PARTIAL,
    /**
     * Every mailbox was refused by a check on its plan (a change limit, a command the server cannot carry out
     * safely) before anything was sent: nothing changed. Exit code 4 of the command line.
     */
    REFUSED,
    /** Reversed from the journal. */
    UNDONE;

    /** Whether the run can still change without an explicit resume or undo. */
    public boolean isActive() {
        return this == RUNNING;
    }

    /** Whether the journal has batches without an outcome that a resume would send. */
    public boolean isResumable() {
        return this == INTERRUPTED;
    }
}
