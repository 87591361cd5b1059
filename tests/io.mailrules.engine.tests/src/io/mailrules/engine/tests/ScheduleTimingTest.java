package io.mailrules.engine.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.mailrules.dsl.analysis.CronExpression;
import io.mailrules.engine.schedule.ScheduleEntry;
import io.mailrules.engine.schedule.ScheduleException;
import io.mailrules.engine.schedule.Schedules;
import io.mailrules.engine.schedule.Timing;

/**
 * When the schedules of a rules file fire next, as both the workbench and {@code mailrules serve} run them: the three
 * timings of the language and serve's {@code --every}. Cron itself is {@link CronExpressionTest}'s.
 */
class ScheduleTimingTest {

    private static final ZoneId UTC = ZoneId.of("UTC");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private static final String HEADER = """
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
            """;

    private static ZonedDateTime at(String localDateTime, ZoneId zone) {
        return LocalDateTime.parse(localDateTime).atZone(zone);
    }

    private static ZonedDateTime next(Timing timing, ZonedDateTime after) {
        return timing.next(after).orElseThrow();
    }

    @Test
    void intervalsAreCountedFromMidnight() {
        Timing every15 = new Timing.Every(Duration.ofMinutes(15));
        assertEquals(at("2026-11-27T15:00", UTC), next(every15, at("2026-11-27T14:49", UTC)));
        assertEquals(at("2026-11-27T15:15", UTC), next(every15, at("2026-11-27T15:00", UTC)));
        Timing every7h = new Timing.Every(Duration.ofHours(7));
        assertEquals(at("2026-11-28T00:00", UTC), next(every7h, at("2026-11-27T21:30", UTC)),
                "the day's slots are 00, 07, 14, 21; then midnight");
        assertEquals("every 7 hours", every7h.describe());
        assertEquals("every 1 hour", new Timing.Every(Duration.ofHours(1)).describe());
        assertEquals("every 15 minutes", every15.describe());
        assertThrows(IllegalArgumentException.class, () -> new Timing.Every(Duration.ofHours(25)));
        assertThrows(IllegalArgumentException.class, () -> new Timing.Every(Duration.ofSeconds(30)));
    }

    @Test
    void serveEveryOptionCountsFromServesStart() {
        Instant start = Instant.parse("2026-11-27T14:49:07Z");
        Timing every = new Timing.EverySince(Duration.ofSeconds(30), start);
        assertEquals(at("2026-11-27T14:49:37", UTC), next(every, at("2026-11-27T14:49:07", UTC)),
                "the first firing is one interval after the start");
        assertEquals(at("2026-11-27T14:50:37", UTC), next(every, at("2026-11-27T14:50:20", UTC)));
        assertEquals(at("2026-11-27T14:49:07", UTC), next(every, at("2026-11-27T14:00", UTC)),
                "before the start, the start itself");
        assertEquals("every 30 seconds", every.describe());
        assertEquals("every 2 hours", new Timing.EverySince(Duration.ofHours(2), start).describe());
        assertThrows(IllegalArgumentException.class, () -> new Timing.EverySince(Duration.ZERO, start));
    }

    @Test
    void dailyRunsTodayIfTheTimeIsStillAheadElseTomorrow() {
        Timing nightly = new Timing.Daily(LocalTime.of(2, 0));
        assertEquals(at("2026-11-28T02:00", UTC), next(nightly, at("2026-11-27T14:49", UTC)));
        assertEquals(at("2026-11-27T02:00", UTC), next(nightly, at("2026-11-27T01:59:30", UTC)));
        assertEquals(at("2026-11-28T02:00", UTC), next(nightly, at("2026-11-27T02:00", UTC)));
        assertEquals("daily at 02:00", nightly.describe());
    }

    @Test
    void dailyOnADaySkippingItsTimeRunsRightAfterTheGap() {
        // Berlin skips 02:00-03:00 on 2027-03-28
        Timing nightly = new Timing.Daily(LocalTime.of(2, 30));
        ZonedDateTime skipped = next(nightly, at("2027-03-27T12:00", BERLIN));
        assertEquals("2027-03-28T03:30+02:00", skipped.toOffsetDateTime().toString());
        assertEquals("2027-03-29T02:30+02:00", next(nightly, skipped).toOffsetDateTime().toString());
    }

    @Test
    void aScheduleIsDueOncePerCheckThatCrossesItsTime() {
        ScheduleEntry nightly = new ScheduleEntry("nightly", 1, new Timing.Daily(LocalTime.of(2, 0)),
                List.of("cleanup"));
        assertTrue(nightly.isDue(at("2026-11-28T01:59:40", UTC), at("2026-11-28T02:00:10", UTC)));
        assertTrue(nightly.isDue(at("2026-11-28T01:59:40", UTC), at("2026-11-28T02:00", UTC)), "exactly on time");
        assertFalse(nightly.isDue(at("2026-11-28T02:00", UTC), at("2026-11-28T02:00:30", UTC)),
                "the next check does not run it again");
        assertFalse(nightly.isDue(at("2026-11-28T01:00", UTC), at("2026-11-28T01:59:59", UTC)));
    }

    @Test
    void aScheduleNoDateMatchesIsNeverDue() {
        ScheduleEntry never = new ScheduleEntry("never", 1, new Timing.Cron(CronExpression.parse("0 0 30 2 *")),
                List.of("cleanup"));
        assertEquals(Optional.empty(), never.nextRun(at("2026-11-27T14:49", UTC)));
        assertFalse(never.isDue(at("2026-11-27T14:49", UTC), at("2030-01-01T00:00", UTC)));
    }

    @Test
    void theFilesSchedulesAreReadInFileOrderWithTheirJobsAndLines() {
        String file = HEADER + """
                schedule often every 15 minutes run routing
                schedule nightly daily at 2:00 run cleanup, routing
                schedule weekly cron "30 3 * * 0" run cleanup
                """;
        List<ScheduleEntry> schedules = Schedules.of(new RulesFiles().parse(file));
        assertEquals(List.of("often", "nightly", "weekly"), schedules.stream().map(ScheduleEntry::name).toList());
        assertEquals(List.of(12, 13, 14), schedules.stream().map(ScheduleEntry::line).toList());
        assertEquals(List.of("cleanup", "routing"), schedules.get(1).jobs());
        assertEquals("every 15 minutes", schedules.get(0).timing().describe());
        assertEquals("daily at 02:00", schedules.get(1).timing().describe());
        assertEquals("cron \"30 3 * * 0\"", schedules.get(2).timing().describe());
        ZonedDateTime now = at("2026-11-27T14:49", UTC);
        assertEquals(List.of(at("2026-11-27T15:00", UTC), at("2026-11-28T02:00", UTC), at("2026-11-29T03:30", UTC)),
                schedules.stream().map(schedule -> schedule.nextRun(now).orElseThrow()).toList());
    }

    @Test
    void anUnreadableTimingIsNamedWithItsScheduleAndLine() {
        String file = HEADER + """
                schedule nightly daily at 02:00 run routing
                schedule weekly cron "61 3 * * 0" run routing
                """;
        ScheduleException problem = assertThrows(ScheduleException.class,
                () -> Schedules.of(new RulesFiles().parse(file)));
        assertEquals(13, problem.line());
        assertEquals("schedule 'weekly': the minute field value 61 is outside 0..59", problem.getMessage());
    }
}
