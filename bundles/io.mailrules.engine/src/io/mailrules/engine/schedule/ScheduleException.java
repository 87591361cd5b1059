package io.mailrules.engine.schedule;

/** A schedule whose timing cannot be read; the message names the schedule, {@link #line()} where it is declared. */
public final class ScheduleException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final int line;

    public ScheduleException(int line, String message, Throwable cause) {
        super(message, cause);
        this.line = line;
    }

    public int line() {
        return line;
    }
}
