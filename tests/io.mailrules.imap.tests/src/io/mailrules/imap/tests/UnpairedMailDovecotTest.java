package io.mailrules.imap.tests;

import static io.mailrules.imap.testsupport.SalesMail.BOUNCE;
import static io.mailrules.imap.testsupport.SalesMail.CUSTOMER;
import static io.mailrules.imap.testsupport.SalesMail.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mailrules.core.journal.IntentRecord;
import io.mailrules.core.journal.JournalEntry;
import io.mailrules.core.journal.OutcomeRecord;
import io.mailrules.core.journal.RunClosing;
import io.mailrules.core.journal.store.JournalStore;
import io.mailrules.core.json.JournalJson;
import io.mailrules.core.plan.Batch;
import io.mailrules.core.plan.BatchCommand;
import io.mailrules.core.plan.Flags;
import io.mailrules.core.plan.Plan;
import io.mailrules.core.plan.PlannedMessage;
import io.mailrules.core.plan.SystemFlag;
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
import io.mailrules.imap.UndoResult;
import io.mailrules.imap.testsupport.Census;
import io.mailrules.imap.testsupport.DovecotServer;
import io.mailrules.imap.testsupport.MailClient;
import io.mailrules.imap.testsupport.PrivateDovecot;
import io.mailrules.imap.testsupport.SalesMail;
import io.mailrules.imap.testsupport.TestMessage;
import jakarta.mail.Flags.Flag;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where resume and undo cannot tell the run's mail apart from other mail in a target (the journal of an earlier
 * version recorded no mark of it, or the folder was renumbered since), they leave it where it is and say so, rather
 * than take an older copy with the same Message-ID for it; and a batch retried after a failure is undone to the flags
 * from before its first attempt.
 */
class UnpairedMailDovecotTest {

    @RegisterExtension
    static final PrivateDovecot DOVECOT = new PrivateDovecot("unpaired", DovecotServer.Variant.FULL);

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

    private record Mailbox(String user, Model model, Plan plan, Census before) {
        MailboxLogins logins() {
            return PlanWiring.logins(model, name -> Credentials.password(DovecotServer.PASSWORD));
        }
    }

    /**
     * The sample mail, and older copies (answered) of the routed messages in the folders the rules move them to;
     * planned with Message-IDs, as a preview plans.
     */
    private Mailbox mailbox() throws Exception {
        String user = DOVECOT.freshUser();
        try (MailClient client = DOVECOT.client(user)) {
            SalesMail.seed(client);
            for (String[] copy : List.of(new String[] {BOUNCE, "Bounces"},
                    new String[] {SalesMail.OUT_OF_OFFICE, "AutoReplies"},
                    new String[] {SalesMail.NEWSLETTER, "Newsletters"})) {
                client.copy("INBOX", copy[0], copy[1]);
                client.setFlag(copy[1], copy[0], Flag.ANSWERED, true);
            }
            Path file = SalesRules.write(work.resolve("sales.mailrules"), "sdr", "delete",
                    SalesRules.mailbox("sdr", DOVECOT.imapPort(), user));
            Model model = wiring.load(file);
            Mailbox mailbox = new Mailbox(user, model, null, Census.of(client));
            return new Mailbox(user, model, wiring.plan(file, model, mailbox.logins()).plan(), mailbox.before());
        }
    }

