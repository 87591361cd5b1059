package io.mailrules.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import io.mailrules.imap.testsupport.DovecotServer;
import io.mailrules.imap.testsupport.MailClient;
import io.mailrules.imap.testsupport.PrivateDovecot;
import io.mailrules.imap.testsupport.TestMessage;

/**
 * plan and run on a mailbox holding a message crafted against a rule's pattern: both finish in seconds, warn naming
 * the message (plan on standard error, run in its log), act on the others and leave that one where it is.
 */
class HostileMailCommandsDovecotTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-06-10T12:00:00Z"), ZoneOffset.UTC);
    /** 50 KB on which {@code (a+)+$} tries every way of cutting the a's before it fails at the end. */
    private static final String CRAFTED = "a".repeat(50_000) + "!";
    private static final Pattern WARNING = Pattern.compile("mailrules plan: warning: Mailbox sdr, folder INBOX,"
            + " UID 2 \\(Message-ID <[^>]+>\\): rule routing/campaigns could not decide it, its pattern \"\\(a\\+\\)\\+\\$\""
            + " on X-Campaign gave up: it took longer than 1 s; the message is left alone \\(no action\\) in this run");

    @RegisterExtension
    static final PrivateDovecot DOVECOT = new PrivateDovecot("cli-hostile", DovecotServer.Variant.FULL);

    @TempDir
    Path work;

    private CommandRun mailrules(String... args) {
        Map<String, String> environment = CommandRun.scriptEnvironment(work, work.resolve("journal"),
                DovecotServer.PASSWORD);
        return CommandRun.in(work, environment, CLOCK, args);
    }

    @Test
    void planAndRunWarnAboutTheMessageTheyGaveUpOnAndLeaveItAlone() throws Exception {
        String user = DOVECOT.freshUser();
        try (MailClient client = new MailClient("127.0.0.1", DOVECOT.imapPort(), user, DovecotServer.PASSWORD)) {
            client.append("INBOX",
                    TestMessage.of("Ana <ana@example.org>", "Spring campaign").withHeader("X-Campaign", "aaaa"),
                    TestMessage.of("Mallory <mallory@example.net>", "Crafted").withHeader("X-Campaign", CRAFTED),
                    TestMessage.of("Ben <ben@example.org>", "Lunch?").withHeader("X-Campaign", "b"));
            Files.writeString(work.resolve("hostile.mailrules"), """
                    mailbox sdr {
                        host "127.0.0.1" port %d plain insecure
                        user "%s"
                        password from env "SDR_PASSWORD"
                    }

                    rules routing for sdr in "INBOX" {
                        rule campaigns when header "X-Campaign" matches "(a+)+$" then move to "Campaigns"
                    }
                    """.formatted(DOVECOT.imapPort(), user));

            long started = System.nanoTime();
            CommandRun plan = mailrules("plan", "hostile.mailrules");
            Duration planTook = Duration.ofNanos(System.nanoTime() - started);
            assertEquals(0, plan.exitCode(), plan.toString());
            assertTrue(plan.err().lines().anyMatch(line -> WARNING.matcher(line).matches()), plan.toString());
            assertTrue(plan.out().contains("Mailbox sdr (127.0.0.1): 1 message, 1 batch"), plan.toString());
            assertTrue(planTook.compareTo(Duration.ofSeconds(20)) < 0, "plan took " + planTook);

            CommandRun run = mailrules("run", "hostile.mailrules");
            assertEquals(0, run.exitCode(), run.toString());
            Map<String, String> undecided = LogLines.only(LogLines.text(run.err()), "undecided");
            assertEquals("warn", undecided.get("level"));
            assertEquals(Map.of("mailbox", "sdr", "folder", "INBOX", "uid", "2", "rule", "routing/campaigns",
                    "reason", "its pattern \"(a+)+$\" on X-Campaign gave up: it took longer than 1 s", "message",
                    "the message is left alone (no action) in this run"), Map.of("mailbox", undecided.get("mailbox"),
                            "folder", undecided.get("folder"), "uid", undecided.get("uid"), "rule",
                            undecided.get("rule"), "reason", undecided.get("reason"), "message",
                            undecided.get("message")));
            assertTrue(undecided.get("messageId").matches("<[^>]+>"), undecided.toString());
            assertEquals(Set.of("Spring campaign"), client.contents("Campaigns").keySet());
            assertEquals(Set.of("Crafted", "Lunch?"), client.contents("INBOX").keySet());
        }
    }
}
