package io.mailrules.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.mailrules.cli.execution.StopSignal;
import io.mailrules.cli.log.Log;
import io.mailrules.cli.log.LogFormat;
import io.mailrules.cli.serve.ScheduleLoop;
import io.mailrules.cli.serve.ServeLog;
import io.mailrules.cli.serve.ServedSchedule;
import io.mailrules.dsl.analysis.CronExpression;
import io.mailrules.engine.schedule.Timing;

/** The order and times schedules fire in, on a clock the test moves instead of waiting. */
class ScheduleLoopTest {

    private static final Instant START = Instant.parse("2026-11-27T23:50:00Z");

    /** A clock that the waiter moves to the instant waited for and the firings move by their run time. */
    private static final class MovedClock extends Clock {
        Instant now = START;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void schedulesFireInTimeOrderAndALongRunSkipsMissedFirings() throws Exception {
        MovedClock clock = new MovedClock();
        StopSignal stop = new StopSignal();
        ByteArrayOutputStream logged = new ByteArrayOutputStream();
        ServeLog log = new ServeLog(new Log(new PrintStream(logged, true, StandardCharsets.UTF_8), LogFormat.TEXT,
                clock));
        List<ServedSchedule> schedules = List.of(
                new ServedSchedule("often", "f:1", new Timing.Every(Duration.ofMinutes(10)), List.of("routing")),
                new ServedSchedule("nightly", "f:2", new Timing.Daily(LocalTime.of(0, 5)), List.of("cleanup")),
                new ServedSchedule("weekly", "f:3", new Timing.Cron(CronExpression.parse("30 0 * * 6")),
                        List.of("archive")));
        List<String> fired = new ArrayList<>();
        // like the real waiter: a time already past is not waited for
        ScheduleLoop.Waiter waiter = when -> {
            clock.now = when.isAfter(clock.now) ? when : clock.now;
            return true;
        };

        int count = new ScheduleLoop(clock, waiter, stop, log).run(schedules, (schedule, due) -> {
            fired.add(schedule.name() + "@" + due);
            // the 00:00 run of 'often' takes 25 minutes: 00:10 and 00:20 are not made up for
            clock.now = clock.now.plus(due.equals(Instant.parse("2026-11-28T00:00:00Z")) ? Duration.ofMinutes(25)
                    : Duration.ofSeconds(30));
            if (fired.size() == 5) {
                stop.stop();
            }
        });

        assertEquals(5, count);
        // nightly was due during the long run and fires right after it; ties go to the schedule declared first
        assertEquals(List.of("often@2026-11-28T00:00:00Z", "nightly@2026-11-28T00:05:00Z",
                "often@2026-11-28T00:30:00Z", "weekly@2026-11-28T00:30:00Z", "often@2026-11-28T00:40:00Z"), fired);
        String text = logged.toString(StandardCharsets.UTF_8);
        // the log's time is the clock's
        assertTrue(text.contains("time=2026-11-27T23:50:00.000Z level=info event=scheduled schedule=often"), text);
        assertTrue(text.contains(" level=info event=scheduled schedule=weekly timing=\"cron \\\"30 0 * * 6\\\"\""
                + " jobs=archive next=2026-11-28T00:30:00Z"), text);
    }

    @Test
    void aStopDuringTheWaitEndsTheLoopWithoutFiring() throws Exception {
        MovedClock clock = new MovedClock();
        StopSignal stop = new StopSignal();
        ServeLog log = new ServeLog(new Log(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                LogFormat.TEXT, clock));
        ScheduleLoop.Waiter stoppedWhileWaiting = when -> {
            stop.stop();
            return false;
        };
        int count = new ScheduleLoop(clock, stoppedWhileWaiting, stop, log).run(List.of(new ServedSchedule("often",
                "f:1", new Timing.EverySince(Duration.ofMinutes(10), START), List.of("routing"))), (schedule, due) -> {
                    throw new AssertionError("fired after a stop");
                });
        assertEquals(0, count);
    }

    @Test
    void theRealWaiterReturnsAtOnceOnAStop() throws Exception {
        StopSignal stop = new StopSignal();
        Clock system = Clock.systemUTC();
        new Thread(stop::stop).start();
        long started = System.nanoTime();
        boolean reached = ScheduleLoop.sleeping(system, stop).waitUntil(system.instant().plus(Duration.ofMinutes(5)));
        assertEquals(false, reached);
        assertTrue(Duration.ofNanos(System.nanoTime() - started).toSeconds() < 30);
    }
}
