package io.mailrules.ui.mailboxes;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.SubMonitor;

import io.mailrules.core.source.MailboxException;
import io.mailrules.imap.FolderStatus;
import io.mailrules.imap.ImapConnector;
import io.mailrules.imap.ImapMailbox;
import io.mailrules.imap.MailboxLogin;
import io.mailrules.imap.MailboxLogins;
import io.mailrules.imap.QuotaUsage;
import io.mailrules.imap.ServerCapabilities;

/**
 * Test Connection: logs in and reads what the Mailboxes view shows, with read-only commands only (LIST, STATUS,
 * GETQUOTAROOT), so testing a mailbox never changes it.
 */
public final class MailboxProbe {

    /** What a successful test found. */
    public record Findings(ServerCapabilities capabilities, List<FolderStatus> folders,
            Optional<List<QuotaUsage>> quota) {
    }

    private final ImapConnector connector;
    private final MailboxLogins logins;

    public MailboxProbe(ImapConnector connector, MailboxLogins logins) {
        this.connector = connector;
        this.logins = logins;
    }

    public Findings probe(String mailbox, IProgressMonitor monitor) throws MailboxException, InterruptedException {
        SubMonitor progress = SubMonitor.convert(monitor, "Connecting to mailbox " + mailbox, 10);
        MailboxLogin login = logins.login(mailbox);
        try (ImapMailbox session = connector.connect(login.settings(), login.credentials())) {
            progress.worked(2);
            progress.subTask("Listing the folders of " + mailbox);
            Map<String, Set<String>> listed = session.listFolders();
            SubMonitor perFolder = progress.split(7).setWorkRemaining(listed.size());
            List<FolderStatus> folders = new ArrayList<>();
            for (Map.Entry<String, Set<String>> folder : listed.entrySet()) {
                if (perFolder.isCanceled()) {
                    throw new OperationCanceledException();
                }
                perFolder.subTask("Counting " + folder.getKey());
                // A \Noselect folder is only a level of the hierarchy; STATUS on it fails.
                if (folder.getValue().stream().noneMatch(attribute -> attribute.equalsIgnoreCase("\\Noselect"))) {
                    folders.add(session.status(folder.getKey()));
                }
                perFolder.worked(1);
            }
            Optional<List<QuotaUsage>> quota = session.quota();
            progress.worked(1);
            return new Findings(session.capabilities(), folders, quota);
        }
    }
}
