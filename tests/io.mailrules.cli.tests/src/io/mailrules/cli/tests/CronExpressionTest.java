package io.mailrules.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.mailrules.cli.serve.CronExpression;

/** Next firing times of five-field cron expressions, as crontab(5) defines them. */
class CronExpressionTest {

    private static final ZoneId UTC = ZoneId.of("UTC");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private static List<String> firings(String expression, String after, ZoneId zone, int count) {
        CronExpression cron = CronExpression.parse(expression);
        List<String> times = new ArrayList<>();
        ZonedDateTime at = ZonedDateTime.parse(after).withZoneSameInstant(zone);
        for (int i = 0; i < count; i++) {
            at = cron.next(at).orElseThrow();
            times.add(at.toOffsetDateTime().toString());
        }
        return times;
    }

    @Test
    void sundaysAtHalfPastThree() {
        // 2026-11-27 is a Friday
        assertEquals(List.of("2026-11-29T03:30Z", "2026-12-06T03:30Z"),
                firings("30 3 * * 0", "2026-11-27T14:49:00Z", UTC, 2));
        assertEquals(List.of("2026-11-29T03:30Z"), firings("30 3 * * 7", "2026-11-27T14:49:00Z", UTC, 1));
        assertEquals(List.of("2026-11-29T03:30Z"), firings("30 3 * * sun", "2026-11-27T14:49:00Z", UTC, 1));
    }

    @Test
    void stepsRangesAndListsAndAlwaysStrictlyLater() {
        assertEquals(List.of("2026-11-27T15:00Z", "2026-11-27T15:15Z", "2026-11-27T15:30Z"),
                firings("*/15 * * * *", "2026-11-27T14:45:00Z", UTC, 3));
        assertEquals(List.of("2026-11-30T09:00Z", "2026-11-30T17:00Z", "2026-12-01T09:00Z"),
                firings("0 9,17 * * MON-FRI", "2026-11-27T17:00:00Z", UTC, 3));
        assertEquals(List.of("2026-11-27T14:50Z", "2026-11-27T15:05Z"),
                firings("5-50/15 * * * *", "2026-11-27T14:36:10Z", UTC, 2));
        assertEquals(List.of("2027-01-01T00:10Z", "2027-01-01T00:40Z"),
                firings("10/30 0 1 jan *", "2026-11-27T14:49:00Z", UTC, 2));
    }

    @Test
    void dayOfMonthAndWeekdayBothRestrictedFireOnEither() {
        // the 1st of the month or any Monday (2026-12-01 is a Tuesday)
        assertEquals(List.of("2026-11-30T00:00Z", "2026-12-01T00:00Z", "2026-12-07T00:00Z"),
                firings("0 0 1 * 1", "2026-11-27T14:49:00Z", UTC, 3));
    }

    @Test
    void leapDaysAndImpossibleDates() {
        assertEquals(List.of("2028-02-29T12:00Z"), firings("0 12 29 2 *", "2026-11-27T14:49:00Z", UTC, 1));
        CronExpression never = CronExpression.parse("0 0 31 4 *");
        assertEquals(Optional.empty(), never.next(ZonedDateTime.parse("2026-11-27T14:49:00Z")));
    }

    @Test
    void aTimeSkippedByDaylightSavingFiresRightAfterTheGapAndLocalTimeIsKept() {
        // Berlin skips 02:00-03:00 on 2027-03-28
        assertEquals(List.of("2027-03-27T02:30+01:00", "2027-03-28T03:30+02:00", "2027-03-29T02:30+02:00"),
                firings("30 2 * * *", "2027-03-27T00:00:00Z", BERLIN, 3));
    }

    @Test
    void badExpressionsSayWhichFieldIsWrong() {
        assertEquals("a cron expression has 5 fields (minute hour day-of-month month day-of-week), \"0 3 * *\" has 4",
                assertThrows(IllegalArgumentException.class, () -> CronExpression.parse("0 3 * *")).getMessage());
        assertEquals("the hour field value 24 is outside 0..23",
                assertThrows(IllegalArgumentException.class, () -> CronExpression.parse("0 24 * * *")).getMessage());
        assertEquals("the minute field has step 0 in \"*/0\"",
                assertThrows(IllegalArgumentException.class, () -> CronExpression.parse("*/0 * * * *")).getMessage());
        assertEquals("the day-of-month field has the range \"20-10\", which ends before it starts",
                assertThrows(IllegalArgumentException.class, () -> CronExpression.parse("0 0 20-10 * *"))
                        .getMessage());
        String month = assertThrows(IllegalArgumentException.class, () -> CronExpression.parse("0 0 1 jen *"))
                .getMessage();
        assertTrue(month.startsWith("the month field has value \"jen\", which is not a number or a name (JAN, FEB"),
                month);
    }
}
