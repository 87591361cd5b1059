package io.mailrules.engine.schedule;

import io.mailrules.dsl.analysis.CronExpression;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;

import io.mailrules.dsl.mailrules.Cron;
import io.mailrules.dsl.mailrules.Daily;
import io.mailrules.dsl.mailrules.Interval;
import io.mailrules.dsl.mailrules.IntervalUnit;
import io.mailrules.dsl.mailrules.Job;
import io.mailrules.dsl.mailrules.Model;
import io.mailrules.dsl.mailrules.Schedule;

/** The schedules a rules file declares itself (those of files it imports belong to those files), in file order. */
public final class Schedules {

    private Schedules() {
    }

    /** @throws ScheduleException naming the schedule and its line when its timing cannot be read */
    public static List<ScheduleEntry> of(Model model) {
        List<ScheduleEntry> entries = new ArrayList<>();
        for (Object element : model.getElements()) {
            if (element instanceof Schedule schedule) {
                entries.add(new ScheduleEntry(schedule.getName(), line(schedule), timing(schedule),
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
            throw new ScheduleException(line(schedule), "schedule '" + schedule.getName() + "': " + e.getMessage(),
                    e);
        }
    }

    /** {@code 2:00}, {@code 02:00} and the quoted forms all mean two o'clock. */
    private static LocalTime timeOfDay(String text) {
        String[] parts = text.replaceAll("\\s", "").split(":");
        try {
            return LocalTime.of(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("\"" + text + "\" is not a time of day (HH:MM)", e);
        }
    }

    private static int line(Schedule schedule) {
        ICompositeNode node = NodeModelUtils.getNode(schedule);
        return node == null ? 1 : node.getStartLine();
    }
}
