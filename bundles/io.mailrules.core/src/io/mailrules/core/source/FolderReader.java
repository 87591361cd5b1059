package io.mailrules.core.source;

import io.mailrules.core.plan.FolderSnapshot;
import io.mailrules.core.plan.UidSet;
import io.mailrules.core.search.SearchKey;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Read access to one open folder, as the planner needs it: a snapshot to pin the plan's UIDs to, server-side search
 * for every condition IMAP can express, and header fields for the rest. Reading never changes the folder (no
 * {@code \Seen} is set), so a dry run leaves the mailbox exactly as it was.
 */
public interface FolderReader extends AutoCloseable {

    /** The folder's state now; a plan computed from this reader refers to these UIDs. */
    FolderSnapshot snapshot() throws MailboxException;

    /** The UIDs of the folder's messages matching {@code key}, evaluated by the server. */
    UidSet search(SearchKey key) throws MailboxException;

    /**
     * The UIDs among {@code uids} of the messages matching {@code key}. A server asked this way looks at those
     * messages only, which for keys on headers or bodies is most of what a SEARCH costs.
     */
    default UidSet searchWithin(UidSet uids, SearchKey key) throws MailboxException {
        return search(key).intersect(uids);
    }

    /**
     * Prepares for searches that each read up to {@code messages} messages and says how many of them this reader has
     * the server work on at once: more than one only where that is worth another connection to the folder. The
     * planner then starts up to that many before it waits for the first answer.
     */
    default int searchesAtOnce(long messages) {
        return 1;
    }

    /**
     * Starts {@link #searchWithin} (or {@link #search} without {@code within}) and returns its answer to come, failed
     * with the {@link MailboxException} the search would throw. A reader that searches one at a time answers before
     * returning.
     */
    default CompletableFuture<UidSet> startSearch(Optional<UidSet> within, SearchKey key) {
        try {
            UidSet found = within.isPresent() ? searchWithin(within.get(), key) : search(key);
            return CompletableFuture.completedFuture(found);
        } catch (MailboxException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /**
     * Header fields of the given messages plus UID, internal date, size and flags, without marking them read. UIDs no
     * longer in the folder are silently absent from the result.
     *
     * @param headerFieldNames field names to fetch, case-insensitive; empty fetches only UID, date, size and flags
     */
    List<MessageHeaders> fetchHeaders(UidSet uids, Set<String> headerFieldNames) throws MailboxException;

    /** Releases the folder; reading through it afterwards fails. Closing never changes the folder. */
    @Override
    default void close() {
        // Readers without a server-side resource have nothing to release.
    }
}
