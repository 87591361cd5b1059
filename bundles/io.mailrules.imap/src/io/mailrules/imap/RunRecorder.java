package io.mailrules.imap;

import io.mailrules.core.check.Refusal;
import io.mailrules.core.journal.FlagGroup;
import io.mailrules.core.journal.MailboxRefusal;
import io.mailrules.core.journal.IntentRecord;
import io.mailrules.core.journal.OutcomeRecord;
import io.mailrules.core.journal.TargetMark;
import io.mailrules.core.journal.store.RunJournalWriter;
import io.mailrules.core.plan.Batch;
import io.mailrules.core.run.BatchOutcome;
import io.mailrules.core.run.RunProgress;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Where the mailboxes of one run record what they do: the journal, which syncs every line before it returns, and
 * the progress listener. Shared by all mailboxes of the run; the journal writer serialises its appends, so mailboxes
 * may run in parallel.
 */
final class RunRecorder {

    private final RunJournalWriter journal;
    private final Clock clock;
    private final RunProgress progress;

    RunRecorder(RunJournalWriter journal, Clock clock, RunProgress progress) {
        this.journal = journal;
        this.clock = clock;
        this.progress = progress;
    }

    RunProgress progress() {
        return progress;
    }

    /** Returns once the intent is on disk; only then may the batch's command be sent. */
    void intent(Batch batch, List<FlagGroup> flagsBefore, Optional<TargetMark> targetMark) throws IOException {
        journal.intent(IntentRecord.of(journal.runId(), batch, clock.instant(), flagsBefore, targetMark));
    }

    /** Returns once the refusal is on disk; nothing may be sent to the mailbox afterwards. */
    void refused(String mailbox, List<Refusal> refusals) throws IOException {
        journal.refused(new MailboxRefusal(journal.runId(), clock.instant(), mailbox,
                refusals.stream().map(Refusal::message).toList()));
    }

    void outcome(Batch batch, BatchOutcome outcome) throws IOException {
        journal.outcome(new OutcomeRecord(journal.runId(), batch.id(), clock.instant(), outcome));
        progress.batchDone(batch, outcome);
    }
}
