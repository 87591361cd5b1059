package io.mailrules.imap;

import io.mailrules.core.plan.UidSet;
import io.mailrules.core.run.UidMapping;
import io.mailrules.core.search.SearchKey;
import io.mailrules.core.source.MailboxException;
import io.mailrules.core.source.MessageHeaders;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Finds messages in a folder by Message-ID, for when their UIDs there are unknown: the server sent no COPYUID, or a
 * crash cut the answer off. One UID SEARCH of OR-ed HEADER keys per group of IDs and one FETCH of the Message-ID field
 * for what it found, never a command per message.
 * <p>
 * A Message-ID names a message, not one copy of it: the folder may hold an older copy, and one mailbox may hold two
 * messages with the same ID. So only UIDs the caller names as candidates (those that arrived since the batch was
 * sent) are considered, and messages are paired only where the candidates with an ID are exactly as many as the
 * messages sought with it; the server numbers what a COPY or MOVE brings in the order of the source UIDs, so equal
 * counts pair up in UID order. Where the counts differ, none of that ID is paired: which is which cannot be told.
 */
final class MessageIdLocator {

    /** HEADER keys per SEARCH: Message-IDs are short, so this stays well within any server's line limit. */
    private static final int IDS_PER_SEARCH = 25;

    /**
     * @param found each sought UID paired with the UID of its message in the folder
     * @param ambiguous sought UIDs whose Message-ID the candidates hold, but not exactly once per sought message
     */
    record Pairing(UidMapping found, UidSet ambiguous) {
    }

    private MessageIdLocator() {
    }

    /**
     * @param sought Message-IDs by the UID (in whatever folder) that names them to the caller
     * @param candidates the folder's UIDs that may be paired; messages outside it are never taken for sought ones
     */
    static Pairing pair(ImapFolderReader reader, Map<Long, String> sought, UidSet candidates)
            throws MailboxException {
        Map<String, TreeSet<Long>> soughtById = new TreeMap<>();
        sought.forEach((uid, id) -> soughtById.computeIfAbsent(id.strip(), key -> new TreeSet<>()).add(uid));
        Map<String, TreeSet<Long>> candidatesById = candidatesById(reader, soughtById.keySet(), candidates);
        UidMapping.Builder mapping = UidMapping.builder();
        UidSet.Builder ambiguous = UidSet.builder();
        soughtById.forEach((id, sources) -> {
            TreeSet<Long> targets = candidatesById.getOrDefault(id, new TreeSet<>());
            if (targets.size() == sources.size()) {
                Iterator<Long> target = targets.iterator();
                sources.forEach(source -> mapping.map(source, target.next()));
            } else if (!targets.isEmpty()) {
                sources.forEach(ambiguous::add);
            }
        });
        return new Pairing(mapping.build(), ambiguous.build());
    }

    /** Of the candidates, those whose Message-ID is one of {@code ids}, by ID, in UID order. */
    private static Map<String, TreeSet<Long>> candidatesById(ImapFolderReader reader, Set<String> ids,
            UidSet candidates) throws MailboxException {
        Map<String, TreeSet<Long>> byId = new TreeMap<>();
        if (ids.isEmpty() || candidates.isEmpty()) {
            return byId;
        }
        UidSet found = search(reader, new ArrayList<>(ids)).intersect(candidates);
        if (!found.isEmpty()) {
            for (MessageHeaders message : reader.fetchHeaders(found, Set.of("Message-ID"))) {
                // SEARCH HEADER matches substrings, case-insensitively: only the exact ID counts.
                message.messageId().map(String::strip).filter(ids::contains)
                        .ifPresent(id -> byId.computeIfAbsent(id, key -> new TreeSet<>()).add(message.uid()));
            }
        }
        return byId;
    }

    private static UidSet search(ImapFolderReader reader, List<String> ids) throws MailboxException {
        UidSet.Builder found = UidSet.builder();
        for (int start = 0; start < ids.size(); start += IDS_PER_SEARCH) {
            SearchKey key = null;
            for (String id : ids.subList(start, Math.min(ids.size(), start + IDS_PER_SEARCH))) {
                SearchKey header = new SearchKey.Header("Message-ID", id);
                key = key == null ? header : SearchKey.or(header, key);
            }
            found.addAll(reader.search(key));
        }
        return found.build();
    }
}
