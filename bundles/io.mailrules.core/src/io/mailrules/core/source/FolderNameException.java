package io.mailrules.core.source;

/**
 * A folder a rule names cannot be named on this server, e.g. {@code "Reports.2025"} where the server separates
 * folder levels with {@code '.'}: the rules and the server do not fit, so the mailbox is not planned at all.
 */
public final class FolderNameException extends MailboxException {
    private static final long serialVersionUID = 1L;

    private final String folder;

    /** @param where the rule, layout or setting that names the folder, e.g. {@code rule routing/reports} */
    public FolderNameException(String mailbox, String host, String where, String folder, String problem) {
        super(mailbox, host, "Mailbox " + mailbox + " on " + host + ": " + where + ": " + problem
                + "; write folder levels with '/' in rules files, or choose a name without it.", null);
        this.folder = folder;
    }

    public String folder() {
        return folder;
    }
}
