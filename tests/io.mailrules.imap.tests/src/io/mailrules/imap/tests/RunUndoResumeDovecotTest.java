package io.mailrules.imap.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mailrules.core.journal.IntentRecord;
import io.mailrules.imap.testsupport.Census;
import io.mailrules.imap.testsupport.DovecotServer;
import io.mailrules.imap.testsupport.MailClient;
import io.mailrules.imap.testsupport.PrivateDovecot;
import io.mailrules.imap.testsupport.SalesMail;
import io.mailrules.imap.testsupport.TestMessage;
import static io.mailrules.imap.testsupport.SalesMail.NOW;
import static io.mailrules.imap.testsupport.SalesMail.OLD_AUTO_REPLY;
import io.mailrules.core.journal.JournalEntry;
import io.mailrules.core.journal.OutcomeRecord;
import io.mailrules.core.journal.RunKind;
import io.mailrules.core.journal.store.BatchAttempt;
import io.mailrules.core.journal.store.JournalStore;
import io.mailrules.core.journal.store.RunJournal;
import io.mailrules.core.json.JournalJson;
import io.mailrules.core.plan.Batch;
import io.mailrules.core.plan.BatchCommand;
import io.mailrules.core.plan.BatchId;
import io.mailrules.core.plan.Plan;
import io.mailrules.core.run.BatchOutcome;
import io.mailrules.core.run.RunId;
import io.mailrules.core.run.RunProgress;
import io.mailrules.core.run.RunResult;
import io.mailrules.core.run.RunStatus;
import io.mailrules.dsl.mailrules.Model;
import io.mailrules.imap.ConnectorOptions;
import io.mailrules.imap.Credentials;
import io.mailrules.imap.HostConnectionLimiter;
import io.mailrules.imap.ImapConnector;
import io.mailrules.imap.MailboxLogins;
import io.mailrules.imap.NotRestored;
import io.mailrules.imap.RunRefusedException;
import io.mailrules.imap.UndoResult;
import io.mailrules.imap.Security;
import io.mailrules.imap.MailboxLogin;
import io.mailrules.imap.MailboxSettings;
import io.mailrules.imap.WarmSessions;
import io.mailrules.imap.testsupport.FaultProxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Undo and resume against the private Dovecot, judged by the mailbox as its user sees it: an undo brings back the
 * census from before the run, and a run interrupted anywhere and resumed ends where an uninterrupted run would,
 * with nothing lost, duplicated (the census counts a Message-ID found twice) or left in two folders.
 */
class RunUndoResumeDovecotTest {

    @RegisterExtension
    static final PrivateDovecot DOVECOT = new PrivateDovecot("undo-resume", DovecotServer.Variant.FULL);

    @TempDir
    Path work;

    private final PlanWiring wiring = new PlanWiring(
            new ImapConnector(ConnectorOptions.defaults(), new HostConnectionLimiter(4)),
            Clock.fixed(NOW, ZoneOffset.UTC));
    private JournalStore journals;

    @BeforeEach
    void journalDirectory() {
        journals = new JournalStore(work.resolve("journal"));
    }

    /** One mailbox with routing (flags, keywords, moves) and a retention policy ending in {@code retentionEnd}. */
    private record Scenario(String user, MailClient client, Model model, Plan plan, Census before) {
        MailboxLogins logins() {
            return PlanWiring.logins(model, name -> Credentials.password(DovecotServer.PASSWORD));
        }
    }

    private Scenario scenario(String retentionEnd) throws Exception {
        String user = DOVECOT.freshUser();
        MailClient client = DOVECOT.client(user);
        SalesMail.seed(client);
        Path file = SalesRules.write(work.resolve("sales.mailrules"), "sdr", retentionEnd,
                SalesRules.mailbox("sdr", DOVECOT.imapPort(), user));
        Model model = wiring.load(file);
        Scenario scenario = new Scenario(user, client, model, null, null);
        Plan plan = wiring.plan(file, model, scenario.logins()).plan();
        return new Scenario(user, client, model, plan, Census.of(client));
    }

