package io.mailrules.engine.schedule;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/** When a schedule fires: the next time strictly after a given moment, in that moment's zone. */
public sealed interface Timing {

    ZonedDateTime next(ZonedDateTime after);

    /** How the file says it, for people: {@code every 15 minutes}, {@code daily at 02:00}, {@code cron "..."}. */
    String describe();

    /**
     * {@code every N minutes|hours}: on the multiples of the interval counted from midnight, so that every 15 minutes
     * means :00, :15, :30 and :45 whenever the workbench was started, and two workbenches agree.
     */
    record Every(Duration interval) implements Timing {
        public Every {
            Objects.requireNonNull(interval, "interval");
            if (interval.isNegative() || interval.isZero() || interval.compareTo(Duration.ofDays(1)) > 0) {
                throw new IllegalArgumentException("an interval is between 1 minute and 24 hours, not " + interval);
            }
        }

        @Override
        public ZonedDateTime next(ZonedDateTime after) {
            ZonedDateTime midnight = after.truncatedTo(ChronoUnit.DAYS);
            long minutes = interval.toMinutes();
            long elapsed = Duration.between(midnight, after).toMinutes();
            ZonedDateTime candidate = midnight.plusMinutes((elapsed / minutes + 1) * minutes);
            ZonedDateTime nextMidnight = midnight.plusDays(1);
            // The day's last slot is followed by midnight, not by a slot carried over into the next day.
            return candidate.isAfter(nextMidnight) ? nextMidnight : candidate;
        }

        @Override
        public String describe() {
            long minutes = interval.toMinutes();
            return minutes % 60 == 0 ? "every " + minutes / 60 + (minutes == 60 ? " hour" : " hours")
                    : "every " + minutes + (minutes == 1 ? " minute" : " minutes");
        }
    }

    /** {@code daily at HH:MM}. */
    record Daily(LocalTime time) implements Timing {
        public Daily {
            Objects.requireNonNull(time, "time");
        }

        @Override
        public ZonedDateTime next(ZonedDateTime after) {
            ZonedDateTime today = after.with(time.withSecond(0).withNano(0));
            return today.isAfter(after) ? today : after.toLocalDate().plusDays(1).atTime(time)
                    .atZone(after.getZone());
        }

        @Override
        public String describe() {
            return "daily at " + time;
        }
    }

    /** {@code cron "m h dom mon dow"}. */
    record Cron(CronExpression expression) implements Timing {
        public Cron {
            Objects.requireNonNull(expression, "expression");
        }

        @Override
        public ZonedDateTime next(ZonedDateTime after) {
            return expression.next(after);
        }

        @Override
        public String describe() {
            return "cron \"" + expression + "\"";
        }
    }
}
