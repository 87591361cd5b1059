package io.mailrules.cli.log;

import java.util.Locale;

import io.mailrules.cli.ExitCode;

/** How much a log line matters; written in lower case ({@code info}, {@code warn}, {@code error}). */
public enum LogLevel {
    /** Work done as asked: a batch, a mailbox completed, a schedule firing. */
    INFO,
    /** Work left undone that a later run or a person can finish: skipped batches, a partial run, a stop. */
    WARN,
    /** Work that failed: a batch or mailbox that failed, rule errors, a wrong command line. */
    ERROR;

    /** The level of an event that ends as a command would with {@code exitCode}: 0 info, 3 (partial) warn. */
    public static LogLevel ofExitCode(int exitCode) {
        return switch (exitCode) {
            case ExitCode.OK -> INFO;
            case ExitCode.PARTIAL_RUN -> WARN;
            default -> ERROR;
        };
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
