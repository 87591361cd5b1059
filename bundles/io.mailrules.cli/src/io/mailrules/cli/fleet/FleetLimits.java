package io.mailrules.cli.fleet;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

import io.mailrules.cli.UsageException;
import io.mailrules.cli.execution.MailWiring;
import io.mailrules.cli.options.Arguments;
import io.mailrules.cli.options.Durations;
import io.mailrules.imap.ConnectorOptions;

/**
 * How many mailboxes a fleet run works on at once ({@code --parallel}), how many sessions it opens to one server
 * host at once ({@code --per-host}) and how long it waits for a server's answer ({@code --timeout}); a fleet on one
 * provider is bound by the second, a fleet over many by the first, and the third decides how long a server that
 * stopped answering keeps one worker busy.
 *
 * @param timeout replaces both the connect and the read timeout of the connector's defaults
 */
public record FleetLimits(int parallel, int perHost, Optional<Duration> timeout) {

    public static final Set<String> OPTIONS = Set.of("--parallel", "--per-host", "--timeout");
    public static final int DEFAULT_PARALLEL = 4;

    /** The options' lines for a command's help, aligned with the other options of {@code run} and {@code serve}. */
    public static final String HELP = "  --parallel N                         work on N mailboxes at once (default 4)\n"
            + "  --per-host N                         open at most N sessions to one server host (default 4);\n"
            + "                                       a free one also searches a large folder side by side\n"
            + "  --timeout DURATION                   give up on a server silent for DURATION (30s, 2m; default\n"
            + "                                       20s to connect, 2m per command)\n";

    public static FleetLimits from(Arguments arguments) throws UsageException {
        return new FleetLimits(positive(arguments, "--parallel", DEFAULT_PARALLEL),
                positive(arguments, "--per-host", MailWiring.CONNECTIONS_PER_HOST),
                Durations.option(arguments, "--timeout"));
    }

    /** The connector these limits ask for. */
    public MailWiring wiring(Clock clock) {
        ConnectorOptions options = ConnectorOptions.defaults();
        if (timeout.isPresent()) {
            options = options.withTimeouts(timeout.get(), timeout.get());
        }
        return new MailWiring(clock, perHost, options);
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
