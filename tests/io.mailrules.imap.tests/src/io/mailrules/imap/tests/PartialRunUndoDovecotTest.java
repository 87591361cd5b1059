package io.mailrules.imap.tests;

import static io.mailrules.imap.testsupport.SalesMail.CUSTOMER;
import static io.mailrules.imap.testsupport.SalesMail.NEWSLETTER;
import static io.mailrules.imap.testsupport.SalesMail.NOW;
import static io.mailrules.imap.testsupport.SalesMail.OUT_OF_OFFICE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mailrules.core.check.Consent;
import io.mailrules.core.check.PlanGate;
import io.mailrules.core.journal.IntentRecord;
import io.mailrules.core.journal.OutcomeRecord;
import io.mailrules.core.journal.RunClosing;
import io.mailrules.core.journal.store.BatchAttempt;
import io.mailrules.core.journal.store.JournalStore;
import io.mailrules.core.json.JournalJson;
import io.mailrules.core.plan.Batch;
import io.mailrules.core.plan.BatchCommand;
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
import io.mailrules.imap.MailboxLogin;
import io.mailrules.imap.MailboxLogins;
import io.mailrules.imap.MailboxSettings;
import io.mailrules.imap.Security;
import io.mailrules.imap.UndoResult;
import io.mailrules.imap.testsupport.Census;
import io.mailrules.imap.testsupport.DovecotServer;
import io.mailrules.imap.testsupport.FaultProxy;
import io.mailrules.imap.testsupport.MailClient;
import io.mailrules.imap.testsupport.PrivateDovecot;
import io.mailrules.imap.testsupport.SalesMail;
import io.mailrules.imap.testsupport.TestMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The undo of a partial run whose moves the server refused after its flag batches had run, as Cyrus and Courier
 * servers without MOVE and UIDPLUS did: every flag and keyword the run changed comes back, also on the messages of
 * the batch that moved nothing, and nothing is reported as not restored, since all of it was.
 */
class PartialRunUndoDovecotTest {

    /** Newsletters besides the sample's one: each is marked seen, then refused its move. */
    private static final int MORE_NEWSLETTERS = 12;

    @RegisterExtension
    static final PrivateDovecot LEGACY = new PrivateDovecot("partial-legacy",
            DovecotServer.Variant.WITHOUT_MOVE_AND_UIDPLUS);

    @RegisterExtension
    static final PrivateDovecot FULL = new PrivateDovecot("partial-full", DovecotServer.Variant.FULL);

    @TempDir
    Path work;

    private final PlanWiring wiring = new PlanWiring(
            new ImapConnector(ConnectorOptions.defaults(), new HostConnectionLimiter(4)), Clock.fixed(NOW,
                    ZoneOffset.UTC));
    private JournalStore journals;

    @BeforeEach
    void journalDirectory() {
        journals = new JournalStore(work.resolve("journal"));
    }

    private record Mailbox(String user, Model model, Plan plan, Census before) {
        MailboxLogins logins() {
            return PlanWiring.logins(model, name -> Credentials.password(DovecotServer.PASSWORD));
        }
    }

    /** The sample sales mail with more newsletters, and the plan `mailrules run` makes of the sample rules. */
    private Mailbox mailbox(PrivateDovecot dovecot) throws Exception {
        String user = dovecot.freshUser();
        try (MailClient client = dovecot.client(user)) {
            SalesMail.seed(client, dovecot.variant().prefix);
            for (int i = 1; i <= MORE_NEWSLETTERS; i++) {
                client.append("INBOX", TestMessage.of("Weekly <news@vendor.example>", NEWSLETTER + " #" + i)
                        .withHeader("List-Unsubscribe", "<mailto:leave@vendor.example>"));
            }
            Path file = SalesRules.write(work.resolve("sales.mailrules"), "sdr", "delete",
                    SalesRules.mailbox("sdr", dovecot.imapPort(), user));
            Model model = wiring.load(file);
            Mailbox mailbox = new Mailbox(user, model, null, Census.of(client));
            Plan plan = wiring.planForApplying(file, model, mailbox.logins()).plan();
            return new Mailbox(user, model, plan, mailbox.before());
        }
    }

