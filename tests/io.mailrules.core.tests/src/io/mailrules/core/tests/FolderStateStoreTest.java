package io.mailrules.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.mailrules.core.incremental.FolderState;
import io.mailrules.core.incremental.FolderStateStore;

class FolderStateStoreTest {

    private static final String DIGEST = "a".repeat(64);
    private static final LocalDate DAY = LocalDate.parse("2026-03-15");

    @TempDir
    Path journal;

    @Test
    void recordedStatesAreReadBackAndANewerStateReplacesTheOlderOne() throws Exception {
        FolderState inbox = new FolderState("sdr", "INBOX", DIGEST, 7, 120, OptionalLong.of(4711), DAY);
        FolderState sales = new FolderState("sdr", "Sales", DIGEST, 9, 3, OptionalLong.empty(), DAY);
        FolderStateStore.in(journal).record(List.of(inbox, sales));
        FolderState later = new FolderState("sdr", "INBOX", DIGEST, 7, 130, OptionalLong.of(4800), DAY);
        FolderStateStore.in(journal).record(List.of(later));

        FolderStateStore read = FolderStateStore.in(journal);
        assertEquals(Optional.of(later), read.find("sdr", "INBOX"));
        assertEquals(Optional.of(sales), read.find("sdr", "Sales"));
        assertEquals(Optional.empty(), read.find("other", "INBOX"));
        assertFalse(Files.exists(journal.resolve(FolderStateStore.FILE_NAME + ".tmp")), "no temporary file is left");
    }

    @Test
    void aDamagedOrMissingFileMeansAFullPassNotAnError() throws Exception {
        assertTrue(FolderStateStore.in(journal.resolve("never-written")).states().isEmpty());
        Files.writeString(journal.resolve(FolderStateStore.FILE_NAME), "{\"folders\": [{\"mailbox\": \"sdr\"");
        assertTrue(FolderStateStore.in(journal).states().isEmpty());
        Files.writeString(journal.resolve(FolderStateStore.FILE_NAME), "{\"folders\": [{\"mailbox\": \"sdr\"}]}");
        assertTrue(FolderStateStore.in(journal).states().isEmpty());
    }

    @Test
    void aStateHoldsOnlyForTheSameRulesAndUidValidity() {
        FolderState state = new FolderState("sdr", "INBOX", DIGEST, 7, 120, OptionalLong.empty(), DAY);
        assertTrue(state.holdsFor(DIGEST, 7));
        assertFalse(state.holdsFor(DIGEST, 8));
        assertFalse(state.holdsFor("b".repeat(64), 7));
    }
}
