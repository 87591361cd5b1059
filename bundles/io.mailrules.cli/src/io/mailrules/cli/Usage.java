package io.mailrules.cli;

import java.io.PrintStream;
import java.util.List;

/** The usage texts of {@code mailrules} and of each command, naming the command as the user invoked it. */
public final class Usage {

    private static final String EXIT_CODES = """
            Exit codes: 0 ok, 1 rule errors, 2 connection or authentication errors, 3 partial run,
                        64 wrong command line, 70 internal error.""";

    /** An option the launcher script passes on to the workbench, e.g. {@code -data DIR}. */
    public record WorkbenchOption(String synopsis, String description) {
    }

    /**
     * What the launcher script accepts instead of a command, and passes on to the workbench; it refuses anything
     * else before the workbench starts. The script has the same list: LauncherScriptTest keeps the two equal.
     */
    public static final List<WorkbenchOption> WORKBENCH_OPTIONS = List.of(
            new WorkbenchOption("-data DIR", "the workspace folder (default ~/mailrules-workspace)"),
            new WorkbenchOption("-clean", "clear the workbench's plug-in caches before it starts"),
            new WorkbenchOption("-consoleLog", "copy the workbench's error log to standard output"),
            new WorkbenchOption("--demo", "start the demo server and open its sample rules (as 'demo' does)"),
            new WorkbenchOption("--port N", "with --demo: the demo server's IMAP port (default: a free one)"),
            new WorkbenchOption("--screenshot FILE.png", "save a picture of the window once it is open"),
            new WorkbenchOption("--exit-after-startup", "close the workbench again once its window is open"));

    private final Commands commands;
    private final String invokedAs;

    /** @param invokedAs the command as the user typed it, e.g. {@code ./mailrules} */
    public Usage(Commands commands, String invokedAs) {
        this.commands = commands;
        this.invokedAs = invokedAs;
    }

    public void printOverview(PrintStream to) {
        to.println("Usage: " + invokedAs + " COMMAND [ARGUMENTS]");
        to.println("       " + invokedAs + " [WORKBENCH OPTIONS]   opens the workbench (no command given)");
        to.println();
        to.println("Commands:");
        List<Command> all = commands.all();
        int width = all.stream().mapToInt(c -> arguments(c).length()).max().orElse(0);
        for (Command command : all) {
            to.printf("  %-" + width + "s   %s%n", arguments(command), command.summary());
        }
        to.println();
        to.println("Options instead of a command:");
        to.printf("  %-" + width + "s   %s%n", "-h, --help", "print this overview (as 'help')");
        to.printf("  %-" + width + "s   %s%n", "-V, --version", "print the version (as 'version')");
        to.println();
        to.println("Workbench options (no command; they need a display, other Equinox options are refused and JVM");
        to.println("options go in MAILRULES_VMARGS):");
        for (WorkbenchOption option : WORKBENCH_OPTIONS) {
            to.printf("  %-" + width + "s   %s%n", option.synopsis(), option.description());
        }
        to.println();
        to.println("Run '" + invokedAs + " help COMMAND' for a command's details.");
        to.println(EXIT_CODES);
    }

    public void printCommand(Command command, PrintStream to) {
        printUsageLine(command, to);
        to.println();
        to.println(command.summary());
        String details = command.details();
        if (!details.isBlank()) {
            to.println();
            to.println(details.stripTrailing().replace("'" + Console.PROGRAM + " ", "'" + invokedAs + " "));
        }
    }

    public void printUsageLine(Command command, PrintStream to) {
        to.println("Usage: " + synopsis(command));
    }

    /** {@code mailrules run FILE [OPTIONS]}, under the invoked name. */
    public String synopsis(Command command) {
        return invokedAs + " " + arguments(command);
    }

    private static String arguments(Command command) {
        return command.arguments().isEmpty() ? command.name() : command.name() + " " + command.arguments();
    }
}
