package io.mailrules.cli.serve;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;

import io.mailrules.engine.schedule.Timing;

/**
 * One schedule of a rules file, ready to run.
 *
 * @param where the schedule's place for messages, e.g. {@code rules.mailrules:14}
 * @param jobs the rules blocks and retention policies it runs, in order
 */
public record ServedSchedule(String name, String where, Timing timing, List<String> jobs) {

    public ServedSchedule {
        jobs = List.copyOf(jobs);
    }

    /** The first firing strictly after {@code after}, in the wall-clock time of {@code zone}; empty for never. */
    public Optional<Instant> next(Instant after, ZoneId zone) {
        return timing.next(after.atZone(zone)).map(ZonedDateTime::toInstant);
    }
}
