package io.mailrules.cli.status;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import io.mailrules.cli.fleet.Parallel;
import io.mailrules.core.journal.store.RunHistoryEntry;
import io.mailrules.imap.ImapConnector;
import io.mailrules.imap.MailboxLogins;
import io.mailrules.imap.MailboxSettings;

/** Status of many mailboxes at once: one that does not answer delays only its own row. */
public final class FleetStatus {

    private final MailboxProbe probe;
    private final int parallel;

    public FleetStatus(ImapConnector connector, MailboxLogins logins, int parallel) {
        this.probe = new MailboxProbe(connector, logins);
        this.parallel = parallel;
    }

    public List<MailboxStatus> read(List<MailboxSettings> mailboxes,
            Function<MailboxSettings, Optional<RunHistoryEntry>> lastRuns) throws InterruptedException {
        return Parallel.map(mailboxes, parallel, settings -> probe.probe(settings, lastRuns.apply(settings)),
                (settings, bug) -> new MailboxStatus(settings.name(), settings.host() + ":" + settings.port(),
                        settings.user(), Optional.of("internal error: " + bug), Duration.ZERO, Set.of(), List.of(),
                        Optional.empty(), Optional.empty(), lastRuns.apply(settings)));
    }
}
