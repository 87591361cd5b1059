package io.mailrules.cli.serve;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.mailrules.cli.execution.ProgressReporter;

/**
 * The structured log of {@code serve}: one {@code key=value} line per event, each starting with its time, so that
 * journald, a log file or a log shipper can split and search it.
 */
public final class ServeLog {

    private final PrintStream stream;
    private final Clock clock;

    public ServeLog(PrintStream stream, Clock clock) {
        this.stream = stream;
        this.clock = clock;
    }

    public void line(Object... keysAndValues) {
        List<Object> fields = new ArrayList<>(List.of("time", Instant.now(clock).toString()));
        fields.addAll(List.of(keysAndValues));
        stream.println(ProgressReporter.fields(fields.toArray()));
    }

    void scheduled(ServedSchedule schedule, Optional<Instant> next) {
        line("event", "scheduled", "schedule", schedule.name(), "timing", schedule.timing().describe(), "jobs",
                String.join(",", schedule.jobs()), "next", next.map(Instant::toString).orElse("never"));
    }
}
