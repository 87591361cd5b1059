package io.mailrules.ui.mail;

import java.util.Optional;

import io.mailrules.imap.Credentials;
import io.mailrules.imap.MailboxSettings;

/** Asks a person for a mailbox's secret when neither secure storage nor the rules file yields one. */
@FunctionalInterface
public interface CredentialsPrompt {

    /** For unattended work (scheduled runs): nobody is asked, the mailbox fails with the reason. */
    CredentialsPrompt NOBODY = (mailbox, token, reason) -> Optional.empty();

    /**
     * @param token whether the mailbox logs in with an OAuth2 token rather than a password
     * @param reason why the secret is asked for, shown to the user (e.g. "environment variable X is not set")
     * @return empty when the user cancelled
     */
    Optional<Entered> ask(MailboxSettings mailbox, boolean token, String reason);

    /** What the user typed, and whether to keep it in secure storage. */
    record Entered(String secret, boolean remember) {

        /** The secret as the kind of credentials the mailbox logs in with. */
        public Credentials credentials(boolean token) {
            return token ? Credentials.oauth2AccessToken(secret) : Credentials.password(secret);
        }

        @Override
        public String toString() {
            return "Entered[***, remember=" + remember + "]";
        }
    }
}
