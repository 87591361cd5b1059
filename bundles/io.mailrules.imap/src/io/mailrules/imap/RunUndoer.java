package io.mailrules.imap;

import io.mailrules.core.journal.IntentRecord;
import io.mailrules.core.journal.RunKind;
import io.mailrules.core.journal.store.BatchAttempt;
import io.mailrules.core.journal.store.JournalStore;
import io.mailrules.core.journal.store.RunHistoryEntry;
import io.mailrules.core.journal.store.RunLineage;
import io.mailrules.core.plan.BatchId;
import io.mailrules.core.plan.MailboxPlan;
import io.mailrules.core.plan.Plan;
import io.mailrules.core.plan.PlanId;
import io.mailrules.core.run.RunId;
import io.mailrules.core.run.RunProgress;
import io.mailrules.core.run.RunResult;
import io.mailrules.core.run.RunStatus;
import io.mailrules.core.source.MailboxException;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Reverses a run (completed, partial or interrupted, with whatever its resumes did) from its journals: moves and
 * deletes go back where they came from, copies are removed, flags and keywords are restored to what the journal
 * recorded before each change; expunged messages are reported, since nothing can bring them back.
 * <p>
 * The reversal is worked out against the mailboxes as they are now and then applied as a plan of its own, journaled
 * as a run of kind UNDO with that plan stored, so an interrupted undo is finished by {@link RunResumer} like any run.
 */
public final class RunUndoer {

    private final ImapConnector connector;
    private final MailboxLogins logins;
    private final JournalStore journals;
    private final Clock clock;
    private final PlanExecutor executor;

    public RunUndoer(ImapConnector connector, MailboxLogins logins, JournalStore journals, Clock clock) {
        this.connector = Objects.requireNonNull(connector, "connector");
        this.logins = Objects.requireNonNull(logins, "logins");
        this.journals = Objects.requireNonNull(journals, "journals");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.executor = new PlanExecutor(connector, logins, journals, clock);
    }

    /**
     * @param run the run to undo, or any resume of it
     * @throws RunRefusedException for an undo (or a resume of one), a run already undone, or a run without a stored
     *         plan
     * @throws MailboxException when a mailbox cannot be read to work out the reversal; nothing was changed then
     * @throws InterruptedException when waiting for a connection slot was interrupted; nothing was changed then
     */
    public UndoResult undo(RunId run, RunProgress progress)
            throws IOException, MailboxException, RunRefusedException, InterruptedException {
        RunLineage lineage = RunLineage.of(journals, run);
        RunId root = lineage.root().runId();
        if (lineage.root().header().kind() == RunKind.UNDO) {
            throw new RunRefusedException("run " + root + " is itself an undo (of run "
                    + lineage.root().header().refersTo().orElseThrow() + ") and cannot be undone; to have its changes"
                    + " again, run the rules again");
        }
        Optional<RunId> undoneBy = journals.history().find(root).flatMap(RunHistoryEntry::undoneBy);
        if (undoneBy.isPresent()) {
            throw new RunRefusedException("run " + root + " was already undone by run " + undoneBy.get());
        }
        if (lineage.root().closing().filter(closing -> closing.status() == RunStatus.REFUSED).isPresent()) {
            throw new RunRefusedException("run " + root + " was refused before anything was sent; there is nothing"
                    + " to undo");
        }
        Plan plan = lineage.plan().orElseThrow(() -> new RunRefusedException("run " + root
                + " has no stored plan, which undo needs to find messages by Message-ID; it cannot be undone"));
        List<MailboxPlan> undoMailboxes = new ArrayList<>();
        List<NotRestored> notRestored = new ArrayList<>();
        Map<BatchId, IntentRecord> firstIntents = lineage.firstIntents();
        AtomicInteger sequence = new AtomicInteger();
        String rule = "undo of run " + root;
        for (MailboxPlan mailbox : plan.mailboxes()) {
            List<BatchAttempt> attempts = lineage.batches().stream()
                    .filter(attempt -> attempt.intent().mailbox().equals(mailbox.mailbox())).toList();
            if (attempts.isEmpty()) {
                continue;
            }
            MailboxLogin login = logins.login(mailbox.mailbox());
            try (ImapMailbox session = connector.connect(login.settings(), login.credentials())) {
                MailboxUndoPlanner planner = new MailboxUndoPlanner(session, mailbox);
                for (BatchAttempt attempt : attempts.reversed()) {
                    planner.undo(attempt, firstIntents.getOrDefault(attempt.intent().batchId(), attempt.intent()));
                }
                planner.toPlan(sequence, rule).ifPresent(undoMailboxes::add);
                notRestored.addAll(planner.notRestored());
            }
        }
        Plan undoPlan = new Plan(new PlanId("undo-" + root.value()), clock.instant(), plan.source(), undoMailboxes);
        RunResult result = executor.execute(undoPlan, RunKind.UNDO, Optional.of(root), EarlierAttempts.none(),
                progress);
        return new UndoResult(result, notRestored);
    }
}
