package io.mailrules.imap.tests;

import io.mailrules.imap.testsupport.Census;
import io.mailrules.imap.testsupport.FaultProxy;
import io.mailrules.imap.testsupport.DovecotServer;
import io.mailrules.imap.testsupport.MailClient;
import io.mailrules.imap.testsupport.PrivateDovecot;
import io.mailrules.imap.testsupport.TestMessage;
import static io.mailrules.imap.testsupport.SalesMail.NOW;
import static io.mailrules.imap.testsupport.SalesMail.OLD_AUTO_REPLY;
import static io.mailrules.imap.testsupport.SalesMail.RECENT_AUTO_REPLY;
import io.mailrules.imap.testsupport.SalesMail;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mailrules.core.incremental.FolderStateStore;
import io.mailrules.core.journal.store.BatchAttempt;
import io.mailrules.core.journal.store.JournalStore;
import io.mailrules.core.journal.store.RunJournal;
import io.mailrules.core.plan.Batch;
import io.mailrules.core.plan.BatchCommand;
import io.mailrules.core.plan.MailboxPlan;
import io.mailrules.core.plan.Plan;
import io.mailrules.core.plan.UidSet;
import io.mailrules.core.run.BatchOutcome;
import io.mailrules.core.run.MailboxReport;
import io.mailrules.core.run.RunProgress;
import io.mailrules.core.run.RunResult;
import io.mailrules.core.run.RunStatus;
import io.mailrules.core.source.SnapshotChangedException;
import io.mailrules.dsl.mailrules.Model;
import io.mailrules.engine.AppliedFolders;
import io.mailrules.engine.CompiledPlan;
import io.mailrules.imap.ConnectorOptions;
import io.mailrules.imap.Credentials;
import io.mailrules.imap.HostConnectionLimiter;
import io.mailrules.imap.ImapConnector;
import io.mailrules.imap.MailboxLogins;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rules file planned over the private Dovecot and applied there, checked the way its user would: where each
 * message ended up with which flags, what the journal says, and what happens when the mailbox changed in between.
 */
class PlanRunDovecotTest {

    @RegisterExtension
    static final PrivateDovecot DOVECOT = new PrivateDovecot("plan-run", DovecotServer.Variant.FULL);

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

    private String mailboxBlock(String name, String user) {
        return SalesRules.mailbox(name, DOVECOT.imapPort(), user);
    }

    private Path rulesFile(String targets, String... mailboxBlocks) throws Exception {
        return SalesRules.write(work.resolve("sales.mailrules"), targets, "delete", mailboxBlocks);
    }

    private static void seed(MailClient client) throws Exception {
        SalesMail.seed(client);
    }

    private static MailClient client(String user) throws Exception {
        return DOVECOT.client(user);
    }

    private static MailboxLogins logins(Model model) {
        return PlanWiring.logins(model, name -> Credentials.password(DovecotServer.PASSWORD));
    }

