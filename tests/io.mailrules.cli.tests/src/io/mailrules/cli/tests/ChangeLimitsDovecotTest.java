package io.mailrules.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import io.mailrules.core.journal.store.JournalStore;
import io.mailrules.core.journal.store.RunHistoryEntry;
import io.mailrules.core.run.RunStatus;
import io.mailrules.imap.testsupport.Census;
import io.mailrules.imap.testsupport.DovecotServer;
import io.mailrules.imap.testsupport.MailClient;
import io.mailrules.imap.testsupport.PrivateDovecot;
import io.mailrules.imap.testsupport.TestMessage;

/**
 * The change limits as a user meets them, against the private Dovecot: a fleet of two mailboxes where one would
 * have most of its INBOX expunged (the reported one-line rule) is refused whole while the other runs; the dry run
 * says so beforehand; a saved plan is checked when applied; a first full archive is one step with
 * {@code --allow-large}; and serve holds a refused mailbox instead of trying it again at every firing.
 */
class ChangeLimitsDovecotTest {

    @RegisterExtension
    static final PrivateDovecot DOVECOT = new PrivateDovecot("cli-limits", DovecotServer.Variant.FULL);

    private static final String VIP = "Order from the CEO";
    private static final String LIMIT = "the limit of rules 'purge-old' is remove at most 20% and 2000 (the default)";

    @TempDir
    Path work;

    private Map<String, String> environment() {
        Map<String, String> environment = new HashMap<>(CommandRun.scriptEnvironment(work, work.resolve("journal"),
                DovecotServer.PASSWORD));
        environment.put("TZ", "UTC");
        return environment;
    }

    private CommandRun mailrules(Clock clock, String... args) {
        CommandRun run = CommandRun.in(work, environment(), clock, args);
        assertFalse(run.out().contains(DovecotServer.PASSWORD) || run.err().contains(DovecotServer.PASSWORD),
                "a secret was printed: " + run);
        return run;
    }

    private static String mailbox(String name, String user) {
        return """
                mailbox NAME {
                    host "127.0.0.1" port PORT plain insecure
                    user "USER"
                    password from env "SDR_PASSWORD"
                }

                """.replace("NAME", name).replace("PORT", Integer.toString(DOVECOT.imapPort())).replace("USER", user);
    }

    /** The reported one-line rule, beside a flag and a layout folder to create, for two mailboxes. */
    private void purgeRules(String big, String small) throws Exception {
        Files.writeString(work.resolve("fleet.mailrules"), mailbox("big", big) + mailbox("small", small) + """
                layout tidy {
                    folder "Processed"
                }

                rules purge-old for big, small layout tidy in "INBOX" {
                    rule vip when from domain "bigcustomer.com" then flag
                    rule purge when older than 1 days then expunge
                }
                """);
    }

    /** One recent VIP message and {@code old} messages three days old, then recent ones up to ten. */
    private static void seed(MailClient client, Instant now, int old) throws Exception {
        client.append("INBOX", TestMessage.of("CEO <ceo@bigcustomer.com>", VIP).receivedAt(now.minusSeconds(60)));
        for (int i = 1; i <= 9; i++) {
            Instant received = i <= old ? now.minus(Duration.ofDays(3)) : now.minusSeconds(120 + i);
            client.append("INBOX", TestMessage.of("Shop <news@shop.example>", "Message " + i).receivedAt(received));
        }
    }

    private static MailClient client(String user) throws Exception {
        return new MailClient("127.0.0.1", DOVECOT.imapPort(), user, DovecotServer.PASSWORD);
    }

