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
import java.util.Objects;
import java.util.Optional;
import java.util.PrimitiveIterator;
import java.util.Set;

/**
 * Finds where the messages of a move or copy went when the answer naming their new UIDs never came (connection cut,
 * process killed, server without UIDPLUS) or named them wrongly.
 * <p>
 * Only what arrived in the target since the batch's intent recorded its mark (UIDNEXT under an unchanged UIDVALIDITY)
 * can be the batch's: an older copy of a message in the target, or a message of another batch, is never taken for
 * it. A message whose Message-ID is known, from the plan or read from the source it is still in, is found by it (see
 * {@link MessageIdLocator}). A message that left its source without a known Message-ID (plans made to be applied at
 * once read none) is found by position: the server numbers what it moves in the order of the source UIDs, so such
 * messages are paired only when what arrived since is exactly as many as what left, and mail another client
 * delivered meanwhile is never taken for ours. Without a usable mark nothing is paired: what could be in the target
 * is said to be there unpaired rather than guessed at.
 */
final class ArrivalLocator {

    /** What the target can tell about the batch: since when its arrivals are known. */
    enum Window {
        /** The mark holds: what arrived since is told apart from what was there before. */
        MARKED,
        /** The intent recorded no mark (a journal of an earlier version, or a server that did not answer STATUS). */
        UNMARKED,
        /** The target was renumbered since the mark was taken. */
        RENUMBERED
    }

    /**
     * A move or copy as its intent recorded it.
     *
     * @param planned the Message-IDs the plan has, by source UID
     * @param move whether the batch moved (else copied) its messages
     * @param mark the target as the batch's first intent recorded it, if it did
     */
    record Transfer(String folder, long uidValidity, UidSet uids, Map<Long, String> planned, String target,
            boolean move, Optional<TargetMark> mark) {
        Transfer {
            Objects.requireNonNull(folder, "folder");
            Objects.requireNonNull(uids, "uids");
            planned = Map.copyOf(planned);
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(mark, "mark");
        }
    }

    /**
     * Where the batch's messages are now, as far as the server tells.
     *
     * @param targetUidValidity the target's UIDVALIDITY now, which the found UIDs belong to; 0 when it does not exist
     * @param found source UIDs paired exactly with their messages in the target
     * @param unpaired source UIDs that may be in the target but cannot be told apart from other mail there
     * @param inSource the batch's UIDs still in the source folder; empty when {@code sourceKnown} is false
     * @param sourceKnown false when the source folder is gone or renumbered, so it tells nothing
     */
    record Arrivals(long targetUidValidity, UidMapping found, UidSet unpaired, UidSet inSource, boolean sourceKnown,
            Window window) {
    }

    /** What the source folder holds now of a batch's messages. */
    private record Source(boolean known, UidSet present, Map<Long, String> messageIds) {
    }

    private ArrivalLocator() {
    }

    /**
     * @param claimed target UIDs already paired with other batches of the run; they are never paired again
     * @throws FolderNotFoundException when the target does not exist
     */
    static Arrivals find(ImapMailbox session, Transfer transfer, UidSet claimed) throws MailboxException {
        Map<Long, String> planned = new HashMap<>();
        transfer.planned().forEach((uid, id) -> {
            if (transfer.uids().contains(uid)) {
                planned.put(uid, id);
            }
        });
        UidSet.Builder identified = UidSet.builder();
        planned.keySet().forEach(identified::add);
        Source source = readSource(session, transfer, transfer.uids().minus(identified.build()));
        Map<Long, String> ids = new HashMap<>(planned);
        ids.putAll(source.messageIds());
        // With MOVE a message is in one folder or the other: one still in the source was not moved. Without MOVE a
        // cut between the copy and the expunge leaves it in both, so it is sought in the target too.
        UidSet sought = transfer.move() && session.capabilities().move() && source.known()
                ? transfer.uids().minus(source.present())
                : transfer.uids();
        Map<Long, String> byId = new HashMap<>();
        ids.forEach((uid, id) -> {
            if (sought.contains(uid)) {
                byId.put(uid, id);
            }
        });
        UidSet.Builder withId = UidSet.builder();
        byId.keySet().forEach(withId::add);
        UidSet byPosition = sought.minus(withId.build());
        if (transfer.move()) {
            // Only what surely left its source can be paired with what arrived; a copy always arrives.
            byPosition = source.known() ? byPosition.minus(source.present()) : UidSet.empty();
        }
        return locate(session, transfer, byId, byPosition, claimed, source);
    }

