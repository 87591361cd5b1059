package io.mailrules.imap;

import io.mailrules.core.journal.FlagGroup;
import io.mailrules.core.journal.IntentRecord;
import io.mailrules.core.journal.store.BatchAttempt;
import io.mailrules.core.plan.BatchCommand;
import io.mailrules.core.plan.Flags;
import io.mailrules.core.plan.FolderPlan;
import io.mailrules.core.plan.FolderSnapshot;
import io.mailrules.core.plan.MailboxPlan;
import io.mailrules.core.plan.PlannedMessage;
import io.mailrules.core.plan.SystemFlag;
import io.mailrules.core.plan.UidSet;
import io.mailrules.core.run.UidMapping;
import io.mailrules.core.source.FolderNotFoundException;
import io.mailrules.core.source.MailboxException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Works out the undo of one mailbox's batches, fed in reverse run order, against the mailbox as it is now. Within
 * a plan a message is acted on only in the folder it was planned in, and a move is its last action there; so each
 * message is undone in the one folder it is in now, and a flag change is restored wherever a later move put it.
 */
final class MailboxUndoPlanner {

    private record Location(String folder, long uid) {
    }

    private final ImapMailbox session;
    private final MailboxPlan original;
    private final Map<String, Map<Long, PlannedMessage>> plannedByFolder = new HashMap<>();
    private final Map<String, Optional<FolderSnapshot>> snapshots = new HashMap<>();
    private final Map<String, FolderUndo> folders = new LinkedHashMap<>();
    /** Per source folder: where later batches of the run moved its messages. */
    private final Map<String, Map<Long, Location>> movedTo = new HashMap<>();
    /** Per source folder: messages expunged or not found, whose earlier flag changes have nothing to restore. */
    private final Map<String, UidSet> gone = new HashMap<>();
    private final List<NotRestored> notRestored = new ArrayList<>();
    /** Per target folder: UIDs later batches of the run were paired with, which earlier batches must not take. */
    private final Map<String, UidSet> claimed = new HashMap<>();

    MailboxUndoPlanner(ImapMailbox session, MailboxPlan original) {
        this.session = session;
        this.original = original;
        for (FolderPlan folder : original.folders()) {
            Map<Long, PlannedMessage> byUid = plannedByFolder.computeIfAbsent(folder.folder(), name -> new HashMap<>());
            folder.messages().forEach(message -> byUid.put(message.uid(), message));
        }
    }

    /**
     * Call for the mailbox's batches from the run's last to its first.
     *
     * @param first the batch's first intent in the run's lineage: its flags from before and its target mark hold for
     *        every attempt
     */
    void undo(BatchAttempt attempt, IntentRecord first) throws MailboxException {
        IntentRecord intent = attempt.intent();
        switch (intent.command()) {
            case BatchCommand.Move move -> undoTransfer(attempt, first, move.targetFolder(), true);
            case BatchCommand.Copy copy -> undoTransfer(attempt, first, copy.targetFolder(), false);
            case BatchCommand.AddFlags add -> {
                for (FlagGroup group : first.flagsBefore()) {
                    Flags added = minus(add.storedFlags(), group.flags());
                    if (!added.isEmpty()) {
                        restoreFlags(intent, group.uids(), new BatchCommand.RemoveFlags(added));
                    }
                }
            }
            case BatchCommand.RemoveFlags remove -> {
                for (FlagGroup group : first.flagsBefore()) {
                    Flags removed = minus(remove.storedFlags(), minus(remove.storedFlags(), group.flags()));
                    if (!removed.isEmpty()) {
                        restoreFlags(intent, group.uids(), new BatchCommand.AddFlags(removed));
                    }
                }
            }
            case BatchCommand.Expunge expunge -> {
                report(intent, intent.uids(), NotRestored.Reason.EXPUNGED, Optional.empty());
                markGone(intent.folder(), intent.uids());
            }
        }
    }