    @Test
    void undoBringsBackFoldersFlagsAndKeywordsAsTheyWereBeforeTheRun() throws Exception {
        Scenario scenario = scenario("delete");
        try (MailClient client = scenario.client()) {
            RunResult run = wiring.apply(scenario.plan(), scenario.logins(), journals, RunProgress.NONE);
            assertEquals(RunStatus.COMPLETED, run.status(), run.toString());
            assertEquals("Trash", Census.of(client).bySubject(OLD_AUTO_REPLY).folder());

            UndoResult undo = wiring.undo(run.runId(), scenario.logins(), journals, RunProgress.NONE);

            assertEquals(RunStatus.COMPLETED, undo.run().status(), undo.toString());
            assertEquals(List.of(), undo.notRestored());
            assertEquals(scenario.before(), Census.of(client));
            RunJournal undoJournal = journals.read(undo.run().runId());
            assertEquals(RunKind.UNDO, undoJournal.header().kind());
            assertEquals(run.runId(), undoJournal.header().refersTo().orElseThrow());
            assertEquals(RunStatus.UNDONE, journals.history().find(run.runId()).orElseThrow().status());
        }
    }

    @Test
    void anExpungedBatchIsReportedAsNotRestorableAndEverythingElseComesBack() throws Exception {
        Scenario scenario = scenario("expunge");
        try (MailClient client = scenario.client()) {
            List<Batch> irreversible = scenario.plan().irreversibleBatches();
            assertEquals(1, irreversible.size(), "the preview can warn about the expunge");
            RunResult run = wiring.apply(scenario.plan(), scenario.logins(), journals, RunProgress.NONE);
            assertEquals(RunStatus.COMPLETED, run.status(), run.toString());

            UndoResult undo = wiring.undo(run.runId(), scenario.logins(), journals, RunProgress.NONE);

            assertEquals(RunStatus.COMPLETED, undo.run().status());
            assertEquals(1, undo.notRestored().size(), undo.notRestored().toString());
            NotRestored lost = undo.expunged().getFirst();
            assertEquals(irreversible.getFirst().id(), lost.batchId());
            assertEquals(List.of(OLD_AUTO_REPLY), lost.subjects());
            assertTrue(lost.describe().contains("expunged"), lost.describe());
            Census expected = new Census(scenario.before().byMessageId().entrySet().stream()
                    .filter(entry -> !entry.getValue().subject().equals(OLD_AUTO_REPLY))
                    .collect(Collectors.toMap(entry -> entry.getKey(), entry -> entry.getValue(), (a, b) -> a,
                            java.util.TreeMap::new)));
            assertEquals(expected, Census.of(client));
        }
    }

    @Test
    void anUndoCannotItselfBeUndone() throws Exception {
        Scenario scenario = scenario("delete");
        try (MailClient client = scenario.client()) {
            RunResult run = wiring.apply(scenario.plan(), scenario.logins(), journals, RunProgress.NONE);
            UndoResult undo = wiring.undo(run.runId(), scenario.logins(), journals, RunProgress.NONE);
            Census undone = Census.of(client);

            RunRefusedException refused = assertThrows(RunRefusedException.class,
                    () -> wiring.undo(undo.run().runId(), scenario.logins(), journals, RunProgress.NONE));

            assertTrue(refused.getMessage().contains("itself an undo"), refused.getMessage());
            assertThrows(RunRefusedException.class,
                    () -> wiring.undo(run.runId(), scenario.logins(), journals, RunProgress.NONE),
                    "a run is undone once");
            assertEquals(undone, Census.of(client));
        }
    }