    @Test
    void aMoveWhoseAnswerWasLostInAJournalWithoutTargetMarksIsLeftInItsTargetAndReportedUnpaired() throws Exception {
        Mailbox mailbox = mailbox();
        try (MailClient client = DOVECOT.client(mailbox.user())) {
            RunResult interrupted = wiring.apply(mailbox.plan(), mailbox.logins(), journals,
                    cancelAfter(BatchCommand.Move.class));
            Batch move = crashBeforeLastOutcomeWithoutMark(interrupted.runId());
            String target = move.command().target().orElseThrow();
            String subject = planned(mailbox.plan(), move).subject();

            RunResult resumed = wiring.resume(interrupted.runId(), mailbox.logins(), journals, RunProgress.NONE);

            assertEquals(RunStatus.COMPLETED, resumed.status(), resumed.toString());
            assertEquals(2, Census.of(client).all().stream()
                    .filter(placement -> placement.subject().equals(subject) && placement.folder().equals(target))
                    .count(), "the move the server did is not repeated: the message and its older copy");

            UndoResult undo = wiring.undo(interrupted.runId(), mailbox.logins(), journals, RunProgress.NONE);

            assertEquals(RunStatus.COMPLETED, undo.run().status(), undo.toString());
            assertEquals(1, undo.notRestored().size(), undo.notRestored().toString());
            NotRestored unpaired = undo.notRestored().getFirst();
            assertEquals(NotRestored.Reason.UNPAIRED, unpaired.reason());
            assertEquals(move.id(), unpaired.batchId());
            assertEquals(move.uids(), unpaired.uids());
            assertEquals(Optional.of(target), unpaired.target());
            assertTrue(unpaired.describe().contains("left in \"" + target + "\""), unpaired.describe());
            Census.Placement before = mailbox.before().all().stream()
                    .filter(placement -> placement.subject().equals(subject) && placement.folder().equals("INBOX"))
                    .findFirst().orElseThrow();
            // Its keyword stays too: it was changed on the message that could not be told apart.
            Census.Placement leftThere = Census.of(client).all().stream()
                    .filter(placement -> placement.subject().equals(subject)
                            && !placement.flags().contains("\\Answered"))
                    .findFirst().orElseThrow();
            assertEquals(target, leftThere.folder());
            ExactPairing.assertSameMail(withMoved(mailbox.before(), before, leftThere), Census.of(client),
                    "after the undo, everything else is as before");
        }
    }

    @Test
    void afterTheTargetWasRenumberedUndoLeavesTheMovedMessageThereAndSaysSo() throws Exception {
        Mailbox mailbox = mailbox();
        try (MailClient client = DOVECOT.client(mailbox.user())) {
            RunResult run = wiring.apply(mailbox.plan(), mailbox.logins(), journals, RunProgress.NONE);
            assertEquals(RunStatus.COMPLETED, run.status(), run.toString());
            Census.Placement bounce = mailbox.before().bySubject(BOUNCE);
            // Restored from a backup: the same two messages, under a new UIDVALIDITY.
            client.recreate("Bounces",
                    TestMessage.of("MAILER-DAEMON@mx.example.net", BOUNCE).withMessageId(bounce.messageId()),
                    TestMessage.of("MAILER-DAEMON@mx.example.net", BOUNCE).withMessageId(bounce.messageId()));

            UndoResult undo = wiring.undo(run.runId(), mailbox.logins(), journals, RunProgress.NONE);

            assertEquals(RunStatus.COMPLETED, undo.run().status(), undo.toString());
            assertEquals(1, undo.notRestored().size(), undo.notRestored().toString());
            NotRestored renumbered = undo.notRestored().getFirst();
            assertEquals(NotRestored.Reason.RENUMBERED, renumbered.reason());
            assertEquals(List.of(BOUNCE), renumbered.subjects());
            assertEquals(Optional.of("Bounces"), renumbered.target());
            assertTrue(renumbered.describe().contains("\"Bounces\", where the run put them, was renumbered"),
                    renumbered.describe());
            assertEquals(List.of("Bounces", "Bounces"), Census.of(client).all().stream()
                    .filter(placement -> placement.subject().equals(BOUNCE)).map(Census.Placement::folder).toList(),
                    "neither message is taken for the moved one");
        }
    }

