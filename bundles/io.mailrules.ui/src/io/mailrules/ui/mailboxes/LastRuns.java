package io.mailrules.ui.mailboxes;

import java.util.Comparator;
import java.util.Optional;

import io.mailrules.core.journal.store.RunHistory;
import io.mailrules.core.journal.store.RunHistoryEntry;

/** The newest journaled run on a mailbox, preferring runs of the mailbox's own rules file. */
final class LastRuns {

    private LastRuns() {
    }

    static Optional<RunHistoryEntry> of(RunHistory history, MailboxEntry mailbox) {
        Comparator<RunHistoryEntry> ownFileFirstThenNewest = Comparator
                .comparing((RunHistoryEntry run) -> run.sourceFile().equals(mailbox.sourceFile()))
                .thenComparing(RunHistoryEntry::startedAt);
        return history.runs().stream().filter(run -> run.mailboxes().contains(mailbox.name()))
                .max(ownFileFirstThenNewest);
    }
}
