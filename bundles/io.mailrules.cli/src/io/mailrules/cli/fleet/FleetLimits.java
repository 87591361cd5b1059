package io.mailrules.cli.fleet;

import java.util.Optional;
import java.util.Set;

import io.mailrules.cli.UsageException;
import io.mailrules.cli.execution.MailWiring;
import io.mailrules.cli.options.Arguments;

/**
 * How many mailboxes a fleet run works on at once ({@code --parallel}) and how many sessions it opens to one server
 * host at once ({@code --per-host}); a fleet on one provider is bound by the second, a fleet over many by the first.
 */
public record FleetLimits(int parallel, int perHost) {

    public static final Set<String> OPTIONS = Set.of("--parallel", "--per-host");
    public static final int DEFAULT_PARALLEL = 4;

    /** The options' lines for a command's help, aligned with the other options of {@code run} and {@code serve}. */
    public static final String HELP = "  --parallel N                         work on N mailboxes at once (default 4)\n"
            + "  --per-host N                         open at most N sessions to one server host (default 4)\n";

    public static FleetLimits from(Arguments arguments) throws UsageException {
        return new FleetLimits(positive(arguments, "--parallel", DEFAULT_PARALLEL),
                positive(arguments, "--per-host", MailWiring.CONNECTIONS_PER_HOST));
    }

    private static int positive(Arguments arguments, String option, int otherwise) throws UsageException {
        Optional<String> typed = arguments.value(option);
        if (typed.isEmpty()) {
            return otherwise;
        }
        try {
            int value = Integer.parseInt(typed.get().strip());
            if (value >= 1 && value <= 256) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below, with the allowed range
        }
        throw new UsageException(option + " needs a whole number from 1 to 256, got '" + typed.get() + "'");
    }
}