    @Test
    void aCancelledRunIsResumedToWhereAnUninterruptedRunEndsWithoutRepeatingDoneBatches() throws Exception {
        Scenario scenario = scenario("delete");
        try (MailClient client = scenario.client()) {
            RunResult interrupted = wiring.apply(scenario.plan(), scenario.logins(), journals,
                    cancelAfter(batch -> batch.sequence() == 1));
            assertEquals(RunStatus.INTERRUPTED, interrupted.status());
            Set<BatchId> doneBefore = batchIds(journals.read(interrupted.runId()).doneBatches());
            assertEquals(2, doneBefore.size());

            RunResult resumed = wiring.resume(interrupted.runId(), scenario.logins(), journals, RunProgress.NONE);

            assertEquals(RunStatus.COMPLETED, resumed.status(), resumed.toString());
            assertEquals(scenario.before().after(scenario.plan().mailboxes().getFirst()), Census.of(client));
            RunJournal resumeJournal = journals.read(resumed.runId());
            assertEquals(RunKind.RESUME, resumeJournal.header().kind());
            Set<BatchId> sentByResume = batchIds(resumeJournal.batches());
            assertEquals(scenario.plan().batches().size() - doneBefore.size(), sentByResume.size());
            assertTrue(sentByResume.stream().noneMatch(doneBefore::contains), "done batches are not sent again");
            assertEquals(java.util.Optional.of(resumed.runId()),
                    journals.history().find(interrupted.runId()).orElseThrow().resumedBy());
        }
    }

    @Test
    void aMoveWhoseAnswerWasLostIsReconciledByMessageIdAndTheLineageUndoneAsAWhole() throws Exception {
        Scenario scenario = scenario("delete");
        lostMoveAnswerIsReconciledAndUndone(scenario, scenario.plan(),
                "the moved messages were found in the target by Message-ID");
    }

    @Test
    void aMoveWhoseAnswerWasLostInARunPlanIsFoundByWhereItArrivedInTheTarget() throws Exception {
        Scenario scenario = scenario("delete");
        Plan lean = planForApplying(scenario);
        assertTrue(lean.mailboxes().getFirst().folders().stream().flatMap(folder -> folder.messages().stream())
                .allMatch(message -> message.messageId().isEmpty()), "`mailrules run` plans read no Message-ID");
        lostMoveAnswerIsReconciledAndUndone(scenario, lean,
                "the moved messages were found from the target's UIDNEXT the intent recorded");
    }

    /** Applies {@code plan} until its first move, loses that move's answer, resumes and undoes the lineage. */
    private void lostMoveAnswerIsReconciledAndUndone(Scenario scenario, Plan plan, String howFound)
            throws Exception {
        try (MailClient client = scenario.client()) {
            RunResult interrupted = wiring.apply(plan, scenario.logins(), journals,
                    cancelAfter(batch -> batch.command() instanceof BatchCommand.Move));
            Batch move = crashBeforeLastOutcome(interrupted.runId());
            RunJournal crashed = journals.read(interrupted.runId());
            assertTrue(crashed.closing().isEmpty());
            assertEquals(List.of(move.id()), batchIds(crashed.pendingBatches()).stream().toList());

            RunResult resumed = wiring.resume(interrupted.runId(), scenario.logins(), journals, RunProgress.NONE);

            assertEquals(RunStatus.COMPLETED, resumed.status(), resumed.toString());
            assertEquals(scenario.before().after(scenario.plan().mailboxes().getFirst()), Census.of(client),
                    "the move the server did is not repeated, and nothing else is lost");
            BatchAttempt reconciled = journals.read(resumed.runId()).batches().stream()
                    .filter(attempt -> attempt.intent().batchId().equals(move.id())).findFirst().orElseThrow();
            assertEquals(move.uids(), reconciled.copyUid().orElseThrow().sources(), howFound);

            UndoResult undo = wiring.undo(interrupted.runId(), scenario.logins(), journals, RunProgress.NONE);

            assertEquals(List.of(), undo.notRestored());
            assertEquals(scenario.before(), Census.of(client));
        }
    }

