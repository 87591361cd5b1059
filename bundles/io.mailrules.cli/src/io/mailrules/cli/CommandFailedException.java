package io.mailrules.cli;

/**
 * A command cannot go on for a reason the user can fix (rule errors, an unreadable plan, a mailbox refusing the
 * login); the message says what and names the file or mailbox, and the exit code classifies it.
 */
public final class CommandFailedException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int exitCode;

    public CommandFailedException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    /** One of {@link ExitCode}. */
    public int exitCode() {
        return exitCode;
    }
}
