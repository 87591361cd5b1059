package io.mailrules.core.tests;

import static io.mailrules.core.tests.JournalFixtures.batches;
import static io.mailrules.core.tests.JournalFixtures.completedRun;
import static io.mailrules.core.tests.JournalFixtures.done;
import static io.mailrules.core.tests.JournalFixtures.following;
import static io.mailrules.core.tests.JournalFixtures.header;
import static io.mailrules.core.tests.JournalFixtures.intent;
import static io.mailrules.core.tests.JournalFixtures.runId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mailrules.core.journal.JournalRecord;
import io.mailrules.core.journal.OutcomeRecord;
import io.mailrules.core.journal.RunClosing;
import io.mailrules.core.journal.RunHeader;
import io.mailrules.core.journal.RunKind;
import io.mailrules.core.journal.store.BatchAttempt;
import io.mailrules.core.journal.store.JournalStore;
import io.mailrules.core.journal.store.RunHistoryEntry;
import io.mailrules.core.journal.store.RunJournal;
import io.mailrules.core.journal.store.RunJournalWriter;
import io.mailrules.core.journal.store.RunLookupException;
import io.mailrules.core.plan.Batch;
import io.mailrules.core.run.BatchOutcome;
import io.mailrules.core.run.RunId;
import io.mailrules.core.run.RunStatus;
import io.mailrules.core.run.RunSummary;
import io.mailrules.core.run.UidMapping;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalStoreTest {

    @TempDir
    Path directory;

    @Test
    void wholeRunRoundTrips() throws IOException {
        JournalStore store = new JournalStore(directory);
        RunId run = runId(0, 0x4f2a9c);
        RunHeader header = header(run, 0);
        completedRun(store, header);

        RunJournal journal = store.read(run);
        assertEquals(header, journal.header());
        List<JournalRecord> expected = new ArrayList<>();
        for (Batch batch : batches()) {
            expected.add(intent(run, batch));
            expected.add(done(run, batch));
        }
        assertEquals(expected, journal.records());
        assertEquals(Optional.of(new RunClosing(run, header.startedAt().plusSeconds(30), RunStatus.COMPLETED)),
                journal.closing());
        assertEquals(Optional.empty(), journal.tornLine());
        assertEquals(4, journal.doneBatches().size());
        assertEquals(List.of(), journal.pendingBatches());
        assertEquals(Optional.of(UidMapping.fromCopyUid("1201,1204", "17:18")),
                journal.doneBatches().get(3).copyUid());
        assertEquals(directory.resolve(run + ".jsonl"), journal.file());
        assertEquals(2 + 2 * batches().size(), Files.readAllLines(journal.file()).size());

        RunSummary summary = store.history().runs().get(0).toRunSummary();
        assertEquals(new RunSummary(run, JournalFixtures.PLAN, RunStatus.COMPLETED, header.startedAt(),
                Optional.of(header.startedAt().plusSeconds(30)), 4, 0, 0, 5), summary);
    }

    @Test
    void runWithoutClosingRecordIsRunningWhileOpenAndInterruptedAfterwards() throws IOException {
        JournalStore store = new JournalStore(directory);
        RunId run = runId(0, 1);
        Batch first = batches().get(0);
        Batch second = batches().get(1);
        try (RunJournalWriter writer = store.open(header(run, 0))) {
            writer.intent(intent(run, first));
            writer.outcome(done(run, first));
            writer.intent(intent(run, second));
            assertEquals(RunStatus.RUNNING, store.history().runs().get(0).status());
        }

        RunHistoryEntry entry = store.history().runs().get(0);
        assertEquals(RunStatus.INTERRUPTED, entry.status());
        assertEquals(List.of(1, 0, 1), List.of(entry.batchesDone(), entry.batchesFailed(), entry.batchesPending()));
        RunJournal journal = store.read(run);
        assertEquals(List.of(new BatchAttempt(intent(run, second), Optional.empty())), journal.pendingBatches());
        assertEquals(List.of(first.id()), journal.doneBatches().stream().map(a -> a.intent().batchId()).toList());
    }

    @Test
    void historyReadAgainShowsWhatWasJournaledSince() throws IOException {
        JournalStore store = new JournalStore(directory);
        RunId run = runId(0, 3);
        Batch first = batches().get(0);
        Batch second = batches().get(1);
        try (RunJournalWriter writer = store.open(header(run, 0))) {
            writer.intent(intent(run, first));
            writer.outcome(done(run, first));
            RunHistoryEntry early = store.history().runs().get(0);
            assertEquals(List.of(1, 0), List.of(early.batchesDone(), early.batchesPending()));
            assertEquals(early.batchesDone(), store.history().runs().get(0).batchesDone(), "unchanged: same answer");

            writer.intent(intent(run, second));
            writer.outcome(done(run, second));
            writer.finish(RunStatus.COMPLETED, JournalFixtures.START.plusSeconds(5));
        }
        RunHistoryEntry later = store.history().runs().get(0);
        assertEquals(RunStatus.COMPLETED, later.status());
        assertEquals(2, later.batchesDone());
    }

    @Test
    void failedBatchMayBeTriedAgainAndCountsByItsLastTry() throws IOException {
        JournalStore store = new JournalStore(directory);
        RunId run = runId(0, 2);
        Batch move = batches().get(3);
        try (RunJournalWriter writer = store.open(header(run, 0))) {
            writer.intent(intent(run, move));
            writer.outcome(new OutcomeRecord(run, move.id(), JournalFixtures.START,
                    BatchOutcome.failed("NO [TRYCREATE] Replies")));
            assertEquals(1, store.read(run).failedBatches().size());
            writer.intent(intent(run, move));
            writer.outcome(done(run, move));
            writer.finish(RunStatus.COMPLETED, JournalFixtures.START.plusSeconds(5));
        }
        RunJournal journal = store.read(run);
        assertEquals(1, journal.batches().size());
        assertEquals(List.of(), journal.failedBatches());
        assertTrue(journal.doneBatches().get(0).isDone());
    }

    @Test
    void completedUndoMarksTheOriginalUndone() throws IOException {
        JournalStore store = new JournalStore(directory);
        RunId original = runId(0, 3);
        completedRun(store, header(original, 0));
        RunId abandonedUndo = runId(1, 4);
        try (RunJournalWriter writer = store.open(following(RunKind.UNDO, original, abandonedUndo, 1))) {
            writer.intent(intent(abandonedUndo, batches().get(0)));
        }
        assertEquals(RunStatus.COMPLETED, store.history().find(original).orElseThrow().status(),
                "an interrupted undo leaves the run as it was");

        RunId undo = runId(2, 5);
        completedRun(store, following(RunKind.UNDO, original, undo, 2));

        RunHistoryEntry entry = store.history().find(original).orElseThrow();
        assertEquals(RunStatus.UNDONE, entry.status());
        assertEquals(Optional.of(undo), entry.undoneBy());
        RunHistoryEntry undoEntry = store.history().find(undo).orElseThrow();
        assertEquals(RunStatus.COMPLETED, undoEntry.status());
        assertEquals(Optional.of(original), undoEntry.refersTo());
        assertEquals(RunKind.UNDO, undoEntry.kind());
    }

    @Test
    void resumeIsRecordedOnTheRunItResumes() throws IOException {
        JournalStore store = new JournalStore(directory);
        RunId original = runId(0, 6);
        try (RunJournalWriter writer = store.open(header(original, 0))) {
            writer.intent(intent(original, batches().get(0)));
        }
        RunId resume = runId(1, 7);
        completedRun(store, following(RunKind.RESUME, original, resume, 1));
        RunHistoryEntry entry = store.history().find(original).orElseThrow();
        assertEquals(RunStatus.INTERRUPTED, entry.status());
        assertEquals(Optional.of(resume), entry.resumedBy());
    }

    @Test
    void historyListsNewestFirst() throws IOException {
        JournalStore store = new JournalStore(directory);
        RunId middle = runId(5, 8);
        RunId oldest = runId(1, 9);
        RunId newest = runId(9, 10);
        completedRun(store, header(middle, 5));
        completedRun(store, header(newest, 9));
        completedRun(store, header(oldest, 1));
        assertEquals(List.of(newest, middle, oldest),
                store.history().runs().stream().map(RunHistoryEntry::runId).toList());
    }

    @Test
    void runsAreFoundByIdPrefix() throws IOException {
        JournalStore store = new JournalStore(directory);
        RunId first = runId(0, 0xa1);
        RunId second = runId(0, 0xa2);
        RunId later = runId(60, 0xb1);
        for (RunId run : List.of(first, second, later)) {
            completedRun(store, header(run, 0));
        }
        assertEquals(later, store.resolve("20250301T1115"));
        assertEquals(first, store.resolve(" " + first.value() + " "));
        assertEquals(first, store.resolve("20250301T101530Z-0000a1"));

        RunLookupException ambiguous = assertThrows(RunLookupException.class,
                () -> store.resolve("20250301T1015"));
        assertEquals("run id prefix \"20250301T1015\" is ambiguous: it matches " + first + ", " + second
                + "; type more of the id", ambiguous.getMessage());
        RunLookupException unknown = assertThrows(RunLookupException.class, () -> store.resolve("2024"));
        assertEquals("no run id starts with \"2024\" in " + directory.toAbsolutePath(), unknown.getMessage());
        assertThrows(RunLookupException.class, () -> store.resolve("  "));
    }

    @Test
    void exactIdWinsOverLongerIdsItPrefixes() throws IOException {
        JournalStore store = new JournalStore(directory);
        completedRun(store, header(new RunId("nightly"), 0));
        completedRun(store, header(new RunId("nightly-2"), 1));
        assertEquals(new RunId("nightly"), store.resolve("nightly"));
    }

    @Test
    void historyOfAMissingDirectoryIsEmpty() throws IOException {
        JournalStore store = new JournalStore(directory.resolve("never-created"));
        assertEquals(List.of(), store.history().runs());
        assertThrows(RunLookupException.class, () -> store.resolve("2025"));
    }
}
