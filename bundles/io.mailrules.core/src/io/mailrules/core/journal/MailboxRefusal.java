package io.mailrules.core.journal;

import io.mailrules.core.run.RunId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A mailbox of the run that a check on its plan refused before anything was sent to it (a change limit, a command
 * the server cannot carry out safely). No intent of the mailbox's batches may follow it: nothing in the mailbox
 * changed, and neither resume nor undo has anything to do there.
 *
 * @param reasons the refusals, as sentences naming folder, rules, counts and the limit or the server's lack
 */
public record MailboxRefusal(RunId runId, Instant at, String mailbox, List<String> reasons) implements JournalEntry {

    public MailboxRefusal {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(mailbox, "mailbox");
        reasons = List.copyOf(reasons);
        if (mailbox.isBlank()) {
            throw new IllegalArgumentException("run " + runId + ": a refused mailbox needs a name");
        }
        if (reasons.isEmpty()) {
            throw new IllegalArgumentException("run " + runId + ": mailbox " + mailbox + " refused without a reason");
        }
    }
}
