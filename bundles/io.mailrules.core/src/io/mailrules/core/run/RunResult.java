package io.mailrules.core.run;

import io.mailrules.core.plan.UidSet;
import java.util.List;
import java.util.Objects;

/** What applying a plan did, mailbox by mailbox; the journal of {@code runId} holds the same, durably. */
public record RunResult(RunId runId, RunStatus status, List<MailboxReport> mailboxes) {

    public RunResult {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(status, "status");
        mailboxes = List.copyOf(mailboxes);
    }

    public int batchesDone() {
        return (int) batches().filter(batch -> batch.outcome().succeeded()).count();
    }

    public int batchesFailed() {
        return (int) batches().filter(batch -> !batch.outcome().succeeded()).count();
    }

    public int batchesNotSent() {
        return mailboxes.stream().mapToInt(MailboxReport::batchesNotSent).sum();
    }

    /** UIDs acted on by successful batches; a message in two batches (flag, then move) counts twice. */
    public long uidsActedOn() {
        return batches().filter(batch -> batch.outcome().succeeded()).mapToLong(batch -> batch.acted().size()).sum();
    }

    /** Planned UIDs no longer in their folder when their batch ran; left alone. */
    public long uidsSkipped() {
        return batches().mapToLong(batch -> batch.skipped().size()).sum();
    }

    public UidSet skipped(String mailbox, String folder) {
        return batches().filter(batch -> batch.batch().mailbox().equals(mailbox) && batch.batch().folder().equals(folder))
                .map(BatchReport::skipped).reduce(UidSet.empty(), UidSet::union);
    }

    private java.util.stream.Stream<BatchReport> batches() {
        return mailboxes.stream().flatMap(mailbox -> mailbox.batches().stream());
    }
}
