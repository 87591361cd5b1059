package io.mailrules.cli.status;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.mailrules.core.journal.store.RunHistoryEntry;
import io.mailrules.imap.FolderCounts;
import io.mailrules.imap.QuotaUsage;

/**
 * One mailbox as {@code mailrules status} reports it.
 *
 * @param connectError why the login failed; the server fields are then empty
 * @param quota the quota resources, absent when the server does not offer QUOTA
 * @param problem a failure after the login (a folder's STATUS or the quota refused), shown beside what was read
 * @param lastRun the newest run of the journal that touched the mailbox
 */
public record MailboxStatus(String mailbox, String server, String user, Optional<String> connectError,
        Duration connectTime, Set<String> capabilities, List<FolderCounts> folders, Optional<List<QuotaUsage>> quota,
        Optional<String> problem, Optional<RunHistoryEntry> lastRun) {

    public boolean connected() {
        return connectError.isEmpty();
    }

    public long messages() {
        return folders.stream().mapToLong(FolderCounts::messages).sum();
    }

    public long unseen() {
        return folders.stream().mapToLong(FolderCounts::unseen).sum();
    }
}
