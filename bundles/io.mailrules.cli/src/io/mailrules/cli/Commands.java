package io.mailrules.cli;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.mailrules.cli.commands.ApplyCommand;
import io.mailrules.cli.commands.DemoCommand;
import io.mailrules.cli.commands.HelpCommand;
import io.mailrules.cli.commands.LspCommand;
import io.mailrules.cli.commands.PlanCommand;
import io.mailrules.cli.commands.RunCommand;
import io.mailrules.cli.commands.ResumeCommand;
import io.mailrules.cli.commands.RunsCommand;
import io.mailrules.cli.commands.ServeCommand;
import io.mailrules.cli.commands.StatusCommand;
import io.mailrules.cli.commands.UndoCommand;
import io.mailrules.cli.commands.ValidateCommand;
import io.mailrules.cli.commands.VersionCommand;

/** The commands of {@code mailrules}, in the order {@code mailrules help} lists them. */
public final class Commands {

    private final List<Command> commands = new ArrayList<>();

    /** Every command the product ships, on the system clock. */
    public static Commands standard() {
        return standard(Clock.systemDefaultZone());
    }

    /** @param clock "now" for plans (message ages, retention) and runs; its zone sets the day boundaries */
    public static Commands standard(Clock clock) {
        Commands commands = new Commands();
        commands.add(new ValidateCommand());
        commands.add(new PlanCommand(clock));
        commands.add(new ApplyCommand(clock));
        commands.add(new RunCommand(clock));
        commands.add(new RunsCommand());
        commands.add(new StatusCommand(clock));
        commands.add(new ServeCommand(clock));
        commands.add(new UndoCommand(clock));
        commands.add(new ResumeCommand(clock));
        commands.add(new DemoCommand(clock));
        commands.add(new LspCommand());
        commands.add(new VersionCommand());
        commands.add(new HelpCommand(commands));
        return commands;
    }

    public void add(Command command) {
        if (find(command.name()).isPresent()) {
            throw new IllegalArgumentException("two commands named " + command.name());
        }
        commands.add(command);
    }

    public Optional<Command> find(String name) {
        return commands.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    public List<Command> all() {
        return List.copyOf(commands);
    }
}
