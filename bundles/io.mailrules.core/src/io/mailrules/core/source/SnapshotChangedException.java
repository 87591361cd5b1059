package io.mailrules.core.source;

/**
 * A folder's UIDVALIDITY changed since the plan was made, so the plan's UIDs may now name other messages. Nothing
 * was done to the folder; the plan has to be computed again.
 */
public final class SnapshotChangedException extends MailboxException {
    private static final long serialVersionUID = 1L;

    public SnapshotChangedException(String mailbox, String host, String folder, long plannedUidValidity,
            long currentUidValidity) {
        super(mailbox, host, "Mailbox " + mailbox + " on " + host + ": folder \"" + folder
                + "\" was renumbered since the plan was made (UIDVALIDITY " + plannedUidValidity + " is now "
                + currentUidValidity + "); nothing was changed there. Run the plan again.", null);
    }
}
