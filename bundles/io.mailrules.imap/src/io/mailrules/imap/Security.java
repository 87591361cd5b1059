package io.mailrules.imap;

/** How the connection to the IMAP server is protected. */
public enum Security {
    /** TLS from the first byte (IMAPS, usually port 993). */
    TLS("tls"),
    /** Plain connection upgraded with STARTTLS before login; refused if the server does not offer it. */
    STARTTLS("starttls"),
    /**
     * No encryption at all, confirmed by the rules file's {@code plain insecure}: only for a test server on the local
     * machine, and only when chosen explicitly.
     */
    PLAIN("plain"),
    /**
     * A rules file's {@code plain} without {@code insecure}, which the validator reports as an error. The connector
     * refuses it before sending anything (see {@link ImapConnector#requireConfirmedSecurity}), so that a password
     * never crosses the network unencrypted by a file that was not validated, nor by a front end that connects a
     * file with errors (the workbench's Test Connection).
     */
    PLAIN_UNCONFIRMED("plain, not confirmed with 'insecure'");

    private final String words;

    Security(String words) {
        this.words = words;
    }

    /** As a person reads it, e.g. in a mailbox's server column: the rules file's own keyword where there is one. */
    public String words() {
        return words;
    }
}
