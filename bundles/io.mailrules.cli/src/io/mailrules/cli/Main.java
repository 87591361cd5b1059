package io.mailrules.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Entry point of the headless {@code mailrules} commands. The product's launcher script runs this class on a plain
 * class path (no OSGi framework) when its first argument names a command, because starting Equinox alone would
 * take longer than a whole {@code validate} may.
 */
public final class Main {

    private final Commands commands;
    private final Usage usage;

    public Main(Commands commands) {
        this.commands = commands;
        this.usage = new Usage(commands);
    }

    public static void main(String[] args) {
        PrintStream results = System.out;
        // Standard output carries results only (LSP frames, diagnostics, later JSON): whatever a library prints
        // there would corrupt them, so it goes to standard error.
        System.setOut(System.err);
        Console console = new Console(System.in, results, System.err, Path.of("").toAbsolutePath(), System.getenv(),
                TerminalDetection.interactive());
        int exitCode = new Main(Commands.standard()).run(args, console);
        results.flush();
        System.err.flush();
        // Xtext and LSP4J leave non-daemon threads behind; the command is done, so the process is too.
        System.exit(exitCode);
    }

    /** Runs the command named by {@code args[0]} and returns its exit code. */
    public int run(String[] args, Console console) {
        if (args.length == 0) {
            usage.printOverview(console.err());
            return ExitCode.USAGE;
        }
        String name = args[0];
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        Optional<Command> command = commands.find(name);
        if (command.isEmpty()) {
            console.err().println("mailrules: unknown command '" + name + "'");
            console.err().println();
            usage.printOverview(console.err());
            return ExitCode.USAGE;
        }
        return run(command.get(), rest, console);
    }

    private int run(Command command, List<String> args, Console console) {
        if (!args.isEmpty() && (args.get(0).equals("--help") || args.get(0).equals("-h"))) {
            usage.printCommand(command, console.out());
            return ExitCode.OK;
        }
        try {
            return command.run(args, console);
        } catch (CommandFailedException e) {
            console.err().println("mailrules " + command.name() + ": " + e.getMessage());
            return e.exitCode();
        } catch (UsageException e) {
            console.err().println("mailrules " + command.name() + ": " + e.getMessage());
            usage.printUsageLine(command, console.err());
            console.err().println("Run 'mailrules help " + command.name() + "' for details.");
            return ExitCode.USAGE;
        } catch (Exception | LinkageError e) {
            console.err().println("mailrules " + command.name() + ": internal error: " + e);
            e.printStackTrace(console.err());
            return ExitCode.INTERNAL_ERROR;
        }
    }
}
