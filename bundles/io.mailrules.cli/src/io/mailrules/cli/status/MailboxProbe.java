package io.mailrules.cli.status;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.mailrules.core.journal.store.RunHistoryEntry;
import io.mailrules.core.source.MailboxException;
import io.mailrules.imap.FolderCounts;
import io.mailrules.imap.ImapConnector;
import io.mailrules.imap.ImapMailbox;
import io.mailrules.imap.MailboxLogin;
import io.mailrules.imap.MailboxLogins;
import io.mailrules.imap.MailboxSettings;
import io.mailrules.imap.MailboxStatusReader;
import io.mailrules.imap.QuotaUsage;

/** Logs in to one mailbox and reads what {@code status} shows, changing nothing on the server. */
final class MailboxProbe {

    private final ImapConnector connector;
    private final MailboxLogins logins;

    MailboxProbe(ImapConnector connector, MailboxLogins logins) {
        this.connector = connector;
        this.logins = logins;
    }

    MailboxStatus probe(MailboxSettings settings, Optional<RunHistoryEntry> lastRun) {
        String server = settings.host() + ":" + settings.port();
        long started = System.nanoTime();
        ImapMailbox session;
        try {
            MailboxLogin login = logins.login(settings.name());
            session = connector.connect(login.settings(), login.credentials());
        } catch (MailboxException e) {
            return unreachable(settings, server, e.getMessage(), started, lastRun);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return unreachable(settings, server, "Mailbox " + settings.name() + ": stopped while waiting for a free"
                    + " connection to " + settings.host(), started, lastRun);
        }
        Duration connectTime = Duration.ofNanos(System.nanoTime() - started);
        try (session) {
            MailboxStatusReader reader = new MailboxStatusReader(session);
            Set<String> capabilities = session.capabilities().names();
            List<FolderCounts> folders = List.of();
            Optional<List<QuotaUsage>> quota = Optional.empty();
            Optional<String> problem = Optional.empty();
            try {
                folders = reader.folderCounts();
                quota = session.capabilities().quota() ? Optional.of(reader.quota()) : Optional.empty();
            } catch (MailboxException e) {
                problem = Optional.of(e.getMessage());
            }
            return new MailboxStatus(settings.name(), server, settings.user(), Optional.empty(), connectTime,
                    capabilities, folders, quota, problem, lastRun);
        }
    }

    private static MailboxStatus unreachable(MailboxSettings settings, String server, String error, long started,
            Optional<RunHistoryEntry> lastRun) {
        return new MailboxStatus(settings.name(), server, settings.user(), Optional.of(error),
                Duration.ofNanos(System.nanoTime() - started), Set.of(), List.of(), Optional.empty(), Optional.empty(),
                lastRun);
    }
}
