package io.mailrules.engine;

import java.time.LocalDate;

/** How much of a message's arrival day a target folder depends on: {@code Archive/{year}} only on the year. */
enum TargetPeriod {
    /** A fixed folder, or no folder at all. */
    NONE,
    YEAR,
    MONTH;

    /** The first day of the period {@code day} falls in. */
    LocalDate start(LocalDate day) {
        return switch (this) {
            case NONE -> day;
            case YEAR -> day.withDayOfYear(1);
            case MONTH -> day.withDayOfMonth(1);
        };
    }

    /** The first day of the period after the one starting on {@code start}. */
    LocalDate next(LocalDate start) {
        return this == MONTH ? start.plusMonths(1) : start.plusYears(1);
    }

    /** The first day of the period before the one starting on {@code start}. */
    LocalDate previous(LocalDate start) {
        return this == MONTH ? start.minusMonths(1) : start.minusYears(1);
    }

    TargetPeriod finer(TargetPeriod other) {
        return compareTo(other) >= 0 ? this : other;
    }
}
