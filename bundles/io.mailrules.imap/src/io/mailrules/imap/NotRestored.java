package io.mailrules.imap;

import io.mailrules.core.plan.BatchId;
import io.mailrules.core.plan.UidSet;
import java.util.List;
import java.util.Objects;

/**
 * Messages of one batch that an undo could not put back, and why; the undo result lists them so the user knows
 * exactly what is not as before.
 *
 * @param folder the folder the batch acted in
 * @param uids the batch's UIDs in that folder, as the run knew them
 * @param subjects the subjects of those messages from the run's plan, for people to recognise them
 */
public record NotRestored(String mailbox, String folder, BatchId batchId, UidSet uids, List<String> subjects,
        Reason reason) {

    public enum Reason {
        /** The batch expunged the messages: permanent by design, the preview warned about it. */
        EXPUNGED,
        /** The messages are no longer where the run put them: moved or deleted since, or never moved at all. */
        NOT_FOUND,
        /** The folder was renumbered (new UIDVALIDITY) since the run, so its UIDs name other messages or none. */
        RENUMBERED
    }

    public NotRestored {
        Objects.requireNonNull(mailbox, "mailbox");
        Objects.requireNonNull(folder, "folder");
        Objects.requireNonNull(batchId, "batchId");
        Objects.requireNonNull(uids, "uids");
        subjects = List.copyOf(subjects);
        Objects.requireNonNull(reason, "reason");
    }

    public String describe() {
        String what = uids.size() + " message(s) of batch " + batchId + " in " + mailbox + "/" + folder;
        return switch (reason) {
            case EXPUNGED -> what + " were expunged by the run and cannot be restored";
            case NOT_FOUND -> what + " were not found where the run put them";
            case RENUMBERED -> what + " cannot be restored: the folder was renumbered since the run";
        };
    }
}
