package io.mailrules.cli.execution;

import io.mailrules.cli.ExitCode;
import io.mailrules.core.run.MailboxReport;
import io.mailrules.core.run.RunResult;
import io.mailrules.core.run.RunStatus;

/** The exit code a run ends the command with. */
public final class RunExitCode {

    private RunExitCode() {
    }

    /**
     * 0 when every batch succeeded; 4 when checks refused mailboxes and every other mailbox was done; 2 when nothing
     * was done because mailboxes could not be reached or logged in to; 3 for everything in between, which the
     * journal lets a resume finish.
     */
    public static int of(RunResult result) {
        if (result.status() == RunStatus.COMPLETED) {
            return ExitCode.OK;
        }
        if (result.mailboxes().stream().allMatch(mailbox -> mailbox.isComplete() || mailbox.isRefused())) {
            return ExitCode.REFUSED;
        }
        boolean onlyConnectionFailures = result.batchesDone() == 0 && result.mailboxes().stream()
                .filter(mailbox -> !mailbox.isComplete() && !mailbox.isRefused())
                .allMatch(RunExitCode::failedToConnect);
        return onlyConnectionFailures && result.status() == RunStatus.FAILED ? ExitCode.CONNECTION_OR_AUTH
                : ExitCode.PARTIAL_RUN;
    }

    private static boolean failedToConnect(MailboxReport mailbox) {
        return mailbox.failure().isPresent() && mailbox.batches().isEmpty() && mailbox.refusedFolders().isEmpty();
    }
}
