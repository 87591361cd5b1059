package io.mailrules.core.source;

/**
 * The secret to log in to a mailbox could not be obtained (unset variable, failing command, missing or unsafe
 * credentials file), so no connection was attempted. It counts as an authentication problem: the user has to fix
 * where the secret comes from, not the rules.
 */
public final class CredentialsUnavailableException extends MailboxException {
    private static final long serialVersionUID = 1L;

    /** @param reason what is wrong and how to fix it; never the secret itself */
    public CredentialsUnavailableException(String mailbox, String host, String reason) {
        super(mailbox, host, "Mailbox " + mailbox + ": no credentials: " + reason + ".", null);
    }

    @Override
    public boolean isConnectionProblem() {
        return true;
    }
}