    @Test
    void aFlagBatchRetriedAfterAFailureIsUndoneToTheFlagsFromBeforeItsFirstAttempt() throws Exception {
        Mailbox mailbox = mailbox();
        try (MailClient client = DOVECOT.client(mailbox.user())) {
            RunResult run = wiring.apply(mailbox.plan(), mailbox.logins(), journals, RunProgress.NONE);
            assertEquals(RunStatus.COMPLETED, run.status(), run.toString());
            Batch flag = mailbox.plan().batches().stream().filter(batch -> batch.command()
                    .equals(new BatchCommand.AddFlags(Flags.of(SystemFlag.FLAGGED.imapName())))).findFirst()
                    .orElseThrow();
            // As a STORE refused after its first part: the server flagged the message, the journal says failed.
            recordAsFailed(run.runId(), flag);
            assertEquals(List.of("\\Flagged"), Census.of(client).bySubject(CUSTOMER).flags());

            RunResult resumed = wiring.resume(run.runId(), mailbox.logins(), journals, RunProgress.NONE);
            assertEquals(RunStatus.COMPLETED, resumed.status(), resumed.toString());
            UndoResult undo = wiring.undo(run.runId(), mailbox.logins(), journals, RunProgress.NONE);

            assertEquals(RunStatus.COMPLETED, undo.run().status(), undo.toString());
            assertEquals(List.of(), undo.notRestored());
            ExactPairing.assertSameMail(mailbox.before(), Census.of(client), "after the undo");
        }
    }

    private static Census withMoved(Census census, Census.Placement from, Census.Placement to) {
        List<Census.Placement> all = new ArrayList<>(census.all());
        all.remove(from);
        all.add(to);
        return Census.of(all);
    }

    private static PlannedMessage planned(Plan plan, Batch batch) {
        return plan.mailboxes().getFirst().folders().stream()
                .filter(folder -> folder.folder().equals(batch.folder()))
                .flatMap(folder -> folder.messages().stream())
                .filter(message -> message.uid() == batch.uids().first()).findFirst().orElseThrow();
    }

    /** Cancels the run once a batch of {@code command} is done. */
    private static RunProgress cancelAfter(Class<? extends BatchCommand> command) {
        return new RunProgress() {
            private volatile boolean cancelled;

            @Override
            public void batchDone(Batch batch, BatchOutcome outcome) {
                cancelled = cancelled || command.isInstance(batch.command());
            }

            @Override
            public boolean isCancelled() {
                return cancelled;
            }
        };
    }

    /**
     * Cuts the journal of a cancelled run back to just after its last intent, as if the process died after the
     * server carried the command out, and writes that intent as a journal of an earlier version did: without the
     * target's mark.
     */
    private Batch crashBeforeLastOutcomeWithoutMark(RunId run) throws Exception {
        Path file = journals.directory().resolve(run.value() + ".jsonl");
        List<String> lines = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
        OutcomeRecord outcome = assertInstanceOf(OutcomeRecord.class,
                JournalJson.entryFromLine(lines.get(lines.size() - 2)));
        IntentRecord intent = assertInstanceOf(IntentRecord.class,
                JournalJson.entryFromLine(lines.get(lines.size() - 3)));
        assertTrue(intent.targetMark().isPresent(), "this version records the mark");
        IntentRecord unmarked = new IntentRecord(intent.runId(), intent.batchId(), intent.at(), intent.mailbox(),
                intent.folder(), intent.uidValidity(), intent.uids(), intent.command(), intent.flagsBefore(),
                Optional.empty());
        List<String> kept = new ArrayList<>(lines.subList(0, lines.size() - 3));
        kept.add(JournalJson.toLine(unmarked));
        Files.writeString(file, String.join("\n", kept) + "\n", StandardCharsets.UTF_8);
        return journals.plan(run).orElseThrow().batch(outcome.batchId()).orElseThrow();
    }

    /** Rewrites the outcome of {@code batch} in the run's journal as a failure, and the run as partial. */
    private void recordAsFailed(RunId run, Batch batch) throws Exception {
        Path file = journals.directory().resolve(run.value() + ".jsonl");
        List<String> lines = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            JournalEntry entry = JournalJson.entryFromLine(line);
            if (entry instanceof OutcomeRecord outcome && outcome.batchId().equals(batch.id())) {
                line = JournalJson.toLine(new OutcomeRecord(run, batch.id(), outcome.at(),
                        BatchOutcome.failed("NO [SERVERBUG] refused after the first part")));
            } else if (entry instanceof RunClosing closing) {
                line = JournalJson.toLine(new RunClosing(run, closing.at(), RunStatus.PARTIAL));
            }
            lines.add(line);
        }
        Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    }
}
