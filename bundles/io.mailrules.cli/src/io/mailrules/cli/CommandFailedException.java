package io.mailrules.cli;

import java.util.List;

import io.mailrules.cli.log.LogLevel;

/**
 * A command cannot go on for a reason the user can fix (rule errors, an unreadable plan, a mailbox refusing the
 * login); the message says what and names the file or mailbox, and the exit code classifies it.
 */
public final class CommandFailedException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int exitCode;
    private final List<Problem> problems;

    /** One of the things a failure sums up, e.g. a diagnostic of a rules file, as one line. */
    public record Problem(LogLevel level, String text) {
    }

    public CommandFailedException(int exitCode, String message) {
        this(exitCode, message, List.of());
    }

    /** @param problems what the message sums up, one line each, e.g. the diagnostics of a rules file with errors */
    public CommandFailedException(int exitCode, String message, List<Problem> problems) {
        super(message);
        this.exitCode = exitCode;
        this.problems = List.copyOf(problems);
    }

    /** One of {@link ExitCode}. */
    public int exitCode() {
        return exitCode;
    }

    /** Printed before the message, as {@link Main} reports the failure. */
    public List<Problem> problems() {
        return problems;
    }
}
