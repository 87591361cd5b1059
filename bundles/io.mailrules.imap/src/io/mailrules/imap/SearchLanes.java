package io.mailrules.imap;

import io.mailrules.core.plan.UidSet;
import io.mailrules.core.search.SearchKey;
import io.mailrules.core.source.MailboxException;
import io.mailrules.core.source.ReaderAnswers;
import io.mailrules.core.source.SnapshotChangedException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The searches and fetches of one folder over two connections: the planner's reader and, while the host has a
 * connection slot to spare, a second read-only one opened beside it. A server like Dovecot serves each connection
 * in a process of its own, and a SEARCH on headers reads every message: a large search is cut into two halves of the
 * folder's UIDs, one per connection, so it takes about half the time on a server with a core to spare, and when the
 * messages are not in memory yet, both halves are read from disk at once. Without a spare slot, or when the second
 * connection cannot be opened, all calls go over the first one, one after the other.
 *
 * <p>Every answer waits until the second connection is open or given up on, because that connection must see the
 * UIDVALIDITY the plan is pinned to: a folder renumbered in between fails every call rather than mixing two
 * numberings in one plan.
 */
final class SearchLanes implements AutoCloseable {

    interface ReaderCall<T> {
        T on(ImapFolderReader reader) throws MailboxException;
    }

    /** One reader per connection; a call takes one, and gives it back when answered. */
    private final BlockingQueue<ImapFolderReader> free = new LinkedBlockingQueue<>();
    private final ExecutorService workers;
    private final CompletableFuture<Optional<SecondConnection>> second;
    private final boolean secondWanted;
    /**
     * A search that reads messages is cut in two from this many on: half the folder size from which a second
     * connection pays (1,000 messages by default: at about 20 us a message, each half saves 10 ms against well under
     * 1 ms for the extra command).
     */
    private final long splitFrom;
    /** The folder's UIDs, asked once (an index-only SEARCH), to cut searches of the whole folder in halves. */
    private Optional<UidSet> everyUid = Optional.empty();

    private record SecondConnection(ImapFolderReader reader, HostConnectionLimiter.Permit slot) {
        void close() {
            try {
                reader.close();
            } finally {
                slot.close();
            }
        }
    }

    /**
     * @param uidValidity the UIDVALIDITY the plan is pinned to, which {@code first} reported
     * @param addConnection whether to open a second connection if the host has a slot to spare
     */
    SearchLanes(ImapMailbox mailbox, ImapFolderReader first, long uidValidity, boolean addConnection) {
        free.add(first);
        workers = Executors.newFixedThreadPool(2, Thread.ofPlatform().daemon()
                .name("mailrules-search-" + mailbox.settings().name() + "-", 1).factory());
        Optional<HostConnectionLimiter.Permit> slot = addConnection ? mailbox.spareSlot() : Optional.empty();
        secondWanted = slot.isPresent();
        splitFrom = Math.max(1, mailbox.options().secondSearchConnectionFrom() / 2);
        second = slot.isEmpty() ? CompletableFuture.completedFuture(Optional.empty())
                : CompletableFuture.supplyAsync(() -> openSecond(mailbox, first.layoutPath(), uidValidity, slot.get()),
                        workers);
    }

    private Optional<SecondConnection> openSecond(ImapMailbox mailbox, String layoutPath, long uidValidity,
            HostConnectionLimiter.Permit slot) {
        ImapFolderReader reader;
        long uidValidityNow;
        try {
            reader = mailbox.openSearchReader(layoutPath);
        } catch (MailboxException e) {
            // A server may allow fewer connections per user than our limit: the first connection does all the work.
            slot.close();
            return Optional.empty();
        }
        SecondConnection connection = new SecondConnection(reader, slot);
        try {
            uidValidityNow = reader.folderUidValidity();
        } catch (MailboxException e) {
            connection.close();
            return Optional.empty();
        }
        if (uidValidityNow != uidValidity) {
            connection.close();
            throw new CompletionException(SnapshotChangedException.whilePlanning(mailbox.settings().name(),
                    mailbox.settings().host(), layoutPath, uidValidity, uidValidityNow));
        }
        free.add(reader);
        return Optional.of(connection);
    }

    /** Not thread-safe: the planner starts searches from one thread. */
    CompletableFuture<UidSet> search(Optional<UidSet> within, SearchKey key) {
        if (!secondWanted || !key.readsMessages()
                || within.isPresent() && within.get().size() < splitFrom) {
            return start(reader -> within.isPresent() ? reader.searchWithin(within.get(), key) : reader.search(key));
        }
        UidSet scope;
        try {
            scope = within.isPresent() ? within.get() : everyUid();
        } catch (MailboxException e) {
            return CompletableFuture.failedFuture(e);
        }
        if (scope.size() < splitFrom) {
            return start(reader -> reader.search(key));
        }
        List<UidSet> halves = scope.halves();
        return start(reader -> reader.searchWithin(halves.get(0), key))
                .thenCombine(start(reader -> reader.searchWithin(halves.get(1), key)), UidSet::union);
    }

    private UidSet everyUid() throws MailboxException {
        if (everyUid.isEmpty()) {
            everyUid = Optional.of(call(reader -> reader.search(new SearchKey.All())));
        }
        return everyUid.get();
    }

    /** Runs a call on the first free connection and returns its answer to come. */
    <T> CompletableFuture<T> start(ReaderCall<T> call) {
        CompletableFuture<T> answer = CompletableFuture.supplyAsync(() -> onFreeConnection(call), workers);
        // The second connection's failure comes first: after a renumbering, the first connection's own failure
        // (the folder it had open is gone) says less.
        return second.thenCombine(answer, (opened, found) -> found);
    }

    /** Runs a call on the first free connection and waits for its answer. */
    <T> T call(ReaderCall<T> call) throws MailboxException {
        return ReaderAnswers.await(start(call));
    }

    private <T> T onFreeConnection(ReaderCall<T> call) {
        ImapFolderReader reader;
        try {
            reader = free.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while waiting for a connection to the folder");
        }
        try {
            return call.on(reader);
        } catch (MailboxException e) {
            throw new CompletionException(e);
        } finally {
            free.add(reader);
        }
    }

    /**
     * Closes the second connection and frees its slot, after what is still running on it (only when the planner
     * gave up halfway) is answered; the first connection belongs to the caller. Returns without waiting.
     */
    @Override
    public void close() {
        workers.execute(() -> {
            try {
                second.join().ifPresent(SecondConnection::close);
            } catch (CompletionException | CancellationException e) {
                // Given up on or never opened: openSecond released its slot.
            }
        });
        workers.shutdown();
    }
}
