package io.mailrules.cli.serve;

import java.time.Instant;
import java.util.Optional;

import io.mailrules.cli.fleet.MailboxOutcome;
import io.mailrules.cli.fleet.MailboxOutcomeLog;
import io.mailrules.cli.fleet.UndecidedLog;
import io.mailrules.cli.log.Log;
import io.mailrules.cli.log.LogLevel;
import io.mailrules.engine.UndecidedMessage;

/**
 * The events of {@code serve} in its log, so that journald, a log file or a log shipper can split and search them:
 * start, each schedule's next firing, each firing, job and mailbox, the stop.
 */
public final class ServeLog {

    private final Log log;

    public ServeLog(Log log) {
        this.log = log;
    }

    public void info(String event, Object... fields) {
        log.info(event, fields);
    }

    public void warn(String event, Object... fields) {
        log.warn(event, fields);
    }

    public void error(String event, Object... fields) {
        log.error(event, fields);
    }

    public void write(LogLevel level, String event, Object... fields) {
        log.write(level, event, fields);
    }

    void scheduled(ServedSchedule schedule, Optional<Instant> next) {
        log.info("scheduled", "schedule", schedule.name(), "timing", schedule.timing().describe(), "jobs",
                String.join(",", schedule.jobs()), "next", next.map(Instant::toString).orElse("never"));
    }

    void mailbox(ServedSchedule schedule, String job, MailboxOutcome outcome) {
        MailboxOutcomeLog.write(log, outcome, "schedule", schedule.name(), "job", job);
    }

    void undecided(ServedSchedule schedule, String job, UndecidedMessage message) {
        UndecidedLog.write(log, message, "schedule", schedule.name(), "job", job);
    }
}
