package io.mailrules.core.run;

import io.mailrules.core.check.Refusal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a run did in one mailbox.
 *
 * @param foldersCreated paths created before the batches ran
 * @param refusedFolders folders left untouched, with the reason
 * @param batches the batches sent, in order
 * @param failure why the mailbox stopped early (login refused, connection lost), naming the mailbox
 * @param batchesNotSent batches of the mailbox's plan without an outcome: never sent, or sent on a connection that
 *        broke before the answer (the journal shows that one as pending, for a resume to reconcile)
 * @param refusals the checks that refused the mailbox before anything was sent to it (a change limit, a command the
 *        server cannot carry out safely); nothing in it changed then
 */
public record MailboxReport(String mailbox, List<String> foldersCreated, List<FolderRefusal> refusedFolders,
        List<BatchReport> batches, Optional<String> failure, int batchesNotSent, List<Refusal> refusals) {

    public MailboxReport {
        Objects.requireNonNull(mailbox, "mailbox");
        foldersCreated = List.copyOf(foldersCreated);
        refusedFolders = List.copyOf(refusedFolders);
        batches = List.copyOf(batches);
        Objects.requireNonNull(failure, "failure");
        refusals = List.copyOf(refusals);
        if (!refusals.isEmpty() && !(foldersCreated.isEmpty() && batches.isEmpty())) {
            throw new IllegalArgumentException("mailbox " + mailbox + " was refused, yet folders were created or"
                    + " batches sent");
        }
    }

    public MailboxReport(String mailbox, List<String> foldersCreated, List<FolderRefusal> refusedFolders,
            List<BatchReport> batches, Optional<String> failure, int batchesNotSent) {
        this(mailbox, foldersCreated, refusedFolders, batches, failure, batchesNotSent, List.of());
    }

    /** A mailbox a check refused before anything was sent to it. */
    public static MailboxReport refused(String mailbox, List<Refusal> refusals, int batchesNotSent) {
        return new MailboxReport(mailbox, List.of(), List.of(), List.of(), Optional.empty(), batchesNotSent,
                refusals);
    }

    /** Every batch of the mailbox's plan was sent and succeeded. */
    public boolean isComplete() {
        return failure.isEmpty() && refusals.isEmpty() && batchesNotSent == 0
                && batches.stream().allMatch(b -> b.outcome().succeeded());
    }

    /** A check refused the mailbox: nothing was sent to it. */
    public boolean isRefused() {
        return !refusals.isEmpty();
    }
}
