package io.mailrules.cli.serve;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;

import io.mailrules.dsl.mailrules.Cron;
import io.mailrules.dsl.mailrules.Daily;
import io.mailrules.dsl.mailrules.Interval;
import io.mailrules.dsl.mailrules.IntervalUnit;
import io.mailrules.dsl.mailrules.Job;
import io.mailrules.dsl.mailrules.Model;
import io.mailrules.dsl.mailrules.Schedule;

/** The schedules {@code serve} runs: those of the rules file, or its jobs every {@code --every}. */
public final class Schedules {

    private Schedules() {
    }

    /**
     * The file's own schedules (those of imported files belong to whoever serves those files).
     *
     * @param every replaces each schedule's timing; when the file has no schedules, runs all its jobs
     * @throws IllegalArgumentException naming the schedule and its line when its timing cannot be read
     */
    public static List<ServedSchedule> of(Model model, String typedPath, Optional<Duration> every,
            Instant start, ZoneId zone) {
        List<ServedSchedule> schedules = new ArrayList<>();
        for (Schedule schedule : model.getElements().stream().filter(Schedule.class::isInstance)
                .map(Schedule.class::cast).toList()) {
            String where = typedPath + ":" + line(schedule);
            Timing timing;
            try {
                timing = every.<Timing>map(interval -> new Timing.Every(interval, start))
                        .orElseGet(() -> timing(schedule, start, zone));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ": schedule '" + schedule.getName() + "': "
                        + e.getMessage(), e);
            }
            schedules.add(new ServedSchedule(schedule.getName(), where, timing,
                    schedule.getRuns().stream().map(Job::getName).toList()));
        }
        if (schedules.isEmpty() && every.isPresent()) {
            List<String> jobs = model.getElements().stream().filter(Job.class::isInstance).map(Job.class::cast)
                    .map(Job::getName).toList();
            if (!jobs.isEmpty()) {
                schedules.add(new ServedSchedule("every", typedPath, new Timing.Every(every.get(),
                        start), jobs));
            }
        }
        return schedules;
    }

    private static Timing timing(Schedule schedule, Instant start, ZoneId zone) {
        return switch (schedule.getTiming()) {
            case Interval interval -> new Timing.Every(interval.getUnit() == IntervalUnit.HOURS
                    ? Duration.ofHours(interval.getAmount()) : Duration.ofMinutes(interval.getAmount()), start);
            case Daily daily -> new Timing.Daily(timeOfDay(daily.getTime()), zone);
            case Cron cron -> new Timing.Cron(CronExpression.parse(cron.getExpression()), zone);
            default -> throw new IllegalArgumentException("unknown timing " + schedule.getTiming());
        };
    }

    /** "2:00" and "02:00" name the same time; the validator has checked the range. */
    private static LocalTime timeOfDay(String time) {
        String[] parts = time.replace(" ", "").split(":");
        try {
            return LocalTime.of(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("\"" + time + "\" is not a time of day (HH:MM)");
        }
    }

    private static int line(Schedule schedule) {
        ICompositeNode node = NodeModelUtils.getNode(schedule);
        return node == null ? 1 : node.getStartLine();
    }
}
