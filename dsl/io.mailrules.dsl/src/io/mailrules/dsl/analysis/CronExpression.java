package io.mailrules.dsl.analysis;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A five-field cron expression, {@code minute hour day-of-month month day-of-week}, as crontab(5) reads it: each
 * field is {@code *}, a number, a range {@code a-b}, a step {@code * /n} or {@code a-b/n}, or a comma-separated list
 * of those; months and weekdays may be named ({@code JAN}, {@code MON}); weekday 0 and 7 are Sunday. When both the
 * day of the month and the weekday are restricted, a day matching either fires, as in cron.
 */
public final class CronExpression {

    private static final List<String> MONTHS = List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP",
            "OCT", "NOV", "DEC");
    private static final List<String> WEEKDAYS = List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT");
    // Leap days come back within 8 years (2096 to 2104 has none); an expression silent that long never fires.
    private static final int LONGEST_SEARCH_DAYS = 366 * 9;

    private final String text;
    private final BitSet minutes;
    private final BitSet hours;
    private final BitSet daysOfMonth;
    private final BitSet months;
    private final BitSet weekdays;
    private final boolean dayOfMonthRestricted;
    private final boolean weekdayRestricted;

    private CronExpression(String text, String[] fields) {
        this.text = text;
        this.minutes = Field.MINUTE.parse(fields[0]);
        this.hours = Field.HOUR.parse(fields[1]);
        this.daysOfMonth = Field.DAY_OF_MONTH.parse(fields[2]);
        this.months = Field.MONTH.parse(fields[3]);
        BitSet days = Field.WEEKDAY.parse(fields[4]);
        if (days.get(7)) {
            days.set(0);
        }
        this.weekdays = days;
        this.dayOfMonthRestricted = !isWildcard(fields[2]);
        this.weekdayRestricted = !isWildcard(fields[4]);
    }

    /** @throws IllegalArgumentException saying which field is wrong and why */
    public static CronExpression parse(String text) {
        Objects.requireNonNull(text, "text");
        String[] fields = text.strip().split("\\s+");
        if (fields.length != 5) {
            throw new IllegalArgumentException("a cron expression has 5 fields (minute hour day-of-month month"
                    + " day-of-week), \"" + text + "\" has " + (text.isBlank() ? 0 : fields.length));
        }
        return new CronExpression(text.strip(), fields);
    }

    /**
     * The first minute strictly after {@code after} that the expression matches, in {@code after}'s wall-clock time;
     * empty when it matches no date (30 February).
     */
    public Optional<ZonedDateTime> next(ZonedDateTime after) {
        ZoneId zone = after.getZone();
        LocalDateTime candidate = after.toLocalDateTime().truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
        LocalDateTime giveUp = candidate.plusDays(LONGEST_SEARCH_DAYS);
        while (candidate.isBefore(giveUp)) {
            if (!months.get(candidate.getMonthValue())) {
                candidate = candidate.withDayOfMonth(1).truncatedTo(ChronoUnit.DAYS).plusMonths(1);
            } else if (!dayMatches(candidate)) {
                candidate = candidate.truncatedTo(ChronoUnit.DAYS).plusDays(1);
            } else if (!hours.get(candidate.getHour())) {
                candidate = candidate.truncatedTo(ChronoUnit.HOURS).plusHours(1);
            } else if (!minutes.get(candidate.getMinute())) {
                candidate = candidate.plusMinutes(1);
            } else {
                // A time skipped by a daylight-saving change fires at the first minute after the gap.
                ZonedDateTime fire = ZonedDateTime.of(candidate, zone);
                if (fire.isAfter(after)) {
                    return Optional.of(fire);
                }
                candidate = candidate.plusMinutes(1);
            }
        }
        return Optional.empty();
    }

    private boolean dayMatches(LocalDateTime day) {
        boolean monthDay = daysOfMonth.get(day.getDayOfMonth());
        boolean weekday = weekdays.get(day.getDayOfWeek().getValue() % 7);
        if (dayOfMonthRestricted && weekdayRestricted) {
            return monthDay || weekday;
        }
        return monthDay && weekday;
    }

    private static boolean isWildcard(String field) {
        return field.startsWith("*") || field.startsWith("?");
    }

    @Override
    public String toString() {
        return text;
    }

    private enum Field {
        MINUTE("minute", 0, 59, List.of()),
        HOUR("hour", 0, 23, List.of()),
        DAY_OF_MONTH("day-of-month", 1, 31, List.of()),
        MONTH("month", 1, 12, MONTHS),
        WEEKDAY("day-of-week", 0, 7, WEEKDAYS);

        private final String label;
        private final int min;
        private final int max;
        private final List<String> names;

        Field(String label, int min, int max, List<String> names) {
            this.label = label;
            this.min = min;
            this.max = max;
            this.names = names;
        }

        BitSet parse(String field) {
            BitSet values = new BitSet(max + 1);
            for (String item : field.split(",", -1)) {
                parseItem(item, field, values);
            }
            return values;
        }

        private void parseItem(String item, String field, BitSet values) {
            if (item.isEmpty()) {
                throw problem("has an empty list element in \"" + field + "\"");
            }
            String range = item;
            int step = 1;
            int slash = item.indexOf('/');
            if (slash >= 0) {
                range = item.substring(0, slash);
                step = number(item.substring(slash + 1), "step");
                if (step < 1) {
                    throw problem("has step 0 in \"" + item + "\"");
                }
            }
            int first;
            int last;
            if (range.equals("*") || range.equals("?")) {
                first = min;
                last = max;
            } else if (range.contains("-")) {
                int dash = range.indexOf('-');
                first = value(range.substring(0, dash));
                last = value(range.substring(dash + 1));
                if (last < first) {
                    throw problem("has the range \"" + range + "\", which ends before it starts");
                }
            } else {
                first = value(range);
                // "5/15" means from 5 to the end in steps of 15, as in Vixie cron
                last = slash >= 0 ? max : first;
            }
            for (int value = first; value <= last; value += step) {
                values.set(value);
            }
        }

        private int value(String text) {
            int index = names.indexOf(text.toUpperCase(Locale.ROOT));
            int value = index >= 0 ? index + min : number(text, "value");
            if (value < min || value > max) {
                throw problem("value " + value + " is outside " + min + ".." + max);
            }
            return value;
        }

        private int number(String text, String what) {
            try {
                return Integer.parseInt(text);
            } catch (NumberFormatException e) {
                throw problem("has " + what + " \"" + text + "\", which is not a number"
                        + (names.isEmpty() ? "" : " or a name (" + names.getFirst() + ", " + names.get(1) + ", ...)"));
            }
        }

        private IllegalArgumentException problem(String what) {
            return new IllegalArgumentException("the " + label + " field " + what);
        }
    }
}
