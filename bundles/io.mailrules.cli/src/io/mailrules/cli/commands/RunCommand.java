package io.mailrules.cli.commands;

import java.io.IOException;
import java.time.Clock;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.mailrules.cli.Command;
import io.mailrules.cli.Console;
import io.mailrules.cli.execution.Applying;
import io.mailrules.cli.execution.JournalDirectory;
import io.mailrules.cli.execution.MailWiring;
import io.mailrules.cli.execution.PlanSelection;
import io.mailrules.cli.execution.Planning;
import io.mailrules.cli.execution.RulesInUse;
import io.mailrules.cli.options.Arguments;
import io.mailrules.cli.output.PlanPrinter;
import io.mailrules.core.incremental.FolderState;
import io.mailrules.core.incremental.FolderStateStore;
import io.mailrules.core.incremental.FolderStates;
import io.mailrules.core.journal.store.JournalStore;
import io.mailrules.engine.AppliedFolders;
import io.mailrules.engine.CompiledPlan;
import io.mailrules.imap.ImapConnector;

/** {@code mailrules run FILE}: plan and apply in one go, for schedulers and for people who trust their rules. */
public final class RunCommand implements Command {

    private final Clock clock;

    public RunCommand(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String name() {
        return "run";
    }

    @Override
    public String arguments() {
        return "FILE [OPTIONS]";
    }

    @Override
    public String summary() {
        return "plan and apply the rules in one go, journaled";
    }

    @Override
    public String details() {
        return """
                The same as 'mailrules plan FILE -o p.json' followed by 'mailrules apply p.json', in one
                process: prints the plan's summary (counts per rule, folder changes; 'plan' lists the messages),
                then applies exactly it and prints what was done.

                  --mailbox M, --group G, --job NAME   as for 'plan'
                  --journal DIR                        as for 'apply'
                  --full                               look at every message, not only the mail that
                                                       arrived since the last run of these rules
                  --json                               print only the run's result, as JSON

                Exit code: 0 every batch done, 1 rule errors, 2 a mailbox could not be reached or logged in
                to, 3 partial run.""";
    }

    @Override
    public int run(List<String> args, Console console) throws Exception {
        Set<String> valued = new HashSet<>(PlanSelection.OPTIONS);
        valued.add("--journal");
        Arguments arguments = Arguments.parse(args, Set.of("--json", "--full"), valued);
        // The mail classes load on another core while the rules file is validated on this one.
        ImapConnector.prepareInBackground();
        RulesInUse rules = RulesInUse.load(arguments.single("rules file"), console);
        MailWiring wiring = new MailWiring(clock);
        JournalStore journals = JournalDirectory.store(arguments.value("--journal"), console);
        FolderStateStore states = FolderStateStore.in(journals.directory());
        CompiledPlan compiled = Planning.plan(wiring, PlanSelection.request(arguments, rules).forApplying(), rules,
                arguments.has("--full") ? FolderStates.NONE : states);
        if (!arguments.has("--json")) {
            new PlanPrinter(ZoneId.systemDefault()).printSummary(compiled, console.out());
            console.out().println();
        }
        return Applying.apply(wiring, compiled.plan(), rules.logins(), journals, arguments.has("--json"), console,
                result -> remember(states, AppliedFolders.done(compiled, result), console));
    }

    /** A state that cannot be written only costs the next run a full pass; the run itself went through. */
    private static void remember(FolderStateStore states, List<FolderState> done, Console console) {
        try {
            states.record(done);
        } catch (IOException e) {
            console.err().println("mailrules run: cannot remember what this run saw (" + e.getMessage()
                    + "); the next run looks at every message again");
        }
    }
}
