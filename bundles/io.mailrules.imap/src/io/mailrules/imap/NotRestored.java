package io.mailrules.imap;

import io.mailrules.core.plan.BatchId;
import io.mailrules.core.plan.UidSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Messages of one batch that an undo could not put back, and why; the undo result lists them so the user knows
 * exactly what is not as before.
 *
 * @param folder the folder the batch acted in
 * @param uids the batch's UIDs in that folder, as the run knew them
 * @param subjects the subjects of those messages from the run's plan, for people to recognise them
 * @param target for a move or copy, the folder the run put the messages in
 */
public record NotRestored(String mailbox, String folder, BatchId batchId, UidSet uids, List<String> subjects,
        Reason reason, Optional<String> target) {

    public enum Reason {
        /** The batch expunged the messages: permanent by design, the preview warned about it. */
        EXPUNGED,
        /** The messages are no longer where the run put them: moved or deleted since. */
        NOT_FOUND,
        /**
         * The folder was renumbered (new UIDVALIDITY) since the run, so its UIDs name other messages or none: the
         * batch's folder, or with a {@code target} the folder the run moved or copied the messages to.
         */
        RENUMBERED,
        /**
         * The messages went to the target, but cannot be told apart from other messages there (an older copy with
         * the same Message-ID, two messages sharing one, mail that arrived meanwhile, or a journal that recorded no
         * mark of the target), so they were left where they are rather than guessed at.
         */
        UNPAIRED
    }

    public NotRestored {
        Objects.requireNonNull(mailbox, "mailbox");
        Objects.requireNonNull(folder, "folder");
        Objects.requireNonNull(batchId, "batchId");
        Objects.requireNonNull(uids, "uids");
        subjects = List.copyOf(subjects);
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(target, "target");
    }

    public NotRestored(String mailbox, String folder, BatchId batchId, UidSet uids, List<String> subjects,
            Reason reason) {
        this(mailbox, folder, batchId, uids, subjects, reason, Optional.empty());
    }

    public String describe() {
        String what = uids.size() + " message(s) of batch " + batchId + " in " + mailbox + "/" + folder;
        return switch (reason) {
            case EXPUNGED -> what + " were expunged by the run and cannot be restored";
            case NOT_FOUND -> what + " were not found where the run put them"
                    + target.map(name -> " (\"" + name + "\")").orElse("");
            case RENUMBERED -> target.map(name -> what + " cannot be restored: \"" + name + "\", where the run put"
                    + " them, was renumbered since the run, so which of its messages they are cannot be told")
                    .orElse(what + " cannot be restored: the folder was renumbered since the run");
            case UNPAIRED -> what + " were left in \"" + target.orElse("?") + "\": they cannot be told apart from"
                    + " other messages there (an older copy with the same Message-ID, or mail that arrived"
                    + " meanwhile), so undo did not guess which to take back";
        };
    }
}
