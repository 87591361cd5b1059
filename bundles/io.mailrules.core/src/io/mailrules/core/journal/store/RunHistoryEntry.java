package io.mailrules.core.journal.store;

import io.mailrules.core.journal.RunClosing;
import io.mailrules.core.journal.RunKind;
import io.mailrules.core.plan.PlanId;
import io.mailrules.core.run.RunId;
import io.mailrules.core.run.RunStatus;
import io.mailrules.core.run.RunSummary;
import java.time.Instant;
import io.mailrules.core.journal.RunHeader;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One run as the runs view and {@code mailrules status} list it.
 *
 * @param status {@link RunStatus#UNDONE} once an undo of it completed; {@link RunStatus#RUNNING} while a writer has
 *        it open; {@link RunStatus#INTERRUPTED} when its journal has no closing record and no writer
 * @param batchesPending batches with an intent and no outcome; batches of the plan the run never reached are not in
 *        the journal and so not counted
 * @param refersTo the run this one undoes or resumes
 * @param undoneBy the completed undo that reversed this run
 * @param resumedBy the latest resume of this run
 * @param accounts the account key of each mailbox, where the journal records it (see {@link RunHeader#accounts()})
 */
public record RunHistoryEntry(RunId runId, RunKind kind, Optional<RunId> refersTo, RunStatus status, PlanId planId,
        String sourceFile, List<String> mailboxes, Instant startedAt, Optional<Instant> finishedAt, int batchesDone,
        int batchesFailed, int batchesPending, long uidsDone, Optional<RunId> undoneBy, Optional<RunId> resumedBy,
        Map<String, String> accounts) {

    public RunHistoryEntry {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(refersTo, "refersTo");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(planId, "planId");
        Objects.requireNonNull(sourceFile, "sourceFile");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(finishedAt, "finishedAt");
        Objects.requireNonNull(undoneBy, "undoneBy");
        Objects.requireNonNull(resumedBy, "resumedBy");
        mailboxes = List.copyOf(mailboxes);
        accounts = Map.copyOf(accounts);
    }

    /**
     * Whether this run worked on the mailbox that {@code rulesFile} calls {@code mailbox} and logs in to as the
     * account {@code accountKey}. Names alone do not tell: two files may give one name to two accounts. A run
     * journaled before runs recorded accounts counts only where that is unambiguous: for a mailbox of the same name
     * in the same rules file.
     */
    public boolean concerns(String mailbox, String accountKey, String rulesFile) {
        if (!mailboxes.contains(mailbox)) {
            return false;
        }
        String recorded = accounts.get(mailbox);
        return recorded != null ? recorded.equals(accountKey) : sourceFile.equals(rulesFile);
    }

    static RunHistoryEntry of(RunJournal journal, RunStatus status, Optional<RunId> undoneBy,
            Optional<RunId> resumedBy) {
        var header = journal.header();
        return new RunHistoryEntry(header.runId(), header.kind(), header.refersTo(), status, header.planId(),
                header.sourceFile(), header.mailboxes(), header.startedAt(), journal.closing().map(RunClosing::at),
                journal.doneBatches().size(), journal.failedBatches().size(), journal.pendingBatches().size(),
                journal.uidsDone(), undoneBy, resumedBy, header.accounts());
    }

    /** The run in the core model's terms, as the command line's JSON output uses them. */
    public RunSummary toRunSummary() {
        return new RunSummary(runId, planId, status, startedAt, finishedAt, batchesDone, batchesFailed,
                batchesPending, uidsDone);
    }
}
