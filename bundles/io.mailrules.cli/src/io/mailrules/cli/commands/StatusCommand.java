package io.mailrules.cli.commands;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import io.mailrules.cli.Command;
import io.mailrules.cli.Console;
import io.mailrules.cli.ExitCode;
import io.mailrules.cli.UsageException;
import io.mailrules.cli.credentials.RulesFileLogins;
import io.mailrules.cli.execution.JournalDirectory;
import io.mailrules.cli.execution.PlanSelection;
import io.mailrules.cli.execution.RulesInUse;
import io.mailrules.cli.fleet.FleetLimits;
import io.mailrules.cli.options.Arguments;
import io.mailrules.cli.output.RunsPrinter;
import io.mailrules.cli.status.FleetStatus;
import io.mailrules.cli.status.MailboxStatus;
import io.mailrules.cli.status.StatusPrinter;
import io.mailrules.core.journal.store.JournalProblem;
import io.mailrules.core.journal.store.JournalStore;
import io.mailrules.core.journal.store.RunHistory;
import io.mailrules.core.journal.store.RunHistoryEntry;
import io.mailrules.dsl.mailrules.Mailbox;

/** {@code mailrules status [FILE]}: can each mailbox be logged in to, what does it hold, and how did its last run go. */
public final class StatusCommand implements Command {

    private final Clock clock;

    public StatusCommand(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String name() {
        return "status";
    }

    @Override
    public String arguments() {
        return "[FILE] [OPTIONS]";
    }

    @Override
    public String summary() {
        return "per mailbox: login, capabilities, messages per folder, quota, last run";
    }

    @Override
    public String details() {
        return """
                Logs in to every mailbox FILE declares (or imports) and reads, without selecting a folder or
                changing anything: the server's capabilities, the messages and unseen messages of each folder
                (STATUS), the quota (GETQUOTAROOT, where the server offers QUOTA) and, from the journal, the
                mailbox's last run and how it ended. A mailbox that cannot be logged in to is shown with the
                reason; the others are still shown. Without FILE, lists the last run of every mailbox in the
                journal, without logging in.

                  --mailbox M, --group G   only mailbox M, or the members of group G
                  --journal DIR            journal directory, as for 'apply'
                  --parallel N             log in to N mailboxes at once (default 4)
                  --timeout DURATION       give up on a server silent for DURATION (default 20s to
                                           connect, 2m per command)
                  --json                   print the status as a JSON array

                Exit code: 0 every mailbox answered, 1 rule errors, 2 a mailbox could not be logged in to.""";
    }

    @Override
    public int run(List<String> args, Console console) throws Exception {
        Arguments arguments = Arguments.parse(args, Set.of("--json"),
                Set.of("--mailbox", "--group", "--journal", "--parallel", "--timeout"));
        JournalStore journals = JournalDirectory.store(arguments.value("--journal"), console);
        RunHistory history = journals.history();
        for (JournalProblem problem : history.problems()) {
            console.err().println("mailrules status: " + problem.message());
        }
        if (arguments.operandCount() == 0) {
            if (arguments.value("--mailbox").isPresent() || arguments.value("--group").isPresent()) {
                throw new UsageException("--mailbox and --group need a rules FILE");
            }
            return journalOnly(history, arguments.has("--json"), console);
        }
        RulesInUse rules = RulesInUse.load(arguments.single("rules file"), console);
        List<Mailbox> mailboxes = selected(arguments, rules);
        FleetLimits limits = FleetLimits.from(arguments);
        List<MailboxStatus> statuses = new FleetStatus(limits.wiring(clock).connector(),
                rules.logins(), limits.parallel()).read(mailboxes.stream().map(RulesFileLogins::settings).toList(),
                        mailbox -> lastRun(history, mailbox));
        StatusPrinter printer = new StatusPrinter(ZoneId.systemDefault());
        if (arguments.has("--json")) {
            printer.printJson(statuses, console.out());
        } else {
            printer.print(statuses, console.out());
        }
        boolean allConnected = statuses.stream().allMatch(MailboxStatus::connected);
        for (MailboxStatus status : statuses) {
            status.connectError().ifPresent(error -> console.err().println("mailrules status: " + error));
        }
        return allConnected ? ExitCode.OK : ExitCode.CONNECTION_OR_AUTH;
    }

    private static List<Mailbox> selected(Arguments arguments, RulesInUse rules) throws UsageException {
        Optional<String> mailbox = arguments.value("--mailbox");
        Optional<String> group = arguments.value("--group");
        if (mailbox.isPresent() && group.isPresent()) {
            throw new UsageException("--mailbox and --group exclude each other");
        }
        if (mailbox.isPresent()) {
            return List.of(rules.logins().mailbox(mailbox.get()).orElseThrow(() -> new UsageException(
                    "no mailbox '" + mailbox.get() + "' in " + rules.typedPath())));
        }
        if (group.isPresent()) {
            return PlanSelection.group(rules.model(), group.get()).orElseThrow(() -> new UsageException(
                    "no group '" + group.get() + "' in " + rules.typedPath())).getMembers();
        }
        return rules.logins().mailboxes();
    }

    private static Optional<RunHistoryEntry> lastRun(RunHistory history, String mailbox) {
        // newest first
        return history.runs().stream().filter(run -> run.mailboxes().contains(mailbox)).findFirst();
    }

    private static int journalOnly(RunHistory history, boolean json, Console console) {
        TreeMap<String, RunHistoryEntry> last = new TreeMap<>();
        for (RunHistoryEntry run : history.runs()) {
            run.mailboxes().forEach(mailbox -> last.putIfAbsent(mailbox, run));
        }
        if (last.isEmpty() && !json) {
            console.err().println("No runs in the journal; name a rules file to log in to its mailboxes.");
            return ExitCode.OK;
        }
        new RunsPrinter(ZoneId.systemDefault()).printLastRuns(last, json, console.out());
        return ExitCode.OK;
    }
}
