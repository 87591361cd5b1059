package io.mailrules.cli.serve;

import java.time.Instant;
import java.util.List;

import io.mailrules.cli.UsageException;
import io.mailrules.cli.execution.Planning;
import io.mailrules.cli.execution.StopSignal;
import io.mailrules.cli.fleet.FleetResult;
import io.mailrules.cli.fleet.FleetRun;
import io.mailrules.cli.fleet.MailboxOutcome;
import io.mailrules.engine.PlanRequest;
import io.mailrules.engine.UndecidedMessage;

/** One firing of a schedule: each of its jobs planned and applied over the job's mailboxes, as a fleet run. */
public final class ScheduledRuns implements ScheduleLoop.Firing {

    private final PlanRequest allJobs;
    private final FleetRun fleet;
    private final StopSignal stop;
    private final ServeLog log;

    public ScheduledRuns(PlanRequest allJobs, FleetRun fleet, StopSignal stop, ServeLog log) {
        this.allJobs = allJobs;
        this.fleet = fleet;
        this.stop = stop;
        this.log = log;
    }

    @Override
    public void fire(ServedSchedule schedule, Instant due) throws InterruptedException {
        log.line("event", "fire", "schedule", schedule.name(), "due", due.toString());
        for (String job : schedule.jobs()) {
            if (stop.isStopped()) {
                return;
            }
            PlanRequest request = allJobs.forJob(job);
            List<String> mailboxes;
            try {
                mailboxes = Planning.targets(request);
            } catch (UsageException e) {
                log.line("event", "job", "schedule", schedule.name(), "job", job, "status", "failed", "error",
                        e.getMessage());
                continue;
            }
            FleetResult result = fleet.run(request, mailboxes, (outcome, plan) -> {
                plan.ifPresent(compiled -> compiled.undecided().forEach(message -> logUndecided(schedule, job,
                        message)));
                logMailbox(schedule, job, outcome);
            });
            long failed = result.mailboxes().stream().filter(mailbox -> !mailbox.succeeded()).count();
            log.line("event", "job", "schedule", schedule.name(), "job", job, "mailboxes", mailboxes.size(),
                    "failed", failed, "exitCode", result.exitCode());
        }
    }

    private void logUndecided(ServedSchedule schedule, String job, UndecidedMessage message) {
        log.line("event", "undecided", "schedule", schedule.name(), "job", job, "mailbox", message.mailbox(),
                "folder", message.folder(), "uid", message.uid(), "messageId", message.messageId().orElse("-"),
                "rule", message.rule(), "reason", message.reason() + "; the message is left alone (no action)");
    }

    private void logMailbox(ServedSchedule schedule, String job, MailboxOutcome outcome) {
        log.line("event", "mailbox", "schedule", schedule.name(), "job", job, "mailbox", outcome.mailbox(), "status",
                outcome.status(), "moved", outcome.counts().moved(), "flagged", outcome.counts().flagged(),
                "deleted", outcome.counts().deleted(), "batches", outcome.batchesDone() + "/" + outcome.batchesTotal(),
                "durationMillis", outcome.duration().toMillis(), "run",
                outcome.run().map(run -> run.runId().value()).orElse("-"), "error",
                outcome.error().orElse("-"));
    }
}