    @Test
    void theDryRunChangesNothingAndTheRunEndsWhereThePlanSaid() throws Exception {
        String user = DOVECOT.freshUser();
        try (MailClient client = client(user)) {
            seed(client);
            Path file = rulesFile("sdr", mailboxBlock("sdr", user));
            Model model = wiring.load(file);
            Census before = Census.of(client);

            Plan plan = wiring.plan(file, model, logins(model)).plan();

            assertEquals(before, Census.of(client), "the dry run changed the mailbox");
            MailboxPlan mailbox = plan.mailboxes().getFirst();
            assertEquals(List.of("Bounces", "Newsletters", "Archive"), mailbox.foldersToCreate());

            RunResult result = wiring.apply(plan, logins(model), journals, RunProgress.NONE);

            assertEquals(RunStatus.COMPLETED, result.status(), result.toString());
            Census after = Census.of(client);
            assertEquals(before.after(mailbox), after);
            assertEquals(new Census.Placement(after.bySubject("Undelivered Mail Returned to Sender").messageId(),
                    "Bounces", "Undelivered Mail Returned to Sender", List.of()),
                    after.bySubject("Undelivered Mail Returned to Sender"));
            assertEquals("AutoReplies", after.bySubject("Out of Office: back Monday").folder());
            assertEquals(List.of("$AutoReply"), after.bySubject("Out of Office: back Monday").flags());
            assertEquals(List.of("\\Seen"), after.bySubject("This week in sales").flags());
            assertEquals("Newsletters", after.bySubject("This week in sales").folder());
            assertEquals(new Census.Placement(after.bySubject("Re: pricing").messageId(), "INBOX", "Re: pricing",
                    List.of("\\Flagged")), after.bySubject("Re: pricing"));
            assertEquals(before.bySubject("Lunch?"), after.bySubject("Lunch?"));
            assertEquals("Trash", after.bySubject(OLD_AUTO_REPLY).folder());
            assertEquals("AutoReplies", after.bySubject(RECENT_AUTO_REPLY).folder());

            RunJournal journal = journals.read(result.runId());
            assertEquals(RunStatus.COMPLETED, journal.closing().orElseThrow().status());
            assertEquals(plan.batches().stream().map(Batch::id).toList(),
                    journal.batches().stream().map(attempt -> attempt.intent().batchId()).toList(),
                    "one intent per batch, in plan order");
            assertTrue(journal.batches().stream().allMatch(BatchAttempt::isDone), "every batch has its outcome");
            for (BatchAttempt attempt : journal.batches()) {
                BatchOutcome.Done done = (BatchOutcome.Done) attempt.outcome().orElseThrow().outcome();
                if (attempt.intent().command() instanceof BatchCommand.Move) {
                    assertEquals(attempt.intent().uids(), done.copyUid().orElseThrow().sources(),
                            "COPYUID maps every moved UID, for undo");
                }
                if (attempt.intent().command() instanceof BatchCommand.AddFlags) {
                    assertEquals(attempt.intent().uids(), attempt.intent().flagsBefore().stream()
                            .map(group -> group.uids()).reduce(UidSet.empty(), UidSet::union),
                            "the flags before a STORE are journaled for every message it changes");
                }
            }
        }
    }

    @Test
    void aRunActsOnlyOnWhatThePlanSawAndStillHoldsAndReportsWhatItSkipped() throws Exception {
        String user = DOVECOT.freshUser();
        try (MailClient client = client(user)) {
            seed(client);
            Path file = rulesFile("sdr", mailboxBlock("sdr", user));
            Model model = wiring.load(file);
            Plan plan = wiring.plan(file, model, logins(model)).plan();
            long newsletterUid = plannedUid(plan, "This week in sales");

            client.append("INBOX", TestMessage.of("postmaster@mx.example.net", "Delivery Status Notification")
                    .receivedAt(Instant.parse("2024-06-10T11:00:00Z")));
            client.move("INBOX", "This week in sales", "Read later");
            Census changed = Census.of(client);

            RunResult result = wiring.apply(plan, logins(model), journals, RunProgress.NONE);

            assertEquals(RunStatus.COMPLETED, result.status(), result.toString());
            assertEquals(UidSet.of(newsletterUid), result.skipped("sdr", "INBOX"));
            Census after = Census.of(client);
            assertEquals(changed.bySubject("Delivery Status Notification"), after.bySubject("Delivery Status Notification"),
                    "mail that arrived after the plan is left alone");
            assertEquals(changed.bySubject("This week in sales"), after.bySubject("This week in sales"),
                    "a message another client moved away is not followed");
            assertEquals("Bounces", after.bySubject("Undelivered Mail Returned to Sender").folder());
            SortedMap<String, Census.Placement> expected = new TreeMap<>(changed.after(plan.mailboxes().getFirst())
                    .byMessageId());
            Census.Placement movedAway = changed.bySubject("This week in sales");
            expected.put(movedAway.messageId(), movedAway);
            assertEquals(new Census(expected), after,
                    "everything else went where the plan said, and nothing is lost, doubled or in two folders");
        }
    }

