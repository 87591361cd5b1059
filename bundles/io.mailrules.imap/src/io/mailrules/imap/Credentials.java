package io.mailrules.imap;

import java.util.Objects;

/**
 * The secret to log in with, already resolved by the caller. {@link #toString()} never shows it, so credentials can
 * end up in a log line or an exception message without leaking.
 */
public sealed interface Credentials {

    /** The value given to the server; only the connector reads it. */
    String secret();

    static Credentials password(String password) {
        return new Password(password);
    }

    static Credentials oauth2AccessToken(String accessToken) {
        return new OAuth2AccessToken(accessToken);
    }

    /** LOGIN / AUTHENTICATE PLAIN with a password. */
    record Password(String secret) implements Credentials {
        public Password {
            Objects.requireNonNull(secret, "password");
        }

        @Override
        public String toString() {
            return "Password[***]";
        }
    }

    /** AUTHENTICATE XOAUTH2 with a bearer token (Google Workspace, Microsoft 365). */
    record OAuth2AccessToken(String secret) implements Credentials {
        public OAuth2AccessToken {
            Objects.requireNonNull(secret, "accessToken");
        }

        @Override
        public String toString() {
            return "OAuth2AccessToken[***]";
        }
    }
}
