package io.mailrules.imap;

import java.util.Objects;

/** Where and as whom to log in to one mailbox, with the secret already resolved. */
public record MailboxLogin(MailboxSettings settings, Credentials credentials) {
    public MailboxLogin {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(credentials, "credentials");
    }
}
