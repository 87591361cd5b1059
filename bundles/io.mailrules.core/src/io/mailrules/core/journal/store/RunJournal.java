package io.mailrules.core.journal.store;

import io.mailrules.core.journal.IntentRecord;
import io.mailrules.core.journal.JournalRecord;
import io.mailrules.core.journal.MailboxRefusal;
import io.mailrules.core.journal.OutcomeRecord;
import io.mailrules.core.journal.RunClosing;
import io.mailrules.core.journal.RunHeader;
import io.mailrules.core.plan.BatchId;
import io.mailrules.core.run.RunId;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/** One run's journal as read from its file: what it did batch by batch, and whether it ended on its own terms. */
public final class RunJournal {

    private final Path file;
    private final RunHeader header;
    private final List<JournalRecord> records;
    private final List<MailboxRefusal> refusals;
    private final Optional<RunClosing> closing;
    private final Optional<TornLine> tornLine;
    private final List<BatchAttempt> batches;

    RunJournal(Path file, RunHeader header, List<JournalRecord> records, List<MailboxRefusal> refusals,
            Optional<RunClosing> closing, Optional<TornLine> tornLine) {
        this.file = file;
        this.header = header;
        this.records = List.copyOf(records);
        this.refusals = List.copyOf(refusals);
        this.closing = closing;
        this.tornLine = tornLine;
        this.batches = latestAttempts(this.records);
    }

    /** A batch tried again after a failure appears once, as its last try, in the place of its first intent. */
    private static List<BatchAttempt> latestAttempts(List<JournalRecord> records) {
        Map<BatchId, BatchAttempt> attempts = new LinkedHashMap<>();
        for (JournalRecord record : records) {
            switch (record) {
                case IntentRecord intent -> attempts.put(intent.batchId(), new BatchAttempt(intent, Optional.empty()));
                case OutcomeRecord outcome -> attempts.computeIfPresent(outcome.batchId(),
                        (batch, attempt) -> new BatchAttempt(attempt.intent(), Optional.of(outcome)));
            }
        }
        return List.copyOf(attempts.values());
    }

    public Path file() {
        return file;
    }

    public RunId runId() {
        return header.runId();
    }

    public RunHeader header() {
        return header;
    }

    /** The intent and outcome records in the order they were written. */
    public List<JournalRecord> records() {
        return records;
    }

    /** The mailboxes a check refused before anything was sent to them, with the reasons. */
    public List<MailboxRefusal> refusals() {
        return refusals;
    }

    /** Absent while the run is being written, and after it was killed. */
    public Optional<RunClosing> closing() {
        return closing;
    }

    /** The crash-cut end of the file that was ignored, if any; worth telling the user, never an error. */
    public Optional<TornLine> tornLine() {
        return tornLine;
    }

    /** Every batch the run got to, as its latest attempt, in the order first tried. */
    public List<BatchAttempt> batches() {
        return batches;
    }

    /** Intents without an outcome: the server may or may not have applied them, so resume must reconcile them. */
    public List<BatchAttempt> pendingBatches() {
        return select(BatchAttempt::isPending);
    }

    /** What resume skips and undo reverses. */
    public List<BatchAttempt> doneBatches() {
        return select(BatchAttempt::isDone);
    }

    public List<BatchAttempt> failedBatches() {
        return select(BatchAttempt::isFailed);
    }

    /** Messages covered by done batches; a message in two batches (flag, then move) counts twice. */
    public long uidsDone() {
        return doneBatches().stream().mapToLong(attempt -> attempt.intent().uids().size()).sum();
    }

    private List<BatchAttempt> select(Predicate<BatchAttempt> filter) {
        return batches.stream().filter(filter).toList();
    }
}
