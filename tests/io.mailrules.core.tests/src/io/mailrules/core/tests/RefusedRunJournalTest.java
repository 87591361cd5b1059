package io.mailrules.core.tests;

import static io.mailrules.core.tests.JournalFixtures.START;
import static io.mailrules.core.tests.JournalFixtures.batches;
import static io.mailrules.core.tests.JournalFixtures.header;
import static io.mailrules.core.tests.JournalFixtures.intent;
import static io.mailrules.core.tests.JournalFixtures.runId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.mailrules.core.journal.MailboxRefusal;
import io.mailrules.core.journal.RunClosing;
import io.mailrules.core.journal.RunHeader;
import io.mailrules.core.journal.store.JournalStore;
import io.mailrules.core.journal.store.RunJournal;
import io.mailrules.core.journal.store.RunJournalWriter;
import io.mailrules.core.json.JournalJson;
import io.mailrules.core.run.RunId;
import io.mailrules.core.run.RunStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run a check refused: its journal says so and nothing else, and nothing can be journaled as sent after it. */
class RefusedRunJournalTest {

    private static final String REASON = "mailbox sdr1, folder \"INBOX\": rule purge/all would remove 1595 of 1600"
            + " messages (99.7%); the limit of rules 'purge' is remove at most 20% and 2000 (the default)";

    @TempDir
    Path directory;

    @Test
    void aRefusedRunIsJournaledAsRefusedWithItsReasons() throws IOException {
        JournalStore store = new JournalStore(directory);
        RunId run = runId(0, 7);
        MailboxRefusal refusal = new MailboxRefusal(run, START.plusSeconds(1), "sdr1", List.of(REASON));
        try (RunJournalWriter writer = store.open(header(run, 0))) {
            writer.refused(refusal);
            writer.finish(RunStatus.REFUSED, START.plusSeconds(2));
        }
        RunJournal journal = store.read(run);
        assertEquals(List.of(refusal), journal.refusals());
        assertEquals(List.of(), journal.records());
        assertEquals(Optional.of(new RunClosing(run, START.plusSeconds(2), RunStatus.REFUSED)), journal.closing());
        assertEquals(3, Files.readAllLines(journal.file()).size(), "header, refusal, closing: nothing else");
        assertEquals(RunStatus.REFUSED, store.history().runs().get(0).status());
        assertEquals(refusal, JournalJson.entryFromLine(JournalJson.toLine(refusal)));
    }

    @Test
    void nothingOfARefusedMailboxMayBeSentAfterItsRefusal() throws IOException {
        JournalStore store = new JournalStore(directory);
        RunId run = runId(0, 8);
        try (RunJournalWriter writer = store.open(header(run, 0))) {
            writer.refused(new MailboxRefusal(run, START, "sdr1", List.of(REASON)));
            assertEquals("batch " + batches().get(0).id() + " of mailbox sdr1, which the run refused",
                    assertThrows(IllegalArgumentException.class, () -> writer.intent(intent(run, batches().get(0))))
                            .getMessage());
        }
    }

    @Test
    void aRunThatSentSomethingCannotCloseAsRefusedNorRefuseThatMailbox() throws IOException {
        JournalStore store = new JournalStore(directory);
        RunId run = runId(0, 9);
        try (RunJournalWriter writer = store.open(header(run, 0))) {
            writer.intent(intent(run, batches().get(0)));
            assertEquals("refusal of mailbox sdr1 after batches were sent to it", assertThrows(
                    IllegalArgumentException.class, () -> writer.refused(new MailboxRefusal(run, START, "sdr1",
                            List.of(REASON)))).getMessage());
            assertEquals("a refused run sends nothing and names the mailboxes it refused", assertThrows(
                    IllegalArgumentException.class, () -> writer.finish(RunStatus.REFUSED, START)).getMessage());
        }
    }

    @Test
    void aRunWithARefusedMailboxIsNotCompleted() throws IOException {
        JournalStore store = new JournalStore(directory);
        RunId run = runId(0, 10);
        RunHeader two = RunHeader.run(run, JournalFixtures.PLAN, "sales.mailrules", List.of("sdr1", "sdr2"), START);
        try (RunJournalWriter writer = store.open(two)) {
            writer.refused(new MailboxRefusal(run, START, "sdr2", List.of(REASON)));
            assertThrows(IllegalArgumentException.class, () -> writer.finish(RunStatus.COMPLETED, START));
            assertEquals("refusal of mailbox sdr3, which the run does not touch", assertThrows(
                    IllegalArgumentException.class, () -> writer.refused(new MailboxRefusal(run, START, "sdr3",
                            List.of(REASON)))).getMessage());
            writer.finish(RunStatus.PARTIAL, START.plusSeconds(1));
        }
        assertEquals(RunStatus.PARTIAL, store.history().runs().get(0).status());
    }
}
