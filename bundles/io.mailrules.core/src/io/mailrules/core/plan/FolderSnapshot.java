package io.mailrules.core.plan;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * What a folder looked like when a plan was computed. UIDs in a plan mean something only while UIDVALIDITY is
 * unchanged; UIDNEXT and HIGHESTMODSEQ (absent on servers without CONDSTORE, e.g. Microsoft 365) tell whether the
 * folder changed since.
 *
 * @param messages how many messages the folder held, the measure of a change limit's share; absent in a plan saved
 *        by a version that did not record it
 */
public record FolderSnapshot(String folder, long uidValidity, long uidNext, OptionalLong highestModSeq,
        OptionalLong messages) {

    public FolderSnapshot(String folder, long uidValidity, long uidNext, OptionalLong highestModSeq) {
        this(folder, uidValidity, uidNext, highestModSeq, OptionalLong.empty());
    }

    public FolderSnapshot {
        Require.name(folder, "folder");
        Require.uid32(uidValidity, "uidValidity");
        Require.uid32(uidNext, "uidNext");
        Objects.requireNonNull(highestModSeq, "highestModSeq");
        if (highestModSeq.isPresent() && highestModSeq.getAsLong() < 0) {
            throw new IllegalArgumentException("highestModSeq " + highestModSeq.getAsLong() + " is negative");
        }
        Objects.requireNonNull(messages, "messages");
        if (messages.isPresent() && messages.getAsLong() < 0) {
            throw new IllegalArgumentException("messages " + messages.getAsLong() + " is negative");
        }
    }

    /** The same snapshot, knowing how many messages the folder held. */
    public FolderSnapshot withMessages(long count) {
        return new FolderSnapshot(folder, uidValidity, uidNext, highestModSeq, OptionalLong.of(count));
    }

    public static FolderSnapshot of(String folder, long uidValidity, long uidNext) {
        return new FolderSnapshot(folder, uidValidity, uidNext, OptionalLong.empty());
    }

    public static FolderSnapshot of(String folder, long uidValidity, long uidNext, long highestModSeq) {
        return new FolderSnapshot(folder, uidValidity, uidNext, OptionalLong.of(highestModSeq));
    }

    /** Compares this (earlier) snapshot with one taken later of the same folder. */
    public SnapshotComparison compareWith(FolderSnapshot later) {
        return new SnapshotComparison(this, later);
    }
}
