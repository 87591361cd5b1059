package io.mailrules.imap;

import io.mailrules.core.plan.UidSet;
import io.mailrules.core.run.UidMapping;
import io.mailrules.core.search.SearchKey;
import io.mailrules.core.source.MailboxException;
import io.mailrules.core.source.MessageHeaders;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds messages in a folder by Message-ID, for when their UIDs there are unknown: the server sent no COPYUID, the
 * folder was renumbered since, or a crash cut the answer off. One UID SEARCH of OR-ed HEADER keys per group of IDs
 * and one FETCH of the Message-ID field for what it found, never a command per message.
 */
final class MessageIdLocator {

    /** HEADER keys per SEARCH: Message-IDs are short, so this stays well within any server's line limit. */
    private static final int IDS_PER_SEARCH = 25;

    /**
     * @param folderUidValidity the UIDVALIDITY the found UIDs belong to
     * @param found each sought UID paired with the UID of the message with its Message-ID in the folder
     */
    record Found(long folderUidValidity, UidMapping found) {
    }

    private MessageIdLocator() {
    }

    /**
     * @param sought Message-IDs by the UID (in whatever folder) that names them to the caller
     * @param exclude UIDs of the folder that must not be paired, e.g. messages that were there before
     */
    static Found locate(ImapMailbox session, String folder, Map<Long, String> sought, UidSet exclude)
            throws MailboxException {
        try (ImapFolderReader reader = session.openReader(folder)) {
            return new Found(reader.snapshot().uidValidity(), locateIn(reader, sought, exclude));
        }
    }

    /** As {@link #locate}, in a folder already open. */
    static UidMapping locateIn(ImapFolderReader reader, Map<Long, String> sought, UidSet exclude)
            throws MailboxException {
        if (sought.isEmpty()) {
            return UidMapping.empty();
        }
        UidSet candidates = search(reader, new ArrayList<>(new HashSet<>(sought.values()))).minus(exclude);
        Map<String, Long> uidById = new HashMap<>();
        if (!candidates.isEmpty()) {
            for (MessageHeaders message : reader.fetchHeaders(candidates, Set.of("Message-ID"))) {
                // Of two messages with one Message-ID the newer is the one a move or copy brought in.
                message.messageId().ifPresent(id -> uidById.merge(id, message.uid(), Math::max));
            }
        }
        UidMapping.Builder mapping = UidMapping.builder();
        Set<Long> paired = new HashSet<>();
        sought.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry -> {
            Long target = uidById.get(entry.getValue().strip());
            if (target != null && paired.add(target)) {
                mapping.map(entry.getKey(), target);
            }
        });
        return mapping.build();
    }

    private static UidSet search(ImapFolderReader reader, List<String> ids) throws MailboxException {
        UidSet.Builder found = UidSet.builder();
        for (int start = 0; start < ids.size(); start += IDS_PER_SEARCH) {
            SearchKey key = null;
            for (String id : ids.subList(start, Math.min(ids.size(), start + IDS_PER_SEARCH))) {
                SearchKey header = new SearchKey.Header("Message-ID", id.strip());
                key = key == null ? header : SearchKey.or(header, key);
            }
            found.addAll(reader.search(key));
        }
        return found.build();
    }
}
