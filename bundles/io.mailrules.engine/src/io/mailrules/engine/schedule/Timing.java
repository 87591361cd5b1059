package io.mailrules.engine.schedule;

import io.mailrules.dsl.analysis.CronExpression;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

/**
 * When a schedule fires: the next time strictly after a given moment, in that moment's zone. Pure and deterministic,
 * so that the workbench and {@code mailrules serve} fire a file's schedules at the same times.
 */
public sealed interface Timing {

    /** The first firing strictly after {@code after}; empty when the timing never fires again. */
    Optional<ZonedDateTime> next(ZonedDateTime after);

    /** How the file says it, for people: {@code every 15 minutes}, {@code daily at 02:00}, {@code cron "..."}. */
    String describe();

    /**
     * {@code every N minutes|hours}: on the multiples of the interval counted from midnight, so that every 15 minutes
     * means :00, :15, :30 and :45 whenever the workbench or serve was started, and all of them agree.
     */
    record Every(Duration interval) implements Timing {
        public Every {
            Objects.requireNonNull(interval, "interval");
            if (interval.compareTo(Duration.ofMinutes(1)) < 0 || interval.compareTo(Duration.ofDays(1)) > 0) {
                throw new IllegalArgumentException("an interval is between 1 minute and 24 hours, not " + interval);
            }
        }

        @Override
        public Optional<ZonedDateTime> next(ZonedDateTime after) {
            ZonedDateTime midnight = after.truncatedTo(ChronoUnit.DAYS);
            long minutes = interval.toMinutes();
            long elapsed = Duration.between(midnight, after).toMinutes();
            ZonedDateTime candidate = midnight.plusMinutes((elapsed / minutes + 1) * minutes);
            ZonedDateTime nextMidnight = midnight.plusDays(1);
            // The day's last slot is followed by midnight, not by a slot carried over into the next day.
            return Optional.of(candidate.isAfter(nextMidnight) ? nextMidnight : candidate);
        }

        @Override
        public String describe() {
            return Intervals.describe(interval);
        }
    }

    /**
     * Every {@code interval} counted from {@code origin}: what {@code serve --every} runs instead of the file's
     * timings, for trying a file out at a pace of seconds.
     */
    record EverySince(Duration interval, Instant origin) implements Timing {
        public EverySince {
            Objects.requireNonNull(interval, "interval");
            Objects.requireNonNull(origin, "origin");
            if (interval.isNegative() || interval.isZero()) {
                throw new IllegalArgumentException("an interval must be positive, not " + interval);
            }
        }

        @Override
        public Optional<ZonedDateTime> next(ZonedDateTime after) {
            long elapsed = Duration.between(origin, after.toInstant()).toMillis();
            long periods = elapsed < 0 ? 0 : elapsed / interval.toMillis() + 1;
            return Optional.of(origin.plusMillis(periods * interval.toMillis()).atZone(after.getZone()));
        }

        @Override
        public String describe() {
            return Intervals.describe(interval);
        }
    }

    /** {@code daily at HH:MM}; on a day that skips that time for daylight saving, right after the gap. */
    record Daily(LocalTime time) implements Timing {
        public Daily {
            Objects.requireNonNull(time, "time");
            time = time.truncatedTo(ChronoUnit.MINUTES);
        }

        @Override
        public Optional<ZonedDateTime> next(ZonedDateTime after) {
            LocalDate day = after.toLocalDate();
            // today, or else tomorrow; a gap can push tomorrow's firing past midnight, never beyond the day after
            for (int i = 0; i < 3; i++) {
                ZonedDateTime fire = ZonedDateTime.of(day.plusDays(i), time, after.getZone());
                if (fire.isAfter(after)) {
                    return Optional.of(fire);
                }
            }
            throw new IllegalStateException("no " + time + " within three days of " + after);
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
        public Optional<ZonedDateTime> next(ZonedDateTime after) {
            return expression.next(after);
        }

        @Override
        public String describe() {
            return "cron \"" + expression + "\"";
        }
    }
}
