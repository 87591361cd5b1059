package io.mailrules.core.journal;

import io.mailrules.core.plan.BatchId;
import io.mailrules.core.run.RunId;
import java.time.Instant;

/**
 * A line of a run's journal. An {@link IntentRecord} is written and synced before a batch's command is sent, an
 * {@link OutcomeRecord} after its response; a batch with an intent but no outcome is the one to reconcile on resume.
 */
public sealed interface JournalRecord extends JournalEntry permits IntentRecord, OutcomeRecord {

    @Override
    RunId runId();

    BatchId batchId();

    /** When the record was written. */
    @Override
    Instant at();
}
