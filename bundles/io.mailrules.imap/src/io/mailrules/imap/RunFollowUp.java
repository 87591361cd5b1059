package io.mailrules.imap;

import io.mailrules.core.journal.store.JournalStore;
import io.mailrules.core.plan.Plan;
import io.mailrules.core.run.RunId;
import io.mailrules.core.run.RunProgress;
import io.mailrules.core.run.RunResult;
import io.mailrules.core.source.MailboxException;
import java.io.IOException;
import java.time.Clock;
import java.util.Objects;

/**
 * An undo or resume of a journaled run, as the command line and the workbench both start it: the run's stored plan
 * names the rules file the logins come from, and a run without one is refused before anything is sent.
 */
public final class RunFollowUp {

    private final JournalStore journals;
    private final RunId run;
    private final Plan plan;

    private RunFollowUp(JournalStore journals, RunId run, Plan plan) {
        this.journals = journals;
        this.run = run;
        this.plan = plan;
    }

    /**
     * @throws RunRefusedException when the run has no stored plan (journaled by an older version)
     * @throws IOException when the journal cannot be read
     */
    public static RunFollowUp of(JournalStore journals, RunId run) throws IOException, RunRefusedException {
        Objects.requireNonNull(journals, "journals");
        Plan plan = journals.plan(run).orElseThrow(() -> new RunRefusedException("run " + run
                + " has no stored plan (it was journaled by an older version); nothing was changed"));
        return new RunFollowUp(journals, run, plan);
    }

    public RunId run() {
        return run;
    }

    /** The plan stored with the run's journal. */
    public Plan plan() {
        return plan;
    }

    /** The rules file the run was planned from, as an absolute path: where its mailboxes' logins are declared. */
    public String rulesFile() {
        return plan.source().file();
    }

    public UndoResult undo(ImapConnector connector, MailboxLogins logins, Clock clock, RunProgress progress)
            throws IOException, MailboxException, RunRefusedException, InterruptedException {
        return new RunUndoer(connector, logins, journals, clock).undo(run, progress);
    }

    public RunResult resume(ImapConnector connector, MailboxLogins logins, Clock clock, RunProgress progress)
            throws IOException, RunRefusedException {
        return new RunResumer(connector, logins, journals, clock).resume(run, progress);
    }
}
