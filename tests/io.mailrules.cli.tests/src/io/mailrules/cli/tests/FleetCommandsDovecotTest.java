package io.mailrules.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import io.mailrules.imap.testsupport.DovecotServer;
import io.mailrules.imap.testsupport.MailClient;
import io.mailrules.imap.testsupport.TestMessage;

/**
 * {@code run} over a fleet and {@code status}, against two private Dovecots (one announcing QUOTA): a mailbox that
 * refuses the login or cannot be reached is reported and the others are still done.
 */
class FleetCommandsDovecotTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-06-10T12:00:00Z"), ZoneOffset.UTC);
    private static final Instant RECEIVED = Instant.parse("2024-06-08T10:00:00Z");

    private static DovecotServer quotaServer;
    private static DovecotServer plainServer;

    @TempDir
    Path work;

    @BeforeAll
    static void startDovecots() throws Exception {
        quotaServer = DovecotServer.start("cli-fleet-quota", DovecotServer.Variant.FULL_WITH_QUOTA);
        plainServer = DovecotServer.start("cli-fleet", DovecotServer.Variant.FULL);
    }

    @AfterAll
    static void stopDovecots() throws Exception {
        for (DovecotServer server : new DovecotServer[] {quotaServer, plainServer}) {
            if (server != null) {
                server.close();
            }
        }
    }

    private CommandRun mailrules(String... args) {
        Map<String, String> environment = new HashMap<>();
        environment.put("HOME", work.resolve("home").toString());
        environment.put("XDG_CONFIG_HOME", work.resolve("config").toString());
        environment.put("MAILRULES_JOURNAL", work.resolve("journal").toString());
        environment.put("GOOD_PASSWORD", DovecotServer.PASSWORD);
        environment.put("BAD_PASSWORD", "not-the-password");
        CommandRun run = CommandRun.in(work, environment, CLOCK, args);
        assertFalse(run.out().contains(DovecotServer.PASSWORD) || run.err().contains(DovecotServer.PASSWORD),
                "a secret was printed: " + run);
        return run;
    }

    private static int closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static String mailbox(String name, int port, String user, String variable) {
        return """
                mailbox NAME {
                    host "127.0.0.1" port PORT plain insecure
                    user "USER"
                    password from env "VARIABLE"
                }
                """.replace("NAME", name).replace("PORT", Integer.toString(port)).replace("USER", user)
                .replace("VARIABLE", variable);
    }

    private static final String RULES = """
            rules routing for TARGETS in "INBOX" {
                rule bounces when subject contains "Undelivered" then move to "Bounces"
                rule vip when from domain "bigcustomer.com" then flag
                rule old-news when subject contains "Newsletter" then delete
            }
            """;

    private static MailClient seeded(DovecotServer server, String user) throws Exception {
        MailClient client = new MailClient("127.0.0.1", server.imapPort(), user, DovecotServer.PASSWORD);
        client.append("INBOX",
                TestMessage.of("MAILER-DAEMON@mx.example.net", "Undelivered Mail Returned to Sender")
                        .receivedAt(RECEIVED),
                TestMessage.of("Ceo <ceo@bigcustomer.com>", "Order").receivedAt(RECEIVED),
                TestMessage.of("Shop <news@shop.example>", "Newsletter June").receivedAt(RECEIVED),
                TestMessage.of("Bo <bo@ourteam.example>", "Lunch?").receivedAt(RECEIVED));
        return client;
    }

    @Test
    void aFleetRunDoesTheMailboxesItCanAndEndsPartialWithASummary() throws Exception {
        String good = quotaServer.freshUser();
        String refused = quotaServer.freshUser();
        int closed = closedPort();
        Files.writeString(work.resolve("fleet.mailrules"), mailbox("good", quotaServer.imapPort(), good,
                "GOOD_PASSWORD") + mailbox("refused", quotaServer.imapPort(), refused, "BAD_PASSWORD")
                + mailbox("gone", closed, "nobody", "GOOD_PASSWORD")
                + RULES.replace("TARGETS", "refused, gone, good"));
        try (MailClient client = seeded(quotaServer, good)) {

            CommandRun run = mailrules("run", "fleet.mailrules", "--parallel", "3");

            assertEquals(3, run.exitCode(), run.toString());
            assertEquals(List.of("Lunch?", "Order"), List.copyOf(client.contents("INBOX").keySet()));
            assertEquals(List.of("Undelivered Mail Returned to Sender"),
                    List.copyOf(client.contents("Bounces").keySet()));
            assertEquals(List.of("Newsletter June"), List.copyOf(client.contents("Trash").keySet()));
            List<String> summary = run.out().lines().dropWhile(line -> !line.startsWith("Summary: ")).toList();
            assertEquals("Summary: 3 mailboxes, 2 not completed", summary.get(0), run.toString());
            assertTrue(summary.get(1).matches(" +MAILBOX +STATUS +MOVED +FLAGGED +DELETED +BATCHES +DURATION +ERROR"),
                    run.toString());
            // in the order the rules name them, whichever finished first
            assertTrue(summary.get(2).matches(" +refused +failed +0 +0 +0 +0/0 +\\d+\\.\\d s +Mailbox refused:"
                    + " 127\\.0\\.0\\.1 rejected the login of " + refused + ".*"), run.toString());
            assertTrue(summary.get(3).matches(" +gone +failed +0 +0 +0 +0/0 +\\d+\\.\\d s +Mailbox gone: cannot reach"
                    + " 127\\.0\\.0\\.1:" + closed + " .*"), run.toString());
            assertTrue(summary.get(4).matches(" +good +completed +1 +1 +1 +3/3 +\\d+\\.\\d s +-"), run.toString());
            // each mailbox's outcome is a line of the log, in the order they finished
            List<Map<String, String>> logged = LogLines.text(run.err());
            Map<String, String> refusedLine = LogLines.events(logged, "mailbox").stream()
                    .filter(line -> line.get("mailbox").equals("refused")).findFirst().orElseThrow();
            assertEquals("error", refusedLine.get("level"), run.toString());
            assertEquals("failed", refusedLine.get("status"), run.toString());
            assertTrue(refusedLine.get("error").startsWith("Mailbox refused: 127.0.0.1 rejected the login of "
                    + refused), run.toString());
            assertEquals("nothing was changed in mailbox refused", refusedLine.get("message"), run.toString());
            Map<String, String> goodLine = LogLines.events(logged, "mailbox").stream()
                    .filter(line -> line.get("mailbox").equals("good")).findFirst().orElseThrow();
            assertEquals("info", goodLine.get("level"), run.toString());
            assertEquals("completed", goodLine.get("status"), run.toString());
            assertEquals("3/3", goodLine.get("batches"), run.toString());
            assertTrue(run.out().contains("Mailbox good (127.0.0.1): 3 messages, 3 batches"), run.toString());

            // each mailbox is a run of its own: only the one that was applied is in the journal
            CommandRun runs = mailrules("runs");
            assertEquals(2, runs.out().lines().count(), runs.toString());
            assertTrue(runs.out().lines().skip(1).findFirst().orElseThrow().matches("\\S+ +run +completed +.* good +3"
                    + " +0 +0"), runs.toString());
        }
    }

    @Test
    void runJsonSummarizesEveryMailbox() throws Exception {
        String good = plainServer.freshUser();
        String refused = plainServer.freshUser();
        Files.writeString(work.resolve("fleet.mailrules"), mailbox("good", plainServer.imapPort(), good,
                "GOOD_PASSWORD") + mailbox("refused", plainServer.imapPort(), refused, "BAD_PASSWORD")
                + RULES.replace("TARGETS", "good, refused"));
        try (MailClient client = seeded(plainServer, good)) {
            CommandRun run = mailrules("run", "fleet.mailrules", "--json");
            assertEquals(3, run.exitCode(), run.toString());
            JsonObject json = JsonParser.parseString(run.out()).getAsJsonObject();
            assertEquals(3, json.get("exitCode").getAsInt());
            JsonArray mailboxes = json.getAsJsonArray("mailboxes");
            JsonObject first = mailboxes.get(0).getAsJsonObject();
            assertEquals("good", first.get("mailbox").getAsString());
            assertEquals("completed", first.get("status").getAsString());
            assertEquals(1, first.get("moved").getAsInt());
            assertEquals(1, first.get("flagged").getAsInt());
            assertEquals(1, first.get("deleted").getAsInt());
            assertTrue(first.has("runId"));
            JsonObject second = mailboxes.get(1).getAsJsonObject();
            assertEquals("failed", second.get("status").getAsString());
            assertTrue(second.get("error").getAsString().startsWith("Mailbox refused: 127.0.0.1 rejected the login"),
                    run.toString());
        }
    }

    @Test
    void aServerThatNeverAnswersHoldsUpOnlyItsOwnMailbox() throws Exception {
        String good = plainServer.freshUser();
        // Connections are accepted by the kernel into the backlog, but nobody ever sends a greeting.
        try (ServerSocket silent = new ServerSocket(0, 8, InetAddress.getLoopbackAddress());
                MailClient client = seeded(plainServer, good)) {
            Files.writeString(work.resolve("fleet.mailrules"), mailbox("silent", silent.getLocalPort(), "nobody",
                    "GOOD_PASSWORD") + mailbox("good", plainServer.imapPort(), good, "GOOD_PASSWORD")
                    + RULES.replace("TARGETS", "silent, good"));

            CommandRun run = mailrules("run", "fleet.mailrules", "--timeout", "4s", "--json");

            assertEquals(3, run.exitCode(), run.toString());
            assertEquals(List.of("Lunch?", "Order"), List.copyOf(client.contents("INBOX").keySet()));
            JsonArray mailboxes = JsonParser.parseString(run.out()).getAsJsonObject().getAsJsonArray("mailboxes");
            JsonObject silentOne = mailboxes.get(0).getAsJsonObject();
            JsonObject goodOne = mailboxes.get(1).getAsJsonObject();
            assertEquals("failed", silentOne.get("status").getAsString());
            assertTrue(silentOne.get("error").getAsString().startsWith("Mailbox silent: cannot reach 127.0.0.1:"
                    + silent.getLocalPort() + " (no answer in time)"), run.toString());
            assertTrue(silentOne.get("durationMillis").getAsLong() >= 4000, run.toString());
            assertEquals("completed", goodOne.get("status").getAsString());
            // done while the silent server was still being waited for
            assertTrue(goodOne.get("durationMillis").getAsLong() < silentOne.get("durationMillis").getAsLong(),
                    run.toString());
        }
    }

    @Test
    void wrongFleetOptionsAreUsageErrors() throws Exception {
        Files.writeString(work.resolve("fleet.mailrules"), mailbox("good", plainServer.imapPort(), "user1",
                "GOOD_PASSWORD") + RULES.replace("TARGETS", "good"));
        CommandRun run = mailrules("run", "fleet.mailrules", "--parallel", "0");
        assertEquals(64, run.exitCode(), run.toString());
        Map<String, String> usage = LogLines.only(LogLines.text(run.err()), "usage");
        assertEquals("--parallel needs a whole number from 1 to 256, got '0'", usage.get("message"), run.toString());
        assertEquals("mailrules run FILE [OPTIONS]", usage.get("usage"), run.toString());
        CommandRun timeout = mailrules("run", "fleet.mailrules", "--timeout", "5 minutes");
        assertEquals(64, timeout.exitCode(), timeout.toString());
        assertEquals(List.of("error usage: --timeout '5 minutes' is not a duration; use a positive number with s, m or"
                + " h, e.g. 30s, 15m or 2h"), LogLines.messages(LogLines.text(timeout.err())));
        CommandRun perHost = mailrules("status", "fleet.mailrules", "--per-host", "many");
        assertEquals(64, perHost.exitCode(), perHost.toString());
        assertTrue(perHost.err().startsWith("mailrules status: unknown option --per-host"), perHost.toString());
    }

    @Test
    void statusShowsLoginCapabilitiesCountsQuotaAndLastRunAndExits2ForAMailboxThatRefuses() throws Exception {
        String withQuota = quotaServer.freshUser();
        String withoutQuota = plainServer.freshUser();
        String refused = quotaServer.freshUser();
        Files.writeString(work.resolve("fleet.mailrules"), mailbox("withquota", quotaServer.imapPort(), withQuota,
                "GOOD_PASSWORD") + mailbox("noquota", plainServer.imapPort(), withoutQuota, "GOOD_PASSWORD")
                + mailbox("refused", quotaServer.imapPort(), refused, "BAD_PASSWORD")
                + RULES.replace("TARGETS", "withquota"));
        try (MailClient quotaClient = seeded(quotaServer, withQuota);
                MailClient plainClient = seeded(plainServer, withoutQuota)) {
            CommandRun run = mailrules("run", "fleet.mailrules");
            assertEquals(0, run.exitCode(), run.toString());

            CommandRun status = mailrules("status", "fleet.mailrules");

            assertEquals(2, status.exitCode(), status.toString());
            List<String> lines = status.out().lines().toList();
            assertTrue(lines.get(0).matches("MAILBOX +SERVER +LOGIN +MESSAGES +UNSEEN +QUOTA +LAST RUN"),
                    status.toString());
            assertTrue(lines.get(1).matches("withquota +127\\.0\\.0\\.1:" + quotaServer.imapPort()
                    + " +ok +4 +4 +0% storage +\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d run completed"), status.toString());
            assertTrue(lines.get(2).matches("noquota +127\\.0\\.0\\.1:" + plainServer.imapPort()
                    + " +ok +4 +4 +not offered +never"), status.toString());
            assertTrue(lines.get(3).matches("refused +127\\.0\\.0\\.1:" + quotaServer.imapPort()
                    + " +FAILED +- +- +- +never"), status.toString());
            String out = status.out();
            assertTrue(out.matches("(?s).*\nMailbox withquota \\(" + withQuota + " at 127\\.0\\.0\\.1:\\d+\\)\n"
                    + "  Login:         ok in \\d+ ms\n"
                    + "  Capabilities:  [^\n]*\\bQUOTA\\b[^\n]*\n"
                    + "  Quota:         User quota: STORAGE \\d+ of 10240 KiB \\(0%\\), MESSAGE 4 of 1000 \\(0%\\)\n"
                    + "  Last run:      \\S+ \\(run, completed\\) started [-0-9: ]+: 3 batches done, 0 failed,"
                    + " 0 pending\n"
                    + "  FOLDER   MESSAGES  UNSEEN\n"
                    + "  Bounces         1       1\n"
                    + "  INBOX           2       2\n"
                    + "  Trash           1       1\n.*"), status.toString());
            assertTrue(out.contains("\nMailbox noquota (" + withoutQuota + " at 127.0.0.1:" + plainServer.imapPort()
                    + ")\n"), status.toString());
            assertTrue(out.contains("  Quota:         not offered by the server\n  Last run:      none in the journal\n"
                    + "  FOLDER  MESSAGES  UNSEEN\n  INBOX          4       4\n  Trash          0       0\n"),
                    status.toString());
            assertTrue(out.contains("\nMailbox refused (" + refused + " at 127.0.0.1:" + quotaServer.imapPort() + ")\n"
                    + "  Login:         FAILED: Mailbox refused: 127.0.0.1 rejected the login of " + refused),
                    status.toString());
            assertTrue(status.err().contains("mailrules status: Mailbox refused: 127.0.0.1 rejected the login of "
                    + refused), status.toString());

            CommandRun json = mailrules("status", "fleet.mailrules", "--mailbox", "withquota", "--json");
            assertEquals(0, json.exitCode(), json.toString());
            JsonObject quota = JsonParser.parseString(json.out()).getAsJsonArray().get(0).getAsJsonObject();
            assertTrue(quota.get("connected").getAsBoolean());
            assertTrue(quota.get("quotaOffered").getAsBoolean());
            assertEquals("MESSAGE", quota.getAsJsonArray("quota").get(1).getAsJsonObject().get("resource")
                    .getAsString());
            assertEquals(4, quota.getAsJsonArray("quota").get(1).getAsJsonObject().get("usage").getAsInt());
            assertEquals("COMPLETED", quota.getAsJsonObject("lastRun").get("status").getAsString());
            assertEquals("INBOX", quota.getAsJsonArray("folders").get(1).getAsJsonObject().get("folder")
                    .getAsString());

            CommandRun journalOnly = mailrules("status");
            assertEquals(0, journalOnly.exitCode(), journalOnly.toString());
            assertTrue(journalOnly.out().lines().skip(1).findFirst().orElseThrow()
                    .matches("withquota +\\S+ +run +completed +[-0-9: ]+ +3 +0 +0"), journalOnly.toString());
        }
    }

    @Test
    void statusOfAMissingFileOrAnUnknownMailboxSaysSo() throws Exception {
        CommandRun missing = mailrules("status", "missing.mailrules");
        assertEquals(1, missing.exitCode(), missing.toString());
        assertEquals("mailrules status: cannot read missing.mailrules: no such file\n", missing.err());

        Files.writeString(work.resolve("fleet.mailrules"), mailbox("good", plainServer.imapPort(), "user1",
                "GOOD_PASSWORD"));
        CommandRun unknown = mailrules("status", "fleet.mailrules", "--mailbox", "nope");
        assertEquals(64, unknown.exitCode(), unknown.toString());
        assertTrue(unknown.err().startsWith("mailrules status: no mailbox 'nope' in fleet.mailrules\n"),
                unknown.toString());
    }
}
