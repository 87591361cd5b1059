package io.mailrules.engine.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.mailrules.engine.schedule.CronExpression;
import io.mailrules.engine.schedule.ScheduleEntry;
import io.mailrules.engine.schedule.Schedules;
import io.mailrules.engine.schedule.Timing;

/** When the schedules of a rules file fire next: the three timings of the language, cron as crontab reads it. */
class ScheduleTimingTest {

    private static final ZoneId UTC = ZoneId.of("UTC");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private static ZonedDateTime at(String localDateTime, ZoneId zone) {
        return java.time.LocalDateTime.parse(localDateTime).atZone(zone);
    }

    private static ZonedDateTime nextCron(String expression, String after) {
        return CronExpression.parse(expression).next(at(after, UTC));
    }

    @Test
    void cronFindsTheNextMatchingMinuteStrictlyAfterTheGivenTime() {
        assertEquals(at("2026-11-29T03:30", UTC), nextCron("30 3 * * 0", "2026-11-27T14:49"), "Sunday 03:30");
        assertEquals(at("2026-12-06T03:30", UTC), nextCron("30 3 * * 0", "2026-11-29T03:30"), "not the same minute");
        assertEquals(at("2026-11-27T15:00", UTC), nextCron("*/15 * * * *", "2026-11-27T14:49:59"));
        assertEquals(at("2026-11-27T14:50", UTC), nextCron("* * * * *", "2026-11-27T14:49:01"));
    }

    @Test
    void cronUnderstandsListsRangesStepsAndNames() {
        assertEquals(at("2026-11-30T09:00", UTC), nextCron("0 9-17/4 * * mon-fri", "2026-11-27T17:01"),
                "Friday evening goes to Monday 09:00");
        assertEquals(at("2026-11-27T13:00", UTC).plusHours(4), nextCron("0 9-17/4 * * 1-5", "2026-11-27T13:00"));
        assertEquals(at("2027-01-01T00:05", UTC), nextCron("5 0 1 jan,jul *", "2026-11-27T00:00"));
        assertEquals(at("2026-11-29T00:00", UTC), nextCron("0 0 * * 7", "2026-11-27T12:00"), "7 is Sunday too");
    }

    @Test
    void whenBothDayFieldsAreRestrictedEitherMatches() {
        // the 1st of the month or any Monday, as crontab(5) says
        assertEquals(at("2026-11-30T00:00", UTC), nextCron("0 0 1 * 1", "2026-11-27T12:00"));
        assertEquals(at("2026-12-01T00:00", UTC), nextCron("0 0 1 * 1", "2026-11-30T12:00"));
    }

    @Test
    void cronFindsALeapDayYearsAhead() {
        assertEquals(at("2028-02-29T12:00", UTC), nextCron("0 12 29 2 *", "2026-11-27T12:00"));
    }

    @Test
    void impossibleOrMalformedCronExpressionsAreRefusedWithTheField() {
        IllegalArgumentException never = assertThrows(IllegalArgumentException.class,
                () -> nextCron("0 0 30 2 *", "2026-11-27T12:00"));
        assertTrue(never.getMessage().contains("matches no date"), never.getMessage());
        IllegalArgumentException hour = assertThrows(IllegalArgumentException.class,
                () -> CronExpression.parse("0 24 * * *"));
        assertEquals("cron hour field \"24\": 24 is outside 0..23", hour.getMessage());
        IllegalArgumentException fields = assertThrows(IllegalArgumentException.class,
                () -> CronExpression.parse("0 3 * *"));
        assertTrue(fields.getMessage().contains("has 4"), fields.getMessage());
        assertThrows(IllegalArgumentException.class, () -> CronExpression.parse("*/0 * * * *"));
        assertThrows(IllegalArgumentException.class, () -> CronExpression.parse("x * * * *"));
    }

