package io.mailrules.core.source;

/** The server refused the user name with the password or access token given. */
public final class AuthenticationFailedException extends MailboxException {
    private static final long serialVersionUID = 1L;

    public AuthenticationFailedException(String mailbox, String host, String user, String serverText,
            Throwable cause) {
        super(mailbox, host, "Mailbox " + mailbox + ": " + host + " rejected the login of " + user
                + " (authentication failed" + (serverText.isBlank() ? "" : ": " + serverText)
                + "). Check the password or access token.", cause);
    }

    @Override
    public boolean isConnectionProblem() {
        return true;
    }
}
