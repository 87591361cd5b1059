package io.mailrules.core.journal.store;

import io.mailrules.core.journal.RunClosing;
import io.mailrules.core.journal.RunKind;
import io.mailrules.core.plan.PlanId;
import io.mailrules.core.run.RunId;
import io.mailrules.core.run.RunStatus;
import io.mailrules.core.run.RunSummary;
import java.time.Instant;
import java.util.List;
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
 */
public record RunHistoryEntry(RunId runId, RunKind kind, Optional<RunId> refersTo, RunStatus status, PlanId planId,
        String sourceFile, List<String> mailboxes, Instant startedAt, Optional<Instant> finishedAt, int batchesDone,
        int batchesFailed, int batchesPending, long uidsDone, Optional<RunId> undoneBy, Optional<RunId> resumedBy) {

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
    }

    static RunHistoryEntry of(RunJournal journal, RunStatus status, Optional<RunId> undoneBy,
            Optional<RunId> resumedBy) {
        var header = journal.header();
        return new RunHistoryEntry(header.runId(), header.kind(), header.refersTo(), status, header.planId(),
                header.sourceFile(), header.mailboxes(), header.startedAt(), journal.closing().map(RunClosing::at),
                journal.doneBatches().size(), journal.failedBatches().size(), journal.pendingBatches().size(),
                journal.uidsDone(), undoneBy, resumedBy);
    }

    /** The run in the core model's terms, as the command line's JSON output uses them. */
    public RunSummary toRunSummary() {
        return new RunSummary(runId, planId, status, startedAt, finishedAt, batchesDone, batchesFailed,
                batchesPending, uidsDone);
    }
}
