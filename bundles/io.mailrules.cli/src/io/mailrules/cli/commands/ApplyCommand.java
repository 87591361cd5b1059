package io.mailrules.cli.commands;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.mailrules.cli.Command;
import io.mailrules.cli.CommandFailedException;
import io.mailrules.cli.Console;
import io.mailrules.cli.ExitCode;
import io.mailrules.cli.execution.AccountLocks;
import io.mailrules.cli.execution.Applying;
import io.mailrules.cli.execution.CheckOptions;
import io.mailrules.cli.execution.JournalDirectory;
import io.mailrules.cli.execution.MailWiring;
import io.mailrules.cli.execution.RulesInUse;
import io.mailrules.cli.log.LogFormat;
import io.mailrules.cli.options.Arguments;
import io.mailrules.core.json.JsonFormatException;
import io.mailrules.core.json.PlanJson;
import io.mailrules.core.plan.MailboxPlan;
import io.mailrules.core.plan.Plan;
import io.mailrules.dsl.mailrules.Mailbox;
import io.mailrules.imap.LockingLogins;
import io.mailrules.logins.MailboxBlocks;

/**
 * {@code mailrules apply PLAN.json}: exactly the saved plan, nothing else. Hosts, users and secrets come from the
 * rules file the plan names, read again now: a plan file holds no secrets, so it can be reviewed and passed on.
 */
public final class ApplyCommand implements Command {

    private final Clock clock;

    public ApplyCommand(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String name() {
        return "apply";
    }

    @Override
    public String arguments() {
        return "PLAN.json [OPTIONS]";
    }

    @Override
    public String summary() {
        return "apply a plan saved with 'plan -o', batch by batch, journaled";
    }

    @Override
    public String details() {
        return """
                Sends the plan's batches in the plan's order on the plan's UIDs: mail that arrived after the
                plan is never touched, a folder renumbered since (UIDVALIDITY) is left alone, and messages that
                left their folder are skipped. Each batch is journaled before and after its command.

                The logins come from the rules file the plan names (its absolute path when it was planned); the
                plan's mailbox must still be there with the same host. If the file changed since the plan, a
                warning says so and the saved plan is applied as it is.

                  --rules FILE  take the logins from FILE instead (the rules file moved)
                  --journal DIR journal directory (default: $MAILRULES_JOURNAL, else
                                $XDG_DATA_HOME/mailrules/journal, else ~/.local/share/mailrules/journal)
                  --json        print the result as JSON
                """ + LogFormat.HELP_NARROW + """

                Each mailbox's part of the plan is checked once logged in, before anything is sent to it,
                with the change limits of the rules file's blocks and with what the server can do, as for
                'run'; a refused mailbox changes not at all, the others run:

                """ + CheckOptions.HELP + """

                Ctrl-C finishes the batch in flight and stops; the journal keeps the rest for a resume.
                A mailbox another 'mailrules' is working on is waited for up to 60 s (MAILRULES_LOCK_WAIT);
                then it fails as busy.

                Exit code: 0 every batch done, 1 unreadable plan or rule errors, 2 no mailbox could be reached,
                logged in to or was free, 3 partial run, 4 some mailboxes refused by a check and the others
                done.""";
    }

    @Override
    public boolean logs() {
        return true;
    }

    @Override
    public int run(List<String> args, Console console) throws Exception {
        Set<String> valued = new HashSet<>(CheckOptions.VALUED);
        valued.addAll(Set.of("--rules", "--journal"));
        Arguments arguments = Arguments.parse(args, CheckOptions.switches(Set.of("--json")), valued);
        CheckOptions checks = CheckOptions.from(arguments);
        String planFile = arguments.single("plan file");
        Plan plan = read(planFile, console);
        String rulesFile = arguments.value("--rules").orElse(plan.source().file());
        RulesInUse rules = RulesInUse.load(rulesFile, console);
        if (!rules.source().sha256().equals(plan.source().sha256())) {
            console.log().warn("rulesChanged", "file", rulesFile, "message", rulesFile + " changed since the plan was"
                    + " made; applying the saved plan as it is, with the mailbox settings the file has now");
        }
        requireSameMailboxes(plan, rules, rulesFile);
        // Each mailbox's lock is taken before its first command and held until the whole plan is applied.
        try (LockingLogins logins = new LockingLogins(rules.logins(), AccountLocks.of(console, name()))) {
            return Applying.apply(new MailWiring(clock), plan, checks.gate(rules.model()), logins,
                    JournalDirectory.store(arguments.value("--journal"), console), arguments.has("--json"), console);
        }
    }

    static Plan read(String typed, Console console) throws CommandFailedException {
        Path file = console.resolve(typed);
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw unreadable(typed, "no such file");
        } catch (AccessDeniedException e) {
            throw unreadable(typed, "permission denied");
        } catch (CharacterCodingException e) {
            throw unreadable(typed, "not UTF-8 text");
        } catch (IOException e) {
            throw unreadable(typed, Files.isDirectory(file) ? "is a directory" : e.getMessage());
        }
        try {
            return PlanJson.read(text);
        } catch (JsonFormatException e) {
            throw new CommandFailedException(ExitCode.RULE_ERRORS, typed + " is not a valid plan: at " + e.path()
                    + ": " + e.problem());
        }
    }

    private static CommandFailedException unreadable(String typed, String reason) {
        return new CommandFailedException(ExitCode.RULE_ERRORS, "cannot read plan " + typed + ": " + reason);
    }

    // A plan's UIDs mean something only on the server they were read from.
    private static void requireSameMailboxes(Plan plan, RulesInUse rules, String rulesFile)
            throws CommandFailedException {
        for (MailboxPlan mailbox : plan.mailboxes()) {
            Mailbox block = MailboxBlocks.find(rules.model(), mailbox.mailbox()).orElseThrow(() ->
                    new CommandFailedException(ExitCode.RULE_ERRORS, "the plan is for mailbox " + mailbox.mailbox()
                            + ", which " + rulesFile + " no longer has; nothing was changed"));
            String host = MailboxBlocks.settings(block).host();
            if (!host.equalsIgnoreCase(mailbox.host())) {
                throw new CommandFailedException(ExitCode.RULE_ERRORS, "the plan read mailbox " + mailbox.mailbox()
                        + " on " + mailbox.host() + ", but " + rulesFile + " now says " + host
                        + "; make a new plan. Nothing was changed");
            }
        }
    }
}
