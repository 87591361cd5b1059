package io.mailrules.cli.serve;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.mailrules.cli.UsageException;
import io.mailrules.cli.execution.Planning;
import io.mailrules.cli.execution.StopSignal;
import io.mailrules.cli.fleet.FleetResult;
import io.mailrules.cli.fleet.FleetRun;
import io.mailrules.cli.log.LogLevel;
import io.mailrules.cli.fleet.MailboxOutcome;
import io.mailrules.core.journal.RunKind;
import io.mailrules.core.journal.store.JournalStore;
import io.mailrules.core.journal.store.RunHistoryEntry;
import io.mailrules.core.run.RunStatus;
import io.mailrules.engine.PlanRequest;

/**
 * One firing of a schedule: each of its jobs planned and applied over the job's mailboxes, as a fleet run.
 * <p>
 * A mailbox a check refused (a change limit, a command its server cannot carry out) is held: later firings skip it
 * with a log line instead of planning it again and again, since the same rules on the same mail refuse again. It is
 * run again once the journal shows a completed run of it that started after the refusal (someone ran it by hand,
 * e.g. {@code mailrules run FILE --mailbox M --allow-large}), or after serve restarts with a changed file.
 */
public final class ScheduledRuns implements ScheduleLoop.Firing {

    /** When and why a check refused a mailbox of a job. */
    private record Hold(Instant since, String reason) {
    }

    private final PlanRequest allJobs;
    private final FleetRun fleet;
    private final StopSignal stop;
    private final ServeLog log;
    private final JournalStore journals;
    private final Clock clock;
    private final String runCommand;
    private final Map<String, Map<String, Hold>> held = new HashMap<>();

    /**
     * @param runCommand how the user runs the file by hand ({@code mailrules run FILE}, with the command as invoked),
     *        for the hint in a held mailbox's log line
     */
    public ScheduledRuns(PlanRequest allJobs, FleetRun fleet, StopSignal stop, ServeLog log, JournalStore journals,
            Clock clock, String runCommand) {
        this.allJobs = allJobs;
        this.fleet = fleet;
        this.stop = stop;
        this.log = log;
        this.journals = journals;
        this.clock = clock;
        this.runCommand = runCommand;
    }

    @Override
    public void fire(ServedSchedule schedule, Instant due) throws InterruptedException {
        log.info("fire", "schedule", schedule.name(), "due", due.toString());
        for (String job : schedule.jobs()) {
            if (stop.isStopped()) {
                return;
            }
            PlanRequest request = allJobs.forJob(job);
            List<String> mailboxes;
            try {
                mailboxes = Planning.targets(request);
            } catch (UsageException e) {
                log.error("job", "schedule", schedule.name(), "job", job, "status", "failed", "error",
                        e.getMessage());
                continue;
            }
            List<String> running = new ArrayList<>();
            for (String mailbox : mailboxes) {
                if (stillHeld(schedule, job, mailbox)) {
                    continue;
                }
                running.add(mailbox);
            }
            Instant started = clock.instant();
            FleetResult result = fleet.run(request, running, (outcome, plan) -> {
                plan.ifPresent(compiled -> compiled.undecided().forEach(message -> log.undecided(schedule, job,
                        message)));
                log.mailbox(schedule, job, outcome);
                if (outcome.refused()) {
                    hold(job, outcome, started);
                }
            });
            long failed = result.mailboxes().stream().filter(mailbox -> !mailbox.succeeded()).count();
            log.write(LogLevel.ofExitCode(result.exitCode()), "job", "schedule", schedule.name(), "job", job,
                    "mailboxes", mailboxes.size(), "failed", failed, "held", mailboxes.size() - running.size(),
                    "exitCode", result.exitCode());
        }
    }

    private synchronized void hold(String job, MailboxOutcome outcome, Instant since) {
        held.computeIfAbsent(job, key -> new HashMap<>()).put(outcome.mailbox(),
                new Hold(since, outcome.error().orElse("refused by a check")));
    }

    /** Whether the mailbox stays held; logs why, or that it is released. */
    private synchronized boolean stillHeld(ServedSchedule schedule, String job, String mailbox) {
        Hold hold = held.getOrDefault(job, Map.of()).get(mailbox);
        if (hold == null) {
            return false;
        }
        Optional<RunHistoryEntry> later = completedSince(mailbox, hold.since());
        if (later.isPresent()) {
            held.get(job).remove(mailbox);
            log.info("released", "schedule", schedule.name(), "job", job, "mailbox", mailbox, "run",
                    later.get().runId().value());
            return false;
        }
        log.warn("mailbox", "schedule", schedule.name(), "job", job, "mailbox", mailbox, "status", "held",
                "since", hold.since().toString(), "error", hold.reason() + "; not run again until a run of the"
                        + " mailbox completes, e.g. '" + runCommand + " --job " + job + " --mailbox "
                        + mailbox + " --allow-large', or serve restarts");
        return true;
    }

    private Optional<RunHistoryEntry> completedSince(String mailbox, Instant since) {
        try {
            return journals.history().runs().stream()
                    .filter(run -> run.kind() == RunKind.RUN && run.mailboxes().contains(mailbox)
                            && !run.startedAt().isBefore(since)
                            && (run.status() == RunStatus.COMPLETED || run.status() == RunStatus.UNDONE))
                    .findFirst();
        } catch (IOException e) {
            log.warn("warning", "mailbox", mailbox, "error", "cannot read the journal: " + e.getMessage());
            return Optional.empty();
        }
    }

}
