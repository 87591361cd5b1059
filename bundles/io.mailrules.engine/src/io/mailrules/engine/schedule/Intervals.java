package io.mailrules.engine.schedule;

import java.time.Duration;

/** Intervals as the rules language writes them. */
final class Intervals {

    private Intervals() {
    }

    /** {@code every 7 hours}, {@code every 1 hour}, {@code every 15 minutes}, {@code every 30 seconds}. */
    static String describe(Duration interval) {
        long seconds = interval.toSeconds();
        if (seconds % 3600 == 0) {
            return every(seconds / 3600, "hour");
        }
        return seconds % 60 == 0 ? every(seconds / 60, "minute") : every(seconds, "second");
    }

    private static String every(long amount, String unit) {
        return "every " + amount + " " + unit + (amount == 1 ? "" : "s");
    }
}
