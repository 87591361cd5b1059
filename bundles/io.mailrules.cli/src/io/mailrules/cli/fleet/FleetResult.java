package io.mailrules.cli.fleet;

import java.util.List;

import io.mailrules.cli.ExitCode;

/** The outcome of every mailbox of a fleet run, in the order they were asked for. */
public record FleetResult(List<MailboxOutcome> mailboxes) {

    public FleetResult {
        mailboxes = List.copyOf(mailboxes);
    }

    /**
     * 0 when every mailbox succeeded; 4 when checks refused some mailboxes and every other one succeeded; 3
     * (partial) when some succeeded and others failed, or a run stopped part-way; when none succeeded, 2 if any
     * could not be reached or logged in to, else the mailboxes' common code (1 for rule problems such as a missing
     * folder). A refused mailbox counts as not succeeded beside a failed one.
     */
    public int exitCode() {
        if (mailboxes.stream().allMatch(MailboxOutcome::succeeded)) {
            return ExitCode.OK;
        }
        if (mailboxes.stream().allMatch(mailbox -> mailbox.succeeded() || mailbox.refused())) {
            return ExitCode.REFUSED;
        }
        boolean anySucceeded = mailboxes.stream().anyMatch(MailboxOutcome::succeeded);
        if (anySucceeded || mailboxes.stream().anyMatch(m -> m.exitCode() == ExitCode.PARTIAL_RUN)) {
            return ExitCode.PARTIAL_RUN;
        }
        if (mailboxes.stream().anyMatch(m -> m.exitCode() == ExitCode.INTERNAL_ERROR)) {
            return ExitCode.INTERNAL_ERROR;
        }
        return mailboxes.stream().anyMatch(m -> m.exitCode() == ExitCode.CONNECTION_OR_AUTH)
                ? ExitCode.CONNECTION_OR_AUTH : ExitCode.RULE_ERRORS;
    }
}
