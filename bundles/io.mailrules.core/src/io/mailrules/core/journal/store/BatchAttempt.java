package io.mailrules.core.journal.store;

import io.mailrules.core.journal.IntentRecord;
import io.mailrules.core.journal.OutcomeRecord;
import io.mailrules.core.run.BatchOutcome;
import io.mailrules.core.run.UidMapping;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The latest attempt at one batch in a run's journal: its intent and, once the command returned, its outcome.
 * Pending attempts are what a resume reconciles against the server; done ones are what it skips and undo reverses.
 */
public record BatchAttempt(IntentRecord intent, Optional<OutcomeRecord> outcome) {

    public BatchAttempt {
        Objects.requireNonNull(intent, "intent");
        Objects.requireNonNull(outcome, "outcome");
    }

    /** Sent, or about to be, with no answer recorded: the server may or may not have applied it. */
    public boolean isPending() {
        return outcome.isEmpty();
    }

    public boolean isDone() {
        return outcome.filter(record -> record.outcome().succeeded()).isPresent();
    }

    public boolean isFailed() {
        return outcome.filter(record -> !record.outcome().succeeded()).isPresent();
    }

    /** Where the moved or copied messages went, when the batch is done and the server reported COPYUID. */
    public Optional<UidMapping> copyUid() {
        return outcome.map(OutcomeRecord::outcome)
                .flatMap(result -> result instanceof BatchOutcome.Done done ? done.copyUid() : Optional.empty());
    }

    /** The target folder's UIDVALIDITY that {@link #copyUid()} is valid under, when the server reported it. */
    public OptionalLong targetUidValidity() {
        return outcome.map(OutcomeRecord::outcome)
                .filter(BatchOutcome.Done.class::isInstance)
                .map(result -> ((BatchOutcome.Done) result).targetUidValidity())
                .orElse(OptionalLong.empty());
    }

    public Optional<String> error() {
        return outcome.map(OutcomeRecord::outcome)
                .flatMap(result -> result instanceof BatchOutcome.Failed failed
                        ? Optional.of(failed.error())
                        : Optional.empty());
    }
}
