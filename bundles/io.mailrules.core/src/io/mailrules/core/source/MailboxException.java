package io.mailrules.core.source;

import java.util.Objects;

/**
 * A mailbox could not be read or changed. The message is written for the person running the rules: it names the
 * mailbox and host, says what went wrong in their terms and, where there is one, what to do about it. Whatever the
 * failure, the command that failed left the mail as it was.
 */
public abstract sealed class MailboxException extends Exception
        permits AuthenticationFailedException, HostUnreachableException, UntrustedCertificateException,
        FolderNotFoundException, ServerRefusedException, SnapshotChangedException, UnsupportedByServerException,
        ConnectionLostException, CredentialsUnavailableException, MailboxBusyException, FolderNameException {

    private static final long serialVersionUID = 1L;

    private final String mailbox;
    private final String host;

    protected MailboxException(String mailbox, String host, String message, Throwable cause) {
        super(message, cause);
        this.mailbox = Objects.requireNonNull(mailbox, "mailbox");
        this.host = Objects.requireNonNull(host, "host");
    }

    /** The mailbox's name in the rules file. */
    public String mailbox() {
        return mailbox;
    }

    public String host() {
        return host;
    }

    /** Whether this is about reaching or logging in to the server, rather than about one folder or command. */
    public boolean isConnectionProblem() {
        return false;
    }
}
