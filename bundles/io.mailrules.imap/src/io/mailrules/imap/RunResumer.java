package io.mailrules.imap;

import io.mailrules.core.journal.RunKind;
import io.mailrules.core.journal.store.BatchAttempt;
import io.mailrules.core.journal.store.JournalStore;
import io.mailrules.core.journal.store.RunHistoryEntry;
import io.mailrules.core.journal.store.RunLineage;
import io.mailrules.core.plan.Plan;
import io.mailrules.core.run.RunId;
import io.mailrules.core.run.RunProgress;
import io.mailrules.core.run.RunResult;
import java.io.IOException;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * Finishes an interrupted run or undo from its journal and its stored plan: batches done by the run or an earlier
 * resume are skipped, batches sent without a recorded answer are reconciled against the server first, and the
 * batches the run never reached are sent as the plan says. The resume is journaled as a run of its own that refers
 * to the run whose plan it finishes.
 */
public final class RunResumer {

    private final JournalStore journals;
    private final PlanExecutor executor;

    public RunResumer(ImapConnector connector, MailboxLogins logins, JournalStore journals, Clock clock) {
        this.journals = Objects.requireNonNull(journals, "journals");
        this.executor = new PlanExecutor(connector, logins, journals, clock);
    }

    /**
     * @param run the run or undo to finish, or any resume of it
     * @throws RunRefusedException when the run was undone since, or has no stored plan to finish
     * @throws IOException when a journal cannot be read or written, or another writer has the run (see
     *         {@link JournalStore#open})
     */
    public RunResult resume(RunId run, RunProgress progress) throws IOException, RunRefusedException {
        RunLineage lineage = RunLineage.of(journals, run);
        RunId root = lineage.root().runId();
        Optional<RunId> undoneBy = journals.history().find(root).flatMap(RunHistoryEntry::undoneBy);
        if (undoneBy.isPresent()) {
            throw new RunRefusedException("run " + root + " was undone by run " + undoneBy.get()
                    + "; resuming it would redo what the undo reversed. Run the rules again instead.");
        }
        Plan plan = lineage.plan().orElseThrow(() -> new RunRefusedException("run " + root
                + " has no stored plan, so the batches it never reached are unknown; it cannot be resumed"));
        for (BatchAttempt attempt : lineage.batches()) {
            if (plan.batch(attempt.intent().batchId()).isEmpty()) {
                throw new RunRefusedException("the journal of run " + root + " names batch "
                        + attempt.intent().batchId() + ", which its stored plan " + plan.id() + " lacks");
            }
        }
        return executor.execute(plan, RunKind.RESUME, Optional.of(root), EarlierAttempts.of(lineage), progress);
    }
}
