package io.mailrules.imap;

import io.mailrules.core.source.MailboxException;
import jakarta.mail.MessagingException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.angus.mail.iap.Argument;
import org.eclipse.angus.mail.iap.Response;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.protocol.Status;

/**
 * What an operator wants to know about a logged-in mailbox before trusting a run to it: folder sizes and quota.
 * Everything is read with STATUS and GETQUOTAROOT, so no folder is selected and nothing changes, not even
 * {@code \Recent}.
 */
public final class MailboxStatusReader {

    private final ImapMailbox mailbox;

    public MailboxStatusReader(ImapMailbox mailbox) {
        this.mailbox = mailbox;
    }

    /** Every selectable folder with its message and unseen counts, by layout path. */
    public List<FolderCounts> folderCounts() throws MailboxException {
        List<FolderCounts> counts = new ArrayList<>();
        for (Map.Entry<String, Set<String>> folder : mailbox.listFolders().entrySet()) {
            boolean selectable = folder.getValue().stream().noneMatch(attribute ->
                    attribute.equalsIgnoreCase("\\Noselect") || attribute.equalsIgnoreCase("\\NonExistent"));
            if (selectable) {
                counts.add(counts(folder.getKey()));
            }
        }
        return counts;
    }

    private FolderCounts counts(String layoutPath) throws MailboxException {
        String serverName = mailbox.folderNames().toServer(layoutPath);
        try {
            IMAPFolder root = (IMAPFolder) mailbox.store().getDefaultFolder();
            Status status = (Status) root.doCommand(protocol -> protocol.status(serverName,
                    new String[] {"MESSAGES", "UNSEEN"}));
            return new FolderCounts(layoutPath, status.total, status.unseen);
        } catch (MessagingException e) {
            throw mailbox.failures().duringCommand("read the status of folder \"" + layoutPath + "\"", e);
        }
    }

    /**
     * The quota roots of INBOX with their resources (GETQUOTAROOT).
     *
     * @return empty when the server does not offer QUOTA; callers tell "not offered" from "no limits" by
     *         {@link ServerCapabilities#quota()}
     */
    public List<QuotaUsage> quota() throws MailboxException {
        if (!mailbox.capabilities().quota()) {
            return List.of();
        }
        try {
            IMAPFolder root = (IMAPFolder) mailbox.store().getDefaultFolder();
            @SuppressWarnings("unchecked")
            List<QuotaUsage> usages = (List<QuotaUsage>) root.doCommand(protocol -> {
                Argument arguments = new Argument();
                arguments.writeString("INBOX");
                Response[] responses = protocol.command("GETQUOTAROOT", arguments);
                protocol.notifyResponseHandlers(responses);
                // A NO or BAD becomes the command's failure, with the server's text.
                protocol.handleResult(responses[responses.length - 1]);
                return QuotaAnswer.read(Arrays.asList(responses));
            });
            return usages;
        } catch (MessagingException e) {
            throw mailbox.failures().duringCommand("read the quota", e);
        }
    }
}
