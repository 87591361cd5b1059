package io.mailrules.cli.execution;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import io.mailrules.cli.UsageException;
import io.mailrules.cli.options.Arguments;
import io.mailrules.core.check.ChangeLimit;
import io.mailrules.core.check.Consent;
import io.mailrules.core.check.PlanGate;
import io.mailrules.dsl.mailrules.Model;
import io.mailrules.engine.RulesLimits;

/**
 * The options that decide what a run checks each mailbox's plan against before sending anything: the change limits
 * of this run ({@code --max-remove}, {@code --max-move}, in place of the rules file's and the defaults), and the
 * user's consent to go past them ({@code --allow-large}) or to leave out what the server cannot do
 * ({@code --skip-unsupported}).
 */
public record CheckOptions(Optional<ChangeLimit> remove, Optional<ChangeLimit> move, Consent consent) {

    public static final String ALLOW_LARGE = "--allow-large";
    public static final String SKIP_UNSUPPORTED = "--skip-unsupported";
    public static final Set<String> SWITCHES = Set.of(ALLOW_LARGE, SKIP_UNSUPPORTED);
    public static final Set<String> VALUED = Set.of("--max-remove", "--max-move");

    /** The options' lines for a command's help, aligned with the other options of {@code plan} and {@code run}. */
    public static final String HELP = """
              --max-remove LIMIT                   remove (delete, expunge) at most LIMIT of a folder per rules
                                                   block: 20%, 500, '20% and 2000' (the default), '10% or 50'
              --max-move LIMIT                     move at most LIMIT of a folder per rules block (default
                                                   '50% or 5000'); both replace the file's 'limits { ... }'
              --allow-large                        go past the change limits this once (a first archive)
              --skip-unsupported                   on a server without MOVE and UIDPLUS, send what it can do
                                                   safely (flags, copies) and leave those messages where they are
            """;

    /** The help lines of {@code serve}, which never goes past a limit on its own: see {@link #fromServe}. */
    public static final String SERVE_HELP = HELP.lines()
            .filter(line -> !line.contains(ALLOW_LARGE) && !line.contains("(a first archive)"))
            .reduce("", (text, line) -> text + line + "\n");

    public static CheckOptions from(Arguments arguments) throws UsageException {
        return new CheckOptions(limit(arguments, "--max-remove"), limit(arguments, "--max-move"),
                new Consent(arguments.has(ALLOW_LARGE), arguments.has(SKIP_UNSUPPORTED)));
    }

    /**
     * For {@code serve}: the same without {@code --allow-large}, which a service would apply to every firing; a
     * first archive is one {@code mailrules run --allow-large}, and standing exceptions belong in the file's limits.
     */
    public static CheckOptions fromServe(Arguments arguments) throws UsageException {
        return new CheckOptions(limit(arguments, "--max-remove"), limit(arguments, "--max-move"),
                new Consent(false, arguments.has(SKIP_UNSUPPORTED)));
    }

    /** The switches a command taking these options accepts, with its own. */
    public static Set<String> switches(Set<String> own) {
        Set<String> all = new HashSet<>(own);
        all.addAll(SWITCHES);
        return all;
    }

    /** What a run of {@code model}'s rules checks each mailbox's plan against. */
    public PlanGate gate(Model model) {
        return new PlanGate(RulesLimits.of(model).overriding(remove, move), consent);
    }

    private static Optional<ChangeLimit> limit(Arguments arguments, String option) throws UsageException {
        Optional<String> typed = arguments.value(option);
        if (typed.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(ChangeLimit.parse(typed.get(), option));
        } catch (IllegalArgumentException e) {
            throw new UsageException(option + ": " + e.getMessage());
        }
    }
}
