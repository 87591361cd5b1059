package io.mailrules.cli;

import java.util.List;

/**
 * One subcommand of {@code mailrules}. A new command is a class implementing this plus one line in
 * {@link Commands#standard()}; the launcher script lists the names too, for its class archives (and the commands
 * that end quickly).
 */
public interface Command {

    /** The word that selects the command, e.g. {@code validate}. */
    String name();

    /** The arguments it takes, in usage notation, e.g. {@code FILE...}; empty when it takes none. */
    String arguments();

    /** One line for the command list of {@code mailrules help}. */
    String summary();

    /**
     * What {@code mailrules help NAME} adds below the usage line: options, output, exit codes. Other commands are
     * quoted as {@code 'mailrules COMMAND ...'}; the help shows them under the name the user invoked.
     */
    String details();

    /**
     * Whether everything the command writes to standard error is a log line ({@link Console#log()}), in the format
     * the common option {@code --log-format text|json} chooses: so it is for the commands that change mailboxes and
     * run from schedulers. The others write messages for people.
     */
    default boolean logs() {
        return false;
    }

    /**
     * Runs the command.
     *
     * @param args the arguments after the command's name
     * @return one of {@link ExitCode}
     * @throws UsageException when the arguments are wrong
     */
    int run(List<String> args, Console console) throws Exception;
}
