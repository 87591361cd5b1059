package io.mailrules.bench.imap;

import io.mailrules.core.plan.FolderSnapshot;
import io.mailrules.core.plan.UidSet;
import io.mailrules.core.search.SearchKey;
import io.mailrules.core.source.FolderReader;
import io.mailrules.core.source.MailboxAccess;
import io.mailrules.core.source.MailboxException;
import io.mailrules.core.source.MessageHeaders;
import io.mailrules.core.source.ServerFolders;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * The planner's port to the server with a stopwatch on every call, so the dry run's IMAP time (connect, LIST,
 * STATUS, EXAMINE, SEARCH, FETCH) can be told apart from the time the engine spends on its own. The connector reads
 * a folder's snapshot by STATUS and opens the folder (EXAMINE) with its first search or fetch, so that call's time
 * includes the EXAMINE. Searches the connector runs side by side count once in the total (see {@link ImapTimer}).
 */
final class TimedAccess implements MailboxAccess {

    private final MailboxAccess access;
    private final ImapTimer timer;

    TimedAccess(MailboxAccess access, ImapTimer timer) {
        this.access = access;
        this.timer = timer;
    }

    @Override
    public ServerFolders folders(String mailbox) throws MailboxException {
        return timer.time("connect + LIST", () -> access.folders(mailbox));
    }

    @Override
    public FolderReader open(String mailbox, String folder) throws MailboxException {
        return new TimedReader(timer.time("open " + folder, () -> access.open(mailbox, folder)));
    }

    private final class TimedReader implements FolderReader {
        private final FolderReader reader;

        TimedReader(FolderReader reader) {
            this.reader = reader;
        }

        @Override
        public FolderSnapshot snapshot() throws MailboxException {
            return timer.time("snapshot (STATUS)", reader::snapshot);
        }

        @Override
        public UidSet search(SearchKey key) throws MailboxException {
            return timer.time("SEARCH " + key, () -> reader.search(key));
        }

        @Override
        public int searchesAtOnce(long messages) {
            return reader.searchesAtOnce(messages);
        }

        @Override
        public CompletableFuture<UidSet> startSearch(Optional<UidSet> within, SearchKey key) {
            return timer.timeStarted(within.map(uids -> "SEARCH within " + uids.size() + " ").orElse("SEARCH ") + key,
                    () -> reader.startSearch(within, key));
        }

        @Override
        public UidSet searchWithin(UidSet uids, SearchKey key) throws MailboxException {
            return timer.time("SEARCH within " + uids.size() + " " + key, () -> reader.searchWithin(uids, key));
        }

        @Override
        public List<MessageHeaders> fetchHeaders(UidSet uids, Set<String> headerFieldNames) throws MailboxException {
            return timer.time("FETCH " + headerFieldNames + " of " + uids.size(), () -> reader.fetchHeaders(uids, headerFieldNames));
        }

        @Override
        public void close() {
            timer.time("close folder", () -> {
                reader.close();
                return null;
            });
        }
    }
}