    @Test
    void aFolderUnchangedSinceTheLastRunIsReadByStatusWithoutBeingOpened() throws Exception {
        String user = DOVECOT.freshUser();
        try (MailClient client = client(user); FaultProxy proxy = FaultProxy.start(DOVECOT.imapPort())) {
            seed(client);
            Path file = rulesFile("sdr", SalesRules.mailbox("sdr", proxy.port(), user));
            Model model = wiring.load(file);
            FolderStateStore states = FolderStateStore.in(work.resolve("states"));
            runIncrementally(file, model, states);

            int linesBefore = proxy.clientLines().size();
            CompiledPlan unchanged = wiring.planIncrementally(file, model, logins(model), states);

            List<String> unchangedLines = proxy.clientLines().subList(linesBefore, proxy.clientLines().size());
            assertEquals(List.of(), unchanged.plan().batches(), unchanged.plan().toString());
            assertTrue(unchangedLines.stream().noneMatch(line -> line.matches("\\S+ (SELECT|EXAMINE) .*")),
                    "no folder was opened: " + unchangedLines);
            assertEquals(2, unchangedLines.stream().filter(line -> line.matches("\\S+ STATUS .*")).count(),
                    "one STATUS for each folder the rules read (the inbox and the auto-replies): " + unchangedLines);

            client.append("INBOX", TestMessage.of("postmaster@mx.example.net", "Delivery Status Notification")
                    .receivedAt(Instant.parse("2024-06-10T11:00:00Z")));
            linesBefore = proxy.clientLines().size();
            CompiledPlan newMail = wiring.planIncrementally(file, model, logins(model), states);

            List<String> newMailLines = proxy.clientLines().subList(linesBefore, proxy.clientLines().size());
            assertEquals(List.of(new BatchCommand.Move("Bounces")),
                    newMail.plan().batches().stream().map(Batch::command).toList());
            assertEquals(1, newMail.plan().batches().getFirst().uids().size(), newMail.plan().toString());
            assertEquals(1, newMailLines.stream().filter(line -> line.matches("\\S+ EXAMINE .*")).count(),
                    "only the folder with new mail is opened: " + newMailLines);
            RunResult result = wiring.apply(newMail.plan(), logins(model), journals, RunProgress.NONE);
            assertEquals(RunStatus.COMPLETED, result.status(), result.toString());
            assertEquals("Bounces", Census.of(client).bySubject("Delivery Status Notification").folder());
        }
    }

    @Test
    void aFolderRenumberedBetweenItsStatusAndItsMessagesFailsThePlanByName() throws Exception {
        String user = DOVECOT.freshUser();
        try (MailClient client = client(user); FaultProxy proxy = FaultProxy.start(DOVECOT.imapPort())) {
            client.create("Sales");
            client.append("Sales", TestMessage.of("MAILER-DAEMON@mx.example.net", "Undelivered")
                    .receivedAt(Instant.parse("2024-06-08T10:00:00Z")));
            Path file = work.resolve("sales.mailrules");
            Files.writeString(file, SalesRules.mailbox("sdr", proxy.port(), user) + """
                    rules sales for sdr in "Sales" {
                        rule bounces when from contains "mailer-daemon" then move to "Bounces"
                    }
                    """);
            Model model = wiring.load(file);
            // Another client restores the folder from a backup after the planner read its state.
            proxy.before(Pattern.compile("\\S+ EXAMINE \"?Sales\"?( .*)?"), () -> client.recreate("Sales",
                    TestMessage.of("Ana Lima <ana@example.org>", "Re: pricing")
                            .receivedAt(Instant.parse("2024-06-09T10:00:00Z"))));

            SnapshotChangedException failure = assertThrows(SnapshotChangedException.class,
                    () -> wiring.plan(file, model, logins(model)));

            assertTrue(proxy.interludeDone(), "the folder was restored between STATUS and EXAMINE");
            assertTrue(failure.getMessage().startsWith("Mailbox sdr on 127.0.0.1: folder \"Sales\" was renumbered"
                    + " while it was being read (UIDVALIDITY "), failure.getMessage());
            assertTrue(failure.getMessage().endsWith("nothing was changed there. Make the plan again."),
                    failure.getMessage());
        }
    }

