package io.mailrules.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonParser;

import io.mailrules.imap.testsupport.Census;
import io.mailrules.imap.testsupport.DovecotServer;
import io.mailrules.imap.testsupport.MailClient;
import io.mailrules.imap.testsupport.PrivateDovecot;
import io.mailrules.imap.testsupport.TestMessage;

/**
 * A rule target containing the server's hierarchy delimiter, against a Dovecot that names folders as Cyrus and
 * Courier do ({@code '.'} between levels, {@code INBOX.} before every folder): the mailbox fails with a message naming
 * mailbox, rule and folder and the rules-error exit code, and the other mailboxes are still planned and run.
 */
class HierarchySeparatorDovecotTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-10T12:00:00Z"), ZoneOffset.UTC);
    private static final Instant RECEIVED = Instant.parse("2025-06-08T10:00:00Z");
    private static final String PROBLEM = "Mailbox cyrus on 127.0.0.1: rule yearly/reports: folder \"Reports.2025\""
            + " contains '.', which this server uses to separate folder levels; write folder levels with '/' in rules"
            + " files, or choose a name without it.";

    @RegisterExtension
    static final PrivateDovecot DOVECOT = new PrivateDovecot("cli-separator", DovecotServer.Variant.WITHOUT_MOVE);

    @TempDir
    Path work;

    private String good;
    private String cyrus;

    private CommandRun mailrules(String... args) {
        Map<String, String> environment = CommandRun.scriptEnvironment(work, work.resolve("journal"),
                DovecotServer.PASSWORD);
        return CommandRun.in(work, environment, CLOCK, args);
    }

    private Path rules() throws Exception {
        good = DOVECOT.freshUser();
        cyrus = DOVECOT.freshUser();
        for (String user : List.of(good, cyrus)) {
            try (MailClient client = DOVECOT.client(user)) {
                client.append("INBOX", TestMessage.of("Ana <ana@example.org>", "Quarterly report").receivedAt(RECEIVED),
                        TestMessage.of("Bo <bo@example.org>", "Lunch?").receivedAt(RECEIVED));
            }
        }
        String mailbox = """
                mailbox NAME {
                    host "127.0.0.1" port PORT plain insecure
                    user "USER"
                    password from env "SDR_PASSWORD"
                }
                """.replace("PORT", Integer.toString(DOVECOT.imapPort()));
        return Files.writeString(work.resolve("reports.mailrules"), mailbox.replace("NAME", "good")
                .replace("USER", good) + mailbox.replace("NAME", "cyrus").replace("USER", cyrus) + """
                rules filing for good in "INBOX" {
                    rule reports when subject contains "report" then move to "Reports/2025"
                }
                rules yearly for cyrus in "INBOX" {
                    rule reports when subject contains "report" then move to "Reports.2025"
                }
                """);
    }

    private static Census census(String user) throws Exception {
        try (MailClient client = DOVECOT.client(user)) {
            return Census.of(client);
        }
    }

    @Test
    void planNamesMailboxRuleAndFolderExitsWithTheRulesErrorCodeAndPlansTheOtherMailbox() throws Exception {
        Path file = rules();
        Census before = census(cyrus);

        CommandRun plan = mailrules("plan", file.toString());

        assertEquals(1, plan.exitCode(), plan.toString());
        assertTrue(plan.err().contains("mailrules plan: " + PROBLEM + " Mailbox cyrus is not in this plan."),
                plan.toString());
        assertTrue(plan.out().contains("Mailbox good (127.0.0.1): 1 message, 1 batch"), plan.toString());
        assertFalse(plan.out().contains("Mailbox cyrus"), plan.toString());
        assertFalse(plan.err().contains("Usage") || plan.err().contains("mailrules help"),
                "the command line was right: " + plan);
        assertEquals(before, census(cyrus));
    }

    @Test
    void runFailsThatMailboxWithItsMessageAndRunsTheOther() throws Exception {
        Path file = rules();
        Census before = census(cyrus);

        CommandRun run = mailrules("run", file.toString());

        assertEquals(3, run.exitCode(), "one mailbox done, one not: " + run);
        Map<String, String> failed = LogLines.events(LogLines.text(run.err()), "mailbox").stream()
                .filter(line -> "cyrus".equals(line.get("mailbox"))).findFirst().orElseThrow();
        assertEquals("failed", failed.get("status"), run.toString());
        assertEquals(PROBLEM, failed.get("error"), run.toString());
        assertEquals("nothing was changed in mailbox cyrus", failed.get("message"), run.toString());
        assertFalse(run.err().contains("internal error") || run.err().contains("IllegalArgumentException"),
                run.toString());
        assertEquals(before, census(cyrus));
        try (MailClient client = DOVECOT.client(good)) {
            assertEquals(List.of("Quarterly report"), List.copyOf(client.contents("INBOX.Reports.2025").keySet()),
                    "'Reports/2025' is folder 2025 inside Reports, which this server names INBOX.Reports.2025");
        }

        CommandRun alone = mailrules("run", file.toString(), "--mailbox", "cyrus");
        assertEquals(1, alone.exitCode(), "the rules do not fit this mailbox's server: " + alone);
        assertEquals(before, census(cyrus));
    }

    @Test
    void aSavedPlanNamingAFolderThisServerCannotNameIsRefusedForItsMailboxBeforeAnythingIsSent() throws Exception {
        // Planned on a server that separates levels with '/', where "Reports.2025" is a name like any other.
        try (DovecotServer slash = DovecotServer.start("cli-separator-slash", DovecotServer.Variant.FULL)) {
            String planned = slash.freshUser();
            try (MailClient client = new MailClient("127.0.0.1", slash.imapPort(), planned, DovecotServer.PASSWORD)) {
                client.append("INBOX", TestMessage.of("Ana <ana@example.org>", "Quarterly report")
                        .receivedAt(RECEIVED));
            }
            Path file = rules();
            String elsewhere = Files.readString(file).replace("port " + DOVECOT.imapPort(), "port " + slash.imapPort())
                    .replace("user \"" + cyrus + "\"", "user \"" + planned + "\"");
            Path plannedRules = Files.writeString(work.resolve("planned.mailrules"), elsewhere);
            CommandRun plan = mailrules("plan", plannedRules.toString(), "--mailbox", "cyrus", "-o", "plan.json");
            assertEquals(0, plan.exitCode(), plan.toString());
            Census before = census(cyrus);

            CommandRun apply = mailrules("apply", "plan.json", "--rules", file.toString(), "--json");

            assertEquals(2, apply.exitCode(), "nothing was done in the only mailbox: " + apply);
            String failure = JsonParser.parseString(apply.out()).getAsJsonObject().getAsJsonArray("mailboxes").get(0)
                    .getAsJsonObject().get("failure").getAsString();
            assertTrue(failure.startsWith("Mailbox cyrus on 127.0.0.1: the plan: folder \"Reports.2025\" contains"
                    + " '.', which this server uses to separate folder levels"), apply.toString());
            assertFalse(apply.err().contains("internal error"), apply.toString());
            assertEquals(before, census(cyrus));
        }
    }
}
