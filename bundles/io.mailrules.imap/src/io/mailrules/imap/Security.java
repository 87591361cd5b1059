package io.mailrules.imap;

/** How the connection to the IMAP server is protected. */
public enum Security {
    /** TLS from the first byte (IMAPS, usually port 993). */
    TLS,
    /** Plain connection upgraded with STARTTLS before login; refused if the server does not offer it. */
    STARTTLS,
    /** No encryption at all: only for a test server on the local machine, and only when chosen explicitly. */
    PLAIN
}