    /**
     * The moved or copied messages are found in the target by the recorded COPYUID mapping while the target keeps
     * the UIDVALIDITY recorded with it, else among what arrived there since the batch's first mark (see
     * {@link ArrivalLocator}); target UIDs that later batches took back are never paired again. A moved message
     * goes back to its folder, a copy is removed; where the fallback of a server without MOVE left a message in both
     * folders, the copy in the target is removed and the source's stays. A message of a move that is still in its
     * folder was never moved (the batch failed or was cut before it): it is not reported, and its earlier flag
     * changes are restored there. What could not be found, or not be told apart from other mail, is reported.
     */
    private void undoTransfer(BatchAttempt attempt, IntentRecord first, String target, boolean moved)
            throws MailboxException {
        IntentRecord intent = attempt.intent();
        Optional<FolderSnapshot> now = snapshot(target);
        boolean mappingHolds = now.isPresent() && attempt.copyUid().isPresent()
                && attempt.targetUidValidity().isPresent()
                && attempt.targetUidValidity().getAsLong() == now.get().uidValidity();
        UidMapping located = mappingHolds ? attempt.copyUid().get() : UidMapping.empty();
        UidSet rest = intent.uids().minus(located.sources());
        ArrivalLocator.Arrivals arrivals = null;
        if (!rest.isEmpty()) {
            ArrivalLocator.Transfer transfer = new ArrivalLocator.Transfer(intent.folder(), intent.uidValidity(),
                    rest, plannedIds(intent.folder(), rest), target, moved, first.targetMark());
            arrivals = now.isPresent()
                    ? ArrivalLocator.find(session, transfer, claimed(target).union(located.targets()))
                    : ArrivalLocator.withoutTarget(session, transfer);
            located = merged(located, arrivals.found());
        }
        UidSet bothPlaces = UidSet.empty();
        if (arrivals != null) {
            UidSet unlocated = rest.minus(arrivals.found().sources());
            UidSet neverMoved = moved ? unlocated.intersect(arrivals.inSource()) : UidSet.empty();
            UidSet unpaired = unlocated.minus(neverMoved).intersect(arrivals.unpaired());
            UidSet lost = unlocated.minus(neverMoved).minus(unpaired);
            if (!unpaired.isEmpty()) {
                report(intent, unpaired, arrivals.window() == ArrivalLocator.Window.RENUMBERED
                        ? NotRestored.Reason.RENUMBERED
                        : NotRestored.Reason.UNPAIRED, Optional.of(target));
            }
            // A copy the run may never have made (its batch failed or was cut) is not missed when it is not there.
            if (!lost.isEmpty() && (moved || attempt.isDone())) {
                report(intent, lost, NotRestored.Reason.NOT_FOUND, Optional.of(target));
            }
            if (moved) {
                markGone(intent.folder(), unpaired.union(lost));
                bothPlaces = arrivals.found().sources().intersect(arrivals.inSource());
            }
        }
        if (located.isEmpty()) {
            return;
        }
        claim(target, located.targets());
        Map<Long, PlannedMessage> originals = new HashMap<>();
        Map<Long, Location> locations = movedTo.computeIfAbsent(intent.folder(), folder -> new HashMap<>());
        UidSet.Builder goBack = UidSet.builder();
        UidSet.Builder removed = UidSet.builder();
        for (long source : located.sources()) {
            long current = located.targetOf(source).getAsLong();
            originals.put(current, plannedMessage(intent.folder(), source));
            if (moved && !bothPlaces.contains(source)) {
                locations.put(source, new Location(target, current));
                goBack.add(current);
            } else {
                removed.add(current);
            }
        }
        FolderUndo undo = folders.computeIfAbsent(target, folder -> new FolderUndo(now.orElseThrow()));
        if (!goBack.build().isEmpty()) {
            undo.takeAway(new BatchCommand.Move(intent.folder()), goBack.build(), originals);
        }
        if (!removed.build().isEmpty()) {
            undo.takeAway(new BatchCommand.Expunge(), removed.build(), originals);
        }
    }

    private static UidMapping merged(UidMapping first, UidMapping second) {
        UidMapping.Builder mapping = UidMapping.builder();
        for (UidMapping part : List.of(first, second)) {
            for (long source : part.sources()) {
                mapping.map(source, part.targetOf(source).getAsLong());
            }
        }
        return mapping.build();
    }

    private UidSet claimed(String folder) {
        return claimed.getOrDefault(folder, UidSet.empty());
    }

    private void claim(String folder, UidSet uids) {
        claimed.merge(folder, uids, UidSet::union);
    }

