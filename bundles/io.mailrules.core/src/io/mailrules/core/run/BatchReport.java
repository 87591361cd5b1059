package io.mailrules.core.run;

import io.mailrules.core.plan.Batch;
import io.mailrules.core.plan.UidSet;
import java.util.Objects;

/**
 * What became of one batch of a run.
 *
 * @param acted the UIDs the command was sent for: planned and still in the folder
 * @param skipped planned UIDs that had left the folder (moved or expunged by another client) and were not touched
 */
public record BatchReport(Batch batch, UidSet acted, UidSet skipped, BatchOutcome outcome) {
    public BatchReport {
        Objects.requireNonNull(batch, "batch");
        Objects.requireNonNull(acted, "acted");
        Objects.requireNonNull(skipped, "skipped");
        Objects.requireNonNull(outcome, "outcome");
    }
}
