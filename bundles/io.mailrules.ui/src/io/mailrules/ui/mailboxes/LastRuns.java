package io.mailrules.ui.mailboxes;

import java.util.Comparator;
import java.util.Optional;

import io.mailrules.core.journal.store.RunHistory;
import io.mailrules.core.journal.store.RunHistoryEntry;

/**
 * The newest journaled run on a mailbox's account, preferring runs of the mailbox's own rules file. Another file
 * may give the same name to another account, so a run counts only where {@link RunHistoryEntry#concerns} says so.
 */
final class LastRuns {

    private LastRuns() {
    }

    static Optional<RunHistoryEntry> of(RunHistory history, MailboxEntry mailbox) {
        if (mailbox.settings().isEmpty()) {
            return Optional.empty();
        }
        String account = mailbox.settings().get().account().key();
        Comparator<RunHistoryEntry> ownFileFirstThenNewest = Comparator
                .comparing((RunHistoryEntry run) -> run.sourceFile().equals(mailbox.sourceFile()))
                .thenComparing(RunHistoryEntry::startedAt);
        return history.runs().stream().filter(run -> run.concerns(mailbox.name(), account, mailbox.sourceFile()))
                .max(ownFileFirstThenNewest);
    }
}