    @Test
    void onAServerWithNeitherMoveNorUidPlusUndoRestoresEveryFlagOfARunWhoseMovesWereRefused() throws Exception {
        Mailbox mailbox = mailbox(LEGACY);
        try (MailClient client = LEGACY.client(mailbox.user())) {
            // Today a run leaves out what the server cannot do, or does not start; a run of a version before those
            // checks sent the moves after the flags, and the connector refused each: its journal is undone here.
            RunResult run = wiring.apply(mailbox.plan(), PlanGate.defaults().with(new Consent(true, true)),
                    mailbox.logins(), journals);
            List<Batch> moves = mailbox.plan().batches().stream()
                    .filter(batch -> batch.command() instanceof BatchCommand.Move).toList();
            journalAsBeforeTheChecks(run.runId(), moves);
            List<BatchAttempt> attempts = journals.read(run.runId()).batches();
            assertEquals(moves.size(), attempts.stream().filter(BatchAttempt::isFailed).count(), attempts::toString);
            Census partial = Census.of(client);
            assertEquals(List.of("\\Seen"), partial.bySubject(NEWSLETTER + " #1").flags());
            assertEquals("INBOX", partial.bySubject(NEWSLETTER + " #1").folder(), "the move was refused");
            assertEquals(List.of("$AutoReply"), partial.bySubject(OUT_OF_OFFICE).flags());
            assertEquals(List.of("\\Flagged"), partial.bySubject(CUSTOMER).flags());

            UndoResult undo = wiring.undo(run.runId(), mailbox.logins(), journals, RunProgress.NONE);

            assertEquals(RunStatus.COMPLETED, undo.run().status(), undo.toString());
            assertEquals(List.of(), undo.notRestored(), "messages the run never moved are not missing");
            ExactPairing.assertSameMail(mailbox.before(), Census.of(client), "after the undo");
        }
    }

    /**
     * Writes into the run's journal what a run of a version before the plan checks wrote for {@code refused}: an
     * intent and the connector's refusal for each, and the run as partial.
     */
    private void journalAsBeforeTheChecks(RunId run, List<Batch> refused) throws Exception {
        Path file = journals.directory().resolve(run.value() + ".jsonl");
        List<String> lines = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (JournalJson.entryFromLine(line) instanceof RunClosing closing) {
                for (Batch batch : refused) {
                    lines.add(JournalJson.toLine(IntentRecord.of(run, batch, closing.at(), List.of())));
                    lines.add(JournalJson.toLine(new OutcomeRecord(run, batch.id(), closing.at(),
                            BatchOutcome.failed("Mailbox sdr on 127.0.0.1: cannot move messages to \""
                                    + batch.command().target().orElseThrow() + "\": the server offers neither MOVE"
                                    + " nor UIDPLUS. Nothing was moved."))));
                }
                line = JournalJson.toLine(new RunClosing(run, closing.at(), RunStatus.PARTIAL));
            }
            lines.add(line);
        }
        Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    }

    @Test
    void aMoveRefusedBecauseItsTargetWasDeletedMovedNothingAndUndoRestoresTheFlagsOfItsMessages() throws Exception {
        Mailbox mailbox = mailbox(FULL);
        try (MailClient client = FULL.client(mailbox.user()); FaultProxy proxy = FaultProxy.start(FULL.imapPort())) {
            MailboxSettings settings = new MailboxSettings("sdr", "127.0.0.1", proxy.port(), Security.PLAIN,
                    mailbox.user(), Optional.empty(), Optional.empty());
            MailboxLogins throughProxy =
                    name -> new MailboxLogin(settings, Credentials.password(DovecotServer.PASSWORD));
            // Another client removes the folder after the run created it, just before the largest move goes there.
            proxy.before(Pattern.compile("\\S+ UID MOVE \\S+ \"?Newsletters\"?"), () -> client.delete("Newsletters"));

            RunResult run = wiring.apply(mailbox.plan(), throughProxy, journals, RunProgress.NONE);

            assertTrue(proxy.interludeDone());
            assertEquals(RunStatus.PARTIAL, run.status(), run.toString());
            BatchAttempt refused = journals.read(run.runId()).batches().stream()
                    .filter(attempt -> attempt.intent().command().target().equals(Optional.of("Newsletters")))
                    .findFirst().orElseThrow();
            assertTrue(refused.isFailed(), refused.toString());
            assertEquals(MORE_NEWSLETTERS + 1, refused.intent().uids().size());
            assertFalse(client.exists("Newsletters"));
            assertEquals(List.of("\\Seen"), Census.of(client).bySubject(NEWSLETTER).flags());

            UndoResult undo = wiring.undo(run.runId(), mailbox.logins(), journals, RunProgress.NONE);

            assertEquals(RunStatus.COMPLETED, undo.run().status(), undo.toString());
            assertEquals(List.of(), undo.notRestored(), "messages the run never moved are not missing");
            ExactPairing.assertSameMail(mailbox.before(), Census.of(client), "after the undo");
        }
    }
}
