package io.mailrules.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.mailrules.core.journal.store.JournalStore;
import io.mailrules.core.journal.store.RunHistoryEntry;
import io.mailrules.core.run.RunStatus;
import io.mailrules.imap.testsupport.DovecotServer;
import io.mailrules.imap.testsupport.MailClient;
import io.mailrules.imap.testsupport.TestMessage;

/**
 * {@code mailrules serve} as a service manager runs it: a process of its own that runs a short schedule twice
 * against the private Dovecot and stops cleanly on SIGTERM; and its refusals of files it cannot serve.
 */
class ServeCommandDovecotTest {

    private static final Instant RECEIVED = Instant.parse("2024-06-08T10:00:00Z");

    private static DovecotServer server;

    @TempDir
    Path work;

    @BeforeAll
    static void startDovecot() throws Exception {
        server = DovecotServer.start("cli-serve", DovecotServer.Variant.FULL);
    }

    @AfterAll
    static void stopDovecot() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    private Map<String, String> environment() {
        Map<String, String> environment = new HashMap<>();
        environment.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        environment.put("HOME", work.resolve("home").toString());
        environment.put("XDG_CONFIG_HOME", work.resolve("config").toString());
        environment.put("MAILRULES_JOURNAL", work.resolve("journal").toString());
        environment.put("SDR_PASSWORD", DovecotServer.PASSWORD);
        environment.put("TZ", "UTC");
        return environment;
    }

    private void rules(String user, String schedules) throws Exception {
        Files.writeString(work.resolve("serve.mailrules"), """
                mailbox sdr {
                    host "127.0.0.1" port PORT plain insecure
                    user "USER"
                    password from env "SDR_PASSWORD"
                }

                rules routing for sdr in "INBOX" {
                    rule bounces when subject contains "Undelivered" then move to "Bounces"
                }

                SCHEDULES
                """.replace("PORT", Integer.toString(server.imapPort())).replace("USER", user)
                .replace("SCHEDULES", schedules));
    }

    private List<RunHistoryEntry> completedRuns() throws Exception {
        return new JournalStore(work.resolve("journal")).history().runs().stream()
                .filter(run -> run.status() == RunStatus.COMPLETED).toList();
    }

