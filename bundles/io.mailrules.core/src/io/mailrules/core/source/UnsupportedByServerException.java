package io.mailrules.core.source;

/** The server lacks an extension that the action needs to be safe, so the action was not attempted. */
public final class UnsupportedByServerException extends MailboxException {
    private static final long serialVersionUID = 1L;

    public UnsupportedByServerException(String mailbox, String host, String explanation) {
        super(mailbox, host, "Mailbox " + mailbox + " on " + host + ": " + explanation, null);
    }
}
