package io.mailrules.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mailrules.core.plan.FolderSnapshot;
import io.mailrules.core.plan.SnapshotComparison;
import io.mailrules.core.plan.SnapshotComparison.Change;
import io.mailrules.core.plan.UidSet;
import org.junit.jupiter.api.Test;

class SnapshotComparisonTest {
    private static final FolderSnapshot PLANNED = FolderSnapshot.of("INBOX", 77, 1000, 5000);

    @Test
    void sameUidNextAndModSeqMeansNothingChanged() {
        SnapshotComparison comparison = PLANNED.compareWith(FolderSnapshot.of("INBOX", 77, 1000, 5000));
        assertEquals(Change.NONE, comparison.change());
        assertTrue(comparison.canAct());
        assertEquals(UidSet.empty(), comparison.uidsAssignedSince());
    }

    @Test
    void newMailIsAChangeAndNamesTheCandidateUids() {
        SnapshotComparison comparison = PLANNED.compareWith(FolderSnapshot.of("INBOX", 77, 1003, 5004));
        assertEquals(Change.CHANGED, comparison.change());
        assertTrue(comparison.canAct());
        assertEquals(UidSet.parse("1000:1002"), comparison.uidsAssignedSince());
    }

    @Test
    void flagChangesShowOnlyInTheModSeq() {
        assertEquals(Change.CHANGED, PLANNED.compareWith(FolderSnapshot.of("INBOX", 77, 1000, 5001)).change());
    }

    @Test
    void withoutCondstoreAnUnchangedUidNextProvesNothing() {
        assertEquals(Change.UNKNOWN, FolderSnapshot.of("INBOX", 77, 1000)
                .compareWith(FolderSnapshot.of("INBOX", 77, 1000)).change());
    }

    @Test
    void newUidValidityForbidsActing() {
        SnapshotComparison comparison = PLANNED.compareWith(FolderSnapshot.of("INBOX", 78, 1000, 5000));
        assertEquals(Change.UIDS_INVALIDATED, comparison.change());
        assertFalse(comparison.canAct());
        assertEquals(UidSet.empty(), comparison.uidsAssignedSince());
    }

    @Test
    void snapshotsOfDifferentFoldersDoNotCompare() {
        assertThrows(IllegalArgumentException.class, () -> PLANNED.compareWith(FolderSnapshot.of("Sent", 77, 10)));
    }
}
