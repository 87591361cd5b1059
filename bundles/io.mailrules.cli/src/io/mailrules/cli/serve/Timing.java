package io.mailrules.cli.serve;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

import io.mailrules.cli.options.Durations;

/** When a schedule fires next. */
public interface Timing {

    /** The first firing strictly after {@code after}; empty when it never fires again. */
    Optional<Instant> next(Instant after);

    /** How the timing reads in log lines, e.g. {@code daily at 02:00}. */
    String describe();

    /** Every {@code interval}, counted from {@code origin} (when serve started), so restarts do not bunch runs. */
    record Every(Duration interval, Instant origin) implements Timing {
        public Every {
            if (interval.isNegative() || interval.isZero()) {
                throw new IllegalArgumentException("an interval must be positive, got " + interval);
            }
        }

        @Override
        public Optional<Instant> next(Instant after) {
            long elapsed = Duration.between(origin, after).toMillis();
            long periods = elapsed < 0 ? 0 : elapsed / interval.toMillis() + 1;
            return Optional.of(origin.plusMillis(periods * interval.toMillis()));
        }

        @Override
        public String describe() {
            return "every " + Durations.format(interval);
        }
    }

    /** Once a day at a wall-clock time of {@code zone}; on a day that skips that time, right after the gap. */
    record Daily(LocalTime time, ZoneId zone) implements Timing {
        @Override
        public Optional<Instant> next(Instant after) {
            LocalDate day = LocalDate.ofInstant(after, zone);
            for (int i = 0; i < 3; i++) {
                Instant fire = ZonedDateTime.of(day.plusDays(i), time, zone).toInstant();
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

    /** A cron expression in the wall-clock time of {@code zone}. */
    record Cron(CronExpression expression, ZoneId zone) implements Timing {
        @Override
        public Optional<Instant> next(Instant after) {
            return expression.next(after.atZone(zone)).map(ZonedDateTime::toInstant);
        }

        @Override
        public String describe() {
            return "cron \"" + expression + "\"";
        }
    }
}
