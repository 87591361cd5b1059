package io.mailrules.cli.commands;

import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.mailrules.cli.Command;
import io.mailrules.cli.CommandFailedException;
import io.mailrules.cli.Console;
import io.mailrules.cli.ExitCode;
import io.mailrules.cli.UsageException;
import io.mailrules.cli.execution.AccountLocks;
import io.mailrules.cli.execution.CancelOnShutdown;
import io.mailrules.cli.execution.CheckOptions;
import io.mailrules.cli.execution.JournalDirectory;
import io.mailrules.cli.execution.Planning;
import io.mailrules.cli.execution.RulesInUse;
import io.mailrules.cli.execution.StopSignal;
import io.mailrules.cli.fleet.FleetLimits;
import io.mailrules.cli.fleet.FleetRun;
import io.mailrules.cli.log.LogFormat;
import io.mailrules.cli.options.Arguments;
import io.mailrules.cli.options.Durations;
import io.mailrules.cli.serve.ScheduleLoop;
import io.mailrules.cli.serve.ScheduledRuns;
import io.mailrules.cli.serve.ServeLog;
import io.mailrules.cli.serve.ServedSchedule;
import io.mailrules.cli.serve.ServedSchedules;
import io.mailrules.cli.serve.SignalTrap;
import io.mailrules.core.incremental.FolderStateStore;
import io.mailrules.core.journal.store.JournalStore;
import io.mailrules.engine.PlanRequest;

/**
 * {@code mailrules serve FILE}: the file's schedules, run until stopped, for a service manager to keep alive. A
 * stop (SIGTERM, Ctrl-C) lets every mailbox finish the batch in flight and close its journal, then exits with 0.
 */
public final class ServeCommand implements Command {

    private final Clock clock;

