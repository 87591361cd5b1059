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

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import io.mailrules.core.journal.store.JournalStore;
import io.mailrules.core.run.RunStatus;
import io.mailrules.imap.testsupport.DovecotServer;
import io.mailrules.imap.testsupport.MailClient;
import io.mailrules.imap.testsupport.PrivateDovecot;
import io.mailrules.imap.testsupport.TestMessage;

/**
 * A server with neither MOVE nor UIDPLUS, as Courier-IMAP is (a Dovecot with both removed from its capabilities):
 * the dry run says beforehand that a run cannot move there, and a run refuses the mailbox whole instead of storing
 * flags and creating folders and then failing at the first move; with {@code --skip-unsupported} it does what the
 * server can do safely and leaves the rest where it is.
 */
class ServerWithoutMoveDovecotTest {

    @RegisterExtension
    static final PrivateDovecot DOVECOT = new PrivateDovecot("cli-courier",
            DovecotServer.Variant.WITHOUT_MOVE_AND_UIDPLUS);

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-06-10T12:00:00Z"), ZoneOffset.UTC);
    private static final Instant RECEIVED = Instant.parse("2024-06-08T10:00:00Z");
    private static final String BOUNCE = "Undelivered Mail Returned to Sender";
    private static final String VIP = "Order";
    private static final String CANNOT = "mailbox courier, folder \"INBOX\": rule routing/bounces would \"move to"
            + " Bounces\" 1 message, which the server cannot do safely: the server offers neither MOVE nor UIDPLUS, and"
            + " the only other way (COPY, then EXPUNGE of the whole folder) would also erase messages other mail"
            + " clients marked as deleted";

    @TempDir
    Path work;

    private CommandRun mailrules(String... args) {
        Map<String, String> environment = CommandRun.scriptEnvironment(work, work.resolve("journal"),
                DovecotServer.PASSWORD);
        return CommandRun.in(work, environment, CLOCK, args);
    }

    private MailClient seeded() throws Exception {
        String user = DOVECOT.freshUser();
        Files.writeString(work.resolve("courier.mailrules"), """
                mailbox courier {
                    host "127.0.0.1" port PORT plain insecure
                    user "USER"
                    password from env "SDR_PASSWORD"
                }

                layout sales {
                    folder "Bounces"
                }

                rules routing for courier layout sales in "INBOX" {
                    rule bounces when subject contains "Undelivered" then move to "Bounces"
                    rule vip when from domain "bigcustomer.com" then flag
                }
                """.replace("PORT", Integer.toString(DOVECOT.imapPort())).replace("USER", user));
        MailClient client = DOVECOT.client(user);
        client.append("INBOX", TestMessage.of("MAILER-DAEMON@mx.example.net", BOUNCE).receivedAt(RECEIVED),
                TestMessage.of("Ceo <ceo@bigcustomer.com>", VIP).receivedAt(RECEIVED),
                TestMessage.of("Bo <bo@ourteam.example>", "Lunch?").receivedAt(RECEIVED));
        return client;
    }

    @Test
    void thePlanSaysWhatCannotRunAndTheRunRefusesTheMailboxWhole() throws Exception {
        try (MailClient client = seeded()) {
            Map<String, List<String>> inbox = client.contents("INBOX");
            List<String> folders = client.folderNames();

            CommandRun plan = mailrules("plan", "courier.mailrules");
            assertEquals(0, plan.exitCode(), plan.toString());
            assertTrue(plan.out().contains("  Refused:  a run refuses this mailbox and changes nothing in it:\n    "
                    + CANNOT + "\n    To run what the server can do (flags, copies) and leave those messages where"
                    + " they are, run again with --skip-unsupported."), plan.toString());

            CommandRun run = mailrules("run", "courier.mailrules");
            assertEquals(4, run.exitCode(), run.toString());
            Map<String, String> refusal = LogLines.only(LogLines.text(run.err()), "mailboxRefused");
            assertEquals("courier", refusal.get("mailbox"), run.toString());
            assertEquals(CANNOT, refusal.get("reasons"), run.toString());
            assertEquals(inbox, client.contents("INBOX"), "no flag stored, nothing moved");
            assertEquals(List.of(), client.contents("INBOX").get(VIP));
            assertEquals(folders, client.folderNames(), "no folder created");
            assertFalse(client.exists("Bounces"));
            assertEquals(RunStatus.REFUSED, new JournalStore(work.resolve("journal")).history().runs().getFirst()
                    .status());

            CommandRun json = mailrules("run", "courier.mailrules", "--json");
            assertEquals(4, json.exitCode(), json.toString());
            JsonObject summary = JsonParser.parseString(json.out()).getAsJsonObject();
            assertEquals(4, summary.get("exitCode").getAsInt(), json.toString());
            JsonObject mailbox = summary.getAsJsonArray("mailboxes").get(0).getAsJsonObject();
            assertEquals("refused", mailbox.get("status").getAsString(), json.toString());
            assertEquals(CANNOT, mailbox.getAsJsonArray("refusals").get(0).getAsString(), json.toString());
            assertEquals(inbox, client.contents("INBOX"), "refused again, still nothing changed");
        }
    }

    @Test
    void withConsentTheRunDoesWhatTheServerCanAndLeavesTheMovesOut() throws Exception {
        try (MailClient client = seeded()) {
            CommandRun plan = mailrules("plan", "courier.mailrules", "--skip-unsupported");
            assertTrue(plan.out().contains("  Allowed:  past these checks, as agreed:\n    " + CANNOT),
                    plan.toString());
            assertTrue(plan.out().contains("  Left out: 1 batch the server cannot carry out (--skip-unsupported)"),
                    plan.toString());

            CommandRun run = mailrules("run", "courier.mailrules", "--skip-unsupported");
            assertEquals(0, run.exitCode(), run.toString());
            assertEquals(List.of("\\Flagged"), client.contents("INBOX").get(VIP), "the flag the server can store");
            assertEquals(List.of("Lunch?", VIP, BOUNCE), List.copyOf(client.contents("INBOX").keySet()),
                    "the bounce stays where it is");
            assertTrue(run.out().contains("INBOX: 1 batch not sent: left out as agreed: move to Bounces (the server"
                    + " offers neither MOVE nor UIDPLUS"), run.toString());
        }
    }
}
