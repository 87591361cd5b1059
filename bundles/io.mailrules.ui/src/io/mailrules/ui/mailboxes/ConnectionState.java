package io.mailrules.ui.mailboxes;

import java.time.Instant;
import java.util.Optional;

/**
 * What the last Test Connection of a mailbox found, as the Mailboxes view shows it.
 *
 * @param findings present once a test succeeded
 * @param failure present when the last test failed: the message names the mailbox and says what to fix
 */
public record ConnectionState(Phase phase, Optional<MailboxProbe.Findings> findings, Optional<String> failure,
        Optional<Instant> testedAt) {

    public enum Phase {
        NOT_TESTED, TESTING, CONNECTED, FAILED
    }

    public static final ConnectionState NOT_TESTED = new ConnectionState(Phase.NOT_TESTED, Optional.empty(),
            Optional.empty(), Optional.empty());

    /** Testing again keeps what the last test found on screen until the new answer comes. */
    public ConnectionState testing() {
        return new ConnectionState(Phase.TESTING, findings, failure, testedAt);
    }

    public static ConnectionState connected(MailboxProbe.Findings findings, Instant at) {
        return new ConnectionState(Phase.CONNECTED, Optional.of(findings), Optional.empty(), Optional.of(at));
    }

    public static ConnectionState failed(String failure, Instant at) {
        return new ConnectionState(Phase.FAILED, Optional.empty(), Optional.of(failure), Optional.of(at));
    }
}
