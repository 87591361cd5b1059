package io.mailrules.engine.schedule;

import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One {@code schedule} declaration of a rules file, ready to be run by a scheduler.
 *
 * @param name the schedule's name, unique in its file
 * @param line where the file declares it, for messages that name file and line
 * @param jobs the rules blocks and retention policies it runs, in the order the file names them
 */
public record ScheduleEntry(String name, int line, Timing timing, List<String> jobs) {

    public ScheduleEntry {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(timing, "timing");
        jobs = List.copyOf(jobs);
    }

    /** Empty when the schedule never fires again, such as a cron expression for 30 February. */
    public Optional<ZonedDateTime> nextRun(ZonedDateTime after) {
        return timing.next(after);
    }

    /**
     * Whether the schedule fell due in {@code (since, now]}: a scheduler that checks now and then runs it once per
     * check in which this holds, however late the check came.
     */
    public boolean isDue(ZonedDateTime since, ZonedDateTime now) {
        return nextRun(since).filter(next -> !next.isAfter(now)).isPresent();
    }
}
