package io.mailrules.imap;

import io.mailrules.core.journal.TargetMark;
import io.mailrules.core.plan.FolderSnapshot;
import io.mailrules.core.plan.UidSet;
import io.mailrules.core.run.UidMapping;
import io.mailrules.core.search.SearchKey;
import io.mailrules.core.source.FolderNotFoundException;
import io.mailrules.core.source.MailboxException;
import io.mailrules.core.source.MessageHeaders;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.PrimitiveIterator;
import java.util.Set;

/**
 * Finds where the messages of a move or copy went when the answer naming their new UIDs never came (connection cut,
 * process killed) or named them wrongly. A message whose Message-ID is known, from the plan or read from the source
 * it is still in, is found by it. A message that left its source without a known Message-ID (plans made to be
 * applied at once read none) is found by position: the server numbers what it moves in the order of the source UIDs,
 * from the target's UIDNEXT at the time, which the batch's intent recorded. Such messages are paired only when what
 * arrived since is exactly as many as what left, so mail another client delivered meanwhile is never taken for ours.
 */
final class ArrivalLocator {

    /** What the source folder holds now of a batch's messages. */
    private record Source(UidSet present, Map<Long, String> messageIds) {

        /** The batch's messages that are no longer in the source. */
        UidSet departed(UidSet batch) {
            return batch.minus(present);
        }
    }

    private ArrivalLocator() {
    }

    /**
     * Where a batch's messages are in its target now: by Message-ID where the plan has one or the source still holds
     * the message, else by position from the intent's mark.
     *
     * @param planned the Message-IDs the plan has, by source UID
     * @throws FolderNotFoundException when the target does not exist
     */
    static MessageIdLocator.Found find(ImapMailbox session, String sourceFolder, long sourceUidValidity, UidSet uids,
            Map<Long, String> planned, String target, Optional<TargetMark> mark) throws MailboxException {
        UidSet.Builder known = UidSet.builder();
        planned.keySet().forEach(known::add);
        UidSet unidentified = uids.minus(known.build());
        // A message a server without MOVE copied before the crash is still in the source, so its Message-ID can be
        // read there and it is found in the target: it is not copied twice. One that left is found by position.
        Source source = readSource(session, sourceFolder, sourceUidValidity, uids, unidentified);
        Map<Long, String> sought = new HashMap<>(planned);
        sought.putAll(source.messageIds());
        return locate(session, target, sought, source.departed(uids).intersect(unidentified), mark);
    }

    /**
     * Which of {@code uids} are still in {@code folder}, and the Message-IDs of those of them in {@code unidentified}.
     * A folder that is gone or renumbered tells nothing: then every message counts as still there, so none is paired
     * by position.
     */
    private static Source readSource(ImapMailbox session, String folder, long uidValidity, UidSet uids, UidSet unidentified)
            throws MailboxException {
        try (ImapFolderReader reader = session.openReader(folder)) {
            if (reader.snapshot().uidValidity() != uidValidity) {
                return new Source(uids, Map.of());
            }
            UidSet present = reader.search(new SearchKey.Uid(uids)).intersect(uids);
            Map<Long, String> ids = new HashMap<>();
            UidSet toRead = present.intersect(unidentified);
            if (!toRead.isEmpty()) {
                for (MessageHeaders message : reader.fetchHeaders(toRead, Set.of("Message-ID"))) {
                    message.messageId().ifPresent(id -> ids.put(message.uid(), id));
                }
            }
            return new Source(present, ids);
        } catch (FolderNotFoundException e) {
            return new Source(uids, Map.of());
        }
    }

    /**
     * @param sought Message-IDs by source UID
     * @param departed source UIDs that left their folder and have no known Message-ID
     * @param mark the target as the batch's intent recorded it, if it did
     * @throws FolderNotFoundException when the target does not exist
     */
    private static MessageIdLocator.Found locate(ImapMailbox session, String target, Map<Long, String> sought,
            UidSet departed, Optional<TargetMark> mark) throws MailboxException {
        try (ImapFolderReader reader = session.openReader(target)) {
            FolderSnapshot now = reader.snapshot();
            UidMapping byId = MessageIdLocator.locateIn(reader, sought, UidSet.empty());
            UidSet unpaired = departed.minus(byId.sources());
            if (mark.isEmpty() || unpaired.isEmpty() || mark.get().uidValidity() != now.uidValidity()
                    || now.uidNext() <= mark.get().uidNext()) {
                return new MessageIdLocator.Found(now.uidValidity(), byId);
            }
            UidSet arrived = reader.search(new SearchKey.Uid(UidSet.range(mark.get().uidNext(), now.uidNext() - 1)))
                    .minus(byId.targets());
            if (arrived.size() != unpaired.size() || arrived.first() < mark.get().uidNext()) {
                return new MessageIdLocator.Found(now.uidValidity(), byId);
            }
            UidMapping.Builder mapping = UidMapping.builder();
            for (long source : byId.sources()) {
                mapping.map(source, byId.targetOf(source).getAsLong());
            }
            PrimitiveIterator.OfLong targets = arrived.iterator();
            for (long source : unpaired) {
                mapping.map(source, targets.nextLong());
            }
            return new MessageIdLocator.Found(now.uidValidity(), mapping.build());
        }
    }
}
