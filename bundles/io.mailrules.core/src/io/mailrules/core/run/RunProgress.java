package io.mailrules.core.run;

import io.mailrules.core.plan.Batch;

/**
 * What a run tells whoever started it while it goes: the command line prints a progress line, the workbench maps it
 * to a Job's progress monitor. Calls come from the thread that applies the mailbox concerned; with mailboxes applied
 * in parallel, from several threads, so implementations must be thread-safe.
 */
public interface RunProgress {

    /** Reports nothing and never cancels. */
    RunProgress NONE = new RunProgress() {
    };

    /** Called once, before anything is sent; every batch of the plan is then reported once by one of the others. */
    default void begin(int totalBatches) {
    }

    /** A batch's command returned, successfully or not. */
    default void batchDone(Batch batch, BatchOutcome outcome) {
    }

    /**
     * Batches that will not be sent: their folder was renumbered since the plan, or an earlier batch of the folder
     * failed.
     */
    default void batchesSkipped(String mailbox, String folder, int batches, String reason) {
    }

    /** The mailbox could not be worked on (login refused, connection lost); its remaining batches are not sent. */
    default void mailboxFailed(String mailbox, String message, int batchesNotSent) {
    }

    /**
     * A check on the mailbox's plan refused it before anything was sent (a change limit, a command its server
     * cannot carry out safely); none of its batches are sent.
     */
    default void mailboxRefused(String mailbox, String reasons, int batchesNotSent) {
        mailboxFailed(mailbox, reasons, batchesNotSent);
    }

    /**
     * Asked before each batch: once it says yes, the run finishes the batch in flight, sends no more and closes its
     * journal as interrupted, so a resume can pick up the rest.
     */
    default boolean isCancelled() {
        return false;
    }
}
