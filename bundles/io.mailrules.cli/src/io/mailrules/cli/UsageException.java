package io.mailrules.cli;

/** The arguments of a command are wrong; the message says how, and the command's usage follows it. */
public final class UsageException extends Exception {

    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message);
    }
}
