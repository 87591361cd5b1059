package io.mailrules.logins;

import java.util.Optional;

import io.mailrules.dsl.mailrules.SecretSource;
import io.mailrules.imap.Credentials;

/**
 * A mailbox block's credential line.
 *
 * @param oauth2 whether it is an {@code oauth2 token} rather than a password
 * @param source where the secret comes from ({@code from env|command|secret "..."})
 * @param literal a password written into the file, which the validator reports as an error
 */
public record DeclaredCredential(boolean oauth2, Optional<SecretSource> source, Optional<String> literal) {

    /** The secret in the kind of credentials the line declares. */
    public Credentials with(String secret) {
        return oauth2 ? Credentials.oauth2AccessToken(secret) : Credentials.password(secret);
    }
}
