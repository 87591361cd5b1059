package io.mailrules.ui.schedules;

import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.Optional;

import org.eclipse.core.resources.IFile;

import io.mailrules.engine.schedule.ScheduleEntry;

/**
 * A schedule of an open rules file as the Schedules view lists it, with its next run (none for a cron expression no
 * date matches) and whether it is enabled.
 */
public record ScheduleRow(IFile file, ScheduleEntry schedule, Optional<ZonedDateTime> nextRun,
        boolean enabled) {
    public ScheduleRow {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(nextRun, "nextRun");
    }

    /** The key its enabled state is kept under: the file's workspace path and the schedule's name. */
    public String key() {
        return ScheduleSwitches.key(file, schedule.name());
    }
}
