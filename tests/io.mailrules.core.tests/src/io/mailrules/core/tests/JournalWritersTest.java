package io.mailrules.core.tests;

import static io.mailrules.core.tests.JournalFixtures.batches;
import static io.mailrules.core.tests.JournalFixtures.done;
import static io.mailrules.core.tests.JournalFixtures.following;
import static io.mailrules.core.tests.JournalFixtures.header;
import static io.mailrules.core.tests.JournalFixtures.intent;
import static io.mailrules.core.tests.JournalFixtures.runId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mailrules.core.journal.RunKind;
import io.mailrules.core.journal.store.JournalStore;
import io.mailrules.core.journal.store.RunInUseException;
import io.mailrules.core.journal.store.RunJournalWriter;
import io.mailrules.core.run.RunId;
import io.mailrules.core.run.RunStatus;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Who may write a journal, and who may read it. */
class JournalWritersTest {

    @TempDir
    Path temp;

    @Test
    void journalsAreReadableByTheirOwnerOnly() throws IOException {
        Path directory = temp.resolve("data/mailrules/journal");
        JournalStore store = new JournalStore(directory);
        RunId run = runId(0, 1);
        try (RunJournalWriter writer = store.open(header(run, 0))) {
            assertEquals("rw-------", permissions(writer.file()));
        }
        assertEquals("rwx------", permissions(directory));
        assertEquals("rwx------", permissions(temp.resolve("data/mailrules")));
        try (Stream<Path> locks = Files.list(directory.resolve("locks"))) {
            for (Path lock : locks.toList()) {
                assertEquals("rw-------", permissions(lock), lock.toString());
            }
        }
        assertEquals("rwx------", permissions(directory.resolve("locks")));
    }

    @Test
    void aSecondWriterOfTheSameRunIsRefused() throws IOException {
        JournalStore store = new JournalStore(temp);
        RunId run = runId(0, 2);
        try (RunJournalWriter writer = store.open(header(run, 0))) {
            RunInUseException sameStore = assertThrows(RunInUseException.class, () -> store.open(header(run, 0)));
            assertEquals("run " + run + " is already being written by another writer", sameStore.getMessage());
            // A second store stands in for a second process: it finds the lock held, not just remembered.
            assertThrows(RunInUseException.class, () -> new JournalStore(temp).open(header(run, 0)));
            writer.intent(intent(run, batches().get(0)));
        }
        assertThrows(FileAlreadyExistsException.class, () -> store.open(header(run, 0)));
        assertEquals(1, store.read(run).pendingBatches().size(), "the refused writers changed nothing");
    }

    @Test
    void aRunStillBeingWrittenCannotBeResumedOrUndone() throws IOException {
        JournalStore store = new JournalStore(temp);
        RunId original = runId(0, 3);
        try (RunJournalWriter writer = store.open(header(original, 0))) {
            writer.intent(intent(original, batches().get(0)));
            RunInUseException refused = assertThrows(RunInUseException.class,
                    () -> store.open(following(RunKind.RESUME, original, runId(1, 4), 1)));
            assertEquals("run " + original + " is still being written; stop it before you resume it",
                    refused.getMessage());
        }
        assertFalse(Files.exists(temp.resolve(runId(1, 4) + ".jsonl")), "a refused resume leaves no journal");
        try (RunJournalWriter resume = store.open(following(RunKind.RESUME, original, runId(1, 4), 1))) {
            assertEquals(runId(1, 4), resume.runId());
            assertThrows(RunInUseException.class,
                    () -> store.open(following(RunKind.UNDO, original, runId(2, 5), 2)));
        }
        store.open(following(RunKind.UNDO, original, runId(2, 5), 2)).close();
    }

    @Test
    void undoOfAnUnknownRunIsRefused() {
        JournalStore store = new JournalStore(temp);
        NoSuchFileException missing = assertThrows(NoSuchFileException.class,
                () -> store.open(following(RunKind.UNDO, runId(0, 6), runId(1, 7), 1)));
        assertTrue(missing.getMessage().contains("has no journal"), missing.getMessage());
    }

    @Test
    void writerRefusesEntriesOutOfOrderWithoutWritingThem() throws IOException {
        JournalStore store = new JournalStore(temp);
        RunId run = runId(0, 8);
        try (RunJournalWriter writer = store.open(header(run, 0))) {
            IllegalArgumentException orphan = assertThrows(IllegalArgumentException.class,
                    () -> writer.outcome(done(run, batches().get(0))));
            assertTrue(orphan.getMessage().contains("has no intent awaiting one"), orphan.getMessage());
            assertThrows(IllegalArgumentException.class, () -> writer.intent(intent(runId(0, 9), batches().get(0))));
            writer.intent(intent(run, batches().get(0)));
            assertThrows(IllegalArgumentException.class,
                    () -> writer.finish(RunStatus.COMPLETED, JournalFixtures.START.plusSeconds(1)));
            writer.outcome(done(run, batches().get(0)));
            writer.finish(RunStatus.COMPLETED, JournalFixtures.START.plusSeconds(1));
            assertThrows(IllegalArgumentException.class, () -> writer.intent(intent(run, batches().get(1))));
        }
        assertEquals(4, Files.readAllLines(temp.resolve(run + ".jsonl")).size());
        assertEquals(List.of(), store.history().problems());
    }

    @Test
    void closedWriterRefusesToAppend() throws IOException {
        JournalStore store = new JournalStore(temp);
        RunId run = runId(0, 10);
        RunJournalWriter writer = store.open(header(run, 0));
        writer.close();
        assertThrows(IllegalStateException.class, () -> writer.intent(intent(run, batches().get(0))));
    }

    private static String permissions(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
