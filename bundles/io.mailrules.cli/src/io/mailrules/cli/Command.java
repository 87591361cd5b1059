package io.mailrules.cli;

import java.util.List;

/**
 * One subcommand of {@code mailrules}. A new command is a class implementing this plus one line in
 * {@link Commands#standard()}; the launcher script must also list its name to send it to the command line instead
 * of the workbench.
 */
public interface Command {

    /** The word that selects the command, e.g. {@code validate}. */
    String name();

    /** The arguments it takes, in usage notation, e.g. {@code FILE...}; empty when it takes none. */
    String arguments();

    /** One line for the command list of {@code mailrules help}. */
    String summary();

    /** What {@code mailrules help NAME} adds below the usage line: options, output, exit codes. */
    String details();

    /**
     * Runs the command.
     *
     * @param args the arguments after the command's name
     * @return one of {@link ExitCode}
     * @throws UsageException when the arguments are wrong
     */
    int run(List<String> args, Console console) throws Exception;
}
