package io.mailrules.core.source;

/** The server answered NO or BAD to a command; its own text says why. */
public final class ServerRefusedException extends MailboxException {
    private static final long serialVersionUID = 1L;

    private final String serverText;

    public ServerRefusedException(String mailbox, String host, String what, String serverText, Throwable cause) {
        super(mailbox, host, "Mailbox " + mailbox + " on " + host + ": the server refused to " + what + ": "
                + serverText, cause);
        this.serverText = serverText;
    }

    public String serverText() {
        return serverText;
    }
}
