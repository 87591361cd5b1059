package io.mailrules.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.mailrules.core.account.MailboxAccount;
import io.mailrules.core.incremental.FolderState;
import io.mailrules.core.incremental.FolderStateStore;

class FolderStateStoreTest {

    private static final String DIGEST = "a".repeat(64);
    private static final LocalDate DAY = LocalDate.parse("2026-03-15");
    private static final String ANA = new MailboxAccount("imap.example.com", 993, "ana").key();
    private static final String BEN = new MailboxAccount("imap.example.com", 993, "ben").key();

    @TempDir
    Path journal;

    private static FolderState state(String mailbox, String account, String folder, long highestUid) {
        return new FolderState(mailbox, folder, DIGEST, 7, highestUid, OptionalLong.empty(), DAY,
                Optional.ofNullable(account));
    }

    @Test
    void recordedStatesAreReadBackAndANewerStateReplacesTheOlderOne() throws Exception {
        FolderState inbox = new FolderState("sdr", "INBOX", DIGEST, 7, 120, OptionalLong.of(4711), DAY,
                Optional.of(ANA));
        FolderState sales = state("sdr", ANA, "Sales", 3);
        FolderStateStore.in(journal).record(List.of(inbox, sales));
        FolderState later = state("sdr", ANA, "INBOX", 130);
        FolderStateStore.in(journal).record(List.of(later));

        FolderStateStore read = FolderStateStore.in(journal);
        assertEquals(Optional.of(later), read.find(ANA, "sdr", "INBOX"));
        assertEquals(Optional.of(sales), read.find(ANA, "sdr", "Sales"));
        assertEquals(Optional.empty(), read.find(BEN, "other", "INBOX"));
        assertEquals(List.of(FolderStateStore.FILE_NAME), stateFiles(), "no temporary file is left");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(
                journal.resolve(FolderStateStore.FILE_NAME))), "states name mailboxes and folders of other people");
    }

    @Test
    void twoFilesGivingOneNameToTwoAccountsKeepTheirStatesApart() throws Exception {
        FolderState anas = state("sdr", ANA, "INBOX", 120);
        FolderState bens = state("sdr", BEN, "INBOX", 5);
        FolderStateStore.in(journal).record(List.of(anas));
        FolderStateStore.in(journal).record(List.of(bens));

        FolderStateStore read = FolderStateStore.in(journal);
        assertEquals(Optional.of(anas), read.find(ANA, "sdr", "INBOX"));
        assertEquals(Optional.of(bens), read.find(BEN, "sdr", "INBOX"));
    }

    @Test
    void aStateRecordedByNameOnlyIsStillUsedAndIsReplacedByTheAccountsOwn() throws Exception {
        // As states.json looked before states named their account.
        Files.writeString(journal.resolve(FolderStateStore.FILE_NAME), """
                {"version":1,"folders":[{"mailbox":"sdr","folder":"INBOX","rulesDigest":"%s","uidValidity":7,
                "highestUidSeen":99,"evaluatedOn":"2026-03-14"},{"mailbox":"sdr","folder":"Sales","rulesDigest":"%s",
                "uidValidity":9,"highestUidSeen":4,"evaluatedOn":"2026-03-14"}]}""".formatted(DIGEST, "b".repeat(64)));
        FolderStateStore store = FolderStateStore.in(journal);
        assertEquals(99, store.find(ANA, "sdr", "INBOX").orElseThrow().highestUidSeen(),
                "the old state is what the last run saw; its rules digest decides whether it still holds");

        store.record(List.of(state("sdr", ANA, "INBOX", 120)));

        FolderStateStore read = FolderStateStore.in(journal);
        assertEquals(java.util.Map.of("INBOX", Optional.of(ANA), "Sales", Optional.empty()), read.states().stream()
                .collect(java.util.stream.Collectors.toMap(FolderState::folder, FolderState::accountKey)),
                "INBOX migrated; Sales, of other rules, kept as it was");
        assertEquals(120, read.find(ANA, "sdr", "INBOX").orElseThrow().highestUidSeen());
        assertEquals(4, read.find(BEN, "sdr", "Sales").orElseThrow().highestUidSeen());
    }

    @Test
    void storesReadBeforeEachOthersRecordsLoseNothingOfEachOther() throws Exception {
        // Two processes (a run and serve) read the file at their start and record when their mailbox is done.
        FolderStateStore first = FolderStateStore.in(journal);
        FolderStateStore second = FolderStateStore.in(journal);
        first.record(List.of(state("ana", ANA, "INBOX", 10)));
        second.record(List.of(state("ben", BEN, "INBOX", 20)));

        FolderStateStore read = FolderStateStore.in(journal);
        assertEquals(10, read.find(ANA, "ana", "INBOX").orElseThrow().highestUidSeen());
        assertEquals(20, read.find(BEN, "ben", "INBOX").orElseThrow().highestUidSeen());
    }

    @Test
    void manyWritersAtOnceLeaveEveryStateAndNoTemporaryFile() throws Exception {
        int writers = 16;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                String account = new MailboxAccount("imap.example.com", 993, "user" + i).key();
                String mailbox = "m" + i;
                // A store each, as separate processes have: they share only the file.
                done.add(pool.submit(() -> {
                    start.await();
                    FolderStateStore.in(journal).record(List.of(state(mailbox, account, "INBOX", 1)));
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> writer : done) {
                writer.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(writers, FolderStateStore.in(journal).states().size());
        assertEquals(List.of(FolderStateStore.FILE_NAME), stateFiles());
    }

    @Test
    void aTemporaryFileAKilledWriterLeftIsRemovedByTheNextWriter() throws Exception {
        Files.writeString(journal.resolve(FolderStateStore.FILE_NAME + ".12345.tmp"), "{\"version\":1,\"fol");
        FolderStateStore.in(journal).record(List.of(state("sdr", ANA, "INBOX", 1)));
        assertEquals(List.of(FolderStateStore.FILE_NAME), stateFiles());
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

    /** The files of the states, lock file aside, sorted by name. */
    private List<String> stateFiles() throws Exception {
        try (Stream<Path> files = Files.list(journal)) {
            return files.map(file -> file.getFileName().toString())
                    .filter(name -> name.startsWith(FolderStateStore.FILE_NAME) && !name.endsWith(".lock"))
                    .sorted().toList();
        }
    }
}
