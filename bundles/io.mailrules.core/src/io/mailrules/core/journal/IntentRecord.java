package io.mailrules.core.journal;

import io.mailrules.core.plan.Batch;
import io.mailrules.core.plan.BatchCommand;
import io.mailrules.core.plan.BatchId;
import io.mailrules.core.plan.UidSet;
import io.mailrules.core.run.RunId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Written before a batch is sent: everything needed to reconcile it against the server after a crash and to undo
 * it, without the plan at hand.
 *
 * @param flagsBefore the flags of the batch's messages before a STORE, by group; empty for commands that do not
 *        change flags (a moved message keeps its flags)
 * @param targetMark for a move or copy, its target just before the batch was sent, when the server told it
 */
public record IntentRecord(RunId runId, BatchId batchId, Instant at, String mailbox, String folder, long uidValidity,
        UidSet uids, BatchCommand command, List<FlagGroup> flagsBefore, Optional<TargetMark> targetMark)
        implements JournalRecord {

    public IntentRecord {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(batchId, "batchId");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(mailbox, "mailbox");
        Objects.requireNonNull(folder, "folder");
        Objects.requireNonNull(uids, "uids");
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(targetMark, "targetMark");
        if (mailbox.isBlank() || folder.isBlank()) {
            throw new IllegalArgumentException("batch " + batchId + ": mailbox and folder must not be blank");
        }
        if (uidValidity < UidSet.MIN_UID || uidValidity > UidSet.MAX_UID) {
            throw new IllegalArgumentException("batch " + batchId + ": UIDVALIDITY " + uidValidity + " is invalid");
        }
        if (uids.isEmpty()) {
            throw new IllegalArgumentException("batch " + batchId + " has no UIDs");
        }
        flagsBefore = List.copyOf(flagsBefore);
        UidSet grouped = UidSet.empty();
        for (FlagGroup group : flagsBefore) {
            if (!grouped.intersect(group.uids()).isEmpty()) {
                throw new IllegalArgumentException("batch " + batchId + ": UIDs " + grouped.intersect(group.uids())
                        + " are in two flag groups");
            }
            grouped = grouped.union(group.uids());
        }
        if (!uids.containsAll(grouped)) {
            throw new IllegalArgumentException("batch " + batchId + ": flag groups name UIDs outside the batch: "
                    + grouped.minus(uids));
        }
    }

    public static IntentRecord of(RunId runId, Batch batch, Instant at, List<FlagGroup> flagsBefore) {
        return of(runId, batch, at, flagsBefore, Optional.empty());
    }

    public static IntentRecord of(RunId runId, Batch batch, Instant at, List<FlagGroup> flagsBefore,
            Optional<TargetMark> targetMark) {
        return new IntentRecord(runId, batch.id(), at, batch.mailbox(), batch.folder(), batch.uidValidity(),
                batch.uids(), batch.command(), flagsBefore, targetMark);
    }
}
