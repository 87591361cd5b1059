package io.mailrules.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import io.mailrules.cli.log.Log;
import io.mailrules.cli.log.LogFormat;

/**
 * Entry point of the headless {@code mailrules} commands. The product's launcher script runs this class on a plain
 * class path (no OSGi framework) when its first argument names a command, because starting Equinox alone would
 * take longer than a whole {@code validate} may.
 */
public final class Main {

    /** The system property through which the launcher passes the command as the user typed it. */
    public static final String INVOKED_AS_PROPERTY = "mailrules.invokedAs";

    // Characters a shell takes literally, so the name can be shown unquoted in commands to copy ('=' is not: a
    // first word with one is an assignment).
    private static final Pattern SHELL_WORD = Pattern.compile("[A-Za-z0-9_./+%@:,-]+");

    private final Commands commands;

    public Main(Commands commands) {
        this.commands = commands;
    }

    public static void main(String[] args) {
        PrintStream results = System.out;
        // Standard output carries results only (LSP frames, diagnostics, later JSON): whatever a library prints
        // there would corrupt them, so it goes to standard error.
        System.setOut(System.err);
        Console console = new Console(System.in, results, System.err, Path.of("").toAbsolutePath(), System.getenv(),
                TerminalDetection.interactive()).withInvokedAs(shellWord(System.getProperty(INVOKED_AS_PROPERTY, "")));
        int exitCode = new Main(Commands.standard()).run(args, console);
        results.flush();
        System.err.flush();
        // Xtext and LSP4J leave non-daemon threads behind; the command is done, so the process is too.
        System.exit(exitCode);
    }

    /** The name as a shell would read it back: quoted when it has spaces or other special characters. */
    static String shellWord(String invokedAs) {
        if (invokedAs.isBlank()) {
            return Console.PROGRAM;
        }
        return SHELL_WORD.matcher(invokedAs).matches() ? invokedAs : "'" + invokedAs.replace("'", "'\\''") + "'";
    }

    /** Runs the command named by {@code args[0]} and returns its exit code. */
    public int run(String[] args, Console console) {
        Usage usage = new Usage(commands, console.invokedAs());
        if (args.length == 0) {
            usage.printOverview(console.err());
            return ExitCode.USAGE;
        }
        String name = switch (args[0]) {
            case "--help", "-h" -> "help";
            case "--version", "-V" -> "version";
            default -> args[0];
        };
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        Optional<Command> command = commands.find(name);
        if (command.isEmpty()) {
            console.err().println(Console.PROGRAM + ": unknown " + (name.startsWith("-") ? "option" : "command") + " '"
                    + name + "'");
            console.err().println();
            usage.printOverview(console.err());
            return ExitCode.USAGE;
        }
        return run(command.get(), rest, console, usage);
    }

    private int run(Command command, List<String> args, Console console, Usage usage) {
        if (!args.isEmpty() && (args.get(0).equals("--help") || args.get(0).equals("-h"))) {
            usage.printCommand(command, console.out());
            return ExitCode.OK;
        }
        Failures failures = new Failures(command, console, usage);
        List<String> commandArgs = args;
        Console commandConsole = console;
        if (command.logs()) {
            try {
                commandArgs = new ArrayList<>(args);
                LogFormat format = takeLogFormat(commandArgs);
                commandConsole = console.withLog(new Log(console.err(), format, Clock.systemUTC()));
            } catch (UsageException e) {
                return failures.usage(e);
            }
            failures = new Failures(command, commandConsole, usage);
        }
        try {
            return command.run(commandArgs, commandConsole);
        } catch (CommandFailedException e) {
            return failures.failed(e);
        } catch (UsageException e) {
            return failures.usage(e);
        } catch (Exception | LinkageError e) {
            return failures.internal(e);
        }
    }

    /**
     * Removes {@code --log-format FORMAT} (or {@code --log-format=FORMAT}) from a logging command's arguments, so
     * that the command itself never sees it; text when it is not there.
     */
    static LogFormat takeLogFormat(List<String> args) throws UsageException {
        Optional<LogFormat> format = Optional.empty();
        for (int i = 0; i < args.size() && !args.get(i).equals("--"); i++) {
            String arg = args.get(i);
            String value;
            if (arg.equals(LogFormat.OPTION)) {
                if (i + 1 >= args.size()) {
                    throw new UsageException(LogFormat.OPTION + " needs a value");
                }
                value = args.remove(i + 1);
            } else if (arg.startsWith(LogFormat.OPTION + "=")) {
                value = arg.substring(LogFormat.OPTION.length() + 1);
            } else {
                continue;
            }
            args.remove(i--);
            if (format.isPresent()) {
                throw new UsageException(LogFormat.OPTION + " given twice");
            }
            format = Optional.of(LogFormat.parse(value));
        }
        return format.orElse(LogFormat.TEXT);
    }

    /**
     * How a command that did not succeed says so: for people on standard error, or as log lines for the commands
     * that log, whose standard error must stay one log line per line.
     */
    private record Failures(Command command, Console console, Usage usage) {

        int failed(CommandFailedException e) {
            if (command.logs()) {
                for (CommandFailedException.Problem problem : e.problems()) {
                    console.log().write(problem.level(), "problem", "message", problem.text());
                }
                console.log().error("failed", "command", command.name(), "message", e.getMessage(), "exitCode",
                        e.exitCode());
            } else {
                e.problems().forEach(problem -> console.err().println(problem.text()));
                console.err().println(prefix() + e.getMessage());
            }
            return e.exitCode();
        }

        int usage(UsageException e) {
            String help = console.command("help " + command.name());
            if (command.logs()) {
                console.log().error("usage", "command", command.name(), "message", e.getMessage(), "usage",
                        usage.synopsis(command), "help", help, "exitCode", ExitCode.USAGE);
            } else {
                console.err().println(prefix() + e.getMessage());
                usage.printUsageLine(command, console.err());
                console.err().println("Run '" + help + "' for details.");
            }
            return ExitCode.USAGE;
        }

        int internal(Throwable e) {
            if (command.logs()) {
                StringWriter trace = new StringWriter();
                e.printStackTrace(new PrintWriter(trace));
                console.log().error("internalError", "command", command.name(), "message", String.valueOf(e),
                        "stackTrace", trace.toString().strip(), "exitCode", ExitCode.INTERNAL_ERROR);
            } else {
                console.err().println(prefix() + "internal error: " + e);
                e.printStackTrace(console.err());
            }
            return ExitCode.INTERNAL_ERROR;
        }

        private String prefix() {
            return Console.PROGRAM + " " + command.name() + ": ";
        }
    }
}
