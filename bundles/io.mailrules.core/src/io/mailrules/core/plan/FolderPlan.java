package io.mailrules.core.plan;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * What a plan does in one source folder: the snapshot it was computed against, the planned messages (ordered by
 * UID) and the batches in the order they must run (flags before the move that takes the messages away).
 */
public record FolderPlan(FolderSnapshot snapshot, List<PlannedMessage> messages, List<Batch> batches) {

    public FolderPlan {
        Objects.requireNonNull(snapshot, "snapshot");
        messages = messages.stream().sorted(Comparator.comparingLong(PlannedMessage::uid)).toList();
        batches = List.copyOf(batches);
        UidSet.Builder planned = UidSet.builder();
        for (int i = 0; i < messages.size(); i++) {
            long uid = messages.get(i).uid();
            if (i > 0 && messages.get(i - 1).uid() == uid) {
                throw new IllegalArgumentException(where(snapshot) + "message " + uid + " is planned twice");
            }
            if (uid >= snapshot.uidNext()) {
                throw new IllegalArgumentException(where(snapshot) + "message " + uid
                        + " is not below the snapshot's UIDNEXT " + snapshot.uidNext());
            }
            if (messages.get(i).targetFolder().filter(snapshot.folder()::equals).isPresent()) {
                throw new IllegalArgumentException(where(snapshot) + "message " + uid
                        + " would be moved to the folder it is in");
            }
            planned.add(uid);
        }
        UidSet plannedUids = planned.build();
        for (Batch batch : batches) {
            if (!batch.folder().equals(snapshot.folder()) || batch.uidValidity() != snapshot.uidValidity()) {
                throw new IllegalArgumentException(where(snapshot) + "batch " + batch.id() + " is for folder \""
                        + batch.folder() + "\" under UIDVALIDITY " + batch.uidValidity());
            }
            UidSet unplanned = batch.uids().minus(plannedUids);
            if (!unplanned.isEmpty()) {
                throw new IllegalArgumentException(where(snapshot) + "batch " + batch.id()
                        + " acts on UIDs without a planned message: " + unplanned);
            }
        }
    }

    private static String where(FolderSnapshot snapshot) {
        return "folder \"" + snapshot.folder() + "\": ";
    }

    public String folder() {
        return snapshot.folder();
    }

    public UidSet plannedUids() {
        UidSet.Builder uids = UidSet.builder();
        messages.forEach(message -> uids.add(message.uid()));
        return uids.build();
    }
}