    public ServeCommand(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String name() {
        return "serve";
    }

    @Override
    public String arguments() {
        return "FILE [OPTIONS]";
    }

    @Override
    public String summary() {
        return "run the file's schedules until stopped (for systemd and containers)";
    }

    @Override
    public String details() {
        return """
                Runs the schedules FILE declares (schedule NAME every N minutes | daily at HH:MM |
                cron "m h dom mon dow" run JOBS) in this machine's time zone, until stopped. Each firing
                plans and applies its jobs as 'mailrules run --job' does: mailbox by mailbox, several at once,
                each journaled. Writes one log line per event to standard error, each with its time and
                level (schedule, job, mailbox, status, counts, run id, error). A mailbox another 'mailrules'
                is working on is logged with status=busy and skipped until the next firing. SIGTERM or
                Ctrl-C finishes the batches in flight, closes their journals and exits with 0. Edit the
                file, then restart serve to pick it up.

                  --every DURATION                     run every DURATION (30s, 15m, 2h) instead of the
                                                       schedules' own times; a file without schedules then
                                                       runs all its jobs
                  --journal DIR                        as for 'apply'
                """ + FleetLimits.HELP + CheckOptions.SERVE_HELP + LogFormat.HELP + """

                Each mailbox's plan is checked before anything is sent, as for 'run'. A mailbox a check
                refuses changes not at all, is logged (status=refused) and is then held: later firings skip
                it (status=held) until the journal shows a completed run of it that started after the
                refusal, e.g. 'mailrules run FILE --job J --mailbox M --allow-large' by hand. serve has no
                --allow-large: a standing exception belongs in the block's 'limits { ... }'.

                Exit code: 0 stopped by a signal, 1 rule errors or no schedule to run, 64 wrong options.""";
    }

    @Override
    public boolean logs() {
        return true;
    }

    @Override
    public int run(List<String> args, Console console) throws Exception {
        Set<String> valued = new HashSet<>(FleetLimits.OPTIONS);
        valued.addAll(Set.of("--every", "--journal"));
        valued.addAll(CheckOptions.VALUED);
        Arguments arguments = Arguments.parse(args, Set.of(CheckOptions.SKIP_UNSUPPORTED), valued);
        CheckOptions checks = CheckOptions.fromServe(arguments);
        String file = arguments.single("rules file");
        Optional<Duration> every = Durations.option(arguments, "--every");
        FleetLimits limits = FleetLimits.from(arguments);
        RulesInUse rules = RulesInUse.loadWithPositions(file, console);
        List<ServedSchedule> schedules = schedules(rules, every);
        PlanRequest allJobs = PlanRequest.allJobs(rules.model(), rules.source());
        requireServable(schedules, allJobs);
        JournalStore journals = JournalDirectory.store(arguments.value("--journal"), console);
        ServeLog log = new ServeLog(console.log());
        StopSignal stop = new StopSignal();
        Optional<SignalTrap> trap = SignalTrap.install(signal -> {
            log.info("stopping", "signal", signal);
            stop.stop();
        }, "TERM", "INT");
        // Without a signal trap, a stop is the JVM's shutdown: the hook still waits for the batches in flight.
        try (CancelOnShutdown hook = trap.isPresent() ? null : new CancelOnShutdown(stop::stop, console.log())) {
            log.info("start", "file", file, "schedules", schedules.size(), "journal",
                    journals.directory().toString(), "parallel", limits.parallel(), "perHost", limits.perHost());
            // Every firing after the first looks at new mail only, where the rules allow (see incremental runs).
            FolderStateStore states = FolderStateStore.in(journals.directory());
            // A mailbox another writer has is not waited for: its firing skips it, the next one tries again.
            FleetRun fleet = new FleetRun(limits.wiring(clock), checks.gate(rules.model()), rules.logins(), journals,
                    limits.parallel(), console.log(), stop, AccountLocks.of(console, name()).waiting(Duration.ZERO))
                    .incremental(states, states);
            int fired = new ScheduleLoop(clock, ScheduleLoop.sleeping(clock, stop), stop, log).run(schedules,
                    new ScheduledRuns(allJobs, fleet, stop, log, journals, clock, console.command("run " + file)));
            log.info("stopped", "firings", fired);
            return ExitCode.OK;
        } finally {
            trap.ifPresent(SignalTrap::close);
        }
    }

    private List<ServedSchedule> schedules(RulesInUse rules, Optional<Duration> every) throws CommandFailedException {
        List<ServedSchedule> schedules;
        try {
            schedules = ServedSchedules.of(rules.model(), rules.typedPath(), every, clock.instant());
        } catch (IllegalArgumentException e) {
            throw new CommandFailedException(ExitCode.RULE_ERRORS, e.getMessage());
        }
        if (schedules.isEmpty()) {
            throw new CommandFailedException(ExitCode.RULE_ERRORS, rules.typedPath() + " has no schedule to serve;"
                    + " add one, e.g. 'schedule nightly daily at 02:00 run JOB', or run its jobs with --every 15m");
        }
        for (ServedSchedule schedule : schedules) {
            if (schedule.next(clock.instant(), clock.getZone()).isEmpty()) {
                throw new CommandFailedException(ExitCode.RULE_ERRORS, schedule.where() + ": schedule '"
                        + schedule.name() + "' (" + schedule.timing().describe() + ") never fires");
            }
        }
        return schedules;
    }

    // A job the planner cannot find would fail at every firing; better to refuse at start.
    private static void requireServable(List<ServedSchedule> schedules, PlanRequest allJobs)
            throws CommandFailedException {
        for (ServedSchedule schedule : schedules) {
            for (String job : schedule.jobs()) {
                try {
                    Planning.targets(allJobs.forJob(job));
                } catch (UsageException e) {
                    throw new CommandFailedException(ExitCode.RULE_ERRORS, schedule.where() + ": schedule '"
                            + schedule.name() + "' runs '" + job + "', which serve cannot run: " + e.getMessage());
                }
            }
        }
    }
}
