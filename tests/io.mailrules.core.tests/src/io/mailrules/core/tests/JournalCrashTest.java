package io.mailrules.core.tests;

import static io.mailrules.core.tests.JournalFixtures.batches;
import static io.mailrules.core.tests.JournalFixtures.done;
import static io.mailrules.core.tests.JournalFixtures.header;
import static io.mailrules.core.tests.JournalFixtures.intent;
import static io.mailrules.core.tests.JournalFixtures.runId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mailrules.core.journal.JournalRecord;
import io.mailrules.core.journal.store.JournalStore;
import io.mailrules.core.journal.store.RunJournal;
import io.mailrules.core.journal.store.RunJournalWriter;
import io.mailrules.core.plan.Batch;
import io.mailrules.core.run.RunId;
import io.mailrules.core.run.RunStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A crash can stop a write after any byte. A child JVM cannot be started from the OSGi test runtime, so the crash is
 * simulated: the journal is written from a thread while it is read, then cut at every byte offset.
 */
class JournalCrashTest {

    @TempDir
    Path directory;

    @Test
    void readerRecoversEveryCompleteLineWhereverTheFileIsCut() throws Exception {
        JournalStore store = new JournalStore(directory);
        RunId run = runId(0, 0xc4a5);
        CompletableFuture<Void> writing = CompletableFuture.runAsync(() -> writeRun(store, run));
        readWhileWriting(store, run, writing);
        writing.get(30, TimeUnit.SECONDS);

        RunJournal complete = store.read(run);
        List<JournalRecord> records = complete.records();
        byte[] bytes = Files.readAllBytes(complete.file());
        int[] lineEnds = lineEnds(bytes);
        assertEquals(records.size() + 2, lineEnds.length, "header, records and closing, one line each");

        Path cutDirectory = Files.createDirectory(directory.resolve("cut"));
        Path cutFile = cutDirectory.resolve(complete.file().getFileName());
        JournalStore cutStore = new JournalStore(cutDirectory);
        for (int length = lineEnds[0] + 1; length < bytes.length; length++) {
            Files.write(cutFile, Arrays.copyOf(bytes, length));
            RunJournal cut = cutStore.read(run);
            int completeLines = completeLines(lineEnds, length);
            int recordLines = Math.min(completeLines - 1, records.size());
            String where = "cut after " + length + " of " + bytes.length + " bytes";
            assertEquals(records.subList(0, recordLines), cut.records(), where);
            assertEquals(completeLines == lineEnds.length, cut.closing().isPresent(), where);
            boolean atLineBoundary = bytes[length - 1] == '\n';
            assertEquals(!atLineBoundary, cut.tornLine().isPresent(), where);
            cut.tornLine().ifPresent(torn -> assertEquals(lineEnds[completeLines - 1] + 1, torn.offset(), where));
        }
    }

    @Test
    void cutInsideTheLastIntentLeavesTheBatchBeforeItDoneAndNothingPending() throws IOException {
        JournalStore store = new JournalStore(directory);
        RunId run = runId(0, 0xc4a6);
        Batch first = batches().get(0);
        Batch second = batches().get(1);
        try (RunJournalWriter writer = store.open(header(run, 0))) {
            writer.intent(intent(run, first));
            writer.outcome(done(run, first));
            writer.intent(intent(run, second));
        }
        Path file = directory.resolve(run + ".jsonl");
        byte[] bytes = Files.readAllBytes(file);
        int[] lineEnds = lineEnds(bytes);
        int lastStart = lineEnds[lineEnds.length - 2] + 1;
        for (int length = lastStart + 1; length < bytes.length; length++) {
            Files.write(file, Arrays.copyOf(bytes, length));
            RunJournal cut = store.read(run);
            // The intent never fully reached the disk, so the engine never sent the batch: nothing to reconcile.
            assertEquals(List.of(), cut.pendingBatches());
            assertEquals(1, cut.doneBatches().size());
            assertTrue(cut.tornLine().isPresent());
        }
    }

    private static void writeRun(JournalStore store, RunId run) {
        try (RunJournalWriter writer = store.open(header(run, 0))) {
            for (Batch batch : batches()) {
                writer.intent(intent(run, batch));
                writer.outcome(done(run, batch));
            }
            writer.finish(RunStatus.COMPLETED, JournalFixtures.START.plusSeconds(60));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Readers may read while a run is written; every read sees a consistent prefix of the run. */
    private static void readWhileWriting(JournalStore store, RunId run, CompletableFuture<Void> writing)
            throws IOException {
        int previous = 0;
        while (!writing.isDone()) {
            if (!Files.exists(store.directory().resolve(run + ".jsonl"))) {
                Thread.onSpinWait();
                continue;
            }
            int seen = store.read(run).records().size();
            assertTrue(seen >= previous, "records never disappear: " + previous + " then " + seen);
            previous = seen;
        }
    }

    private static int[] lineEnds(byte[] bytes) {
        int[] ends = new int[bytes.length];
        int count = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                ends[count++] = i;
            }
        }
        return Arrays.copyOf(ends, count);
    }

    private static int completeLines(int[] lineEnds, int length) {
        int lines = 0;
        while (lines < lineEnds.length && lineEnds[lines] < length) {
            lines++;
        }
        return lines;
    }
}
