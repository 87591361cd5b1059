package io.mailrules.core.plan;

import java.util.Objects;

/**
 * A plan's snapshot of a folder against the folder as it is now. Acting is only safe while UIDVALIDITY holds, since
 * a new UIDVALIDITY means the planned UIDs may now name other messages.
 */
public record SnapshotComparison(FolderSnapshot planned, FolderSnapshot current) {

    /** How much a caller can know about changes between the two snapshots. */
    public enum Change {
        /** UIDNEXT and HIGHESTMODSEQ are both unchanged: no message arrived, left or changed flags. */
        NONE,
        /** UIDNEXT or HIGHESTMODSEQ moved: mail arrived, or flags or membership changed. */
        CHANGED,
        /** UIDNEXT is unchanged but without HIGHESTMODSEQ on both sides flag changes and expunges cannot be seen. */
        UNKNOWN,
        /** UIDVALIDITY changed: the planned UIDs must not be used. */
        UIDS_INVALIDATED
    }

    public SnapshotComparison {
        Objects.requireNonNull(planned, "planned");
        Objects.requireNonNull(current, "current");
        if (!planned.folder().equals(current.folder())) {
            throw new IllegalArgumentException(
                    "cannot compare snapshots of \"" + planned.folder() + "\" and \"" + current.folder() + "\"");
        }
    }

    public boolean sameUidValidity() {
        return planned.uidValidity() == current.uidValidity();
    }

    /** Whether the plan's UIDs may be acted on; planned messages gone meanwhile are then skipped by the server. */
    public boolean canAct() {
        return sameUidValidity();
    }

    /** UIDs the server may have assigned since the plan (some may already be expunged again). */
    public UidSet uidsAssignedSince() {
        if (!sameUidValidity() || current.uidNext() <= planned.uidNext()) {
            return UidSet.empty();
        }
        return UidSet.range(planned.uidNext(), current.uidNext() - 1);
    }

    public Change change() {
        if (!sameUidValidity()) {
            return Change.UIDS_INVALIDATED;
        }
        if (planned.uidNext() != current.uidNext()) {
            return Change.CHANGED;
        }
        if (planned.highestModSeq().isPresent() && current.highestModSeq().isPresent()) {
            return planned.highestModSeq().getAsLong() == current.highestModSeq().getAsLong()
                    ? Change.NONE
                    : Change.CHANGED;
        }
        return Change.UNKNOWN;
    }
}
