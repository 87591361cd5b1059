package io.mailrules.core.tests;

import static io.mailrules.core.tests.JournalFixtures.completedRun;
import static io.mailrules.core.tests.JournalFixtures.runId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mailrules.core.account.MailboxAccount;
import io.mailrules.core.journal.RunHeader;
import io.mailrules.core.journal.RunKind;
import io.mailrules.core.journal.store.JournalStore;
import io.mailrules.core.journal.store.RunHistoryEntry;
import io.mailrules.core.json.JournalJson;
import io.mailrules.core.json.JsonFormatException;
import io.mailrules.core.json.PlanJson;
import io.mailrules.core.plan.MailboxPlan;
import io.mailrules.core.plan.Plan;
import io.mailrules.core.run.RunId;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plans and journals name the account (host, port, user) each mailbox was read as, by its key, so that two rules
 * files giving one name to two accounts do not see each other's runs; what was written before is still read.
 */
class RunAccountsTest {

    private static final String ANA = new MailboxAccount("imap.example.com", 993, "ana@example.com").key();
    private static final String BEN = new MailboxAccount("imap.example.com", 993, "ben@example.com").key();

    @TempDir
    Path directory;

    private static RunHeader header(RunId run, int minutesAfterStart, String sourceFile,
            Map<String, String> accounts) {
        return new RunHeader(run, JournalFixtures.PLAN, sourceFile, List.of("sdr1"),
                JournalFixtures.START.plusSeconds(60L * minutesAfterStart), RunKind.RUN, Optional.empty(), accounts);
    }

    @Test
    void aPlanNamesTheAccountByItsKeyAndAPlanWithoutOneStillReads() {
        Plan plan = SamplePlans.routing();
        MailboxPlan read = plan.mailboxes().getFirst().of(new MailboxAccount("imap.example.com", 993,
                "ana@example.com"));
        Plan withAccount = new Plan(plan.id(), plan.createdAt(), plan.source(), List.of(read));
        String json = PlanJson.write(withAccount);
        assertTrue(json.contains("\"account\": \"" + ANA + "\""), json);
        assertFalse(json.contains("ana@example.com"), "the plan names no user: " + json);
        assertEquals(withAccount, PlanJson.read(json));
        assertEquals(Optional.empty(), PlanJson.read(PlanJson.write(plan)).mailboxes().getFirst().accountKey());
        assertThrows(JsonFormatException.class, () -> PlanJson.read(json.replace(ANA, "ana@example.com")));
    }

    @Test
    void aJournalHeaderNamesTheAccountsAndAnOlderHeaderWithoutThemStillReads() {
        RunId run = runId(0, 7);
        RunHeader header = header(run, 0, "sales.mailrules", Map.of("sdr1", ANA));
        String line = JournalJson.toLine(header);
        assertTrue(line.endsWith(",\"mailboxes\":[\"sdr1\"],\"accounts\":[\"" + ANA + "\"]}"), line);
        assertEquals(header, JournalJson.entryFromLine(line));
        RunHeader older = (RunHeader) JournalJson.entryFromLine(line.replace(",\"accounts\":[\"" + ANA + "\"]", ""));
        assertEquals(Map.of(), older.accounts());
        assertThrows(JsonFormatException.class, () -> JournalJson.entryFromLine(line.replace("[\"" + ANA + "\"]",
                "[\"" + ANA + "\",\"" + BEN + "\"]")));
    }

    @Test
    void aRunCountsForTheMailboxOfItsAccountWhateverTheFileAndAnOldRunOnlyForItsOwnFile() throws Exception {
        JournalStore store = new JournalStore(directory);
        RunId anas = runId(0, 1);
        RunId bens = runId(1, 2);
        RunId old = runId(2, 3);
        completedRun(store, header(anas, 0, "/work/ana.mailrules", Map.of("sdr1", ANA)));
        completedRun(store, header(bens, 1, "/work/ben.mailrules", Map.of("sdr1", BEN)));
        completedRun(store, header(old, 2, "/work/ana.mailrules", Map.of()));

        List<RunHistoryEntry> runs = store.history().runs();
        assertEquals(List.of(old, anas), runs.stream()
                .filter(run -> run.concerns("sdr1", ANA, "/work/ana.mailrules")).map(RunHistoryEntry::runId).toList());
        assertEquals(List.of(bens), runs.stream()
                .filter(run -> run.concerns("sdr1", BEN, "/work/ben.mailrules")).map(RunHistoryEntry::runId).toList(),
                "ben's file gives the name sdr1 to another account: ana's runs are not its runs");
        assertEquals(List.of(anas), runs.stream()
                .filter(run -> run.concerns("sdr1", ANA, "/work/moved.mailrules")).map(RunHistoryEntry::runId)
                .toList(), "another file naming ana's account sdr1 sees its recorded runs");
    }
}
