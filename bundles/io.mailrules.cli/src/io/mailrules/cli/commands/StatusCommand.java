package io.mailrules.cli.commands;

import java.time.Clock;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import io.mailrules.cli.Command;
import io.mailrules.cli.Console;
import io.mailrules.cli.ExitCode;
import io.mailrules.cli.UsageException;
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
import io.mailrules.imap.MailboxSettings;
import io.mailrules.logins.MailboxBlocks;

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
                rules.logins(), limits.parallel()).read(mailboxes.stream().map(MailboxBlocks::settings).toList(),
                        settings -> lastRun(history, settings, rules.source().file()));
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
            return List.of(MailboxBlocks.find(rules.model(), mailbox.get()).orElseThrow(() -> new UsageException(
                    "no mailbox '" + mailbox.get() + "' in " + rules.typedPath())));
        }
        if (group.isPresent()) {
            return PlanSelection.group(rules.model(), group.get()).orElseThrow(() -> new UsageException(
                    "no group '" + group.get() + "' in " + rules.typedPath())).getMembers();
        }
        return MailboxBlocks.all(rules.model());
    }

    /** The newest run on the mailbox's account, whatever another file calls it (see RunHistoryEntry#concerns). */
    private static Optional<RunHistoryEntry> lastRun(RunHistory history, MailboxSettings mailbox, String rulesFile) {
        String account = mailbox.account().key();
        return history.runs().stream().filter(run -> run.concerns(mailbox.name(), account, rulesFile)).findFirst();
    }

    /**
     * The newest run of each mailbox in the journal. Two files may give one name to two accounts: such a name gets a
     * row per account (and one for its runs journaled before runs recorded accounts), labelled with the account key.
     */
    private static int journalOnly(RunHistory history, boolean json, Console console) {
        Map<String, Map<String, RunHistoryEntry>> byName = new TreeMap<>();
        for (RunHistoryEntry run : history.runs()) {
            for (String mailbox : run.mailboxes()) {
                byName.computeIfAbsent(mailbox, name -> new LinkedHashMap<>())
                        .putIfAbsent(run.accounts().getOrDefault(mailbox, ""), run);
            }
        }
        TreeMap<String, RunHistoryEntry> last = new TreeMap<>();
        byName.forEach((mailbox, runs) -> {
            if (runs.keySet().stream().filter(account -> !account.isEmpty()).count() <= 1) {
                // One account, or none recorded: the newest of its runs.
                runs.values().stream().max(Comparator.comparing(RunHistoryEntry::startedAt))
                        .ifPresent(run -> last.put(mailbox, run));
                return;
            }
            runs.forEach((account, run) -> last.put(mailbox + (account.isEmpty() ? " (account not recorded)"
                    : " (account " + account.substring(0, 8) + ")"), run));
        });
        if (last.isEmpty() && !json) {
            console.err().println("No runs in the journal; name a rules file to log in to its mailboxes.");
            return ExitCode.OK;
        }
        new RunsPrinter(ZoneId.systemDefault()).printLastRuns(last, json, console.out());
        return ExitCode.OK;
    }
}
