package io.mailrules.imap;

import io.mailrules.core.plan.Action;
import io.mailrules.core.plan.Batch;
import io.mailrules.core.plan.BatchCommand;
import io.mailrules.core.plan.FolderPlan;
import io.mailrules.core.plan.FolderSnapshot;
import io.mailrules.core.plan.PlannedMessage;
import io.mailrules.core.plan.UidSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The undo's work in one folder as it is now: flag restores first, then the moves back and the removal of copies,
 * since the flags of a message the run flagged and then moved are restored where it is before it goes home.
 */
final class FolderUndo {

    private record Step(BatchCommand command, UidSet uids) {
    }

    private final FolderSnapshot snapshot;
    private final List<Step> restores = new ArrayList<>();
    private final List<Step> removals = new ArrayList<>();
    private final Map<Long, PlannedMessage> originals = new HashMap<>();

    FolderUndo(FolderSnapshot snapshot) {
        this.snapshot = snapshot;
    }

    FolderSnapshot snapshot() {
        return snapshot;
    }

    /** @param originals the run's planned message for each of {@code uids}, as they are numbered here now */
    void restoreFlags(BatchCommand command, UidSet uids, Map<Long, PlannedMessage> originals) {
        restores.add(new Step(command, uids));
        this.originals.putAll(originals);
    }

    void takeAway(BatchCommand command, UidSet uids, Map<Long, PlannedMessage> originals) {
        removals.add(new Step(command, uids));
        this.originals.putAll(originals);
    }

    /** The folder's part of the undo plan; its batches take the next numbers of {@code sequence}. */
    FolderPlan toPlan(String mailbox, AtomicInteger sequence, String rule) {
        List<Step> steps = new ArrayList<>(restores);
        steps.addAll(removals);
        List<Batch> batches = new ArrayList<>();
        Map<Long, List<Action>> actions = new TreeMap<>();
        for (Step step : steps) {
            batches.add(Batch.of(sequence.getAndIncrement(), mailbox, snapshot.folder(), snapshot.uidValidity(),
                    step.command(), step.uids()));
            for (long uid : step.uids()) {
                actions.computeIfAbsent(uid, key -> new ArrayList<>()).add(action(step.command()));
            }
        }
        List<PlannedMessage> messages = new ArrayList<>();
        actions.forEach((uid, list) -> {
            PlannedMessage original = originals.get(uid);
            messages.add(new PlannedMessage(uid, original.messageId(), original.internalDate(), original.from(),
                    original.subject(), List.of(rule), list));
        });
        return new FolderPlan(snapshot, messages, batches);
    }

    private static Action action(BatchCommand command) {
        return switch (command) {
            case BatchCommand.Move move -> new Action.Move(move.targetFolder());
            case BatchCommand.Copy copy -> new Action.Copy(copy.targetFolder());
            case BatchCommand.AddFlags add -> new Action.AddFlags(add.storedFlags());
            case BatchCommand.RemoveFlags remove -> new Action.RemoveFlags(remove.storedFlags());
            case BatchCommand.Expunge expunge -> new Action.Expunge();
        };
    }
}
