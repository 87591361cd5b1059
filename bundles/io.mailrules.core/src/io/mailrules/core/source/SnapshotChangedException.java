package io.mailrules.core.source;

/**
 * A folder's UIDVALIDITY changed since the plan was made, or while it was being made, so the plan's UIDs may now name
 * other messages. Nothing was done to the folder; the plan has to be computed again.
 */
public final class SnapshotChangedException extends MailboxException {
    private static final long serialVersionUID = 1L;

    public SnapshotChangedException(String mailbox, String host, String folder, long plannedUidValidity,
            long currentUidValidity) {
        this(mailbox, host, "Mailbox " + mailbox + " on " + host + ": folder \"" + folder
                + "\" was renumbered since the plan was made (UIDVALIDITY " + plannedUidValidity + " is now "
                + currentUidValidity + "); nothing was changed there. Run the plan again.");
    }

    private SnapshotChangedException(String mailbox, String host, String message) {
        super(mailbox, host, message, null);
    }

    /** The folder was renumbered between reading its state and reading its messages, both for the same plan. */
    public static SnapshotChangedException whilePlanning(String mailbox, String host, String folder,
            long uidValidityFirstSeen, long uidValidityNow) {
        return new SnapshotChangedException(mailbox, host, "Mailbox " + mailbox + " on " + host + ": folder \""
                + folder + "\" was renumbered while it was being read (UIDVALIDITY " + uidValidityFirstSeen
                + " became " + uidValidityNow + "); nothing was changed there. Make the plan again.");
    }
}
