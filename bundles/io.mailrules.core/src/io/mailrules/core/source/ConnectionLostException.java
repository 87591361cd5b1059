package io.mailrules.core.source;

/**
 * The connection broke in the middle of a session, or Mailrules hung up because the server's answer could not be
 * read. The command in flight may or may not have been carried out; the journal's reconciliation, not a blind
 * retry, has to find out.
 */
public final class ConnectionLostException extends MailboxException {
    private static final long serialVersionUID = 1L;

    public ConnectionLostException(String mailbox, String host, String during, Throwable cause) {
        super(mailbox, host, "Mailbox " + mailbox + ": the connection to " + host + " was lost while " + during
                + (cause != null && cause.getMessage() != null ? " (" + cause.getMessage() + ")" : "") + ".", cause);
    }

    private ConnectionLostException(String mailbox, String host, String message) {
        super(mailbox, host, message, null);
    }

    /**
     * The server's answer broke the protocol (a UID that is no number, a number out of range), so nothing more it
     * says on that connection can be trusted and it was closed.
     *
     * @param asked what the server was asked, e.g. {@code search folder "INBOX"}
     * @param problem what is wrong with the answer, with at most a short excerpt of it
     */
    public static ConnectionLostException unreadableAnswer(String mailbox, String host, String asked,
            String problem) {
        return new ConnectionLostException(mailbox, host, "Mailbox " + mailbox + ": the answer of " + host
                + " when asked to " + asked + " could not be read (" + problem + "), so Mailrules closed the"
                + " connection.");
    }

    @Override
    public boolean isConnectionProblem() {
        return true;
    }
}
