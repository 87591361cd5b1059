package io.mailrules.cli.fleet;

import java.time.Duration;
import java.util.Optional;

import io.mailrules.cli.ExitCode;
import io.mailrules.core.run.RunResult;

/**
 * What a fleet run did in one mailbox: one row of the summary table.
 *
 * @param exitCode the {@link ExitCode} this mailbox alone would have ended {@code mailrules run} with
 * @param batchesTotal the batches its plan had
 * @param run the journaled run, absent when the mailbox was not applied (nothing to do, could not be planned)
 */
public record MailboxOutcome(String mailbox, String status, ActionCounts counts, int batchesDone, int batchesTotal,
        Duration duration, Optional<String> error, Optional<RunResult> run, int exitCode) {

    static MailboxOutcome failed(String mailbox, String error, Duration duration, int exitCode) {
        return new MailboxOutcome(mailbox, "failed", ActionCounts.NONE, 0, 0, duration, Optional.of(error),
                Optional.empty(), exitCode);
    }

    /** Another writer kept the mailbox for all of the wait: nothing of it was read or changed. */
    static MailboxOutcome busy(String mailbox, String error, Duration duration) {
        return new MailboxOutcome(mailbox, "busy", ActionCounts.NONE, 0, 0, duration, Optional.of(error),
                Optional.empty(), ExitCode.CONNECTION_OR_AUTH);
    }

    static MailboxOutcome notStarted(String mailbox) {
        return new MailboxOutcome(mailbox, "not started", ActionCounts.NONE, 0, 0, Duration.ZERO,
                Optional.of("stopped before this mailbox's turn"), Optional.empty(), ExitCode.PARTIAL_RUN);
    }

    static MailboxOutcome nothingToDo(String mailbox, Duration duration) {
        return new MailboxOutcome(mailbox, "nothing to do", ActionCounts.NONE, 0, 0, duration, Optional.empty(),
                Optional.empty(), ExitCode.OK);
    }

    public boolean succeeded() {
        return exitCode == ExitCode.OK;
    }

    /** A check refused the mailbox before anything was sent: nothing in it changed. */
    public boolean refused() {
        return exitCode == ExitCode.REFUSED;
    }
}