    private static PlanWiring wiringWith(HostConnectionLimiter limiter) {
        // Every folder counts as large, so that the test's few messages are searched as 10,000 would be.
        return new PlanWiring(new ImapConnector(ConnectorOptions.defaults().withSecondSearchConnectionFrom(1), limiter),
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static long count(List<String> lines, String regex) {
        return lines.stream().filter(line -> line.matches(regex)).count();
    }

    @Test
    void aLargeFolderIsSearchedOverTwoConnectionsWhileTheHostHasASlotToSpareAndThePlanIsTheSame() throws Exception {
        String user = DOVECOT.freshUser();
        try (MailClient client = client(user); FaultProxy proxy = FaultProxy.start(DOVECOT.imapPort())) {
            seed(client);
            Path file = rulesFile("sdr", SalesRules.mailbox("sdr", proxy.port(), user));
            HostConnectionLimiter roomy = new HostConnectionLimiter(4);
            Model model = wiring.load(file);

            CompiledPlan twoConnections = wiringWith(roomy).planForApplying(file, model, logins(model));

            List<String> lines = List.copyOf(proxy.clientLines());
            assertEquals(2, count(lines, "\\S+ AUTHENTICATE .*"), "one more login, for the searches: " + lines);
            assertEquals(1, count(lines, "\\S+ EXAMINE INBOX \\(CONDSTORE\\)"), lines.toString());
            assertEquals(1, count(lines, "\\S+ EXAMINE INBOX"),
                    "the second connection asks for no modification sequences: " + lines);
            assertEquals(2, lines.stream().filter(line -> line.matches("\\S+ UID SEARCH .*"))
                    .map(line -> line.replaceAll("\\d+ .*", "")).distinct().count(),
                    "the rules' searches went over both connections: " + lines);
            // A header search of the whole folder goes out as two halves of the folder's UIDs, one per connection.
            record Part(String connection, UidSet uids) {
            }
            Pattern restricted = Pattern.compile("(\\D+)\\d+ UID SEARCH RETURN \\(ALL\\) UID (\\S+) (.*)");
            SortedMap<String, List<Part>> partsByCriteria = new TreeMap<>();
            for (String line : lines) {
                Matcher matcher = restricted.matcher(line);
                if (matcher.matches()) {
                    partsByCriteria.computeIfAbsent(matcher.group(3), key -> new ArrayList<>())
                            .add(new Part(matcher.group(1), UidSet.parse(matcher.group(2))));
                }
            }
            assertTrue(partsByCriteria.values().stream().anyMatch(parts -> parts.size() == 2
                    && !parts.get(0).connection().equals(parts.get(1).connection())
                    && parts.get(0).uids().intersect(parts.get(1).uids()).isEmpty()),
                    "a search sent as two disjoint halves over the two connections: " + partsByCriteria);
            // The second connection is closed and its slot freed behind the plan's back, not in its way.
            for (int wait = 0; wait < 100 && roomy.available("127.0.0.1") < 4; wait++) {
                Thread.sleep(50);
            }
            assertEquals(4, roomy.available("127.0.0.1"), "every slot is free again after the plan");

            int linesBefore = proxy.clientLines().size();
            CompiledPlan oneConnection = wiringWith(new HostConnectionLimiter(1)).planForApplying(file, model,
                    logins(model));

            List<String> alone = proxy.clientLines().subList(linesBefore, proxy.clientLines().size());
            assertEquals(1, count(alone, "\\S+ AUTHENTICATE .*"), "a host limit of one is kept: " + alone);
            assertEquals(0, count(alone, "\\S+ EXAMINE INBOX"), alone.toString());
            assertEquals(oneConnection.plan().batches(), twoConnections.plan().batches());
            assertEquals(oneConnection.plan().mailboxes(), twoConnections.plan().mailboxes());
            assertFalse(twoConnections.plan().batches().isEmpty(), twoConnections.plan().toString());
        }
    }

    @Test
    void aFolderRenumberedBeforeItsSecondConnectionOpensFailsThePlanByName() throws Exception {
        String user = DOVECOT.freshUser();
        try (MailClient client = client(user); FaultProxy proxy = FaultProxy.start(DOVECOT.imapPort())) {
            client.create("Sales");
            client.append("Sales", TestMessage.of("MAILER-DAEMON@mx.example.net", "Undelivered")
                    .receivedAt(Instant.parse("2024-06-08T10:00:00Z")));
            client.append("Sales", TestMessage.of("Ben Okafor <ben@example.org>", "Out of office")
                    .receivedAt(Instant.parse("2024-06-08T11:00:00Z")));
            Path file = work.resolve("sales.mailrules");
            Files.writeString(file, SalesRules.mailbox("sdr", proxy.port(), user) + """
                    rules sales for sdr in "Sales" {
                        rule bounces when from contains "mailer-daemon" then move to "Bounces"
                        rule away when subject contains "out of office" then move to "AutoReplies"
                    }
                    """);
            Model model = wiringWith(new HostConnectionLimiter(4)).load(file);
            // Another client restores the folder from a backup after the first connection opened it.
            proxy.before(Pattern.compile("\\S+ EXAMINE \"?Sales\"?"), () -> client.recreate("Sales",
                    TestMessage.of("Ana Lima <ana@example.org>", "Re: pricing")
                            .receivedAt(Instant.parse("2024-06-09T10:00:00Z"))));

            SnapshotChangedException failure = assertThrows(SnapshotChangedException.class,
                    () -> wiringWith(new HostConnectionLimiter(4)).plan(file, model, logins(model)));

            assertTrue(proxy.interludeDone(), "the folder was restored before the second connection's EXAMINE");
            assertTrue(failure.getMessage().startsWith("Mailbox sdr on 127.0.0.1: folder \"Sales\" was renumbered"
                    + " while it was being read (UIDVALIDITY "), failure.getMessage());
        }
    }

    /** Two runs, each remembering what it saw, so that both the inbox and the folder it fills have a state. */
    private void runIncrementally(Path file, Model model, FolderStateStore states) throws Exception {
        for (int run = 0; run < 2; run++) {
            CompiledPlan compiled = wiring.planIncrementally(file, model, logins(model), states);
            RunResult result = wiring.apply(compiled.plan(), logins(model), journals, RunProgress.NONE);
            assertEquals(RunStatus.COMPLETED, result.status(), result.toString());
            states.record(AppliedFolders.done(compiled, Optional.of(result)));
        }
    }

    @Test
    void aRenumberedFolderIsRefusedAndItsMailLeftAlone() throws Exception {
        String user = DOVECOT.freshUser();
        try (MailClient client = client(user)) {
            seed(client);
            Path file = rulesFile("sdr", mailboxBlock("sdr", user));
            Model model = wiring.load(file);
            Plan plan = wiring.plan(file, model, logins(model)).plan();
            client.recreate("AutoReplies",
                    TestMessage.of("Cy <cy@example.org>", OLD_AUTO_REPLY).receivedAt(Instant.parse("2024-03-01T10:00:00Z")));

            RunResult result = wiring.apply(plan, logins(model), journals, RunProgress.NONE);

            assertEquals(RunStatus.PARTIAL, result.status());
            MailboxReport report = result.mailboxes().getFirst();
            assertEquals(List.of("AutoReplies"), report.refusedFolders().stream().map(r -> r.folder()).toList());
            assertTrue(report.refusedFolders().getFirst().reason().contains("renumbered"),
                    report.refusedFolders().getFirst().reason());
            Census after = Census.of(client);
            assertEquals("AutoReplies", after.bySubject(OLD_AUTO_REPLY).folder(), "nothing acted on stale UIDs");
            assertEquals("Bounces", after.bySubject("Undelivered Mail Returned to Sender").folder(),
                    "the folders whose snapshot holds still run");
            assertEquals(RunStatus.PARTIAL, journals.read(result.runId()).closing().orElseThrow().status());
        }
    }

    @Test
    void aMailboxThatRefusesTheLoginFailsByNameWhileTheOtherCompletes() throws Exception {
        String refusingUser = DOVECOT.freshUser();
        String workingUser = DOVECOT.freshUser();
        try (MailClient refusing = client(refusingUser); MailClient working = client(workingUser)) {
            seed(refusing);
            seed(working);
            Path file = rulesFile("team", mailboxBlock("sdr-a", refusingUser), mailboxBlock("sdr-b", workingUser),
                    "group team = sdr-a, sdr-b\n");
            Model model = wiring.load(file);
            Plan plan = wiring.plan(file, model, logins(model)).plan();
            Census untouched = Census.of(refusing);
            MailboxLogins oneWrong = PlanWiring.logins(model, name -> Credentials.password(
                    name.equals("sdr-a") ? "not-the-password" : DovecotServer.PASSWORD));

            RunResult result = wiring.apply(plan, oneWrong, journals, RunProgress.NONE);

            assertEquals(RunStatus.PARTIAL, result.status());
            MailboxReport failed = result.mailboxes().getFirst();
            assertTrue(failed.failure().orElseThrow().contains("sdr-a"), failed.failure().orElseThrow());
            assertTrue(result.mailboxes().get(1).isComplete(), result.mailboxes().get(1).toString());
            assertEquals(untouched, Census.of(refusing));
            assertEquals("Bounces", Census.of(working).bySubject("Undelivered Mail Returned to Sender").folder());
        }
    }

    @Test
    void cancellingFinishesTheBatchInFlightAndLeavesTheRestForAResume() throws Exception {
        String user = DOVECOT.freshUser();
        try (MailClient client = client(user)) {
            seed(client);
            Path file = rulesFile("sdr", mailboxBlock("sdr", user));
            Model model = wiring.load(file);
            Plan plan = wiring.plan(file, model, logins(model)).plan();
            List<String> reported = new ArrayList<>();
            AtomicInteger total = new AtomicInteger();
            RunProgress cancelAfterFirst = new RunProgress() {
                @Override
                public void begin(int totalBatches) {
                    total.set(totalBatches);
                }

                @Override
                public void batchDone(Batch batch, BatchOutcome outcome) {
                    reported.add(batch.id().toString());
                }

                @Override
                public boolean isCancelled() {
                    return !reported.isEmpty();
                }
            };

            RunResult result = wiring.apply(plan, logins(model), journals, cancelAfterFirst);

            assertEquals(RunStatus.INTERRUPTED, result.status());
            assertEquals(plan.batches().size(), total.get());
            assertEquals(List.of(plan.batches().getFirst().id().toString()), reported);
            assertEquals(1, result.batchesDone());
            assertEquals(plan.batches().size() - 1, result.batchesNotSent());
            RunJournal journal = journals.read(result.runId());
            assertEquals(RunStatus.INTERRUPTED, journal.closing().orElseThrow().status());
            assertEquals(1, journal.doneBatches().size());
            assertFalse(journal.closing().isEmpty());
        }
    }

    private static long plannedUid(Plan plan, String subject) {
        return plan.mailboxes().getFirst().folders().stream().flatMap(folder -> folder.messages().stream())
                .filter(message -> message.subject().equals(subject)).findFirst().orElseThrow().uid();
    }
}
