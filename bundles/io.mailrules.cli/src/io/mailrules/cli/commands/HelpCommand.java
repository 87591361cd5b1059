package io.mailrules.cli.commands;

import java.util.List;

import io.mailrules.cli.Command;
import io.mailrules.cli.Commands;
import io.mailrules.cli.Console;
import io.mailrules.cli.ExitCode;
import io.mailrules.cli.Usage;
import io.mailrules.cli.UsageException;

/** {@code mailrules help [COMMAND]}: the command list, or one command's usage. */
public final class HelpCommand implements Command {

    private final Commands commands;

    public HelpCommand(Commands commands) {
        this.commands = commands;
    }

    @Override
    public String name() {
        return "help";
    }

    @Override
    public String arguments() {
        return "[COMMAND]";
    }

    @Override
    public String summary() {
        return "print this overview, or the usage of one command";
    }

    @Override
    public String details() {
        return "";
    }

    @Override
    public int run(List<String> args, Console console) throws UsageException {
        Usage usage = new Usage(commands, console.invokedAs());
        if (args.isEmpty()) {
            usage.printOverview(console.out());
            return ExitCode.OK;
        }
        if (args.size() > 1) {
            throw new UsageException("expected at most one command name, got " + args.size() + " arguments");
        }
        Command command = commands.find(args.get(0))
                .orElseThrow(() -> new UsageException("unknown command '" + args.get(0) + "'"));
        usage.printCommand(command, console.out());
        return ExitCode.OK;
    }
}
