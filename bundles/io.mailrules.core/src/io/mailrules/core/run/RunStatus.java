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
    /** Some batches succeeded and some failed; exit code 3 of the command line. */
    PARTIAL,
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
