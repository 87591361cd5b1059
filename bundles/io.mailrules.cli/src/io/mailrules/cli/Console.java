package io.mailrules.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import io.mailrules.cli.log.Log;
import io.mailrules.cli.log.LogFormat;

/**
 * The streams, working directory and environment a command talks to. Commands never touch {@code System.out},
 * {@code System.getenv()} or the JVM's working directory themselves, so tests run them in-process with captured
 * streams, a directory and an environment of their own.
 *
 * @param out results only (diagnostics, tables, JSON, protocol), so that it can be piped into other programs
 * @param err messages for people: summaries, progress, logs, usage
 * @param workingDirectory what relative paths on the command line are relative to
 * @param environment the variables credentials, the journal and the configuration are looked up in
 * @param terminal whether a person watches standard error, so a progress line beats log lines
 * @param invokedAs the command as the user typed it ({@code mailrules}, {@code ./mailrules}), for usage texts and
 *        the commands that hints suggest
 * @param log where the commands that log write to standard error ({@link Command#logs()}); set up by {@link Main}
 *        from {@code --log-format}
 */
public record Console(InputStream in, PrintStream out, PrintStream err, Path workingDirectory,
        Map<String, String> environment, boolean terminal, String invokedAs, Log log) {

    /** The name the product's script goes by when nothing says otherwise. */
    public static final String PROGRAM = "mailrules";

    public Console {
        environment = Map.copyOf(environment);
        Objects.requireNonNull(invokedAs, "invokedAs");
        Objects.requireNonNull(log, "log");
    }

    /** Invoked as {@code mailrules}, logging as text. */
    public Console(InputStream in, PrintStream out, PrintStream err, Path workingDirectory,
            Map<String, String> environment, boolean terminal) {
        this(in, out, err, workingDirectory, environment, terminal, PROGRAM,
                new Log(err, LogFormat.TEXT, Clock.systemUTC()));
    }

    /** A console without environment variables and without a terminal, as a script sees it. */
    public Console(InputStream in, PrintStream out, PrintStream err, Path workingDirectory) {
        this(in, out, err, workingDirectory, Map.of(), false);
    }

    public Console withLog(Log newLog) {
        return new Console(in, out, err, workingDirectory, environment, terminal, invokedAs, newLog);
    }

    public Console withInvokedAs(String name) {
        return new Console(in, out, err, workingDirectory, environment, terminal, name, log);
    }

    /** A path as typed on the command line, resolved the way the user's shell would. */
    public Path resolve(String typedPath) {
        return workingDirectory.resolve(typedPath).normalize();
    }

    /** The variable's value; unset and empty are the same, as in most shells' {@code ${VAR:-...}}. */
    public Optional<String> variable(String name) {
        return Optional.ofNullable(environment.get(name)).filter(value -> !value.isEmpty());
    }

    /** {@code mailrules ARGUMENTS} as the user would type it again: {@code ./mailrules runs}. */
    public String command(String arguments) {
        return invokedAs + " " + arguments;
    }
}
