package io.mailrules.cli.serve;

import java.time.Instant;
import java.util.List;

import io.mailrules.cli.UsageException;
import io.mailrules.cli.execution.Planning;
import io.mailrules.cli.execution.StopSignal;
import io.mailrules.cli.fleet.FleetResult;
import io.mailrules.cli.fleet.FleetRun;
import io.mailrules.cli.log.LogLevel;
import io.mailrules.engine.PlanRequest;

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
            FleetResult result = fleet.run(request, mailboxes, (outcome, plan) -> {
                plan.ifPresent(compiled -> compiled.undecided().forEach(message -> log.undecided(schedule, job,
                        message)));
                log.mailbox(schedule, job, outcome);
            });
            long failed = result.mailboxes().stream().filter(mailbox -> !mailbox.succeeded()).count();
            log.write(LogLevel.ofExitCode(result.exitCode()), "job", "schedule", schedule.name(), "job", job,
                    "mailboxes", mailboxes.size(), "failed", failed, "exitCode", result.exitCode());
        }
    }

}
