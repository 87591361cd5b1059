package io.mailrules.logins;

/** Why a secret could not be obtained, in words that tell the user what to fix; never contains the secret. */
public final class CredentialsProblem extends Exception {

    private static final long serialVersionUID = 1L;

    public CredentialsProblem(String message) {
        super(message);
    }
}
