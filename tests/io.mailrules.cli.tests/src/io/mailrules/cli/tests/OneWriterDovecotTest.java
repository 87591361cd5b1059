package io.mailrules.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonParser;

import io.mailrules.core.account.MailboxAccount;
import io.mailrules.core.account.MailboxLock;
import io.mailrules.core.account.MailboxLockLocation;
import io.mailrules.core.account.MailboxLocks;
import io.mailrules.core.incremental.FolderStateStore;
import io.mailrules.core.journal.store.JournalStore;
import io.mailrules.core.journal.store.RunHistoryEntry;
import io.mailrules.imap.testsupport.Census;
import io.mailrules.imap.testsupport.DovecotServer;
import io.mailrules.imap.testsupport.FaultProxy;
import io.mailrules.imap.testsupport.MailClient;
import io.mailrules.imap.testsupport.PrivateDovecot;
import io.mailrules.imap.testsupport.TestMessage;

/**
 * One writer per mailbox: {@code mailrules} processes of one user on the same mailbox take turns (the second waits,
 * or fails the mailbox as busy naming the first), and what they leave is what one run leaves. Runs go through a
 * {@link FaultProxy} that slows the commands that change mail, so that two runs certainly overlap.
 */
class OneWriterDovecotTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-06-10T12:00:00Z"), ZoneOffset.UTC);
    private static final Instant RECEIVED = Instant.parse("2024-06-08T10:00:00Z");

    @RegisterExtension
    static final PrivateDovecot DOVECOT = new PrivateDovecot("cli-one-writer", DovecotServer.Variant.FULL);

    @TempDir
    Path work;

    private Map<String, String> environment() {
        Map<String, String> environment = CommandRun.scriptEnvironment(work, work.resolve("journal"),
                DovecotServer.PASSWORD);
        environment.put("TZ", "UTC");
        return environment;
    }

    private Map<String, String> notWaiting() {
        Map<String, String> environment = environment();
        environment.put("MAILRULES_LOCK_WAIT", "0");
        return environment;
    }

    private Path rules(String name, int port, String user) throws Exception {
        return Files.writeString(work.resolve(name), """
                mailbox sdr {
                    host "127.0.0.1" port PORT plain insecure
                    user "USER"
                    password from env "SDR_PASSWORD"
                }

                rules routing for sdr in "INBOX" {
                    rule bounces when subject contains "Undelivered" then move to "Bounces"
                    rule replies when subject contains "Re:" then add keyword "$Replied", move to "Replies"
                    rule team when from domain "ourteam.example" then flag, mark seen
                }
                """.replace("PORT", Integer.toString(port)).replace("USER", user));
    }

    private static String seeded() throws Exception {
        String user = DOVECOT.freshUser();
        try (MailClient client = DOVECOT.client(user)) {
            List<TestMessage> messages = new ArrayList<>();
            for (int i = 1; i <= 20; i++) {
                messages.add(TestMessage.of("MAILER-DAEMON@mx.example.net", "Undelivered " + i).receivedAt(RECEIVED));
                messages.add(TestMessage.of("Ana <ana@example.org>", "Re: pricing " + i).receivedAt(RECEIVED));
                messages.add(TestMessage.of("Bo <bo@ourteam.example>", "Lunch " + i).receivedAt(RECEIVED));
            }
            client.append("INBOX", messages.toArray(TestMessage[]::new));
        }
        return user;
    }

    /** The census one uninterrupted run leaves on an exact copy of {@code user}'s mailbox. */
    private Census oneRunOnACopyOf(String user) throws Exception {
        String copy = DOVECOT.freshUser();
        DOVECOT.server().copyMailbox(user, copy);
        Path file = rules("reference.mailrules", DOVECOT.imapPort(), copy);
        Map<String, String> environment = CommandRun.scriptEnvironment(work, work.resolve("reference-journal"),
                DovecotServer.PASSWORD);
        CommandRun reference = CommandRun.in(work, environment, CLOCK, "run", file.toString());
        assertEquals(0, reference.exitCode(), reference.toString());
        try (MailClient client = DOVECOT.client(copy)) {
            return Census.of(client);
        }
    }

    private static Census census(String user) throws Exception {
        try (MailClient client = DOVECOT.client(user)) {
            // Census.of refuses a Message-ID found twice: a duplicate fails the test here.
            return Census.of(client);
        }
    }

    private record Finished(int exitCode, String out, String err) {
        boolean didTheWork() {
            return exitCode == 0 && summary("completed");
        }

        boolean foundNothingLeft() {
            return exitCode == 0 && summary("nothing to do");
        }

        boolean wasBusy() {
            return exitCode == 2 && summary("busy") && err.contains("Mailbox sdr on 127.0.0.1 is busy: mailrules"
                    + " run (pid ");
        }

        /** Whether the summary table's row of the mailbox has this status. */
        private boolean summary(String status) {
            return out.lines().anyMatch(line -> line.matches("\\s+sdr\\s+" + status + "\\s+\\d+ .*"));
        }

        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    private final List<Process> started = new ArrayList<>();

    private Process start(String name, String... args) throws Exception {
        Process process = CliProcess.start(work, environment(), work.resolve(name + ".out"),
                work.resolve(name + ".err"), args);
        started.add(process);
        return process;
    }

    /** A test that failed half-way leaves no command running. */
    @AfterEach
    void stopCommands() {
        started.forEach(Process::destroyForcibly);
    }

    private Finished finished(String name, Process process) throws Exception {
        assertTrue(process.waitFor(180, TimeUnit.SECONDS), name + " did not end");
        return new Finished(process.exitValue(), Files.readString(work.resolve(name + ".out")),
                Files.readString(work.resolve(name + ".err")));
    }

    @Test
    void twoRunsStartedAtOnceOnOneMailboxLeaveTheCensusOfOneRun() throws Exception {
        String user = seeded();
        Census expected = oneRunOnACopyOf(user);
        try (FaultProxy proxy = FaultProxy.start(DOVECOT.imapPort())) {
            proxy.slowDown(300);
            Path file = rules("sales.mailrules", proxy.port(), user);
            Process first = start("first", "run", file.toString());
            Process second = start("second", "run", file.toString());
            Finished one = finished("first", first);
            Finished other = finished("second", second);

            assertTrue(one.didTheWork() || other.didTheWork(), "one of them ran the rules:\n" + one + "\n" + other);
            Finished idle = one.didTheWork() ? other : one;
            System.out.println("OneWriterDovecotTest: of two runs at once, the second " + (idle.wasBusy()
                    ? "gave the mailbox up as busy" : "waited and found nothing left to do"));
            assertTrue(idle.foundNothingLeft() || idle.wasBusy(), "the other waited and found nothing left to do,"
                    + " or gave the mailbox up as busy:\n" + one + "\n" + other + "\n" + proxy.clientLines());
            assertEquals(expected, census(user), "two runs at once end as one run does");
            List<String> moves = proxy.commands().stream().map(FaultProxy.Command::verb)
                    .filter(verb -> verb.equals("UID MOVE")).toList();
            assertEquals(2, moves.size(), "each move was sent once: " + proxy.commands());
        }
        List<RunHistoryEntry> runs = new JournalStore(work.resolve("journal")).history().runs();
        assertEquals(1, runs.size(), "one journaled run: " + runs);
        assertEquals(1, FolderStateStore.in(work.resolve("journal")).states().size(), "INBOX's state, once");
    }

    @Test
    void aSecondCommandToldNotToWaitFailsTheMailboxNamingTheFirstAndAPlanAfterTheRunIsEmpty() throws Exception {
        String user = seeded();
        Census expected = oneRunOnACopyOf(user);
        try (FaultProxy proxy = FaultProxy.start(DOVECOT.imapPort())) {
            CountDownLatch paused = new CountDownLatch(1);
            CountDownLatch resume = new CountDownLatch(1);
            // The first run stops just before its first move reaches the server, holding the mailbox.
            proxy.before(Pattern.compile("\\S+ UID MOVE .*"), () -> {
                paused.countDown();
                resume.await(120, TimeUnit.SECONDS);
            });
            Path file = rules("sales.mailrules", proxy.port(), user);
            Path saved = work.resolve("saved-plan.json");
            CommandRun planned = CommandRun.in(work, environment(), CLOCK, "plan", file.toString(), "-o",
                    saved.toString());
            assertEquals(0, planned.exitCode(), planned.toString());
            Map<String, String> mistyped = environment();
            mistyped.put("MAILRULES_LOCK_WAIT", "soon");
            CommandRun wrong = CommandRun.in(work, mistyped, CLOCK, "run", file.toString());
            assertEquals(64, wrong.exitCode(), wrong.toString());
            assertTrue(wrong.err().contains("MAILRULES_LOCK_WAIT 'soon' is not a duration"), wrong.toString());
            Process first = start("first", "run", file.toString());
            try {
                if (!paused.await(120, TimeUnit.SECONDS)) {
                    fail("the first run never reached its first move: " + finished("first", first));
                }
                for (String command : List.of("run", "plan", "apply")) {
                    String[] args = command.equals("apply") ? new String[] {"apply", saved.toString()}
                            : new String[] {command, file.toString()};
                    CommandRun refused = CommandRun.in(work, notWaiting(), CLOCK, args);
                    assertEquals(2, refused.exitCode(), refused.toString());
                    assertTrue(refused.err().contains("Mailbox sdr on 127.0.0.1 is busy: mailrules run (pid "
                            + first.pid() + ") since "), refused.toString());
                    assertTrue(refused.err().contains("Nothing was changed in it; run again when the other one is"
                            + " done."), refused.toString());
                    assertFalse(refused.err().contains("internal error"), refused.toString());
                }
            } finally {
                resume.countDown();
            }
            Finished one = finished("first", first);
            assertTrue(one.didTheWork(), one.toString());
            assertTrue(proxy.interludeDone());
        }
        assertEquals(expected, census(user));

        CommandRun again = CommandRun.in(work, environment(), CLOCK, "run", rules("direct.mailrules",
                DOVECOT.imapPort(), user).toString(), "--full");
        assertEquals(0, again.exitCode(), again.toString());
        assertTrue(again.out().contains("nothing to do"), again.toString());
        CommandRun plan = CommandRun.in(work, environment(), CLOCK, "plan", work.resolve("direct.mailrules")
                .toString(), "--full", "--json");
        assertEquals(0, plan.exitCode(), plan.toString());
        assertEquals(0, JsonParser.parseString(plan.out()).getAsJsonObject().getAsJsonArray("mailboxes").get(0)
                .getAsJsonObject().getAsJsonArray("folders").size(), "the exact dry run of a mailbox the rules have"
                        + " just been run on plans nothing, the flagged and seen mail included: " + plan.out());
        assertEquals(expected, census(user));
    }

    @Test
    void serveSkipsAMailboxAnotherWriterHasAndRunsItAtTheNextFiring() throws Exception {
        String user = seeded();
        Census expected = oneRunOnACopyOf(user);
        Path file = rules("serve.mailrules", DOVECOT.imapPort(), user);
        MailboxLocks held = new MailboxLocks(MailboxLockLocation.resolve(environment(), "/nonexistent"),
                "the test", Duration.ZERO);
        Path log = work.resolve("serve.err");
        MailboxLock lock = held.lock("sdr", new MailboxAccount("127.0.0.1", DOVECOT.imapPort(), user));
        Process serve = start("serve", "serve", file.toString(), "--every", "1s");
        try {
            try {
                awaitLine(serve, log, ".* event=mailbox .* mailbox=sdr status=busy .*");
                assertEquals(List.of(), new JournalStore(work.resolve("journal")).history().runs(), "nothing was run");
            } finally {
                lock.close();
            }
            awaitLine(serve, log, ".* event=mailbox .* mailbox=sdr status=completed .*");
            serve.destroy();
            assertTrue(serve.waitFor(60, TimeUnit.SECONDS), Files.readString(log));
        } finally {
            serve.destroyForcibly();
        }
        String busy = Files.readString(log).lines().filter(line -> line.contains("status=busy")).findFirst()
                .orElseThrow();
        assertTrue(busy.contains("error=\"Mailbox sdr on 127.0.0.1 is busy: the test (pid "
                + ProcessHandle.current().pid() + ") since "), busy);
        assertEquals(expected, census(user));
    }

    private static void awaitLine(Process process, Path log, String pattern) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (true) {
            try (Stream<String> lines = Files.lines(log)) {
                if (lines.anyMatch(line -> line.matches(pattern))) {
                    return;
                }
            }
            if (!process.isAlive() || System.nanoTime() > deadline) {
                fail("no line " + pattern + " from serve:\n" + Files.readString(log));
            }
            Thread.sleep(100);
        }
    }
}
