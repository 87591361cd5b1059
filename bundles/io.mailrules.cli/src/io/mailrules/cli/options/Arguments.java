package io.mailrules.cli.options;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.mailrules.cli.UsageException;

/**
 * A command's arguments split into operands, switches ({@code --json}) and options with a value
 * ({@code --mailbox sdr}, {@code --mailbox=sdr}). Anything else starting with a dash is refused, so that a typo never
 * becomes a file name; after {@code --} every argument is an operand.
 */
public final class Arguments {

    private final List<String> operands;
    private final Set<String> switches;
    private final Map<String, String> values;

    private Arguments(List<String> operands, Set<String> switches, Map<String, String> values) {
        this.operands = operands;
        this.switches = switches;
        this.values = values;
    }

    /**
     * @param knownSwitches options without a value, e.g. {@code --json}
     * @param knownValued options that take one value, e.g. {@code --mailbox} or {@code -o}
     */
    public static Arguments parse(List<String> args, Set<String> knownSwitches, Set<String> knownValued)
            throws UsageException {
        List<String> operands = new ArrayList<>();
        Set<String> switches = new HashSet<>();
        Map<String, String> values = new HashMap<>();
        boolean optionsEnded = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (optionsEnded || !arg.startsWith("-") || arg.equals("-")) {
                operands.add(arg);
                continue;
            }
            if (arg.equals("--")) {
                optionsEnded = true;
                continue;
            }
            int equals = arg.indexOf('=');
            String name = equals > 0 ? arg.substring(0, equals) : arg;
            if (knownSwitches.contains(name) && equals < 0) {
                switches.add(name);
            } else if (knownValued.contains(name)) {
                String value;
                if (equals > 0) {
                    value = arg.substring(equals + 1);
                } else if (i + 1 < args.size()) {
                    value = args.get(++i);
                } else {
                    throw new UsageException(name + " needs a value");
                }
                if (values.put(name, value) != null) {
                    throw new UsageException(name + " given twice");
                }
            } else {
                throw new UsageException("unknown option " + name);
            }
        }
        return new Arguments(List.copyOf(operands), Set.copyOf(switches), Map.copyOf(values));
    }

    /** The one operand the command takes, e.g. the rules file. */
    public String single(String what) throws UsageException {
        if (operands.isEmpty()) {
            throw new UsageException("no " + what + " given");
        }
        if (operands.size() > 1) {
            throw new UsageException("expected one " + what + ", got " + operands.size() + ": "
                    + String.join(" ", operands));
        }
        return operands.getFirst();
    }

    public int operandCount() {
        return operands.size();
    }

    public void requireNoOperands() throws UsageException {
        if (!operands.isEmpty()) {
            throw new UsageException("takes no operands, got " + String.join(" ", operands));
        }
    }

    public boolean has(String option) {
        return switches.contains(option);
    }

    public Optional<String> value(String option) {
        return Optional.ofNullable(values.get(option));
    }
}
