package io.mailrules.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.mailrules.core.plan.Action;
import io.mailrules.core.plan.BatchCommand;
import io.mailrules.core.plan.Flags;
import io.mailrules.core.plan.PlannedMessage;
import io.mailrules.core.plan.SystemFlag;
import io.mailrules.core.plan.UidSet;

/**
 * Groups the planned messages of one folder into commands: one STORE per flag or keyword set or cleared, one COPY
 * and one MOVE per target, one UID EXPUNGE. Flags go first so that copies and moved messages carry them, copies
 * before moves because a moved message is gone. Moves go largest first: a server rewrites the folder's index (and
 * Dovecot its maildir UID list) after each command that removes mail, at a cost that grows with what is left in the
 * folder, so the earlier the folder shrinks, the cheaper the later moves. Ties, and every other group, go by name, so
 * plans are reproducible.
 */
final class BatchPlanner {

    record PlannedBatch(BatchCommand command, UidSet uids) {
    }

    /** System flags in their enum order, then keywords alphabetically, as {@link Flags} orders them. */
    private static final Comparator<String> FLAG_ORDER = Comparator
            .comparingInt((String name) -> SystemFlag.ofImapName(name).map(Enum::ordinal).orElse(Integer.MAX_VALUE))
            .thenComparing(Comparator.naturalOrder());

    private BatchPlanner() {
    }

    static List<PlannedBatch> batches(List<PlannedMessage> messages) {
        // Ordered once at the end: the flag order is costly to compare, and there are few flags but many messages.
        Map<String, UidSet.Builder> added = new HashMap<>();
        Map<String, UidSet.Builder> removed = new HashMap<>();
        Map<String, UidSet.Builder> copies = new TreeMap<>();
        Map<String, UidSet.Builder> moves = new TreeMap<>();
        UidSet.Builder expunged = UidSet.builder();
        boolean anyExpunge = false;
        for (PlannedMessage message : messages) {
            long uid = message.uid();
            // A later action wins over an earlier one on the same flag, as running the rules in order would.
            Map<String, Boolean> finalFlags = new LinkedHashMap<>();
            for (Action action : message.actions()) {
                switch (action) {
                    case Action.AddFlags add -> add.flags().imapNames().forEach(name -> finalFlags.put(name, true));
                    case Action.RemoveFlags remove ->
                        remove.flags().imapNames().forEach(name -> finalFlags.put(name, false));
                    case Action.Copy copy -> builder(copies, copy.target()).add(uid);
                    case Action.Move move -> builder(moves, move.target()).add(uid);
                    case Action.Delete delete -> builder(moves, delete.trashFolder()).add(uid);
                    case Action.Expunge expunge -> {
                        expunged.add(uid);
                        anyExpunge = true;
                    }
                    case Action.Stop stop -> {
                        // ends evaluation and leaves the message alone
                    }
                }
            }
            finalFlags.forEach((name, add) -> builder(add ? added : removed, name).add(uid));
        }
        List<PlannedBatch> batches = new ArrayList<>();
        inFlagOrder(added).forEach((name, uids) -> batches.add(new PlannedBatch(new BatchCommand.AddFlags(Flags.of(name)),
                uids.build())));
        inFlagOrder(removed).forEach((name, uids) -> batches.add(new PlannedBatch(
                new BatchCommand.RemoveFlags(Flags.of(name)), uids.build())));
        copies.forEach((target, uids) -> batches.add(new PlannedBatch(new BatchCommand.Copy(target), uids.build())));
        List<PlannedBatch> moveBatches = new ArrayList<>();
        moves.forEach((target, uids) -> moveBatches.add(new PlannedBatch(new BatchCommand.Move(target), uids.build())));
        // Stable sort: equal sizes keep the name order of the map.
        moveBatches.sort(Comparator.comparingLong((PlannedBatch batch) -> batch.uids().size()).reversed());
        batches.addAll(moveBatches);
        if (anyExpunge) {
            batches.add(new PlannedBatch(new BatchCommand.Expunge(), expunged.build()));
        }
        return batches;
    }

    private static Map<String, UidSet.Builder> inFlagOrder(Map<String, UidSet.Builder> byFlag) {
        Map<String, UidSet.Builder> ordered = new TreeMap<>(FLAG_ORDER);
        ordered.putAll(byFlag);
        return ordered;
    }

    private static UidSet.Builder builder(Map<String, UidSet.Builder> groups, String key) {
        return groups.computeIfAbsent(key, ignored -> UidSet.builder());
    }
}
