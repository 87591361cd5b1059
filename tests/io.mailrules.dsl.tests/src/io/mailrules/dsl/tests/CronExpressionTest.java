package io.mailrules.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.mailrules.dsl.analysis.CronExpression;

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

    private static String parseError(String expression) {
        return assertThrows(IllegalArgumentException.class, () -> CronExpression.parse(expression)).getMessage();
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
        assertEquals(List.of("2026-11-27T14:50Z"), firings("* * * * *", "2026-11-27T14:49:01Z", UTC, 1),
                "the rest of the current minute does not count");
        assertEquals(List.of("2026-11-30T09:00Z", "2026-11-30T17:00Z", "2026-12-01T09:00Z"),
                firings("0 9,17 * * MON-FRI", "2026-11-27T17:00:00Z", UTC, 3));
        assertEquals(List.of("2026-11-27T17:00Z", "2026-11-30T09:00Z"),
                firings("0 9-17/4 * * mon-fri", "2026-11-27T13:00:00Z", UTC, 2), "a stepped range of hours");
        assertEquals(List.of("2026-11-27T14:50Z", "2026-11-27T15:05Z"),
                firings("5-50/15 * * * *", "2026-11-27T14:36:10Z", UTC, 2));
        assertEquals(List.of("2027-01-01T00:10Z", "2027-01-01T00:40Z"),
                firings("10/30 0 1 jan *", "2026-11-27T14:49:00Z", UTC, 2));
        assertEquals(List.of("2027-01-01T00:05Z", "2027-07-01T00:05Z"),
                firings("5 0 1 jan,jul ?", "2026-11-27T00:00:00Z", UTC, 2), "? is a wildcard, as in Quartz");
    }

    @Test
    void dayOfMonthAndWeekdayBothRestrictedFireOnEither() {
        // the 1st of the month or any Monday (2026-12-01 is a Tuesday)
        assertEquals(List.of("2026-11-30T00:00Z", "2026-12-01T00:00Z", "2026-12-07T00:00Z"),
                firings("0 0 1 * 1", "2026-11-27T14:49:00Z", UTC, 3));
        // with one of them a wildcard, only the other restricts: Mondays only
        assertEquals(List.of("2026-11-30T00:00Z", "2026-12-07T00:00Z"),
                firings("0 0 * * 1", "2026-11-27T14:49:00Z", UTC, 2));
    }

    @Test
    void leapDaysAndImpossibleDates() {
        assertEquals(List.of("2028-02-29T12:00Z"), firings("0 12 29 2 *", "2026-11-27T14:49:00Z", UTC, 1));
        // 2100 is no leap year: the 29 February after 2096 is in 2104
        assertEquals(List.of("2104-02-29T12:00Z"), firings("0 12 29 2 *", "2096-03-01T00:00:00Z", UTC, 1));
        ZonedDateTime now = ZonedDateTime.parse("2026-11-27T14:49:00Z");
        assertEquals(Optional.empty(), CronExpression.parse("0 0 31 4 *").next(now));
        assertEquals(Optional.empty(), CronExpression.parse("0 0 30 2 *").next(now));
    }

    @Test
    void aTimeSkippedByDaylightSavingFiresRightAfterTheGapAndLocalTimeIsKept() {
        // Berlin skips 02:00-03:00 on 2027-03-28
        assertEquals(List.of("2027-03-27T02:30+01:00", "2027-03-28T03:30+02:00", "2027-03-29T02:30+02:00"),
                firings("30 2 * * *", "2027-03-27T00:00:00Z", BERLIN, 3));
    }

    @Test
    void aTimeRepeatedWhenSummerTimeEndsFiresOnceAtItsFirstOccurrence() {
        // Berlin leaves summer time on 2026-10-25: 02:30 local comes twice
        assertEquals(List.of("2026-10-25T02:30+02:00", "2026-10-26T02:30+01:00"),
                firings("30 2 * * *", "2026-10-24T12:00:00Z", BERLIN, 2));
    }

    @Test
    void badExpressionsSayWhichFieldIsWrong() {
        assertEquals("a cron expression has 5 fields (minute hour day-of-month month day-of-week), \"0 3 * *\" has 4",
                parseError("0 3 * *"));
        assertEquals("a cron expression has 5 fields (minute hour day-of-month month day-of-week), \" \" has 0",
                parseError(" "));
        assertEquals("the hour field value 24 is outside 0..23", parseError("0 24 * * *"));
        assertEquals("the minute field has step 0 in \"*/0\"", parseError("*/0 * * * *"));
        assertEquals("the day-of-month field has the range \"20-10\", which ends before it starts",
                parseError("0 0 20-10 * *"));
        assertEquals("the minute field has an empty list element in \"1,,2\"", parseError("1,,2 * * * *"));
        assertEquals("the minute field has value \"x\", which is not a number", parseError("x * * * *"));
        String month = parseError("0 0 1 jen *");
        assertTrue(month.startsWith("the month field has value \"jen\", which is not a number or a name (JAN, FEB"),
                month);
    }
}
