package io.mailrules.core.source;

/**
 * The connection broke in the middle of a session. The command in flight may or may not have been carried out; the
 * journal's reconciliation, not a blind retry, has to find out.
 */
public final class ConnectionLostException extends MailboxException {
    private static final long serialVersionUID = 1L;

    public ConnectionLostException(String mailbox, String host, String during, Throwable cause) {
        super(mailbox, host, "Mailbox " + mailbox + ": the connection to " + host + " was lost while " + during
                + (cause != null && cause.getMessage() != null ? " (" + cause.getMessage() + ")" : "") + ".", cause);
    }

    @Override
    public boolean isConnectionProblem() {
        return true;
    }
}