    /**
     * Where the batch's messages are when its target does not exist (any more): only its source can tell.
     */
    static Arrivals withoutTarget(ImapMailbox session, Transfer transfer) throws MailboxException {
        Source source = readSource(session, transfer, UidSet.empty());
        return new Arrivals(0, UidMapping.empty(), UidSet.empty(), source.present(), source.known(), Window.MARKED);
    }

    /**
     * Which of the batch's UIDs are still in its folder, and the Message-IDs of those of them in {@code unidentified}.
     * A folder that is gone or renumbered tells nothing.
     */
    private static Source readSource(ImapMailbox session, Transfer transfer, UidSet unidentified)
            throws MailboxException {
        try (ImapFolderReader reader = session.openReader(transfer.folder())) {
            if (reader.snapshot().uidValidity() != transfer.uidValidity()) {
                return new Source(false, UidSet.empty(), Map.of());
            }
            UidSet present = reader.present(transfer.uids());
            Map<Long, String> ids = new HashMap<>();
            UidSet toRead = present.intersect(unidentified);
            if (!toRead.isEmpty()) {
                for (MessageHeaders message : reader.fetchHeaders(toRead, Set.of("Message-ID"))) {
                    message.messageId().ifPresent(id -> ids.put(message.uid(), id));
                }
            }
            return new Source(true, present, ids);
        } catch (FolderNotFoundException e) {
            return new Source(false, UidSet.empty(), Map.of());
        }
    }

    /**
     * @param byId Message-IDs by source UID, of the messages sought by them
     * @param byPosition source UIDs sought by where they arrived
     * @throws FolderNotFoundException when the target does not exist
     */
    private static Arrivals locate(ImapMailbox session, Transfer transfer, Map<Long, String> byId,
            UidSet byPosition, UidSet claimed, Source source) throws MailboxException {
        try (ImapFolderReader reader = session.openReader(transfer.target())) {
            FolderSnapshot now = reader.snapshot();
            Optional<TargetMark> mark = transfer.mark();
            Window window = mark.isEmpty()
                    ? Window.UNMARKED
                    : mark.get().uidValidity() == now.uidValidity() ? Window.MARKED : Window.RENUMBERED;
            if (window != Window.MARKED) {
                // Which of the target's messages are ours cannot be told: say which could be there, pair none.
                MessageIdLocator.Pairing anywhere = MessageIdLocator.pair(reader, byId,
                        UidSet.range(UidSet.MIN_UID, UidSet.MAX_UID).minus(claimed));
                UidSet couldBeThere = anywhere.found().sources().union(anywhere.ambiguous()).union(byPosition);
                return new Arrivals(now.uidValidity(), UidMapping.empty(), couldBeThere, source.present(),
                        source.known(), window);
            }
            long since = mark.get().uidNext();
            UidSet candidates = since <= UidSet.MAX_UID
                    ? UidSet.range(since, UidSet.MAX_UID).minus(claimed)
                    : UidSet.empty();
            MessageIdLocator.Pairing pairing = MessageIdLocator.pair(reader, byId, candidates);
            UidSet unpaired = pairing.ambiguous();
            UidMapping found = pairing.found();
            if (!byPosition.isEmpty() && now.uidNext() > since) {
                UidSet arrived = reader.search(new SearchKey.Uid(UidSet.range(since, now.uidNext() - 1)))
                        .intersect(candidates).minus(found.targets());
                if (pairing.ambiguous().isEmpty() && arrived.size() == byPosition.size()) {
                    found = withPositions(found, byPosition, arrived);
                } else if (!arrived.isEmpty()) {
                    unpaired = unpaired.union(byPosition);
                }
            }
            return new Arrivals(now.uidValidity(), found, unpaired, source.present(), source.known(), window);
        }
    }

    private static UidMapping withPositions(UidMapping byId, UidSet sources, UidSet targets) {
        UidMapping.Builder mapping = UidMapping.builder();
        for (long source : byId.sources()) {
            mapping.map(source, byId.targetOf(source).getAsLong());
        }
        PrimitiveIterator.OfLong target = targets.iterator();
        for (long source : sources) {
            mapping.map(source, target.nextLong());
        }
        return mapping.build();
    }
}
