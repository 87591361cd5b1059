package io.mailrules.ui.schedules;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.ui.IWorkbench;

import io.mailrules.engine.schedule.ScheduleEntry;
import io.mailrules.engine.schedule.ScheduleException;
import io.mailrules.engine.schedule.Schedules;
import io.mailrules.ui.preview.RulesFile;
import io.mailrules.ui.preview.RulesFileException;
import io.mailrules.ui.preview.RulesFileLoader;
import io.mailrules.ui.runs.RunServices;

/**
 * Runs the enabled schedules of the open rules files while the workbench is open: every half minute it checks which
 * of them fell due since the last check and starts a {@link ScheduledRunJob} for each. A schedule that fell due
 * while the workbench was closed is not caught up: it runs at its next time.
 */
public final class Scheduler {

    private static final Duration TICK = Duration.ofSeconds(30);

    private final RunServices services;
    private final ScheduleSwitches switches;
    private final OpenRulesFiles openFiles;
    private final Job ticker;
    private ZonedDateTime lastCheck;

    public Scheduler(RunServices services, ScheduleSwitches switches, IWorkbench workbench) {
        this.services = services;
        this.switches = switches;
        this.openFiles = new OpenRulesFiles(workbench);
        this.ticker = Job.create("Mail rules schedules", monitor -> {
            checkDue();
            return Status.OK_STATUS;
        });
        ticker.setSystem(true);
        ticker.addJobChangeListener(new org.eclipse.core.runtime.jobs.JobChangeAdapter() {
            @Override
            public void done(org.eclipse.core.runtime.jobs.IJobChangeEvent event) {
                if (event.getResult().getSeverity() != IStatus.CANCEL && !workbench.isClosing()) {
                    ticker.schedule(TICK.toMillis());
                }
            }
        });
    }

    public synchronized void start() {
        lastCheck = now();
        ticker.schedule(TICK.toMillis());
    }

    public void stop() {
        ticker.cancel();
    }

    /** The schedules of the open rules files, with their next run from now; files with errors are left out. */
    public List<ScheduleRow> rows() {
        return rows(now());
    }

    /** Starts the enabled schedules that fell due since the last check. */
    public void checkDue() {
        ZonedDateTime now = now();
        ZonedDateTime since;
        synchronized (this) {
            since = lastCheck == null ? now : lastCheck;
            lastCheck = now;
        }
        for (IFile file : openFiles.list()) {
            RulesFile rules = load(file);
            if (rules == null) {
                continue;
            }
            for (ScheduleEntry schedule : schedulesOf(rules)) {
                if (switches.isEnabled(file, schedule.name()) && schedule.isDue(since, now)) {
                    new ScheduledRunJob(services, rules, schedule).schedule();
                }
            }
        }
    }

    /** Runs a schedule now, as if it had fallen due. */
    public void runNow(ScheduleRow row) {
        RulesFile rules = load(row.file());
        if (rules != null) {
            new ScheduledRunJob(services, rules, row.schedule()).schedule();
        }
    }

    private List<ScheduleRow> rows(ZonedDateTime now) {
        List<ScheduleRow> rows = new ArrayList<>();
        for (IFile file : openFiles.list()) {
            RulesFile rules = load(file);
            if (rules == null) {
                continue;
            }
            for (ScheduleEntry schedule : schedulesOf(rules)) {
                rows.add(new ScheduleRow(file, schedule, schedule.nextRun(now),
                        switches.isEnabled(file, schedule.name())));
            }
        }
        return rows;
    }

    private static RulesFile load(IFile file) {
        try {
            return new RulesFileLoader().load(file);
        } catch (RulesFileException | IllegalArgumentException e) {
            // a file with errors runs nothing; its editor and the Problems view say why
            return null;
        }
    }

    // The validator does not read cron fields' values; a schedule it let through may still be unreadable here.
    private static List<ScheduleEntry> schedulesOf(RulesFile rules) {
        try {
            return Schedules.of(rules.model());
        } catch (ScheduleException e) {
            return List.of();
        }
    }

    private ZonedDateTime now() {
        return ZonedDateTime.now(services.clock());
    }
}
