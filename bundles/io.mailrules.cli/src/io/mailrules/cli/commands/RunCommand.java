package io.mailrules.cli.commands;

import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.mailrules.cli.Command;
import io.mailrules.cli.Console;
import io.mailrules.cli.ExitCode;
import io.mailrules.cli.execution.AccountLocks;
import io.mailrules.cli.execution.CancelOnShutdown;
import io.mailrules.cli.execution.CheckOptions;
import io.mailrules.cli.execution.JournalDirectory;
import io.mailrules.cli.execution.PlanSelection;
import io.mailrules.cli.execution.Planning;
import io.mailrules.cli.execution.RulesInUse;
import io.mailrules.cli.execution.StopSignal;
import io.mailrules.cli.fleet.FleetLimits;
import io.mailrules.cli.fleet.FleetPrinting;
import io.mailrules.cli.fleet.FleetResult;
import io.mailrules.cli.fleet.FleetRun;
import io.mailrules.cli.log.LogFormat;
import io.mailrules.cli.options.Arguments;
import io.mailrules.cli.output.FleetSummaryPrinter;
import io.mailrules.core.check.PlanGate;
import io.mailrules.core.incremental.FolderStateStore;
import io.mailrules.core.incremental.FolderStates;
import io.mailrules.core.journal.store.JournalStore;
import io.mailrules.engine.PlanRequest;
import io.mailrules.imap.ImapConnector;

/**
 * {@code mailrules run FILE}: plan and apply in one go, for schedulers and for people who trust their rules. Each
 * mailbox is planned and applied on its own, several at once, and journaled as a run of its own.
 */
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
        return "plan and apply the rules in one go, journaled, several mailboxes at once";
    }

    @Override
    public String details() {
        return """
                The same as 'mailrules plan FILE -o p.json' followed by 'mailrules apply p.json', in one
                process, mailbox by mailbox: each mailbox is planned, then exactly that plan is applied and
                journaled as a run of its own. Mailboxes are worked on in parallel; one that refuses the
                login, cannot be reached or is slow holds up only itself. Each mailbox's plan and result are
                printed as it finishes, and a summary table (mailbox, status, messages moved, flagged and
                deleted, batches, duration, error) at the end.

                  --mailbox M, --group G, --job NAME   as for 'plan'
                  --journal DIR                        as for 'apply'
                  --full                               look at every message, not only the mail that
                                                       arrived since the last run of these rules
                """ + FleetLimits.HELP + CheckOptions.HELP + """
                  --json                               print only the summary, as JSON
                """ + LogFormat.HELP + """

                Before anything is sent to a mailbox, its plan is checked: a rules block that would remove
                (delete, expunge) more than 20% or more than 2,000 of a folder's messages, or move more than
                half of a folder and more than 5,000 messages, or a command the server cannot carry out
                safely (a move without MOVE and UIDPLUS), refuses that mailbox whole: no folder is created,
                no flag stored, and its journal says refused. The other mailboxes still run. A first full
                archive (more than half of INBOX to Archive/{year}) is 'mailrules run FILE --allow-large'.

                A mailbox another 'mailrules' is working on (a run, plan, apply, undo or resume, in any process
                of yours, or the workbench) is waited for up to 60 s (MAILRULES_LOCK_WAIT: 5m, or 0 not to
                wait); then it fails as busy and the others go on.

                Exit code: 0 every mailbox done, 1 rule errors, 2 no mailbox could be reached, logged in to or
                was free, 3 partial run (some mailboxes or batches failed; the others were done), 4 some
                mailboxes refused by a check and every other one done.""";
    }

    @Override
    public boolean logs() {
        return true;
    }

    @Override
    public int run(List<String> args, Console console) throws Exception {
        Set<String> valued = new HashSet<>(PlanSelection.OPTIONS);
        valued.add("--journal");
        valued.addAll(FleetLimits.OPTIONS);
        valued.addAll(CheckOptions.VALUED);
        Arguments arguments = Arguments.parse(args, CheckOptions.switches(Set.of("--json", "--full")), valued);
        // The mail classes load on another core while the rules file is validated on this one.
        ImapConnector.prepareInBackground();
        RulesInUse rules = RulesInUse.load(arguments.single("rules file"), console);
        PlanRequest request = PlanSelection.request(arguments, rules);
        FleetLimits limits = FleetLimits.from(arguments);
        PlanGate gate = CheckOptions.from(arguments).gate(rules.model());
        List<String> mailboxes = Planning.targets(request);
        if (mailboxes.isEmpty()) {
            console.log().info("nothingToDo", "file", rules.typedPath(), "message", "the rules target no mailbox");
            return ExitCode.OK;
        }
        JournalStore journals = JournalDirectory.store(arguments.value("--journal"), console);
        boolean json = arguments.has("--json");
        FolderStateStore states = FolderStateStore.in(journals.directory());
        FolderStates earlierRuns = arguments.has("--full") ? FolderStates.NONE : states;
        StopSignal stop = new StopSignal();
        // Closed only after the summary is printed: a Ctrl-C waits until the user has seen what was done.
        try (CancelOnShutdown cancel = new CancelOnShutdown(stop::stop, console.log())) {
            FleetResult result = new FleetRun(limits.wiring(clock), gate, rules.logins(), journals,
                    limits.parallel(), console.log(), stop, AccountLocks.of(console, name()))
                    .incremental(earlierRuns, states).run(request, mailboxes, new FleetPrinting(console, json, gate));
            if (json) {
                FleetSummaryPrinter.printJson(result, console.out());
            } else {
                FleetSummaryPrinter.print(result, console.out());
            }
            if (result.mailboxes().stream().anyMatch(mailbox -> mailbox.run().isPresent())) {
                console.log().info("journal", "command", "run", "directory", journals.directory(), "message",
                        "'" + console.command("runs") + "' lists the runs");
            }
            return result.exitCode();
        }
    }
}