    @Test
    void aRunLogsInOnceItsApplyGoingOnInTheDryRunsSession() throws Exception {
        Scenario scenario = scenario("delete");
        try (MailClient client = scenario.client(); FaultProxy proxy = FaultProxy.start(DOVECOT.imapPort());
                WarmSessions warm = new WarmSessions()) {
            MailboxSettings settings = new MailboxSettings("sdr", "127.0.0.1", proxy.port(), Security.PLAIN,
                    scenario.user(), Optional.empty(), Optional.empty());
            MailboxLogins logins = name -> new MailboxLogin(settings, Credentials.password(DovecotServer.PASSWORD));
            Plan plan = wiring.planForApplying(work.resolve("sales.mailrules"), scenario.model(), logins,
                    Optional.of(warm)).plan();

            RunResult run = wiring.apply(plan, logins, journals, warm);

            assertEquals(RunStatus.COMPLETED, run.status(), run.toString());
            assertEquals(1, proxy.connections(), "the apply took the dry run's session instead of logging in again");
            assertEquals(scenario.before().after(scenario.plan().mailboxes().getFirst()), Census.of(client));
        }
    }

    @Test
    void aRunMarksAllItsTargetsWithOneListInsteadOfAStatusBeforeEachMove() throws Exception {
        Scenario scenario = scenario("delete");
        try (MailClient client = scenario.client(); FaultProxy proxy = FaultProxy.start(DOVECOT.imapPort())) {
            MailboxSettings settings = new MailboxSettings("sdr", "127.0.0.1", proxy.port(), Security.PLAIN,
                    scenario.user(), Optional.empty(), Optional.empty());
            MailboxLogins logins = name -> new MailboxLogin(settings, Credentials.password(DovecotServer.PASSWORD));
            Plan plan = wiring.planForApplying(work.resolve("sales.mailrules"), scenario.model(), logins).plan();

            RunResult run = wiring.apply(plan, logins, journals, RunProgress.NONE);

            assertEquals(RunStatus.COMPLETED, run.status(), run.toString());
            List<String> sent = proxy.clientLines();
            // The dry run reads its folders' state by STATUS too; only the apply's lines count here.
            List<String> lines = sent.subList(IntStream.range(0, sent.size())
                    .filter(index -> sent.get(index).matches("\\S+ SELECT .*")).findFirst().orElseThrow(), sent.size());
            List<Long> targetsPerFolder = plan.mailboxes().getFirst().folders().stream()
                    .map(folder -> folder.batches().stream().flatMap(batch -> batch.command().target().stream())
                            .distinct().count())
                    .filter(targets -> targets > 0).toList();
            assertTrue(targetsPerFolder.stream().anyMatch(targets -> targets > 1), targetsPerFolder::toString);
            assertEquals(targetsPerFolder.stream().filter(targets -> targets > 1).count(),
                    lines.stream().filter(line -> line.matches("\\S+ LIST .* RETURN \\(STATUS .*")).count(),
                    "one LIST for each folder whose batches go to several targets: " + lines);
            assertEquals(targetsPerFolder.stream().filter(targets -> targets == 1).count(),
                    lines.stream().filter(line -> line.matches("\\S+ STATUS .*")).count(),
                    "a STATUS where a folder's batches have one target only: " + lines);
            List<BatchAttempt> moves = journals.read(run.runId()).batches().stream()
                    .filter(attempt -> attempt.intent().command().target().isPresent()).toList();
            assertTrue(moves.size() >= 2, moves::toString);
            for (BatchAttempt move : moves) {
                long arrived = move.copyUid().orElseThrow().targets().first();
                long mark = move.intent().targetMark().orElseThrow().uidNext();
                assertTrue(mark <= arrived, "the mark bounds what arrived from below: " + move);
            }
        }
    }

