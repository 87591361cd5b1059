package io.mailrules.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import io.mailrules.core.json.PlanJson;
import io.mailrules.core.plan.Plan;
import io.mailrules.imap.testsupport.Census;
import io.mailrules.imap.testsupport.DovecotServer;
import io.mailrules.imap.testsupport.MailClient;
import io.mailrules.imap.testsupport.PrivateDovecot;
import io.mailrules.imap.testsupport.TestMessage;

/**
 * plan, apply, run and runs as a user types them, against the private Dovecot: what they print, their exit codes,
 * and what the mailbox looks like afterwards, read with an independent client.
 */
class MailboxCommandsDovecotTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-06-10T12:00:00Z"), ZoneOffset.UTC);
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.systemDefault());
    private static final Instant BOUNCED = Instant.parse("2024-06-08T10:00:00Z");
    private static final Instant REPLIED = Instant.parse("2024-06-09T09:00:00Z");

    @RegisterExtension
    static final PrivateDovecot DOVECOT = new PrivateDovecot("cli", DovecotServer.Variant.FULL);

    @TempDir
    Path work;

    private Map<String, String> environment(String password) {
        return CommandRun.scriptEnvironment(work, work.resolve("journal"), password);
    }

    private CommandRun mailrules(Map<String, String> environment, String... args) {
        CommandRun run = CommandRun.in(work, environment, CLOCK, args);
        assertFalse(run.out().contains(DovecotServer.PASSWORD) || run.err().contains(DovecotServer.PASSWORD),
                "a secret was printed: " + run);
        return run;
    }

    private CommandRun mailrules(String... args) {
        return mailrules(environment(DovecotServer.PASSWORD), args);
    }

    private Path rules(String user, int port, String credential) throws Exception {
        return rules(user, port, credential, """
                rules routing for sdr in "INBOX" {
                    rule bounces when subject contains "Undelivered" then move to "Bounces"
                    rule replies when subject contains "Re:" then move to "Replies"
                }
                """);
    }

    private Path rules(String user, int port, String credential, String jobs) throws Exception {
        Path file = work.resolve("sales.mailrules");
        Files.writeString(file, """
                mailbox sdr {
                    host "127.0.0.1" port PORT plain insecure
                    user "USER"
                    CREDENTIAL
                }

                """.replace("PORT", Integer.toString(port)).replace("USER", user).replace("CREDENTIAL", credential)
                + jobs);
        return file;
    }

    private Path rules(String user) throws Exception {
        return rules(user, DOVECOT.imapPort(), "password from env \"SDR_PASSWORD\"");
    }

    private static MailClient seeded(String user) throws Exception {
        MailClient client = new MailClient("127.0.0.1", DOVECOT.imapPort(), user, DovecotServer.PASSWORD);
        client.append("INBOX",
                TestMessage.of("MAILER-DAEMON@mx.example.net", "Undelivered Mail Returned to Sender").receivedAt(BOUNCED),
                TestMessage.of("Ana Lima <ana@example.org>", "Re: pricing").receivedAt(REPLIED),
                TestMessage.of("Bo <bo@ourteam.example>", "Lunch?").receivedAt(REPLIED));
        return client;
    }

    private static void assertRouted(MailClient client) throws Exception {
        assertEquals(List.of("Lunch?"), List.copyOf(client.contents("INBOX").keySet()));
        assertEquals(List.of("Undelivered Mail Returned to Sender"), List.copyOf(client.contents("Bounces").keySet()));
        assertEquals(List.of("Re: pricing"), List.copyOf(client.contents("Replies").keySet()));
    }

    @Test
    void planPrintsCountsDeltasAndTheMessageTableAndChangesNothing() throws Exception {
        String user = DOVECOT.freshUser();
        try (MailClient client = seeded(user)) {
            rules(user);
            Census before = Census.of(client);

            CommandRun run = mailrules("plan", "sales.mailrules");

            assertEquals(0, run.exitCode(), run.toString());
            assertEquals(before, Census.of(client), "the dry run changed the mailbox");
            String expectedTable = String.join("\n",
                    "  DATE              FROM                          SUBJECT                              RULE"
                            + "             ACTION           TARGET",
                    "  " + SHOWN.format(BOUNCED) + "  MAILER-DAEMON@mx.example.net  Undelivered Mail Returned to"
                            + " Sender  routing/bounces  move to Bounces  Bounces",
                    "  " + SHOWN.format(REPLIED) + "  Ana Lima <ana@example.org>    Re: pricing                "
                            + "          routing/replies  move to Replies  Replies");
            assertTrue(run.out().contains("""
                    Mailbox sdr (127.0.0.1): 2 messages, 2 batches
                      Rules:    routing/bounces 1, routing/replies 1
                      Folders:  Bounces +1  INBOX -2  Replies +1
                      Create:   Bounces, Replies

                      In INBOX:
                    """ + expectedTable + "\n"), run.toString());
            assertTrue(run.err().contains("Dry run: nothing was changed."), run.toString());
        }
    }

    @Test
    void planExplainSaysHowEachRuleIsEvaluated() throws Exception {
        String user = DOVECOT.freshUser();
        try (MailClient client = seeded(user)) {
            rules(user);
            CommandRun run = mailrules("plan", "sales.mailrules", "--explain");
            assertEquals(0, run.exitCode(), run.toString());
            assertTrue(run.out().contains("How each rule is evaluated:\n  routing/bounces in \"INBOX\": "),
                    run.toString());
        }
    }

    @Test
    void aSavedPlanIsAppliedExactlyAndJournaled() throws Exception {
        String user = DOVECOT.freshUser();
        try (MailClient client = seeded(user)) {
            rules(user);
            CommandRun planned = mailrules("plan", "sales.mailrules", "--json", "-o", "plan.json");
            assertEquals(0, planned.exitCode(), planned.toString());
            Plan plan = PlanJson.read(Files.readString(work.resolve("plan.json")));
            assertEquals(plan, PlanJson.read(planned.out()), "--json prints the plan that -o saves");
            // it lists other people's senders and subjects
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(
                    work.resolve("plan.json"))));
            assertEquals(2, plan.messageCount());
            // Arrived after the plan: a reply the plan never saw stays where it is.
            client.append("INBOX", TestMessage.of("Cy <cy@example.org>", "Re: late").receivedAt(REPLIED));

            CommandRun applied = mailrules("apply", "plan.json");

            assertEquals(0, applied.exitCode(), applied.toString());
            assertEquals(List.of("Lunch?", "Re: late"), List.copyOf(client.contents("INBOX").keySet()));
            assertEquals(List.of("Undelivered Mail Returned to Sender"),
                    List.copyOf(client.contents("Bounces").keySet()));
            assertEquals(List.of("Re: pricing"), List.copyOf(client.contents("Replies").keySet()));
            assertTrue(applied.out().matches("(?s)Run \\S+ completed: 2 batches done, 0 failed, 0 not sent; 2 messages"
                    + " acted on\n.*"), applied.toString());
            assertTrue(applied.err().contains(" level=info event=batch mailbox=sdr folder=INBOX rule=routing/bounces"
                    + " batch=0 action=\"move to Bounces\" count=1 outcome=done\n"), applied.toString());
            Map<String, String> journal = LogLines.only(LogLines.text(applied.err()), "journal");
            assertEquals(work.resolve("journal").toString(), journal.get("directory"), applied.toString());
            assertEquals("'mailrules runs' lists it", journal.get("message"), applied.toString());

            CommandRun runs = mailrules("runs");
            assertEquals(0, runs.exitCode(), runs.toString());
            List<String> lines = runs.out().lines().toList();
            assertEquals(2, lines.size(), runs.toString());
            assertTrue(lines.get(0).matches("RUN +KIND +STATUS +STARTED +MAILBOXES +DONE +FAILED +PENDING"), runs.toString());
            assertTrue(lines.get(1).matches("\\S+ +run +completed +2024-06-\\d\\d \\d\\d:\\d\\d:\\d\\d +sdr +2 +0 +0"),
                    runs.toString());

            JsonArray json = JsonParser.parseString(mailrules("runs", "--json").out()).getAsJsonArray();
            JsonObject entry = json.get(0).getAsJsonObject();
            assertEquals("COMPLETED", entry.get("status").getAsString());
            assertEquals(plan.id().value(), entry.get("planId").getAsString());
            assertEquals(2, entry.get("batchesDone").getAsInt());
        }
    }

    @Test
    void undoPutsEverythingBackAndASecondUndoIsRefused() throws Exception {
        String user = DOVECOT.freshUser();
        try (MailClient client = seeded(user)) {
            rules(user);
            Census before = Census.of(client);
            CommandRun run = mailrules("run", "sales.mailrules");
            assertEquals(0, run.exitCode(), run.toString());
            assertRouted(client);
            String runId = run.out().lines().filter(line -> line.startsWith("Run ")).findFirst().orElseThrow()
                    .split(" ")[1];

            // users type the start of an id, as 'runs' shows it
            CommandRun undo = mailrules("undo", runId.substring(0, runId.length() - 3));

            assertEquals(0, undo.exitCode(), undo.toString());
            assertEquals(before, Census.of(client), "undo did not restore the mailbox");
            assertEquals("undo", LogLines.only(LogLines.text(undo.err()), "journal").get("command"), undo.toString());
            CommandRun again = mailrules("undo", runId);
            assertEquals(1, again.exitCode(), again.toString());
            assertTrue(again.err().contains(runId), again.toString());
            assertEquals(before, Census.of(client), "a refused undo changed the mailbox");

            CommandRun runs = mailrules("runs");
            assertTrue(runs.out().lines().anyMatch(line -> line.startsWith(runId) && line.contains(" undone ")),
                    runs.toString());
        }
    }

    @Test
    void anUnknownRunIdIsAUsageError() throws Exception {
        CommandRun undo = mailrules("undo", "19990101");
        assertEquals(64, undo.exitCode(), undo.toString());
        CommandRun resume = mailrules("resume", "19990101");
        assertEquals(64, resume.exitCode(), resume.toString());
    }

    @Test
    void runPlansAndAppliesInOneGo() throws Exception {
        String user = DOVECOT.freshUser();
        try (MailClient client = seeded(user)) {
            rules(user);
            CommandRun run = mailrules("run", "sales.mailrules");
            assertEquals(0, run.exitCode(), run.toString());
            assertRouted(client);
            assertTrue(run.out().contains("Mailbox sdr (127.0.0.1): 2 messages, 2 batches"), run.toString());
            assertTrue(run.out().contains(" completed: 2 batches done"), run.toString());
        }
    }

    @Test
    void aWrongPasswordNamesTheMailboxAndExitsWith2() throws Exception {
        String user = DOVECOT.freshUser();
        rules(user);
        CommandRun run = mailrules(environment("wrong-password"), "plan", "sales.mailrules");
        assertEquals(2, run.exitCode(), run.toString());
        assertTrue(run.err().startsWith("mailrules plan: Mailbox sdr: 127.0.0.1 rejected the login of " + user),
                run.toString());
        assertEquals("", run.out());
    }

    @Test
    void anUnreachableHostExitsWith2() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        rules("nobody", closedPort, "password from env \"SDR_PASSWORD\"");
        CommandRun run = mailrules("plan", "sales.mailrules");
        assertEquals(2, run.exitCode(), run.toString());
        assertTrue(run.err().startsWith("mailrules plan: Mailbox sdr: cannot reach 127.0.0.1:" + closedPort + " ("),
                run.toString());
    }

    @Test
    void aRulesFileWithErrorsIsNotPlannedAndItsDiagnosticsAreShown() throws Exception {
        Files.writeString(work.resolve("bad.mailrules"), """
                rules routing for nobody in "INBOX" {
                    rule r when subject contains "x" then move to "X"
                }
                """);
        CommandRun run = mailrules("plan", "bad.mailrules");
        assertEquals(1, run.exitCode(), run.toString());
        assertTrue(run.err().startsWith("bad.mailrules:1:19: error: "), run.toString());
        assertTrue(run.err().contains("mailrules plan: bad.mailrules has errors (1 error in 1 file); nothing was"
                + " planned or changed"), run.toString());
    }

    @Test
    void anUnreadablePlanFileIsNamedWithExit1() throws Exception {
        CommandRun missing = mailrules("apply", "missing.json");
        assertEquals(1, missing.exitCode(), missing.toString());
        assertEquals(List.of("error failed: cannot read plan missing.json: no such file"),
                LogLines.messages(LogLines.text(missing.err())));

        Files.writeString(work.resolve("broken.json"), "{\"format\": \"mailrules-plan\", \"version\": 1, \"id\": 5}");
        CommandRun broken = mailrules("apply", "broken.json");
        assertEquals(1, broken.exitCode(), broken.toString());
        assertTrue(LogLines.only(LogLines.text(broken.err()), "failed").get("message")
                .startsWith("broken.json is not a valid plan: at $.id: "), broken.toString());
    }

    @Test
    void aSavedPlanReplacesAFileOthersCouldReadWithAPrivateOne() throws Exception {
        String user = DOVECOT.freshUser();
        try (MailClient client = seeded(user)) {
            rules(user);
            Path plan = work.resolve("plan.json");
            Files.writeString(plan, "old");
            Files.setPosixFilePermissions(plan, PosixFilePermissions.fromString("rw-rw-rw-"));
            CommandRun planned = mailrules("plan", "sales.mailrules", "-o", "plan.json");
            assertEquals(0, planned.exitCode(), planned.toString());
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(plan)));
            assertEquals(2, PlanJson.read(Files.readString(plan)).messageCount());
            try (var leftovers = Files.list(work)) {
                assertEquals(List.of(), leftovers.filter(file -> file.getFileName().toString().endsWith(".tmp"))
                        .toList(), "a temporary file was left behind");
            }
        }
    }

    @Test
    void aPlanFileThatCannotBeReadIsNamedWithTheReasonAndExit1() throws Exception {
        Files.createDirectory(work.resolve("plans"));
        CommandRun directory = mailrules("apply", "plans");
        assertEquals(1, directory.exitCode(), directory.toString());
        assertEquals(List.of("error failed: cannot read plan plans: is a directory"),
                LogLines.messages(LogLines.text(directory.err())));

        Files.write(work.resolve("binary.json"), new byte[] {(byte) 0xff, (byte) 0xfe, 0x00, (byte) 0xc3});
        CommandRun binary = mailrules("apply", "binary.json");
        assertEquals(1, binary.exitCode(), binary.toString());
        assertEquals(List.of("error failed: cannot read plan binary.json: not UTF-8 text"),
                LogLines.messages(LogLines.text(binary.err())));

        Path locked = work.resolve("locked.json");
        Files.writeString(locked, "{}");
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        // root reads any file whatever its mode; the message can only be provoked for other users
        if (!Files.isReadable(locked)) {
            CommandRun denied = mailrules("apply", "locked.json");
            assertEquals(1, denied.exitCode(), denied.toString());
            assertEquals(List.of("error failed: cannot read plan locked.json: permission denied"),
                    LogLines.messages(LogLines.text(denied.err())));
        }
        assertEquals("", directory.out() + binary.out());
    }

    @Test
    void aCredentialsFileOthersCanReadIsRefusedAndAPrivateOneIsUsed() throws Exception {
        String user = DOVECOT.freshUser();
        try (MailClient client = seeded(user)) {
            rules(user, DOVECOT.imapPort(), "password from secret \"sdr\"");
            Path credentials = work.resolve("config/mailrules/credentials");
            Files.createDirectories(credentials.getParent());
            Files.writeString(credentials, "# mailbox secrets\nsdr = " + DovecotServer.PASSWORD + "\n");
            Files.setPosixFilePermissions(credentials, PosixFilePermissions.fromString("rw-r-----"));

            CommandRun refused = mailrules("plan", "sales.mailrules");
            assertEquals(2, refused.exitCode(), refused.toString());
            assertEquals("mailrules plan: Mailbox sdr: no credentials: " + credentials + " is accessible to its group"
                    + " (mode rw-r-----); it holds passwords, so Mailrules reads it only when nobody but its owner"
                    + " can: chmod 600 " + credentials + ". Nothing was changed.\n", refused.err());

            Files.setPosixFilePermissions(credentials, PosixFilePermissions.fromString("rw-------"));
            CommandRun planned = mailrules("plan", "sales.mailrules");
            assertEquals(0, planned.exitCode(), planned.toString());
        }
    }

    @Test
    void aCredentialCommandGivesThePasswordAndItsFailureNamesTheMailbox() throws Exception {
        String user = DOVECOT.freshUser();
        try (MailClient client = seeded(user)) {
            rules(user, DOVECOT.imapPort(), "password from command \"echo $SDR_PASSWORD; echo ignored\"");
            assertEquals(0, mailrules("plan", "sales.mailrules").exitCode());

            rules(user, DOVECOT.imapPort(), "password from command \"echo no such entry >&2; exit 3\"");
            CommandRun failed = mailrules("plan", "sales.mailrules");
            assertEquals(2, failed.exitCode(), failed.toString());
            // Named by its first word only: the rest of a command line may carry a secret.
            assertEquals("mailrules plan: Mailbox sdr: no credentials: command `echo` exited with 3: no such entry."
                    + " Nothing was changed.\n", failed.err());
        }
    }

    @Test
    void aMissingEnvironmentVariableNamesIt() throws Exception {
        rules(DOVECOT.freshUser());
        Map<String, String> environment = environment(DovecotServer.PASSWORD);
        environment.remove("SDR_PASSWORD");
        CommandRun run = mailrules(environment, "plan", "sales.mailrules");
        assertEquals(2, run.exitCode(), run.toString());
        assertEquals("mailrules plan: Mailbox sdr: no credentials: environment variable SDR_PASSWORD is not set."
                + " Nothing was changed.\n", run.err());
    }

    @Test
    void aSecondRunLooksAtNewMailAndChangedFlagsOnlyUntilFullOrARenumberedFolder() throws Exception {
        String user = DOVECOT.freshUser();
        try (MailClient client = new MailClient("127.0.0.1", DOVECOT.imapPort(), user, DovecotServer.PASSWORD)) {
            client.create("Sales");
            client.append("Sales", TestMessage.of("Bo <bo@ourteam.example>", "Lunch?").receivedAt(REPLIED),
                    TestMessage.of("Ana Lima <ana@example.org>", "Re: pricing").receivedAt(REPLIED));
            rules(user, DOVECOT.imapPort(), "password from env \"SDR_PASSWORD\"", """
                    rules sales for sdr in "Sales" {
                        rule lunch when subject contains "Lunch" then flag
                        rule starred when is flagged and subject contains "pricing" then move to "Starred"
                    }
                    """);
            CommandRun first = mailrules("run", "sales.mailrules");
            assertEquals(0, first.exitCode(), first.toString());
            assertEquals(List.of("\\Flagged"), client.contents("Sales").get("Lunch?"));

            // The user takes the flag off one message and puts it on another; new mail arrives.
            client.setFlag("Sales", "Lunch?", jakarta.mail.Flags.Flag.FLAGGED, false);
            client.setFlag("Sales", "Re: pricing", jakarta.mail.Flags.Flag.FLAGGED, true);
            client.append("Sales", TestMessage.of("Bo <bo@ourteam.example>", "Lunch on Friday").receivedAt(REPLIED));
            CommandRun second = mailrules("run", "sales.mailrules");

            assertEquals(0, second.exitCode(), second.toString());
            assertTrue(second.out().contains("Rules:    sales/lunch 1, sales/starred 1"), second.toString());
            assertEquals(List.of(), client.contents("Sales").get("Lunch?"), "old mail is not looked at again");
            assertEquals(List.of("\\Flagged"), client.contents("Sales").get("Lunch on Friday"));
            assertEquals(List.of("Re: pricing"), List.copyOf(client.contents("Starred").keySet()),
                    "a rule on flags sees the flag the user set");

            CommandRun unchanged = mailrules("run", "sales.mailrules");
            assertEquals(0, unchanged.exitCode(), unchanged.toString());
            assertTrue(unchanged.out().contains(": 0 messages in 1 mailbox, 0 batches"), unchanged.toString());

            CommandRun full = mailrules("run", "sales.mailrules", "--full");
            assertEquals(0, full.exitCode(), full.toString());
            assertEquals(List.of("\\Flagged"), client.contents("Sales").get("Lunch?"), "--full looks at everything");

            // A restored folder starts its UIDs again under another UIDVALIDITY: every message is looked at.
            client.recreate("Sales", TestMessage.of("Bo <bo@ourteam.example>", "Lunch restored").receivedAt(REPLIED));
            CommandRun renumbered = mailrules("run", "sales.mailrules");
            assertEquals(0, renumbered.exitCode(), renumbered.toString());
            assertEquals(List.of("\\Flagged"), client.contents("Sales").get("Lunch restored"));
        }
    }
}
