package io.mailrules.cli.commands;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.mailrules.cli.Command;
import io.mailrules.cli.CommandFailedException;
import io.mailrules.cli.Console;
import io.mailrules.cli.ExitCode;
import io.mailrules.cli.execution.CheckOptions;
import io.mailrules.cli.execution.AccountLocks;
import io.mailrules.cli.execution.JournalDirectory;
import io.mailrules.cli.execution.MailWiring;
import io.mailrules.cli.files.OwnerOnlyFile;
import io.mailrules.cli.execution.PlanSelection;
import io.mailrules.cli.execution.Planning;
import io.mailrules.cli.execution.RulesInUse;
import io.mailrules.cli.options.Arguments;
import io.mailrules.cli.output.PlanPrinter;
import io.mailrules.core.check.PlanGate;
import io.mailrules.core.json.PlanJson;
import io.mailrules.core.plan.MailboxPlan;
import io.mailrules.core.incremental.FolderStateStore;
import io.mailrules.core.incremental.FolderStates;
import io.mailrules.core.source.FolderNameException;
import io.mailrules.engine.CompiledPlan;
import io.mailrules.engine.PlanRequest;
import io.mailrules.imap.ImapConnector;
import io.mailrules.imap.LockingLogins;

/** {@code mailrules plan FILE}: the dry run, read-only, as a table for people or a saved plan for {@code apply}. */
public final class PlanCommand implements Command {

    private final Clock clock;

    public PlanCommand(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String name() {
        return "plan";
    }

    @Override
    public String arguments() {
        return "FILE [OPTIONS]";
    }

    @Override
    public String summary() {
        return "dry run: show which message each rule would move where, changing nothing";
    }

    @Override
    public String details() {
        return """
                Logs in to the mailboxes the rules target and reads them with STATUS and EXAMINE only:
                nothing on the server changes, not even a \\Seen flag. Prints per mailbox the messages per
                rule, the folder deltas (INBOX -120  Replies +120), the folders a run would create, and a
                table of every message with the rule that decided it, its actions and its target folder.
                A message a rule's regular expression cannot decide within 1 s is left alone and named
                (folder, UID, Message-ID) in a warning on standard error; 'run' does the same.

                  --mailbox M   plan only mailbox M
                  --group G     plan only the members of group G
                  --job NAME    plan only that rules block or retention policy
                  --explain     add how each rule is evaluated (server SEARCH or header fetch, and why)
                  --json        print the plan as JSON instead of the tables
                  -o FILE       also save the plan as JSON, for 'mailrules apply FILE' (readable by you only)
                  --full        look at every message; by default, after a 'run' of the same rules, rules
                                that do not test age, flags or keywords look at newer mail only

                The plan shows, per mailbox, what a run would refuse before sending anything: a rules block
                going past its change limits, or a command the server cannot carry out safely. These
                options change what it shows, as they change what 'run' and 'apply' do:

                """ + CheckOptions.HELP + """

                Another 'mailrules' working on a mailbox (a run, apply, undo or resume, in any process of
                yours) is waited for up to 60 s (MAILRULES_LOCK_WAIT: 5m, or 0 not to wait); then the plan
                fails with exit 2.

                Exit code: 0 planned (also when a run would refuse a mailbox), 1 rule errors (also a mailbox
                whose rules name a folder its server cannot name: the others are planned), 2 a mailbox could
                not be reached, logged in to, or was busy.""";
    }

    @Override
    public int run(List<String> args, Console console) throws Exception {
        Set<String> valued = new HashSet<>(PlanSelection.OPTIONS);
        valued.add("-o");
        valued.addAll(CheckOptions.VALUED);
        Arguments arguments = Arguments.parse(args, CheckOptions.switches(Set.of("--json", "--explain", "--full")),
                valued);
        CheckOptions checks = CheckOptions.from(arguments);
        // The mail classes load on another core while the rules file is validated on this one.
        ImapConnector.prepareInBackground();
        String file = arguments.single("rules file");
        RulesInUse rules = RulesInUse.load(file, console);
        // Shows what 'run' would do now: after a run of these rules, only the mail that arrived since.
        FolderStates earlierRuns = arguments.has("--full") ? FolderStates.NONE
                : FolderStateStore.in(JournalDirectory.store(Optional.empty(), console).directory());
        PlanRequest request = PlanSelection.request(arguments, rules);
        CompiledPlan compiled;
        // Held while the mailboxes are read: a plan read while another run changes the mailbox is stale at once.
        try (LockingLogins logins = new LockingLogins(rules.logins(), AccountLocks.of(console, name()))) {
            compiled = Planning.plan(new MailWiring(clock), request, logins, earlierRuns);
        }
        String json = PlanJson.write(compiled.plan());
        Optional<String> output = arguments.value("-o");
        if (output.isPresent()) {
            save(json, output.get(), console);
        }
        PlanGate gate = checks.gate(rules.model());
        if (arguments.has("--json")) {
            console.out().print(json);
            // The plan file has no place for them, and they are for people: standard error.
            for (MailboxPlan mailbox : compiled.plan().mailboxes()) {
                gate.check(mailbox, compiled.server(mailbox.mailbox())).refusals().forEach(refusal ->
                        console.err().println("mailrules plan: a run would refuse: " + refusal.message()));
            }
        } else {
            new PlanPrinter(ZoneId.systemDefault()).print(compiled, gate, arguments.has("--explain"), console.out());
        }
        compiled.warnings().forEach(warning -> console.err().println(Console.PROGRAM + " " + name() + ": warning: "
                + warning));
        for (FolderNameException notPlanned : compiled.notPlanned()) {
            console.err().println(Console.PROGRAM + " " + name() + ": " + notPlanned.getMessage() + " Mailbox "
                    + notPlanned.mailbox() + " is not in this plan.");
        }
        console.err().println(output.map(saved -> "Dry run: nothing was changed. Apply this plan with '"
                + console.command("apply " + saved) + "'.").orElse("Dry run: nothing was changed."));
        return compiled.notPlanned().isEmpty() ? ExitCode.OK : ExitCode.RULE_ERRORS;
    }

    private static void save(String json, String typed, Console console) throws CommandFailedException {
        Path target = console.resolve(typed);
        try {
            OwnerOnlyFile.write(target, json);
        } catch (IOException e) {
            throw new CommandFailedException(ExitCode.RULE_ERRORS, "cannot write the plan to " + typed + ": " + e);
        }
    }
}
