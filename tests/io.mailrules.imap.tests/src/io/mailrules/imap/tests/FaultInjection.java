package io.mailrules.imap.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mailrules.core.journal.store.JournalStore;
import io.mailrules.core.journal.store.RunJournal;
import io.mailrules.core.plan.Plan;
import io.mailrules.core.run.RunProgress;
import io.mailrules.core.run.RunResult;
import io.mailrules.core.run.RunStatus;
import io.mailrules.imap.ConnectorOptions;
import io.mailrules.imap.Credentials;
import io.mailrules.imap.HostConnectionLimiter;
import io.mailrules.imap.ImapConnector;
import io.mailrules.imap.MailboxLogin;
import io.mailrules.imap.MailboxLogins;
import io.mailrules.imap.MailboxSettings;
import io.mailrules.imap.Security;
import io.mailrules.imap.UndoResult;
import io.mailrules.imap.testsupport.Census;
import io.mailrules.imap.testsupport.DovecotServer;
import io.mailrules.imap.testsupport.FaultProxy;
import io.mailrules.imap.testsupport.FaultProxy.FaultPoint;
import io.mailrules.imap.testsupport.MailClient;
import io.mailrules.imap.testsupport.ParallelCases;
import io.mailrules.imap.testsupport.PrivateDovecot;
import io.mailrules.imap.testsupport.SalesMail;
import io.mailrules.imap.testsupport.TestMessage;
import io.mailrules.dsl.mailrules.Model;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The proof that a broken connection loses nothing, run against one variant of the private Dovecot: the sample
 * plan (moves, a keyword, flags, a delete to Trash) is applied once through the {@link FaultProxy} without a
 * fault, to count its mailbox-changing commands and take the census an uninterrupted run leaves; then, on an exact
 * copy of the same mailbox for each, the connection is cut before every one of those commands, after the server
 * carried it out but before its answer arrived, and just after its answer. Each cut run must close its journal as
 * interrupted, its resume must end on exactly the uninterrupted census (nothing lost, duplicated or in two folders:
 * the census counts every duplicate), and the undo of the whole lineage must bring back the census from before.
 * The undo is cut the same way at each of its own commands, and its resume must bring back the census from before.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class FaultInjection {

    static final String DELETED_ELSEWHERE = "Marked deleted by another client";

    @TempDir
    Path work;

    /** Cases run side by side, each through a proxy of its own, since most of their time is spent waiting. */
    private static final int CASES_AT_ONCE = 3;

    private final PlanWiring wiring = new PlanWiring(
            new ImapConnector(ConnectorOptions.defaults(), new HostConnectionLimiter(2 * CASES_AT_ONCE)),
            Clock.fixed(SalesMail.NOW, ZoneOffset.UTC));
    private final ParallelCases cases = new ParallelCases(CASES_AT_ONCE);

    /** The private Dovecot of the subclass; only the variant differs. */
    abstract PrivateDovecot dovecot();

    /** The plan's mailbox on a fresh copy of the template, seen through the proxy. */
    private static MailboxLogins throughProxy(FaultProxy proxy, String user) {
        MailboxSettings settings = new MailboxSettings("sdr", "127.0.0.1", proxy.port(), Security.PLAIN, user,
                Optional.empty(), Optional.empty());
        return name -> new MailboxLogin(settings, Credentials.password(DovecotServer.PASSWORD));
    }

    /** What every case starts from: a seeded mailbox, its census, the plan made on it. */
    private record Template(String user, Census before, Plan plan) {
    }

    private Template template() throws Exception {
        String user = dovecot().freshUser();
        Census before;
        try (MailClient client = dovecot().client(user)) {
            SalesMail.seed(client, dovecot().variant().prefix);
            // The fallback move must expunge only what it moved, also when a cut leaves a copy behind.
            client.append("INBOX", TestMessage.of("Ed <ed@example.org>", DELETED_ELSEWHERE));
            client.markDeleted("INBOX", DELETED_ELSEWHERE);
            before = Census.of(client);
        }
        Path file = SalesRules.write(work.resolve("sales.mailrules"), "sdr", "delete",
                SalesRules.mailbox("sdr", dovecot().imapPort(), user));
        Model model = wiring.load(file);
        // Planned as `mailrules run` plans: no Message-IDs, so a lost answer is recovered by where mail arrived.
        Plan plan = wiring.planForApplying(file, model, PlanWiring.logins(model,
                name -> Credentials.password(DovecotServer.PASSWORD))).plan();
        return new Template(user, before, plan);
    }

    /** A new user with an exact copy of the template's mailbox (same Message-IDs, UIDs and UIDVALIDITY). */
    private String copyOf(Template template) throws Exception {
        String user = dovecot().freshUser();
        dovecot().server().copyMailbox(template.user(), user);
        return user;
    }

    private Census census(String user) throws Exception {
        try (MailClient client = dovecot().client(user)) {
            return Census.of(client);
        }
    }

    @TestFactory
    Stream<DynamicTest> aRunCutAtAnyCommandIsResumedToTheCensusOfAnUninterruptedRunAndUndoneToTheOneBefore()
            throws Exception {
        Template template = template();
        String reference = copyOf(template);
        List<FaultProxy.Command> commands;
        try (FaultProxy proxy = FaultProxy.start(dovecot().imapPort())) {
            RunResult uninterrupted = wiring.apply(template.plan(), throughProxy(proxy, reference),
                    new JournalStore(work.resolve("reference")), RunProgress.NONE);
            assertEquals(RunStatus.COMPLETED, uninterrupted.status(), uninterrupted.toString());
            commands = proxy.commands();
        }
        Census expected = census(reference);
        assertNotEquals(template.before(), expected, "the sample plan changes the mailbox");
        assertFalse(commands.stream().anyMatch(command -> command.verb().equals("EXPUNGE")),
                "a plain EXPUNGE would also erase what other clients marked deleted: " + commands);
        checkCommands(commands);
        List<FaultPoint> points = FaultPoint.all(commands.size());
        System.out.println(getClass().getSimpleName() + ": " + points.size() + " fault points over "
                + commands.size() + " mailbox-changing commands: "
                + commands.stream().map(FaultProxy.Command::verb).toList());
        List<DynamicTest> tests = new ArrayList<>();
        for (FaultPoint point : points) {
            tests.add(cases.start(point + " (" + commands.get(point.command() - 1).verb() + ")",
                    () -> cutResumeAndUndo(template, point, expected)));
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> anUndoCutAtAnyCommandIsResumedToTheCensusFromBeforeTheRun() throws Exception {
        Template template = template();
        String reference = copyOf(template);
        List<FaultProxy.Command> commands;
        try (FaultProxy proxy = FaultProxy.start(dovecot().imapPort())) {
            JournalStore journals = new JournalStore(work.resolve("undo-reference"));
            RunResult run = wiring.apply(template.plan(), throughProxy(proxy, reference), journals, RunProgress.NONE);
            proxy.disarm();
            UndoResult undo = wiring.undo(run.runId(), throughProxy(proxy, reference), journals, RunProgress.NONE);
            assertEquals(RunStatus.COMPLETED, undo.run().status(), undo.toString());
            commands = proxy.commands();
        }
        assertEquals(template.before(), census(reference));
        List<FaultPoint> points = FaultPoint.all(commands.size());
        System.out.println(getClass().getSimpleName() + ": " + points.size() + " fault points of the undo over "
                + commands.size() + " mailbox-changing commands: "
                + commands.stream().map(FaultProxy.Command::verb).toList());
        List<DynamicTest> tests = new ArrayList<>();
        for (FaultPoint point : points) {
            tests.add(cases.start("undo " + point + " (" + commands.get(point.command() - 1).verb() + ")",
                    () -> cutUndoAndResume(template, point)));
        }
        return tests.stream();
    }

    private void cutUndoAndResume(Template template, FaultPoint point) throws Exception {
        String user = copyOf(template);
        JournalStore journals = new JournalStore(work.resolve("undo-" + point.command() + "-" + point.cut()));
        try (FaultProxy proxy = FaultProxy.start(dovecot().imapPort())) {
            MailboxLogins logins = throughProxy(proxy, user);
            RunResult run = wiring.apply(template.plan(), logins, journals, RunProgress.NONE);
            assertEquals(RunStatus.COMPLETED, run.status(), run.toString());
            proxy.arm(point);
            UndoResult cut = wiring.undo(run.runId(), logins, journals, RunProgress.NONE);
            assertTrue(proxy.fired(), "the undo never reached " + point + ": " + proxy.commands());
            proxy.disarm();
            if (cut.run().status() == RunStatus.COMPLETED) {
                assertEquals(FaultProxy.Cut.AFTER_REPLY, point.cut(), cut.toString());
            } else {
                assertEquals(RunStatus.INTERRUPTED, cut.run().status(), cut.toString());

                RunResult finished = wiring.resume(cut.run().runId(), logins, journals, RunProgress.NONE);

                assertEquals(RunStatus.COMPLETED, finished.status(), finished.toString());
            }
            assertEquals(template.before(), census(user), "after the undo and its resume");
            assertEquals(RunStatus.UNDONE, journals.history().find(run.runId()).orElseThrow().status());
        }
    }

    /** The variant's own expectations of the commands an uninterrupted run sends, e.g. no MOVE without MOVE. */
    abstract void checkCommands(List<FaultProxy.Command> commands);

    private void cutResumeAndUndo(Template template, FaultPoint point, Census expected) throws Exception {
        String user = copyOf(template);
        Path directory = work.resolve("journal-" + point.command() + "-" + point.cut());
        Files.createDirectories(directory);
        JournalStore journals = new JournalStore(directory);
        try (FaultProxy proxy = FaultProxy.start(dovecot().imapPort())) {
            MailboxLogins logins = throughProxy(proxy, user);
            proxy.arm(point);
            RunResult cut = wiring.apply(template.plan(), logins, journals, RunProgress.NONE);
            assertTrue(proxy.fired(), "the run never reached " + point + ": " + proxy.commands());
            proxy.disarm();
            RunJournal journal = journals.read(cut.runId());
            assertEquals(cut.status(), journal.closing().orElseThrow().status());
            if (cut.status() == RunStatus.COMPLETED) {
                // Cut while closing the folder or logging out after its last command: nothing was left to lose.
                assertEquals(FaultProxy.Cut.AFTER_REPLY, point.cut(), cut.toString());
                assertTrue(journal.batches().stream().allMatch(attempt -> attempt.isDone()),
                        journal.batches().toString());
            } else {
                assertEquals(RunStatus.INTERRUPTED, cut.status(), cut.toString());
                if (point.cut() != FaultProxy.Cut.AFTER_REPLY) {
                    assertEquals(1, journal.pendingBatches().size(), "the batch whose answer is unknown is pending: "
                            + journal.batches());
                }
                RunResult resumed = wiring.resume(cut.runId(), logins, journals, RunProgress.NONE);
                assertEquals(RunStatus.COMPLETED, resumed.status(), resumed.toString());
            }
            assertEquals(expected, census(user), "after the resume, compared with an uninterrupted run");

            UndoResult undo = wiring.undo(cut.runId(), logins, journals, RunProgress.NONE);

            assertEquals(RunStatus.COMPLETED, undo.run().status(), undo.toString());
            assertEquals(List.of(), undo.notRestored());
            assertEquals(template.before(), census(user), "after undoing the run and its resume");
        }
    }

    @AfterAll
    void stopCases() {
        cases.close();
    }
}
