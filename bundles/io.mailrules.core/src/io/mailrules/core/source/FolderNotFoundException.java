package io.mailrules.core.source;

/** A folder to read from or move into does not exist on the server ({@code NO [TRYCREATE]}, {@code [NONEXISTENT]}). */
public final class FolderNotFoundException extends MailboxException {
    private static final long serialVersionUID = 1L;

    private final String folder;

    public FolderNotFoundException(String mailbox, String host, String folder, String hint, Throwable cause) {
        super(mailbox, host, "Mailbox " + mailbox + " on " + host + ": folder \"" + folder + "\" does not exist"
                + (hint.isBlank() ? "." : "; " + hint), cause);
        this.folder = folder;
    }

    public String folder() {
        return folder;
    }
}
