package io.mailrules.imap;

import io.mailrules.core.plan.Batch;
import io.mailrules.core.plan.UidSet;
import io.mailrules.core.run.BatchOutcome;
import io.mailrules.core.source.MailboxException;
import java.util.Objects;
import java.util.Optional;

/**
 * What applying one batch did.
 *
 * @param acted the UIDs the command was sent for: planned and still present
 * @param skipped planned UIDs that were no longer in the folder (moved or expunged by someone else meanwhile)
 * @param failure why the batch failed, when {@code outcome} is failed; parts of a long batch sent before the failure
 *        did act
 */
public record BatchResult(Batch batch, UidSet acted, UidSet skipped, BatchOutcome outcome,
        Optional<MailboxException> failure) {

    public BatchResult {
        Objects.requireNonNull(batch, "batch");
        Objects.requireNonNull(acted, "acted");
        Objects.requireNonNull(skipped, "skipped");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(failure, "failure");
    }

    static BatchResult failed(Batch batch, UidSet acted, UidSet skipped, MailboxException failure) {
        return new BatchResult(batch, acted, skipped, BatchOutcome.failed(failure.getMessage()), Optional.of(failure));
    }
}
