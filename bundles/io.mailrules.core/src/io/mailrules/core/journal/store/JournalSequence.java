package io.mailrules.core.journal.store;

import io.mailrules.core.journal.IntentRecord;
import io.mailrules.core.journal.JournalEntry;
import io.mailrules.core.journal.JournalRecord;
import io.mailrules.core.journal.MailboxRefusal;
import io.mailrules.core.journal.OutcomeRecord;
import io.mailrules.core.journal.RunClosing;
import io.mailrules.core.journal.RunHeader;
import io.mailrules.core.plan.BatchId;
import io.mailrules.core.run.RunId;
import io.mailrules.core.run.RunStatus;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The order a run's entries must come in. The writer checks each entry here before writing it and the reader checks
 * each line it reads, so the store can never write a journal it would refuse to read.
 */
final class JournalSequence {

    private final RunId run;
    private RunHeader header;
    private final List<JournalRecord> records = new ArrayList<>();
    private final Set<BatchId> pending = new HashSet<>();
    private final Set<BatchId> done = new HashSet<>();
    private final Set<BatchId> failed = new HashSet<>();
    private final List<MailboxRefusal> refusals = new ArrayList<>();
    private final Set<String> mailboxesSent = new HashSet<>();
    private RunClosing closing;

    JournalSequence(RunId run) {
        this.run = run;
    }

    /**
     * @throws IllegalArgumentException saying why {@code entry} cannot come next; nothing is recorded then
     */
    void accept(JournalEntry entry) {
        if (!entry.runId().equals(run)) {
            throw new IllegalArgumentException("entry of run " + entry.runId() + " in the journal of run " + run);
        }
        if (closing != null) {
            throw new IllegalArgumentException("entry after the closing record");
        }
        if (header == null && !(entry instanceof RunHeader)) {
            throw new IllegalArgumentException("the journal must start with a header record");
        }
        switch (entry) {
            case RunHeader first -> acceptHeader(first);
            case IntentRecord intent -> acceptIntent(intent);
            case OutcomeRecord outcome -> acceptOutcome(outcome);
            case RunClosing last -> acceptClosing(last);
            case MailboxRefusal refusal -> acceptRefusal(refusal);
        }
    }

    private void acceptHeader(RunHeader first) {
        if (header != null) {
            throw new IllegalArgumentException("a second header record");
        }
        header = first;
    }

    private void acceptIntent(IntentRecord intent) {
        BatchId batch = intent.batchId();
        if (refusals.stream().anyMatch(refusal -> refusal.mailbox().equals(intent.mailbox()))) {
            throw new IllegalArgumentException("batch " + batch + " of mailbox " + intent.mailbox()
                    + ", which the run refused");
        }
        mailboxesSent.add(intent.mailbox());
        if (pending.contains(batch)) {
            throw new IllegalArgumentException("batch " + batch + " already has an intent without an outcome");
        }
        if (done.contains(batch)) {
            throw new IllegalArgumentException("batch " + batch + " is already done");
        }
        failed.remove(batch);
        pending.add(batch);
        records.add(intent);
    }

    private void acceptOutcome(OutcomeRecord outcome) {
        BatchId batch = outcome.batchId();
        if (!pending.remove(batch)) {
            throw new IllegalArgumentException("outcome of batch " + batch + ", which has no intent awaiting one");
        }
        (outcome.outcome().succeeded() ? done : failed).add(batch);
        records.add(outcome);
    }

    private void acceptRefusal(MailboxRefusal refusal) {
        if (!header.mailboxes().contains(refusal.mailbox())) {
            throw new IllegalArgumentException("refusal of mailbox " + refusal.mailbox() + ", which the run does not"
                    + " touch");
        }
        if (mailboxesSent.contains(refusal.mailbox())) {
            throw new IllegalArgumentException("refusal of mailbox " + refusal.mailbox() + " after batches were sent"
                    + " to it");
        }
        if (refusals.stream().anyMatch(earlier -> earlier.mailbox().equals(refusal.mailbox()))) {
            throw new IllegalArgumentException("mailbox " + refusal.mailbox() + " refused twice");
        }
        refusals.add(refusal);
    }

    private void acceptClosing(RunClosing last) {
        if (last.at().isBefore(header.startedAt())) {
            throw new IllegalArgumentException("the run closes at " + last.at() + ", before it started at "
                    + header.startedAt());
        }
        if (last.status() == RunStatus.COMPLETED && !(pending.isEmpty() && failed.isEmpty() && refusals.isEmpty())) {
            throw new IllegalArgumentException("the run cannot be completed with " + pending.size()
                    + " batches pending, " + failed.size() + " failed and " + refusals.size() + " mailboxes refused");
        }
        if (last.status() == RunStatus.REFUSED && (!records.isEmpty() || refusals.isEmpty())) {
            throw new IllegalArgumentException("a refused run sends nothing and names the mailboxes it refused");
        }
        closing = last;
    }

    boolean hasHeader() {
        return header != null;
    }

    RunJournal toJournal(Path file, Optional<TornLine> tornLine) {
        return new RunJournal(file, header, records, refusals, Optional.ofNullable(closing), tornLine);
    }
}
