package io.mailrules.engine.schedule;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.BitSet;
import java.util.Locale;
import java.util.Objects;

/**
 * A five-field cron expression (minute hour day-of-month month day-of-week) as {@code crontab(5)} reads it: lists,
 * ranges, steps, {@code *}, month and weekday names, 0 and 7 both Sunday, and the classic rule that when both day
 * fields are restricted a day matches if either does.
 */
public final class CronExpression {

    private static final String[] MONTHS = {"JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT",
        "NOV", "DEC"};
    private static final String[] WEEKDAYS = {"SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"};
    // Feb 29 on a Monday can be four years away, and a Feb 30 never; beyond this the expression matches no day.
    private static final int DAYS_SEARCHED = 366 * 8;

    private final String text;
    private final BitSet minutes;
    private final BitSet hours;
    private final BitSet daysOfMonth;
    private final BitSet months;
    private final BitSet daysOfWeek;
    private final boolean dayOfMonthRestricted;
    private final boolean dayOfWeekRestricted;

    private CronExpression(String text, String[] fields) {
        this.text = text;
        this.minutes = Field.MINUTE.parse(fields[0]);
        this.hours = Field.HOUR.parse(fields[1]);
        this.daysOfMonth = Field.DAY_OF_MONTH.parse(fields[2]);
        this.months = Field.MONTH.parse(fields[3]);
        BitSet weekdays = Field.DAY_OF_WEEK.parse(fields[4]);
        if (weekdays.get(7)) {
            weekdays.set(0);
        }
        this.daysOfWeek = weekdays;
        this.dayOfMonthRestricted = !fields[2].startsWith("*");
        this.dayOfWeekRestricted = !fields[4].startsWith("*");
    }

    /** @throws IllegalArgumentException naming the field that is wrong */
    public static CronExpression parse(String text) {
        Objects.requireNonNull(text, "text");
        String[] fields = text.trim().split("\\s+");
        if (fields.length != 5) {
            throw new IllegalArgumentException("a cron expression has 5 fields (minute hour day month weekday), \""
                    + text + "\" has " + (text.isBlank() ? 0 : fields.length));
        }
        return new CronExpression(text.trim(), fields);
    }

    /** The first minute strictly after {@code after} that the expression matches, in {@code after}'s zone. */
    public ZonedDateTime next(ZonedDateTime after) {
        LocalDateTime start = after.toLocalDateTime().truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
        LocalDate day = start.toLocalDate();
        for (int i = 0; i < DAYS_SEARCHED; i++, day = day.plusDays(1)) {
            if (!matchesDay(day)) {
                continue;
            }
            LocalTime from = day.equals(start.toLocalDate()) ? start.toLocalTime() : LocalTime.MIDNIGHT;
            for (int hour = hours.nextSetBit(from.getHour()); hour >= 0; hour = hours.nextSetBit(hour + 1)) {
                int firstMinute = hour == from.getHour() ? from.getMinute() : 0;
                int minute = minutes.nextSetBit(firstMinute);
                if (minute >= 0 && minute < 60) {
                    ZonedDateTime candidate = ZonedDateTime.of(day, LocalTime.of(hour, minute), after.getZone());
                    // A time skipped by a daylight-saving change resolves later; cron then runs it once, late.
                    if (candidate.isAfter(after)) {
                        return candidate;
                    }
                }
            }
        }
        throw new IllegalArgumentException("cron expression \"" + text + "\" matches no date");
    }

    private boolean matchesDay(LocalDate day) {
        if (!months.get(day.getMonthValue())) {
            return false;
        }
        boolean dayOfMonth = daysOfMonth.get(day.getDayOfMonth());
        boolean dayOfWeek = daysOfWeek.get(day.getDayOfWeek() == DayOfWeek.SUNDAY ? 0 : day.getDayOfWeek().getValue());
        if (dayOfMonthRestricted && dayOfWeekRestricted) {
            return dayOfMonth || dayOfWeek;
        }
        return dayOfMonth && dayOfWeek;
    }

    @Override
    public String toString() {
        return text;
    }

    private enum Field {
        MINUTE("minute", 0, 59, null),
        HOUR("hour", 0, 23, null),
        DAY_OF_MONTH("day of month", 1, 31, null),
        MONTH("month", 1, 12, MONTHS),
        DAY_OF_WEEK("weekday", 0, 7, WEEKDAYS);

        private final String label;
        private final int min;
        private final int max;
        private final String[] names;

        Field(String label, int min, int max, String[] names) {
            this.label = label;
            this.min = min;
            this.max = max;
            this.names = names;
        }

        BitSet parse(String field) {
            BitSet values = new BitSet();
            for (String part : field.split(",", -1)) {
                parsePart(part, values);
            }
            return values;
        }

        private void parsePart(String part, BitSet values) {
            String range = part;
            int step = 1;
            int slash = part.indexOf('/');
            if (slash >= 0) {
                range = part.substring(0, slash);
                step = number(part.substring(slash + 1), part);
                if (step < 1) {
                    throw problem(part, "a step must be at least 1");
                }
            }
            int low;
            int high;
            if (range.equals("*")) {
                low = min;
                high = this == DAY_OF_WEEK ? 6 : max;
            } else {
                int dash = range.indexOf('-');
                low = value(dash < 0 ? range : range.substring(0, dash), part);
                high = dash < 0 ? (slash >= 0 ? max : low) : value(range.substring(dash + 1), part);
            }
            if (low > high) {
                throw problem(part, low + " is after " + high);
            }
            for (int value = low; value <= high; value += step) {
                values.set(value);
            }
        }

        private int value(String text, String part) {
            if (names != null) {
                String upper = text.toUpperCase(Locale.ROOT);
                for (int i = 0; i < names.length; i++) {
                    if (names[i].equals(upper)) {
                        return this == MONTH ? i + 1 : i;
                    }
                }
            }
            int value = number(text, part);
            if (value < min || value > max) {
                throw problem(part, value + " is outside " + min + ".." + max);
            }
            return value;
        }

        private int number(String text, String part) {
            try {
                return Integer.parseInt(text);
            } catch (NumberFormatException e) {
                throw problem(part, "\"" + text + "\" is not a number" + (names == null ? "" : " or a name"));
            }
        }

        private IllegalArgumentException problem(String part, String why) {
            return new IllegalArgumentException("cron " + label + " field \"" + part + "\": " + why);
        }
    }
}
