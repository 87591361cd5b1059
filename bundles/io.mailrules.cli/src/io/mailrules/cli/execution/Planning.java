package io.mailrules.cli.execution;

import java.util.List;

import io.mailrules.cli.CommandFailedException;
import io.mailrules.cli.ExitCode;
import io.mailrules.cli.UsageException;
import io.mailrules.core.source.MailboxException;
import io.mailrules.engine.CompiledPlan;
import io.mailrules.core.incremental.FolderStates;
import io.mailrules.engine.PlanRequest;
import io.mailrules.imap.MailboxLogins;

/** The dry run shared by {@code plan} and {@code run}, with its failures turned into the command's exit codes. */
public final class Planning {

    private Planning() {
    }

    /** The mailboxes the request plans, for working on them one by one. */
    public static List<String> targets(PlanRequest request) throws UsageException {
        try {
            return request.targetMailboxes();
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /**
     * @param logins the logins of the rules file, which take each mailbox's lock (see {@link AccountLocks}); a
     *        mailbox whose rules name a folder its server cannot name is left out of the plan and reported in it
     */
    public static CompiledPlan plan(MailWiring wiring, PlanRequest request, MailboxLogins logins,
            FolderStates earlierRuns) throws CommandFailedException, UsageException {
        try {
            return wiring.plan(request, logins, earlierRuns);
        } catch (MailboxException e) {
            // A folder the rules read that the server lacks is the rules' problem; the rest is about the server.
            throw new CommandFailedException(e.isConnectionProblem() ? ExitCode.CONNECTION_OR_AUTH
                    : ExitCode.RULE_ERRORS, e.getMessage() + " Nothing was changed.");
        } catch (IllegalArgumentException e) {
            // The compiler's word for a job or mailbox the file does not have, or one the jobs do not target.
            throw new UsageException(e.getMessage());
        }
    }
}
