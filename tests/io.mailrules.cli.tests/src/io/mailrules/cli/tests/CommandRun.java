package io.mailrules.cli.tests;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

import io.mailrules.cli.Commands;
import io.mailrules.cli.Console;
import io.mailrules.cli.Main;

/** One {@code mailrules} invocation run in-process, with what it printed and its exit code. */
record CommandRun(int exitCode, String out, String err) {

    /**
     * What a script on a server would have: the PATH, a home and configuration directory of its own under
     * {@code work}, the journal in {@code journal} and the mailbox password in {@code SDR_PASSWORD}.
     */
    static Map<String, String> scriptEnvironment(Path work, Path journal, String password) {
        Map<String, String> environment = new HashMap<>();
        environment.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        environment.put("HOME", work.resolve("home").toString());
        environment.put("XDG_CONFIG_HOME", work.resolve("config").toString());
        environment.put("MAILRULES_JOURNAL", journal.toString());
        environment.put("SDR_PASSWORD", password);
        return environment;
    }

    static CommandRun in(Path workingDirectory, String... args) {
        return in(workingDirectory, InputStream.nullInputStream(), args);
    }

    static CommandRun in(Path workingDirectory, InputStream stdin, String... args) {
        return in(workingDirectory, stdin, Map.of(), Clock.systemDefaultZone(), args);
    }

    /** As a script would run it: with these environment variables, no terminal, and "now" from the clock. */
    static CommandRun in(Path workingDirectory, Map<String, String> environment, Clock clock, String... args) {
        return in(workingDirectory, InputStream.nullInputStream(), environment, clock, args);
    }

    /** As a user who typed the command as {@code invokedAs} would run it, e.g. {@code ./mailrules}. */
    static CommandRun invokedAs(String invokedAs, Path workingDirectory, String... args) {
        return in(workingDirectory, InputStream.nullInputStream(), Map.of(), Clock.systemDefaultZone(), invokedAs,
                args);
    }

    private static CommandRun in(Path workingDirectory, InputStream stdin, Map<String, String> environment,
            Clock clock, String... args) {
        return in(workingDirectory, stdin, environment, clock, Console.PROGRAM, args);
    }

    private static CommandRun in(Path workingDirectory, InputStream stdin, Map<String, String> environment,
            Clock clock, String invokedAs, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            Console console = new Console(stdin, outStream, errStream, workingDirectory, environment, false)
                    .withInvokedAs(invokedAs);
            int exitCode = new Main(Commands.standard(clock)).run(args, console);
            return new CommandRun(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        }
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
}
