package io.mailrules.cli.log;

import java.io.PrintStream;
import java.time.Clock;
import java.util.Objects;

/**
 * The log of a command that works on mailboxes ({@code run}, {@code apply}, {@code undo}, {@code resume},
 * {@code serve}): everything it tells standard error, one line per event, each with its time, level and event name,
 * in the format {@code --log-format} chose. Lines are written whole, so workers of a fleet run never mix theirs.
 */
public final class Log {

    private final PrintStream stream;
    private final LogFormat format;
    private final Clock clock;

    public Log(PrintStream stream, LogFormat format, Clock clock) {
        this.stream = Objects.requireNonNull(stream, "stream");
        this.format = Objects.requireNonNull(format, "format");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public LogFormat format() {
        return format;
    }

    /** @param fields names and values in turn: {@code "mailbox", "sdr", "count", 120} */
    public void info(String event, Object... fields) {
        write(LogLevel.INFO, event, fields);
    }

    public void warn(String event, Object... fields) {
        write(LogLevel.WARN, event, fields);
    }

    public void error(String event, Object... fields) {
        write(LogLevel.ERROR, event, fields);
    }

    public void write(LogLevel level, String event, Object... fields) {
        if (fields.length % 2 != 0) {
            throw new IllegalArgumentException("log fields come in name and value pairs, got " + fields.length);
        }
        // println(String) holds the stream's lock for the text and the line break together.
        stream.println(format.line(clock.instant(), level, event, fields));
    }
}
