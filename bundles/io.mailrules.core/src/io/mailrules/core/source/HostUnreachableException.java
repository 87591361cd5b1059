package io.mailrules.core.source;

/** No IMAP conversation could be started: unknown host name, connection refused, or no answer in time. */
public final class HostUnreachableException extends MailboxException {
    private static final long serialVersionUID = 1L;

    public HostUnreachableException(String mailbox, String host, int port, String reason, Throwable cause) {
        super(mailbox, host, "Mailbox " + mailbox + ": cannot reach " + host + ":" + port + " (" + reason + ").",
                cause);
    }

    @Override
    public boolean isConnectionProblem() {
        return true;
    }
}