    @Test
    void cronRunsAtTheLocalTimeAcrossADaylightSavingChange() {
        // Berlin leaves summer time on 2026-10-25: 02:30 local exists twice, the first one counts.
        ZonedDateTime next = CronExpression.parse("30 2 * * *").next(at("2026-10-24T12:00", BERLIN));
        assertEquals(at("2026-10-25T02:30", BERLIN), next);
        // and on 2026-03-29 02:30 does not exist: it runs once, an hour later in wall time.
        ZonedDateTime skipped = CronExpression.parse("30 2 * * *").next(at("2026-03-28T12:00", BERLIN));
        assertEquals(at("2026-03-29T03:30", BERLIN), skipped);
    }

    @Test
    void intervalsAreCountedFromMidnight() {
        Timing every15 = new Timing.Every(java.time.Duration.ofMinutes(15));
        assertEquals(at("2026-11-27T15:00", UTC), every15.next(at("2026-11-27T14:49", UTC)));
        assertEquals(at("2026-11-27T15:15", UTC), every15.next(at("2026-11-27T15:00", UTC)));
        Timing every7h = new Timing.Every(java.time.Duration.ofHours(7));
        assertEquals(at("2026-11-28T00:00", UTC), every7h.next(at("2026-11-27T21:30", UTC)),
                "the day's slots are 00, 07, 14, 21; then midnight");
        assertEquals("every 7 hours", every7h.describe());
        assertEquals("every 15 minutes", every15.describe());
    }

    @Test
    void dailyRunsTodayIfTheTimeIsStillAheadElseTomorrow() {
        Timing nightly = new Timing.Daily(java.time.LocalTime.of(2, 0));
        assertEquals(at("2026-11-28T02:00", UTC), nightly.next(at("2026-11-27T14:49", UTC)));
        assertEquals(at("2026-11-27T02:00", UTC), nightly.next(at("2026-11-27T01:59:30", UTC)));
        assertEquals(at("2026-11-28T02:00", UTC), nightly.next(at("2026-11-27T02:00", UTC)));
    }

    @Test
    void aScheduleIsDueOncePerCheckThatCrossesItsTime() {
        ScheduleEntry nightly = new ScheduleEntry("nightly", new Timing.Daily(java.time.LocalTime.of(2, 0)),
                List.of("cleanup"));
        assertTrue(nightly.isDue(at("2026-11-28T01:59:40", UTC), at("2026-11-28T02:00:10", UTC)));
        assertTrue(nightly.isDue(at("2026-11-28T01:59:40", UTC), at("2026-11-28T02:00", UTC)), "exactly on time");
        assertFalse(nightly.isDue(at("2026-11-28T02:00", UTC), at("2026-11-28T02:00:30", UTC)),
                "the next check does not run it again");
        assertFalse(nightly.isDue(at("2026-11-28T01:00", UTC), at("2026-11-28T01:59:59", UTC)));
    }

    @Test
    void theFilesSchedulesAreReadInFileOrderWithTheirJobs() {
        String file = """
                mailbox team {
                    host "imap.example.com" port 993 tls
                    user "sales@example.com"
                    password from secret "team"
                }
                rules routing for team in "INBOX" {
                    rule bounces when from contains "mailer-daemon" then flag
                }
                retention cleanup for team {
                    in "INBOX" keep 30 days then delete
                }
                schedule often every 15 minutes run routing
                schedule nightly daily at 2:00 run cleanup, routing
                schedule weekly cron "30 3 * * 0" run cleanup
                """;
        List<ScheduleEntry> schedules = Schedules.of(new RulesFiles().parse(file));
        assertEquals(List.of("often", "nightly", "weekly"), schedules.stream().map(ScheduleEntry::name).toList());
        assertEquals(List.of("cleanup", "routing"), schedules.get(1).jobs());
        assertEquals("daily at 02:00", schedules.get(1).timing().describe());
        assertEquals("cron \"30 3 * * 0\"", schedules.get(2).timing().describe());
        ZonedDateTime now = at("2026-11-27T14:49", UTC);
        assertEquals(List.of(at("2026-11-27T15:00", UTC), at("2026-11-28T02:00", UTC), at("2026-11-29T03:30", UTC)),
                schedules.stream().map(schedule -> schedule.nextRun(now)).toList());
    }
}
