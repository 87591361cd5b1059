package io.mailrules.ui.mailboxes;

import java.util.List;
import java.util.Optional;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.SubMonitor;

import io.mailrules.core.source.MailboxException;
import io.mailrules.imap.FolderCounts;
import io.mailrules.imap.ImapConnector;
import io.mailrules.imap.ImapMailbox;
import io.mailrules.imap.MailboxLogin;
import io.mailrules.imap.MailboxLogins;
import io.mailrules.imap.MailboxStatusReader;
import io.mailrules.imap.QuotaUsage;
import io.mailrules.imap.ServerCapabilities;

/**
 * Test Connection: logs in and reads what the Mailboxes view shows, with read-only commands only (LIST, STATUS,
 * GETQUOTAROOT), so testing a mailbox never changes it.
 */
public final class MailboxProbe {

    /** What a successful test found. */
    public record Findings(ServerCapabilities capabilities, List<FolderCounts> folders,
            Optional<List<QuotaUsage>> quota) {
    }

    private final ImapConnector connector;
    private final MailboxLogins logins;

    public MailboxProbe(ImapConnector connector, MailboxLogins logins) {
        this.connector = connector;
        this.logins = logins;
    }

    /** @throws org.eclipse.core.runtime.OperationCanceledException when the monitor is cancelled between steps */
    public Findings probe(String mailbox, IProgressMonitor monitor) throws MailboxException, InterruptedException {
        SubMonitor progress = SubMonitor.convert(monitor, "Connecting to mailbox " + mailbox, 3);
        MailboxLogin login = logins.login(mailbox);
        try (ImapMailbox session = connector.connect(login.settings(), login.credentials())) {
            progress.split(1).subTask("Counting the messages of " + mailbox);
            MailboxStatusReader reader = new MailboxStatusReader(session);
            List<FolderCounts> folders = reader.folderCounts();
            progress.split(1).subTask("Reading the quota of " + mailbox);
            // The reader answers "no quota" both when there is none and when QUOTA is not offered.
            Optional<List<QuotaUsage>> quota = session.capabilities().quota() ? Optional.of(reader.quota())
                    : Optional.empty();
            progress.split(1);
            return new Findings(session.capabilities(), folders, quota);
        }
    }
}