    private void restoreFlags(IntentRecord intent, UidSet uids, BatchCommand restore) throws MailboxException {
        Map<Long, Location> locations = movedTo.getOrDefault(intent.folder(), Map.of());
        Map<String, UidSet.Builder> byFolder = new LinkedHashMap<>();
        Map<String, Map<Long, PlannedMessage>> originals = new HashMap<>();
        for (long uid : uids.minus(gone.getOrDefault(intent.folder(), UidSet.empty()))) {
            Location location = locations.getOrDefault(uid, new Location(intent.folder(), uid));
            byFolder.computeIfAbsent(location.folder(), folder -> UidSet.builder()).add(location.uid());
            originals.computeIfAbsent(location.folder(), folder -> new HashMap<>())
                    .put(location.uid(), plannedMessage(intent.folder(), uid));
        }
        for (Map.Entry<String, UidSet.Builder> part : byFolder.entrySet()) {
            String folder = part.getKey();
            Optional<FolderSnapshot> now = snapshot(folder);
            // Messages a later batch moved were located under the target's current UIDVALIDITY already.
            boolean stayed = folder.equals(intent.folder());
            if (now.isEmpty() || (stayed && now.get().uidValidity() != intent.uidValidity())) {
                report(intent, part.getValue().build(), now.isEmpty()
                        ? NotRestored.Reason.NOT_FOUND
                        : NotRestored.Reason.RENUMBERED, Optional.empty());
                continue;
            }
            folders.computeIfAbsent(folder, name -> new FolderUndo(now.get()))
                    .restoreFlags(restore, part.getValue().build(), originals.get(folder));
        }
    }

    List<NotRestored> notRestored() {
        return List.copyOf(notRestored);
    }

    /** The undo's part in this mailbox, its batches numbered on from {@code sequence}; empty when nothing to do. */
    Optional<MailboxPlan> toPlan(AtomicInteger sequence, String rule) {
        if (folders.isEmpty()) {
            return Optional.empty();
        }
        List<FolderPlan> plans = new ArrayList<>();
        for (FolderUndo folder : folders.values()) {
            plans.add(folder.toPlan(original.mailbox(), sequence, rule));
        }
        return Optional.of(new MailboxPlan(original.mailbox(), original.host(), List.of(), plans,
                original.accountKey()));
    }

    private Optional<FolderSnapshot> snapshot(String folder) throws MailboxException {
        if (!snapshots.containsKey(folder)) {
            try (ImapFolderReader reader = session.openReader(folder)) {
                snapshots.put(folder, Optional.of(reader.snapshot()));
            } catch (FolderNotFoundException e) {
                snapshots.put(folder, Optional.empty());
            }
        }
        return snapshots.get(folder);
    }

    private Map<Long, String> plannedIds(String folder, UidSet uids) {
        Map<Long, String> planned = new HashMap<>();
        for (long uid : uids) {
            plannedMessage(folder, uid).messageId().ifPresent(id -> planned.put(uid, id));
        }
        return planned;
    }

    private PlannedMessage plannedMessage(String folder, long uid) {
        return Optional.ofNullable(plannedByFolder.getOrDefault(folder, Map.of()).get(uid))
                .orElseThrow(() -> new IllegalStateException("the stored plan of mailbox " + original.mailbox()
                        + " has no message " + uid + " in folder \"" + folder + "\", which its journal names"));
    }

    private void report(IntentRecord intent, UidSet uids, NotRestored.Reason reason, Optional<String> target) {
        List<String> subjects = new ArrayList<>();
        for (long uid : uids) {
            subjects.add(plannedMessage(intent.folder(), uid).subject());
        }
        notRestored.add(new NotRestored(intent.mailbox(), intent.folder(), intent.batchId(), uids, subjects, reason,
                target));
    }

    private void markGone(String folder, UidSet uids) {
        gone.merge(folder, uids, UidSet::union);
    }

    private static Flags minus(Flags flags, Flags removed) {
        EnumSet<SystemFlag> system = flags.system().isEmpty()
                ? EnumSet.noneOf(SystemFlag.class)
                : EnumSet.copyOf(flags.system());
        system.removeAll(removed.system());
        TreeSet<String> keywords = new TreeSet<>(flags.keywords());
        keywords.removeAll(removed.keywords());
        return new Flags(system, keywords);
    }
}