    @Test
    void mailDeliveredToTheTargetWhileAnAnswerWasLostIsNeverTakenForMovedMail() throws Exception {
        Scenario scenario = scenario("delete");
        try (MailClient client = scenario.client()) {
            RunResult interrupted = wiring.apply(planForApplying(scenario), scenario.logins(), journals,
                    cancelAfter(batch -> batch.command() instanceof BatchCommand.Move));
            Batch move = crashBeforeLastOutcome(interrupted.runId());
            String target = move.command().target().orElseThrow();
            client.append(target, TestMessage.of("Fay <fay@example.org>", "Delivered meanwhile"));

            RunResult resumed = wiring.resume(interrupted.runId(), scenario.logins(), journals, RunProgress.NONE);
            UndoResult undo = wiring.undo(interrupted.runId(), scenario.logins(), journals, RunProgress.NONE);

            assertEquals(RunStatus.COMPLETED, resumed.status(), resumed.toString());
            assertEquals(target, Census.of(client).bySubject("Delivered meanwhile").folder(),
                    "undo does not guess which of the new messages in the target were ours");
            assertEquals(List.of(move.uids()), undo.notRestored().stream().map(NotRestored::uids).toList());
            NotRestored unpaired = undo.notRestored().getFirst();
            assertEquals(NotRestored.Reason.UNPAIRED, unpaired.reason(), "it arrived, but cannot be told apart");
            assertTrue(unpaired.describe().contains("left in \"" + target + "\""), unpaired.describe());
        }
    }

    private Plan planForApplying(Scenario scenario) throws Exception {
        return wiring.planForApplying(work.resolve("sales.mailrules"), scenario.model(), scenario.logins()).plan();
    }

    @Test
    void anInterruptedUndoIsFinishedByResume() throws Exception {
        Scenario scenario = scenario("delete");
        try (MailClient client = scenario.client()) {
            RunResult run = wiring.apply(scenario.plan(), scenario.logins(), journals, RunProgress.NONE);
            UndoResult cut = wiring.undo(run.runId(), scenario.logins(), journals, cancelAfter(batch -> true));
            assertEquals(RunStatus.INTERRUPTED, cut.run().status());
            assertFalse(scenario.before().equals(Census.of(client)));

            RunResult finished = wiring.resume(cut.run().runId(), scenario.logins(), journals, RunProgress.NONE);

            assertEquals(RunStatus.COMPLETED, finished.status(), finished.toString());
            assertEquals(scenario.before(), Census.of(client));
            assertEquals(RunStatus.UNDONE, journals.history().find(run.runId()).orElseThrow().status());
        }
    }

    /** Cancels the run once a batch matching {@code last} is done. */
    private static RunProgress cancelAfter(Predicate<Batch> last) {
        return new RunProgress() {
            private volatile boolean cancelled;

            @Override
            public void batchDone(Batch batch, BatchOutcome outcome) {
                cancelled = cancelled || last.test(batch);
            }

            @Override
            public boolean isCancelled() {
                return cancelled;
            }
        };
    }

    /**
     * Cuts the journal of a cancelled run back to just after its last intent, as if the process died after the
     * server carried the command out and before the answer was journaled.
     *
     * @return the batch left without its outcome
     */
    private Batch crashBeforeLastOutcome(RunId run) throws Exception {
        Path file = journals.directory().resolve(run.value() + ".jsonl");
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        JournalEntry outcome = JournalJson.entryFromLine(lines.get(lines.size() - 2));
        BatchId batch = assertInstanceOf(OutcomeRecord.class, outcome).batchId();
        assertInstanceOf(IntentRecord.class, JournalJson.entryFromLine(lines.get(lines.size() - 3)));
        Files.writeString(file, String.join("\n", lines.subList(0, lines.size() - 2)) + "\n", StandardCharsets.UTF_8);
        return journals.plan(run).orElseThrow().batch(batch).orElseThrow();
    }

    private static Set<BatchId> batchIds(List<BatchAttempt> attempts) {
        return attempts.stream().map(attempt -> attempt.intent().batchId())
                .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
    }
}
