package io.mailrules.core.journal;

import io.mailrules.core.run.RunId;
import java.time.Instant;

/**
 * A line of a run's journal file: the {@link RunHeader} first, then an {@link IntentRecord} and an
 * {@link OutcomeRecord} per batch, a {@link MailboxRefusal} for each mailbox a check refused, and a
 * {@link RunClosing} when the run ended on its own terms.
 */
public sealed interface JournalEntry permits RunHeader, JournalRecord, MailboxRefusal, RunClosing {

    RunId runId();

    /** When the entry was written. */
    Instant at();
}
