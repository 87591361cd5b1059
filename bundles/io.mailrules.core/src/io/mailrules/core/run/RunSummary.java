package io.mailrules.core.run;

import io.mailrules.core.plan.Batch;
import io.mailrules.core.plan.BatchId;
import io.mailrules.core.plan.PlanId;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One line of run history.
 *
 * @param batchesPending batches without an outcome yet, which a resume would send
 * @param uidsDone UIDs covered by successful batches (a message in two batches, e.g. flag then move, counts twice)
 */
public record RunSummary(RunId runId, PlanId planId, RunStatus status, Instant startedAt, Optional<Instant> finishedAt,
        int batchesDone, int batchesFailed, int batchesPending, long uidsDone) {

    public RunSummary {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(planId, "planId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(finishedAt, "finishedAt");
        if (batchesDone < 0 || batchesFailed < 0 || batchesPending < 0 || uidsDone < 0) {
            throw new IllegalArgumentException("run " + runId + ": counts must not be negative");
        }
        if (finishedAt.isPresent() && finishedAt.get().isBefore(startedAt)) {
            throw new IllegalArgumentException("run " + runId + " finished before it started");
        }
    }

    /** Counts the outcomes recorded so far for the plan's batches; outcomes of other batches are ignored. */
    public static RunSummary tally(RunId runId, PlanId planId, RunStatus status, Instant startedAt,
            Optional<Instant> finishedAt, Collection<Batch> batches, Map<BatchId, BatchOutcome> outcomes) {
        int done = 0;
        int failed = 0;
        long uids = 0;
        for (Batch batch : batches) {
            BatchOutcome outcome = outcomes.get(batch.id());
            if (outcome == null) {
                continue;
            }
            if (outcome.succeeded()) {
                done++;
                uids += batch.uids().size();
            } else {
                failed++;
            }
        }
        return new RunSummary(runId, planId, status, startedAt, finishedAt, done, failed,
                batches.size() - done - failed, uids);
    }

    public int batchesTotal() {
        return batchesDone + batchesFailed + batchesPending;
    }
}