    /** Every message of every folder with its flags, and the folders themselves. */
    private static List<Object> everything(MailClient client) throws Exception {
        List<String> folders = client.folderNames().stream().sorted().toList();
        List<List<Census.Placement>> messages = folders.stream().map(folder -> {
            try {
                return client.placements(folder);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
        return List.of(folders, messages);
    }

    private List<RunHistoryEntry> runs() throws Exception {
        return new JournalStore(work.resolve("journal")).history().runs();
    }

    @Test
    void aFleetRunRefusesTheMailboxPastItsLimitWholeAndRunsTheOther() throws Exception {
        String big = DOVECOT.freshUser();
        String small = DOVECOT.freshUser();
        purgeRules(big, small);
        try (MailClient bigClient = client(big); MailClient smallClient = client(small)) {
            Instant now = Instant.now();
            seed(bigClient, now, 9);
            seed(smallClient, now, 1);
            List<Object> bigBefore = everything(bigClient);

            Path out = work.resolve("run.out");
            Path err = work.resolve("run.err");
            Process process = CliProcess.start(work, environment(), out, err, "run", "fleet.mailrules");
            assertTrue(process.waitFor(120, TimeUnit.SECONDS), "mailrules run did not end");
            String stdout = Files.readString(out);
            String stderr = Files.readString(err);
            String shown = "exit " + process.exitValue() + "\n--- stdout\n" + stdout + "--- stderr\n" + stderr;

            assertEquals(4, process.exitValue(), shown);
            assertEquals(bigBefore, everything(bigClient), "nothing changed in the refused mailbox: no folder"
                    + " created, no flag stored, nothing expunged");
            assertEquals(List.of("\\Flagged"), smallClient.contents("INBOX").get(VIP), "the other mailbox ran");
            assertEquals(9, smallClient.contents("INBOX").size(), shown);
            assertFalse(smallClient.contents("INBOX").containsKey("Message 1"), shown);
            assertTrue(smallClient.folderNames().contains("Processed"), shown);

            List<Map<String, String>> logged = LogLines.text(stderr);
            Map<String, String> refusal = LogLines.only(logged, "mailboxRefused");
            assertEquals("big", refusal.get("mailbox"), shown);
            assertEquals("mailbox big, folder \"INBOX\": rule purge-old/purge would remove 9 of 10 messages (90.0%); "
                    + LIMIT, refusal.get("reasons"), shown);
            Map<String, String> hint = LogLines.only(logged, "refused");
            assertEquals("big", hint.get("mailbox"), shown);
            assertTrue(hint.get("message").startsWith("refused before anything was sent; nothing was changed in it."
                    + " If that much is meant, run again with --allow-large"), shown);
            List<String> summary = stdout.lines().dropWhile(line -> !line.startsWith("Summary: ")).toList();
            assertEquals("Summary: 2 mailboxes, 1 not completed (1 refused, nothing changed in them)", summary.get(0),
                    shown);
            assertTrue(summary.get(2).matches(" +big +refused +0 +0 +0 +0/2 +\\d+\\.\\d s +refused, nothing changed:"
                    + " mailbox big, folder \"INBOX\": rule purge-old/purge would remove 9 of 10 .*"), shown);
            assertTrue(summary.get(3).matches(" +small +completed +0 +1 +1 +2/2 .*"), shown);
        }

        RunHistoryEntry refused = runs().stream().filter(run -> run.mailboxes().equals(List.of("big"))).findFirst()
                .orElseThrow();
        assertEquals(RunStatus.REFUSED, refused.status());
        List<String> journal = Files.readAllLines(work.resolve("journal").resolve(refused.runId() + ".jsonl"));
        assertEquals(List.of("header", "refused", "closing"), journal.stream()
                .map(line -> line.replaceAll(".*\"type\":\"([a-z]+)\".*", "$1")).toList(),
                "a journal that says refused, nothing else");
        assertTrue(journal.get(1).contains("would remove 9 of 10 messages"), journal.get(1));
        assertEquals(RunStatus.COMPLETED, runs().stream().filter(run -> run.mailboxes().equals(List.of("small")))
                .findFirst().orElseThrow().status());
        CommandRun listed = mailrules(Clock.systemUTC(), "runs");
        assertTrue(listed.out().lines().anyMatch(line -> line.contains(refused.runId().value())
                && line.contains(" refused ")), listed.toString());
        CommandRun undo = mailrules(Clock.systemUTC(), "undo", refused.runId().value(), "--rules", "fleet.mailrules");
        assertEquals(1, undo.exitCode(), undo.toString());
        assertTrue(undo.err().contains("was refused before anything was sent; there is nothing to undo"),
                undo.toString());
    }

    @Test
    void theDryRunShowsTheRefusalAndASavedPlanIsCheckedWhenApplied() throws Exception {
        String big = DOVECOT.freshUser();
        String small = DOVECOT.freshUser();
        purgeRules(big, small);
        try (MailClient bigClient = client(big); MailClient smallClient = client(small)) {
            Instant now = Instant.now();
            seed(bigClient, now, 9);
            seed(smallClient, now, 1);
            List<Object> bigBefore = everything(bigClient);
            List<Object> smallBefore = everything(smallClient);

            CommandRun plan = mailrules(Clock.systemUTC(), "plan", "fleet.mailrules", "-o", "plan.json");
            assertEquals(0, plan.exitCode(), plan.toString());
            String bigPart = plan.out().substring(plan.out().indexOf("Mailbox big "),
                    plan.out().indexOf("Mailbox small "));
            assertTrue(bigPart.contains("  Refused:  a run refuses this mailbox and changes nothing in it:\n"
                    + "    mailbox big, folder \"INBOX\": rule purge-old/purge would remove 9 of 10 messages (90.0%); "
                    + LIMIT + "\n    If that much is meant, run again with --allow-large"), plan.toString());
            assertFalse(plan.out().substring(plan.out().indexOf("Mailbox small ")).contains("Refused:"),
                    plan.toString());
            assertEquals(bigBefore, everything(bigClient), "a dry run changes nothing");
            assertEquals(smallBefore, everything(smallClient), "a dry run changes nothing");

            CommandRun allowed = mailrules(Clock.systemUTC(), "plan", "fleet.mailrules", "--allow-large");
            assertTrue(allowed.out().contains("  Allowed:  past these checks, as agreed:\n    mailbox big, folder"
                    + " \"INBOX\": rule purge-old/purge would remove 9 of 10"), allowed.toString());

            CommandRun applied = mailrules(Clock.systemUTC(), "apply", "plan.json");
            assertEquals(4, applied.exitCode(), applied.toString());
            Map<String, String> refusal = LogLines.only(LogLines.text(applied.err()), "mailboxRefused");
            assertEquals("big", refusal.get("mailbox"), applied.toString());
            assertEquals("mailbox big, folder \"INBOX\": rule purge-old/purge would remove 9 of 10 messages (90.0%); "
                    + LIMIT, refusal.get("reasons"), applied.toString());
            assertTrue(applied.out().startsWith("Run "), applied.toString());
            assertTrue(applied.out().lines().findFirst().orElseThrow().contains(" partial: "), applied.toString());
            assertEquals(bigBefore, everything(bigClient), "the refused mailbox of the saved plan is untouched");
            assertEquals(List.of("\\Flagged"), smallClient.contents("INBOX").get(VIP), "the other mailbox ran");

            CommandRun tighter = mailrules(Clock.systemUTC(), "apply", "plan.json", "--max-remove", "0");
            assertEquals(4, tighter.exitCode(), tighter.toString());
            assertTrue(tighter.err().contains("is remove at most 0 (--max-remove)"), tighter.toString());

            CommandRun past = mailrules(Clock.systemUTC(), "apply", "plan.json", "--allow-large");
            assertEquals(0, past.exitCode(), past.toString());
            assertEquals(List.of(VIP), List.copyOf(bigClient.contents("INBOX").keySet()), past.toString());
            assertEquals(List.of("\\Flagged"), bigClient.contents("INBOX").get(VIP));
        }
    }

    @Test
    void aFirstFullArchiveIsRefusedByDefaultAndOneStepWithAllowLarge() throws Exception {
        String user = DOVECOT.freshUser();
        Clock clock = Clock.fixed(Instant.parse("2024-06-10T12:00:00Z"), ZoneOffset.UTC);
        Files.writeString(work.resolve("archive.mailrules"), mailbox("arch", user) + """
                layout archive {
                    folder "Archive" role archive
                }

                retention yearly for arch layout archive {
                    in "INBOX" keep 365 days then move to "Archive/{year}"
                }
                """);
        try (MailClient client = client(user)) {
            // 5,001 of 6,000 messages: more than half of INBOX and more than 5,000, the smallest first archive the
            // default move limit stops.
            client.append("INBOX", IntStream.rangeClosed(1, 6000).mapToObj(i -> TestMessage.of("a@example.com",
                    "Message " + i).receivedAt(i <= 5001 ? Instant.parse("2023-03-01T10:00:00Z")
                            : Instant.parse("2024-06-01T10:00:00Z"))).toArray(TestMessage[]::new));

            CommandRun refused = mailrules(clock, "run", "archive.mailrules");
            assertEquals(4, refused.exitCode(), refused.toString());
            assertEquals("mailbox arch, folder \"INBOX\": rule yearly/INBOX keep 365 days would move 5001 of 6000"
                    + " messages (83.4%); the limit of retention 'yearly' is move at most 50% or 5000 (the default)",
                    LogLines.only(LogLines.text(refused.err()), "mailboxRefused").get("reasons"), refused.toString());
            assertEquals(6000, client.contents("INBOX").size());
            assertFalse(client.folderNames().stream().anyMatch(folder -> folder.startsWith("Archive")),
                    "no folder was created for the refused archive");

            CommandRun archived = mailrules(clock, "run", "archive.mailrules", "--allow-large");
            assertEquals(0, archived.exitCode(), archived.toString());
            assertEquals(999, client.contents("INBOX").size());
            assertEquals(5001, client.contents("Archive/2023").size());
        }
    }

    @Test
    void serveHoldsARefusedMailboxUntilARunOfItCompletes() throws Exception {
        String big = DOVECOT.freshUser();
        Files.writeString(work.resolve("serve.mailrules"), mailbox("big", big) + """
                rules purge-old for big in "INBOX" {
                    rule purge when older than 1 days then expunge
                }
                """);
        Path out = work.resolve("serve.out");
        Path log = work.resolve("serve.log");
        try (MailClient client = client(big)) {
            seed(client, Instant.now(), 9);
            Process serve = CliProcess.start(work, environment(), out, log, "serve", "serve.mailrules", "--every",
                    "2s");
            try {
                awaitLog(serve, log, "status=held");
                assertEquals(10, client.contents("INBOX").size(), "held, never changed");

                CommandRun byHand = mailrules(Clock.systemUTC(), "run", "serve.mailrules", "--allow-large");
                assertEquals(0, byHand.exitCode(), byHand.toString());
                awaitLog(serve, log, "event=released");
                awaitLog(serve, log, "status=\"nothing to do\"");

                serve.destroy(); // SIGTERM
                assertTrue(serve.waitFor(60, TimeUnit.SECONDS), "serve did not stop:\n" + Files.readString(log));
                assertEquals(0, serve.exitValue(), Files.readString(log));
            } finally {
                serve.destroyForcibly();
            }
            assertEquals(List.of(VIP), List.copyOf(client.contents("INBOX").keySet()));
        }
        String logged = Files.readString(log);
        List<String> refusedLines = logged.lines().filter(line -> line.contains("status=refused")).toList();
        assertEquals(1, refusedLines.size(), "refused once, then held: " + logged);
        assertTrue(refusedLines.getFirst().contains("error=\"refused, nothing changed: mailbox big, folder"
                + " \\\"INBOX\\\": rule purge-old/purge would remove 9 of 10 messages (90.0%); " + LIMIT + "\""),
                logged);
        assertTrue(LogLines.events(LogLines.text(logged), "mailbox").stream().anyMatch(line -> "warn".equals(
                line.get("level")) && "purge-old".equals(line.get("job")) && "big".equals(line.get("mailbox"))
                && "held".equals(line.get("status")) && line.containsKey("since") && line.get("error").endsWith(
                        "not run again until a run of the mailbox completes, e.g. 'mailrules run serve.mailrules"
                        + " --job purge-old --mailbox big --allow-large', or serve restarts")), logged);
        assertEquals(RunStatus.REFUSED, runs().getLast().status(), "the oldest run is the refused one");
    }

    private static void awaitLog(Process process, Path log, String text) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (!Files.readString(log).contains(text)) {
            if (!process.isAlive()) {
                throw new AssertionError("serve ended with " + process.exitValue() + ":\n" + Files.readString(log));
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no '" + text + "' in time:\n" + Files.readString(log));
            }
            Thread.sleep(100);
        }
    }
}
