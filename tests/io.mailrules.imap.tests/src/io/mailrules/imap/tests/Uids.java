package io.mailrules.imap.tests;

import io.mailrules.core.plan.Batch;
import io.mailrules.core.plan.BatchCommand;
import io.mailrules.core.plan.FolderSnapshot;
import io.mailrules.core.plan.UidSet;
import io.mailrules.core.search.SearchKey;
import io.mailrules.core.source.MailboxException;
import io.mailrules.core.source.MessageHeaders;
import io.mailrules.imap.ImapFolderReader;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Arranging plans in tests: which UID a subject has, and batches over them. */
final class Uids {

    private Uids() {
    }

    static Map<String, Long> bySubject(ImapFolderReader reader) throws MailboxException {
        Map<String, Long> uids = new TreeMap<>();
        UidSet all = reader.search(SearchKey.all());
        if (all.isEmpty()) {
            return uids;
        }
        for (MessageHeaders headers : reader.fetchHeaders(all, Set.of("Subject"))) {
            uids.put(headers.subject().orElseThrow(), headers.uid());
        }
        return uids;
    }

    static UidSet of(Map<String, Long> bySubject, String... subjects) {
        UidSet.Builder uids = UidSet.builder();
        for (String subject : subjects) {
            uids.add(bySubject.get(subject));
        }
        return uids.build();
    }

    static Batch batch(String mailbox, FolderSnapshot snapshot, BatchCommand command, UidSet uids) {
        return Batch.of(0, mailbox, snapshot.folder(), snapshot.uidValidity(), command, uids);
    }
}
