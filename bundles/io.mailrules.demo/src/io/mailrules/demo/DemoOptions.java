package io.mailrules.demo;

import java.time.Clock;
import java.time.LocalDate;

/**
 * How the demo server is set up.
 *
 * @param port the IMAP port on loopback; 0 picks a free one
 * @param messagesPerMailbox how many messages each demo mailbox starts with
 * @param today the day the generated mail is dated back from, so that retention rules always find old mail
 * @param seed the generator's seed: the same seed and day give the same mailbox
 */
public record DemoOptions(int port, int messagesPerMailbox, LocalDate today, long seed) {

    public static final int DEFAULT_MESSAGES_PER_MAILBOX = 300;
    private static final long DEFAULT_SEED = 20261127L;

    public DemoOptions {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0 (any free port) or 1-65535, was " + port);
        }
        if (messagesPerMailbox < 0) {
            throw new IllegalArgumentException("messagesPerMailbox must not be negative, was " + messagesPerMailbox);
        }
    }

    /** A free port, the default mailbox size, mail dated back from the clock's today. */
    public static DemoOptions defaults(Clock clock) {
        return new DemoOptions(0, DEFAULT_MESSAGES_PER_MAILBOX, LocalDate.now(clock), DEFAULT_SEED);
    }

    public DemoOptions withPort(int newPort) {
        return new DemoOptions(newPort, messagesPerMailbox, today, seed);
    }

    public DemoOptions withMessagesPerMailbox(int count) {
        return new DemoOptions(port, count, today, seed);
    }
}
