package io.mailrules.core.run;

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
 */
public record MailboxReport(String mailbox, List<String> foldersCreated, List<FolderRefusal> refusedFolders,
        List<BatchReport> batches, Optional<String> failure, int batchesNotSent) {

    public MailboxReport {
        Objects.requireNonNull(mailbox, "mailbox");
        foldersCreated = List.copyOf(foldersCreated);
        refusedFolders = List.copyOf(refusedFolders);
        batches = List.copyOf(batches);
        Objects.requireNonNull(failure, "failure");
    }

    /** Every batch of the mailbox's plan was sent and succeeded. */
    public boolean isComplete() {
        return failure.isEmpty() && batchesNotSent == 0 && batches.stream().allMatch(b -> b.outcome().succeeded());
    }
}