    private void awaitCompletedRuns(int count, Process process, Path log) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (completedRuns().size() < count) {
            if (!process.isAlive()) {
                throw new AssertionError("serve ended with " + process.exitValue() + ":\n" + Files.readString(log));
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no " + count + " completed runs in time:\n" + Files.readString(log));
            }
            Thread.sleep(200);
        }
    }

    @Test
    void serveRunsTwoFiringsOfAShortScheduleAndStopsCleanlyOnSigterm() throws Exception {
        String user = server.freshUser();
        rules(user, "schedule often every 15 minutes run routing");
        Path out = work.resolve("serve.out");
        Path log = work.resolve("serve.log");
        try (MailClient client = new MailClient("127.0.0.1", server.imapPort(), user, DovecotServer.PASSWORD)) {
            client.append("INBOX", TestMessage.of("MAILER-DAEMON@mx.example.net", "Undelivered 1").receivedAt(RECEIVED),
                    TestMessage.of("Bo <bo@ourteam.example>", "Lunch?").receivedAt(RECEIVED));
            Process serve = CliProcess.start(work, environment(), out, log, "serve", "serve.mailrules", "--every", "2s");
            try {
                awaitCompletedRuns(1, serve, log);
                client.append("INBOX", TestMessage.of("MAILER-DAEMON@mx.example.net", "Undelivered 2")
                        .receivedAt(RECEIVED));
                awaitCompletedRuns(2, serve, log);

                serve.destroy(); // SIGTERM

                assertTrue(serve.waitFor(60, TimeUnit.SECONDS), "serve did not stop:\n" + Files.readString(log));
                assertEquals(0, serve.exitValue(), Files.readString(log));
            } finally {
                serve.destroyForcibly();
            }
            assertEquals(List.of("Lunch?"), List.copyOf(client.contents("INBOX").keySet()));
            assertEquals(List.of("Undelivered 1", "Undelivered 2"), List.copyOf(client.contents("Bounces").keySet()));
        }
        assertEquals(2, completedRuns().size());
        String logged = Files.readString(log);
        // everything the serve process wrote to standard error, libraries and JVM included, is a log line
        assertTrue(LogLines.text(logged).size() >= 8, logged);
        assertTrue(logged.lines().anyMatch(line -> line.matches("time=\\S+ level=info event=scheduled schedule=often"
                + " timing=\"every 2 seconds\" jobs=routing next=\\S+")), logged);
        assertEquals(2, logged.lines().filter(line -> line.matches("time=\\S+ level=info event=mailbox schedule=often job=routing"
                + " mailbox=sdr status=completed moved=1 flagged=0 deleted=0 batches=1/1 durationMillis=\\d+ run=\\S+"
                + " error=-")).count(), logged);
        assertTrue(logged.contains("mailbox=sdr folder=INBOX rule=routing/bounces batch=0 action=\"move to Bounces\""
                + " count=1 outcome=done"), logged);
        assertTrue(logged.lines().anyMatch(line -> line.matches("time=\\S+ level=info event=stopping signal=TERM")), logged);
        assertTrue(logged.lines().anyMatch(line -> line.matches("time=\\S+ level=info event=stopped firings=\\d+")), logged);
        assertEquals("", Files.readString(out));
    }

    private CommandRun serve(String... args) {
        return CommandRun.in(work, environment(), Clock.systemUTC(), args);
    }

    @Test
    void aFileWithoutSchedulesIsRefusedUnlessEveryIsGiven() throws Exception {
        rules("user1", "");
        CommandRun run = serve("serve", "serve.mailrules");
        assertEquals(1, run.exitCode(), run.toString());
        assertEquals(List.of("error failed: serve.mailrules has no schedule to serve; add one, e.g. 'schedule nightly"
                + " daily at 02:00 run JOB', or run its jobs with --every 15m"), LogLines.messages(LogLines.text(run.err())));
    }

    @Test
    void aCronExpressionCronCannotReadIsNamedWithItsLine() throws Exception {
        rules("user1", "schedule nightly daily at 02:00 run routing\nschedule weekly cron \"61 3 * * 0\" run routing");
        CommandRun run = serve("serve", "serve.mailrules");
        assertEquals(1, run.exitCode(), run.toString());
        assertEquals(List.of("error problem: serve.mailrules:12:22: error: Schedule 'weekly' has a cron expression cron"
                + " cannot read: the minute field value 61 is outside 0..59", "error failed: serve.mailrules has errors"
                + " (1 error in 1 file); nothing was planned or changed"), LogLines.messages(LogLines.text(run.err())),
                "the file's validation already refuses it");
    }

    @Test
    void badInputNamesTheProblem() throws Exception {
        CommandRun missing = serve("serve", "missing.mailrules");
        assertEquals(1, missing.exitCode(), missing.toString());
        assertEquals(List.of("error failed: cannot read missing.mailrules: no such file"),
                LogLines.messages(LogLines.text(missing.err())));

        rules("user1", "schedule often every 15 minutes run routing");
        CommandRun every = serve("serve", "serve.mailrules", "--every", "soon");
        assertEquals(64, every.exitCode(), every.toString());
        Map<String, String> usage = LogLines.only(LogLines.text(every.err()), "usage");
        assertEquals("--every 'soon' is not a duration; use a positive number with s, m or h, e.g. 30s, 15m or 2h",
                usage.get("message"), every.toString());
        assertEquals("mailrules serve FILE [OPTIONS]", usage.get("usage"), every.toString());
        assertEquals("mailrules help serve", usage.get("help"), every.toString());

        CommandRun none = serve("serve");
        assertEquals(64, none.exitCode(), none.toString());
        assertEquals(List.of("error usage: no rules file given"), LogLines.messages(LogLines.text(none.err())));
    }

    @Test
    void theDurationOfEveryIsReadAsOpsTypeIt() {
        assertEquals(Duration.ofSeconds(30), io.mailrules.cli.options.Durations.parse("30s"));
        assertEquals(Duration.ofMinutes(15), io.mailrules.cli.options.Durations.parse("15m"));
        assertEquals(Duration.ofHours(2), io.mailrules.cli.options.Durations.parse(" 2H "));
    }
}
