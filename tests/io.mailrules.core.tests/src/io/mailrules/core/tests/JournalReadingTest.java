package io.mailrules.core.tests;

import static io.mailrules.core.tests.JournalFixtures.completedRun;
import static io.mailrules.core.tests.JournalFixtures.header;
import static io.mailrules.core.tests.JournalFixtures.runId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mailrules.core.journal.store.JournalCorruptException;
import io.mailrules.core.journal.store.JournalProblem;
import io.mailrules.core.journal.store.JournalStore;
import io.mailrules.core.journal.store.RunHistory;
import io.mailrules.core.journal.store.RunJournal;
import io.mailrules.core.journal.store.TornLine;
import io.mailrules.core.run.RunId;
import io.mailrules.core.run.RunStatus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What reading makes of journal files a crash, or something else, damaged. */
class JournalReadingTest {

    @TempDir
    Path directory;

    @Test
    void tornLastLineIsIgnoredAndReported() throws IOException {
        JournalStore store = new JournalStore(directory);
        RunId run = runId(0, 1);
        completedRun(store, header(run, 0));
        RunJournal intact = store.read(run);
        Path file = intact.file();
        long size = Files.size(file);
        Files.write(file, "{\"v\":1,\"type\":\"inte".getBytes(StandardCharsets.UTF_8), StandardOpenOption.APPEND);

        RunJournal read = store.read(run);
        assertEquals(intact.records(), read.records());
        assertEquals(Optional.of(new TornLine(file, 11, size, 19)), read.tornLine());
        assertEquals(file + ":11: incomplete last line (19 bytes) ignored; the run stopped while writing it, or is "
                + "still writing it", read.tornLine().get().describe());

        RunHistory history = store.history();
        assertEquals(RunStatus.COMPLETED, history.runs().get(0).status());
        assertEquals(List.of(new JournalProblem(file, read.tornLine().get().describe(), false)), history.problems());
    }

    @Test
    void malformedLineInTheMiddleIsAnErrorNamingFileAndLine() throws IOException {
        JournalStore store = new JournalStore(directory);
        RunId damaged = runId(0, 2);
        RunId healthy = runId(1, 3);
        completedRun(store, header(damaged, 0));
        completedRun(store, header(healthy, 1));
        Path file = directory.resolve(damaged + ".jsonl");
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        lines.set(2, lines.get(2).replace("\"result\":\"done\"", "\"result\":\"dnoe\""));
        Files.write(file, lines);

        JournalCorruptException error = assertThrows(JournalCorruptException.class, () -> store.read(damaged));
        assertEquals(file + ":3: $.result: unknown result \"dnoe\"; expected done or failed", error.getMessage());
        assertEquals(3, error.lineNumber());

        RunHistory history = store.history();
        assertEquals(List.of(healthy), history.runs().stream().map(entry -> entry.runId()).toList(),
                "one damaged journal does not hide the others");
        assertEquals(List.of(new JournalProblem(file, error.getMessage(), true)), history.problems());
    }

    @Test
    void lineCutShortInTheMiddleIsAnErrorNotATornEnd() throws IOException {
        JournalStore store = new JournalStore(directory);
        RunId run = runId(0, 4);
        completedRun(store, header(run, 0));
        Path file = directory.resolve(run + ".jsonl");
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        lines.set(4, lines.get(4).substring(0, 30));
        Files.write(file, lines);
        JournalCorruptException error = assertThrows(JournalCorruptException.class, () -> store.read(run));
        assertTrue(error.getMessage().startsWith(file + ":5: "), error.getMessage());
    }

    @Test
    void linesOutOfRunOrderAreErrors() throws IOException {
        JournalStore store = new JournalStore(directory);
        RunId run = runId(0, 5);
        completedRun(store, header(run, 0));
        Path file = directory.resolve(run + ".jsonl");
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        lines.remove(1);
        Files.write(file, lines);
        JournalCorruptException error = assertThrows(JournalCorruptException.class, () -> store.read(run));
        assertTrue(error.getMessage().startsWith(file + ":2: outcome of batch b0-"), error.getMessage());
        assertTrue(error.getMessage().endsWith(", which has no intent awaiting one"), error.getMessage());
    }

    @Test
    void fileWhoseHeaderNamesAnotherRunIsAnError() throws IOException {
        JournalStore store = new JournalStore(directory);
        RunId run = runId(0, 6);
        completedRun(store, header(run, 0));
        RunId copy = runId(0, 7);
        Files.copy(directory.resolve(run + ".jsonl"), directory.resolve(copy + ".jsonl"));
        JournalCorruptException error = assertThrows(JournalCorruptException.class, () -> store.read(copy));
        assertEquals(directory.resolve(copy + ".jsonl") + ":1: entry of run " + run + " in the journal of run "
                + copy, error.getMessage());
        assertFalse(store.history().problems().isEmpty());
    }
}
