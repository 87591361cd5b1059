package io.mailrules.cli;

import java.io.PrintStream;
import java.util.List;

/** The usage texts of {@code mailrules} and of each command. */
public final class Usage {

    private static final String EXIT_CODES = """
            Exit codes: 0 ok, 1 rule errors, 2 connection or authentication errors, 3 partial run,
                        4 refused by a change limit or the server (nothing changed in that mailbox),
                        64 wrong command line, 70 internal error.""";

    private final Commands commands;

    public Usage(Commands commands) {
        this.commands = commands;
    }

    public void printOverview(PrintStream to) {
        to.println("Usage: mailrules COMMAND [ARGUMENTS]");
        to.println("       mailrules [WORKBENCH OPTIONS]   opens the workbench (no command given)");
        to.println();
        to.println("Commands:");
        List<Command> all = commands.all();
        int width = all.stream().mapToInt(c -> synopsis(c).length()).max().orElse(0);
        for (Command command : all) {
            to.printf("  %-" + width + "s   %s%n", synopsis(command), command.summary());
        }
        to.println();
        to.println("Run 'mailrules help COMMAND' for a command's details.");
        to.println(EXIT_CODES);
    }

    public void printCommand(Command command, PrintStream to) {
        printUsageLine(command, to);
        to.println();
        to.println(command.summary());
        String details = command.details();
        if (!details.isBlank()) {
            to.println();
            to.println(details.stripTrailing());
        }
    }

    public void printUsageLine(Command command, PrintStream to) {
        to.println("Usage: mailrules " + synopsis(command));
    }

    private static String synopsis(Command command) {
        return command.arguments().isEmpty() ? command.name() : command.name() + " " + command.arguments();
    }
}
