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

import io.mailrules.imap.testsupport.DovecotServer;
import io.mailrules.imap.testsupport.MailClient;
import io.mailrules.imap.testsupport.PrivateDovecot;
import io.mailrules.imap.testsupport.TestMessage;

/**
 * The log of {@code run}, against the private Dovecot: every line of standard error is a log line with its time and
 * level, in either format, and a rule whose target folder carries a line break and a forged log line of its own
 * (the rules language reads {@code \n} in a string as a line break) shows up inside one value, not as a line.
 * Dovecot refuses to create the folder, and its answer, which names the folder, is what the log shows.
 */
class LogsDovecotTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-06-10T12:00:00Z"), ZoneOffset.UTC);
    private static final Instant RECEIVED = Instant.parse("2024-06-08T10:00:00Z");
    private static final String FORGERY = "time=2020-01-01T00:00:00Z level=info event=forged mailbox=boss";
    private static final String HOSTILE_FOLDER = "Bounces\n" + FORGERY;

    @RegisterExtension
    static final PrivateDovecot DOVECOT = new PrivateDovecot("cli-logs", DovecotServer.Variant.FULL);

    @TempDir
    Path work;

    private CommandRun mailrules(String... args) {
        return CommandRun.in(work, CommandRun.scriptEnvironment(work, work.resolve("journal"),
                DovecotServer.PASSWORD), CLOCK, args);
    }

    private MailClient seeded(String user) throws Exception {
        Files.writeString(work.resolve("sales.mailrules"), """
                mailbox sdr {
                    host "127.0.0.1" port PORT plain insecure
                    user "USER"
                    password from env "SDR_PASSWORD"
                }

                rules routing for sdr in "INBOX" {
                    rule bounces when subject contains "Undelivered" then move to "Bounces\\nFORGERY"
                    rule vip when from domain "bigcustomer.com" then flag
                }
                """.replace("PORT", Integer.toString(DOVECOT.imapPort())).replace("USER", user)
                .replace("FORGERY", FORGERY));
        MailClient client = new MailClient("127.0.0.1", DOVECOT.imapPort(), user, DovecotServer.PASSWORD);
        client.append("INBOX",
                TestMessage.of("MAILER-DAEMON@mx.example.net", "Undelivered Mail Returned to Sender")
                        .receivedAt(RECEIVED),
                TestMessage.of("Ceo <ceo@bigcustomer.com>", "Order").receivedAt(RECEIVED));
        return client;
    }

    /** The failure of the mailbox holds the hostile folder name whole, line break included, in one value. */
    private static void assertFailedOnTheHostileName(List<Map<String, String>> lines, CommandRun run) {
        Map<String, String> failed = LogLines.only(lines, "mailboxFailed");
        assertEquals("error", failed.get("level"), run.toString());
        assertTrue(failed.get("error").contains("refused to create folder \"" + HOSTILE_FOLDER + "\""),
                run.toString());
        Map<String, String> mailbox = LogLines.only(lines, "mailbox");
        assertEquals("sdr", mailbox.get("mailbox"), run.toString());
        assertTrue(mailbox.get("error").contains(HOSTILE_FOLDER), run.toString());
    }

    @Test
    void aFolderNameWithALineBreakStaysInsideOneValueOfATextLogLine() throws Exception {
        try (MailClient client = seeded(DOVECOT.freshUser())) {
            CommandRun run = mailrules("run", "sales.mailrules");

            List<Map<String, String>> lines = LogLines.text(run.err());
            assertEquals(List.of(), LogLines.events(lines, "forged"), run.toString());
            assertFalse(run.err().lines().anyMatch(line -> line.startsWith(FORGERY)), run.toString());
            assertFailedOnTheHostileName(lines, run);
            assertEquals(2, run.exitCode(), run.toString());
            assertEquals(List.of("Order", "Undelivered Mail Returned to Sender"),
                    List.copyOf(client.contents("INBOX").keySet()), "nothing was moved");
        }
    }

    @Test
    void aFolderNameWithALineBreakStaysInsideOneValueOfAJsonLogLine() throws Exception {
        try (MailClient client = seeded(DOVECOT.freshUser())) {
            CommandRun run = mailrules("run", "sales.mailrules", "--log-format", "json");

            List<Map<String, String>> lines = LogLines.json(run.err());
            assertEquals(List.of(), LogLines.events(lines, "forged"), run.toString());
            assertFailedOnTheHostileName(lines, run);
            // results on standard output are not logs: the summary table is there as always
            assertTrue(run.out().contains("Summary: 1 mailbox"), run.toString());
        }
    }
}
