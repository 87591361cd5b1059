package io.mailrules.cli.serve;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.mailrules.cli.execution.StopSignal;

/**
 * Fires schedules at their times until stopped: waits for the earliest next firing, runs it, computes that
 * schedule's next firing from the end of the run. A run that outlasts its interval does not queue up the firings it
 * missed; the schedule fires next at its first time after the run.
 */
public final class ScheduleLoop {

    /** Waits until an instant; the real one sleeps, tests move a clock instead. */
    @FunctionalInterface
    public interface Waiter {
        /** @return false when a stop was requested before {@code when} */
        boolean waitUntil(Instant when) throws InterruptedException;
    }

    /** Runs one firing of a schedule. */
    @FunctionalInterface
    public interface Firing {
        void fire(ServedSchedule schedule, Instant due) throws InterruptedException;
    }

    private final Clock clock;
    private final Waiter waiter;
    private final StopSignal stop;
    private final ServeLog log;

    public ScheduleLoop(Clock clock, Waiter waiter, StopSignal stop, ServeLog log) {
        this.clock = clock;
        this.waiter = waiter;
        this.stop = stop;
        this.log = log;
    }

    /** Waits on the stop signal, so that a stop ends the wait at once. */
    public static Waiter sleeping(Clock clock, StopSignal stop) {
        return when -> !stop.await(Duration.between(clock.instant(), when));
    }

    /** @return how many firings ran */
    public int run(List<ServedSchedule> schedules, Firing firing) throws InterruptedException {
        List<Optional<Instant>> next = new ArrayList<>();
        Instant start = clock.instant();
        for (ServedSchedule schedule : schedules) {
            Optional<Instant> first = schedule.next(start, clock.getZone());
            next.add(first);
            log.scheduled(schedule, first);
        }
        int fired = 0;
        while (!stop.isStopped()) {
            int index = earliest(next);
            if (index < 0) {
                log.warn("idle", "reason", "no schedule fires again");
                break;
            }
            ServedSchedule schedule = schedules.get(index);
            Instant due = next.get(index).orElseThrow();
            if (!waiter.waitUntil(due)) {
                break;
            }
            firing.fire(schedule, due);
            fired++;
            Instant finished = clock.instant();
            Optional<Instant> following = schedule.next(finished.isAfter(due) ? finished : due,
                    clock.getZone());
            next.set(index, following);
            log.scheduled(schedule, following);
        }
        return fired;
    }

    // Ties go to the schedule declared first, so the order of runs follows the file.
    private static int earliest(List<Optional<Instant>> next) {
        int found = -1;
        for (int i = 0; i < next.size(); i++) {
            if (next.get(i).isPresent() && (found < 0 || next.get(i).get().isBefore(next.get(found).get()))) {
                found = i;
            }
        }
        return found;
    }
}
