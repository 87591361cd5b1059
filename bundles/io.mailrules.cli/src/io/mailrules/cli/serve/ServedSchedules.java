package io.mailrules.cli.serve;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.mailrules.dsl.mailrules.Job;
import io.mailrules.dsl.mailrules.Model;
import io.mailrules.engine.schedule.ScheduleEntry;
import io.mailrules.engine.schedule.ScheduleException;
import io.mailrules.engine.schedule.Schedules;
import io.mailrules.engine.schedule.Timing;

/** The schedules {@code serve} runs: those of the rules file at the file's times, or its jobs every {@code --every}. */
public final class ServedSchedules {

    private ServedSchedules() {
    }

    /**
     * @param every replaces each schedule's timing, counted from {@code start}; when the file has no schedules, runs
     *        all its jobs
     * @throws IllegalArgumentException naming the file, line and schedule when a timing cannot be read
     */
    public static List<ServedSchedule> of(Model model, String typedPath, Optional<Duration> every, Instant start) {
        List<ScheduleEntry> entries;
        try {
            entries = Schedules.of(model);
        } catch (ScheduleException e) {
            throw new IllegalArgumentException(typedPath + ":" + e.line() + ": " + e.getMessage(), e);
        }
        Optional<Timing> override = every.map(interval -> new Timing.EverySince(interval, start));
        List<ServedSchedule> schedules = new ArrayList<>();
        for (ScheduleEntry entry : entries) {
            schedules.add(new ServedSchedule(entry.name(), typedPath + ":" + entry.line(),
                    override.orElse(entry.timing()), entry.jobs()));
        }
        if (schedules.isEmpty() && override.isPresent()) {
            List<String> jobs = model.getElements().stream().filter(Job.class::isInstance).map(Job.class::cast)
                    .map(Job::getName).toList();
            if (!jobs.isEmpty()) {
                schedules.add(new ServedSchedule("every", typedPath, override.get(), jobs));
            }
        }
        return schedules;
    }
}
