package io.mailrules.cli.commands;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.mailrules.cli.Command;
import io.mailrules.cli.CommandFailedException;
import io.mailrules.cli.Console;
import io.mailrules.cli.ExitCode;
import io.mailrules.cli.UsageException;
import io.mailrules.cli.execution.StopSignal;
import io.mailrules.cli.options.Arguments;
import io.mailrules.cli.serve.SignalTrap;
import io.mailrules.demo.DemoException;
import io.mailrules.demo.DemoFiles;
import io.mailrules.demo.DemoOptions;
import io.mailrules.demo.DemoServer;

/**
 * {@code mailrules demo}: an IMAP server with generated sales mail in this process and a sample rules file for it,
 * so that rules can be previewed, run and undone without an account and without a display. The launcher script
 * sends {@code demo} here only without a display or with {@code --headless}; otherwise the workbench shows the demo.
 */
public final class DemoCommand implements Command {

    public static final String DEFAULT_DIRECTORY = "mailrules-demo";

    private final Clock clock;

    public DemoCommand(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String name() {
        return "demo";
    }

    @Override
    public String arguments() {
        return "[OPTIONS]";
    }

    @Override
    public String summary() {
        return "start a demo IMAP server with generated mail and write sample rules for it";
    }

    @Override
    public String details() {
        return """
                Starts an IMAP server on 127.0.0.1 holding two generated sales mailboxes (ana and ben), writes
                the sample rules file sales-demo.mailrules for it into DIR, prints the commands to plan, run
                and undo it, and serves until Ctrl-C or SIGTERM. The server keeps its mail in memory: stopping
                it forgets every change.

                With a display (DISPLAY or WAYLAND_DISPLAY set) and without --headless, 'mailrules demo'
                opens the workbench on the demo instead. It then takes --port and the workbench options that
                'mailrules help' lists, and keeps the sample rules in the workspace project mailrules-demo,
                so --dir is refused there.

                  --dir DIR    where to write the sample rules (default ./mailrules-demo)
                  --port N     the IMAP port (default: a free one)
                  --headless   this command, even where there is a display

                Exit code: 0 stopped, 1 the files cannot be written, 2 the server cannot start (port taken).""";
    }

    @Override
    public int run(List<String> args, Console console) throws Exception {
        Arguments arguments = Arguments.parse(args, Set.of("--headless"), Set.of("--dir", "--port"));
        arguments.requireNoOperands();
        int port = port(arguments.value("--port"));
        String typedDirectory = arguments.value("--dir").orElse(DEFAULT_DIRECTORY);
        Path directory = console.resolve(typedDirectory);
        try (DemoServer server = start(port)) {
            Path rules;
            try {
                rules = DemoFiles.write(directory, server);
            } catch (IOException e) {
                throw new CommandFailedException(ExitCode.RULE_ERRORS, "cannot write the demo files to "
                        + typedDirectory + ": " + e.getMessage());
            }
            printHowToUse(server, Path.of(typedDirectory).resolve(rules.getFileName()).toString(), typedDirectory,
                    console);
            serveUntilStopped();
            console.err().println("Demo server stopped; its mailboxes are gone. The rules stay in " + typedDirectory
                    + ".");
            return ExitCode.OK;
        }
    }

    private static int port(Optional<String> typed) throws UsageException {
        if (typed.isEmpty()) {
            return 0;
        }
        try {
            int port = Integer.parseInt(typed.get().strip());
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below, with the allowed range
        }
        throw new UsageException("--port needs a number from 0 (a free port) to 65535, got '" + typed.get() + "'");
    }

    private DemoServer start(int port) throws CommandFailedException {
        try {
            return DemoServer.start(DemoOptions.defaults(clock).withPort(port));
        } catch (DemoException e) {
            throw new CommandFailedException(ExitCode.CONNECTION_OR_AUTH, e.getMessage());
        }
    }

    private static void printHowToUse(DemoServer server, String rules, String directory, Console console) {
        String mailboxes = String.join(" and ", server.mailboxes().stream().map(mailbox -> mailbox.name()).toList());
        console.out().println("Mailrules demo: IMAP server on " + server.host() + ":" + server.imapPort()
                + " with the generated mailboxes " + mailboxes + " (password \"" + DemoServer.PASSWORD + "\").");
        console.out().println("Sample rules: " + rules);
        console.out().println();
        console.out().println("In another terminal:");
        console.out().println("  export " + DemoServer.PASSWORD_VARIABLE + "=" + DemoServer.PASSWORD);
        console.out().println("  export MAILRULES_JOURNAL=" + directory + "/journal   # keeps the demo's runs apart");
        // Aligned comments, as far as the longest command allows.
        List<String[]> commands = List.of(
                new String[] {console.command("plan " + rules), "dry run: what would move where"},
                new String[] {console.command("run " + rules), "apply it, journaled"},
                new String[] {console.command("runs"), "the run's id"},
                new String[] {console.command("undo RUN"), "put every message back"},
                new String[] {console.command("status " + rules), "per mailbox: login, folders, last run"});
        int width = commands.stream().mapToInt(command -> command[0].length()).max().orElse(0);
        for (String[] command : commands) {
            console.out().println(("  " + command[0] + " ".repeat(width - command[0].length()) + "   # "
                    + command[1]));
        }
        console.out().println();
        console.out().println("Press Ctrl-C to stop the demo server.");
        console.out().flush();
    }

    private static void serveUntilStopped() throws InterruptedException {
        StopSignal stop = new StopSignal();
        // Without the trap a signal ends the JVM the usual way, which is as good for a server that keeps nothing.
        Optional<SignalTrap> trap = SignalTrap.install(signal -> stop.stop(), "TERM", "INT");
        try {
            while (!stop.await(Duration.ofMinutes(1))) {
                // serving; GreenMail answers on its own threads
            }
        } finally {
            trap.ifPresent(SignalTrap::close);
        }
    }
}
