package io.mailrules.core.journal;

import io.mailrules.core.plan.BatchId;
import io.mailrules.core.run.BatchOutcome;
import io.mailrules.core.run.RunId;
import java.time.Instant;
import java.util.Objects;

/** Written after a batch's command returned. */
public record OutcomeRecord(RunId runId, BatchId batchId, Instant at, BatchOutcome outcome) implements JournalRecord {
    public OutcomeRecord {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(batchId, "batchId");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(outcome, "outcome");
    }
}
