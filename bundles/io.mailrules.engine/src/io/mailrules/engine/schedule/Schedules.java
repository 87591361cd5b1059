package io.mailrules.engine.schedule;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

import io.mailrules.dsl.mailrules.Cron;
import io.mailrules.dsl.mailrules.Daily;
import io.mailrules.dsl.mailrules.Interval;
import io.mailrules.dsl.mailrules.IntervalUnit;
import io.mailrules.dsl.mailrules.Job;
import io.mailrules.dsl.mailrules.Model;
import io.mailrules.dsl.mailrules.Schedule;

/** The schedules a validated rules file declares, in file order. */
public final class Schedules {

    private Schedules() {
    }

    /**
     * @throws IllegalArgumentException naming the schedule when its timing is one the validator should have refused
     */
    public static List<ScheduleEntry> of(Model model) {
        List<ScheduleEntry> entries = new ArrayList<>();
        for (Object element : model.getElements()) {
            if (element instanceof Schedule schedule) {
                entries.add(new ScheduleEntry(schedule.getName(), timing(schedule),
                        schedule.getRuns().stream().map(Job::getName).toList()));
            }
        }
        return entries;
    }

    private static Timing timing(Schedule schedule) {
        try {
            return switch (schedule.getTiming()) {
                case Interval interval -> new Timing.Every(interval.getUnit() == IntervalUnit.HOURS
                        ? Duration.ofHours(interval.getAmount()) : Duration.ofMinutes(interval.getAmount()));
                case Daily daily -> new Timing.Daily(timeOfDay(daily.getTime()));
                case Cron cron -> new Timing.Cron(CronExpression.parse(cron.getExpression()));
                default -> throw new IllegalArgumentException("no timing");
            };
        } catch (IllegalArgumentException | DateTimeException | NullPointerException e) {
            throw new IllegalArgumentException("schedule '" + schedule.getName() + "': " + e.getMessage(), e);
        }
    }

    /** {@code 2:00}, {@code 02:00} and the quoted forms all mean two o'clock. */
    private static LocalTime timeOfDay(String text) {
        String[] parts = text.replaceAll("\\s", "").split(":");
        if (parts.length != 2) {
            throw new IllegalArgumentException("\"" + text + "\" is not a time of day HH:MM");
        }
        return LocalTime.of(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
    }
}
