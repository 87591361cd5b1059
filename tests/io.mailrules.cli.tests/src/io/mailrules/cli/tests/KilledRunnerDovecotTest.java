package io.mailrules.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import io.mailrules.core.journal.store.JournalStore;
import io.mailrules.core.run.RunId;
import io.mailrules.core.run.RunStatus;
import io.mailrules.imap.testsupport.Census;
import io.mailrules.imap.testsupport.DovecotServer;
import io.mailrules.imap.testsupport.FaultProxy;
import io.mailrules.imap.testsupport.FaultProxy.Cut;
import io.mailrules.imap.testsupport.FaultProxy.FaultPoint;
import io.mailrules.imap.testsupport.MailClient;
import io.mailrules.imap.testsupport.ParallelCases;
import io.mailrules.imap.testsupport.PrivateDovecot;
import io.mailrules.imap.testsupport.SalesMail;

/**
 * {@code mailrules apply} in a JVM of its own, killed with SIGKILL in the middle of a run: at chosen points (while
 * the server has carried out a command whose answer the runner has not yet read, and between two commands, after
 * the runner got an answer) and at random moments (seeded; the seed is in each test's name and can be set with
 * {@code -Dmailrules.kill.seed=N}). Each killed run's journal reads as interrupted, {@code mailrules resume} ends it
 * on the census of an uninterrupted run on an identical mailbox, and {@code mailrules undo} brings back the census
 * from before.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KilledRunnerDovecotTest {

    @RegisterExtension
    static final PrivateDovecot DOVECOT = new PrivateDovecot("cli-kill", DovecotServer.Variant.FULL);

    private static final Clock CLOCK = Clock.fixed(SalesMail.NOW, ZoneOffset.UTC);
    private static final int RANDOM_KILLS = 3;
    /** Holding each command this long makes the run last long enough for random kills to land inside it. */
    private static final long COMMAND_DELAY_MILLIS = 100;

    @TempDir
    Path work;

    /** Runners started side by side, each through a proxy of its own. */
    private static final int CASES_AT_ONCE = 2;

    private final ParallelCases cases = new ParallelCases(CASES_AT_ONCE);
    private String templateUser;
    private Census before;
    private Census expected;
    private Path plan;

    private Map<String, String> environment(Path journal) {
        return CommandRun.scriptEnvironment(work, journal, DovecotServer.PASSWORD);
    }

    private Path rules(Path directory, int port, String user) throws Exception {
        Files.createDirectories(directory);
        return Files.writeString(directory.resolve("sales.mailrules"), """
                mailbox sdr {
                    host "127.0.0.1" port PORT plain insecure
                    user "USER"
                    password from env "SDR_PASSWORD"
                }

                layout sales {
                    folder "Bounces"
                    folder "AutoReplies"
                }

                rules routing for sdr layout sales in "INBOX" {
                    rule bounces when from matches /mailer-daemon|postmaster/ then move to "Bounces"
                    rule ooo when header "Auto-Submitted" exists then add keyword "$AutoReply", move to "AutoReplies"
                    rule vip when from domain "bigcustomer.com" then flag
                }

                retention cleanup for sdr layout sales {
                    // one of the two auto-replies is half the folder: past the default limit of 20%
                    limits {
                        remove at most 10
                    }
                    in "AutoReplies" keep 30 days then delete
                }
                """.replace("PORT", Integer.toString(port)).replace("USER", user));
    }

    /** In-process commands one at a time: only the runner JVMs run side by side. */
    private synchronized CommandRun mailrules(Path journal, String... args) {
        return CommandRun.in(work, environment(journal), CLOCK, args);
    }

    private static Census census(String user) throws Exception {
        try (MailClient client = DOVECOT.client(user)) {
            return Census.of(client);
        }
    }

    /** One case: a fresh copy of the mailbox, and the rules that log in to it through the case's proxy. */
    private record Case(String user, Path rules, Path journal) {
    }

    private Case newCase(String name, FaultProxy proxy) throws Exception {
        String user = DOVECOT.freshUser();
        DOVECOT.server().copyMailbox(templateUser, user);
        Path directory = work.resolve(name);
        return new Case(user, rules(directory, proxy.port(), user), directory.resolve("journal"));
    }

    @TestFactory
    Stream<DynamicTest> aRunnerKilledAnywhereIsResumedToTheUninterruptedCensusAndUndone() throws Exception {
        templateUser = DOVECOT.freshUser();
        try (MailClient client = DOVECOT.client(templateUser)) {
            SalesMail.seed(client);
            before = Census.of(client);
        }
        Path templateRules = rules(work.resolve("template"), DOVECOT.imapPort(), templateUser);
        plan = work.resolve("plan.json");
        CommandRun planned = mailrules(work.resolve("unused-journal"), "plan", templateRules.toString(), "-o",
                plan.toString());
        assertEquals(0, planned.exitCode(), planned.toString());

        int commands;
        String reference;
        try (FaultProxy proxy = FaultProxy.start(DOVECOT.imapPort())) {
            Case uninterrupted = newCase("reference", proxy);
            CommandRun applied = mailrules(uninterrupted.journal(), "apply", plan.toString(), "--rules",
                    uninterrupted.rules().toString());
            assertEquals(0, applied.exitCode(), applied.toString());
            commands = proxy.commands().size();
            assertTrue(commands >= 5, "moves, flags and a delete: " + proxy.commands());
            reference = uninterrupted.user();
        }
        expected = census(reference);

        List<DynamicTest> tests = new ArrayList<>();
        for (int command = 1; command <= commands; command++) {
            for (Cut cut : List.of(Cut.REPLY_LOST, Cut.AFTER_REPLY)) {
                FaultPoint point = new FaultPoint(command, cut);
                tests.add(cases.start("killed at " + point, () -> killedAt(point)));
            }
        }
        long seed = Long.getLong("mailrules.kill.seed", System.currentTimeMillis());
        Random random = new Random(seed);
        for (int i = 1; i <= RANDOM_KILLS; i++) {
            // The first command is seen once its delay is over; the others take about a delay each after it.
            long delay = random.nextLong((commands - 1) * COMMAND_DELAY_MILLIS);
            tests.add(cases.start("killed " + delay + " ms after its first command (seed " + seed + ", kill " + i
                    + ")", () -> killedAfter(delay)));
        }
        System.out.println("KilledRunnerDovecotTest: " + tests.size() + " kill points, random seed " + seed);
        return tests.stream();
    }

    private void killedAt(FaultPoint point) throws Exception {
        try (FaultProxy proxy = FaultProxy.start(DOVECOT.imapPort())) {
            Case killed = newCase("kill-" + point.command() + "-" + point.cut(), proxy);
            proxy.holdAt(point);
            Process runner = startApply(killed);
            try {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
                while (!proxy.awaitReached(50, TimeUnit.MILLISECONDS)) {
                    if (!runner.isAlive() || System.nanoTime() > deadline) {
                        fail("the runner never reached " + point + ": " + output(killed));
                    }
                }
            } finally {
                kill(runner, proxy);
            }
            resumeAndUndo(killed, true);
        }
    }

    private void killedAfter(long delayMillis) throws Exception {
        try (FaultProxy proxy = FaultProxy.start(DOVECOT.imapPort())) {
            Case killed = newCase("random-" + delayMillis, proxy);
            proxy.slowDown(COMMAND_DELAY_MILLIS);
            Process runner = startApply(killed);
            try {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
                while (proxy.commands().isEmpty() && runner.isAlive() && System.nanoTime() < deadline) {
                    Thread.sleep(5);
                }
                Thread.sleep(delayMillis);
            } finally {
                kill(runner, proxy);
            }
            proxy.slowDown(0);
            resumeAndUndo(killed, false);
        }
    }

    private Process startApply(Case killed) throws Exception {
        return CliProcess.start(work, environment(killed.journal()), log(killed), log(killed).resolveSibling(
                "runner.err"), "apply", plan.toString(), "--rules", killed.rules().toString(), "--journal",
                killed.journal().toString());
    }

    /** What the runner printed to standard output; its standard error is beside it. */
    private static Path log(Case killed) {
        return killed.rules().resolveSibling("runner.out");
    }

    private static String output(Case killed) throws Exception {
        return Files.readString(log(killed)) + Files.readString(log(killed).resolveSibling("runner.err"));
    }

    private static void kill(Process runner, FaultProxy proxy) throws Exception {
        // destroyForcibly is SIGKILL on Linux: no shutdown hook, no finally block, no closing journal record.
        runner.destroyForcibly();
        assertTrue(runner.waitFor(30, TimeUnit.SECONDS), "the runner outlived SIGKILL");
        proxy.cutAll();
    }

    private static Optional<Path> journalFile(Case killed) throws Exception {
        if (!Files.isDirectory(killed.journal())) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(killed.journal())) {
            return files.filter(file -> file.getFileName().toString().endsWith(".jsonl")).findFirst();
        }
    }

    /** @param cutShort whether the kill certainly came before the run's end, so its journal must read interrupted */
    private void resumeAndUndo(Case killed, boolean cutShort) throws Exception {
        Optional<Path> written = journalFile(killed);
        if (written.isEmpty()) {
            fail("the runner wrote no journal: " + output(killed));
        }
        Path file = written.get();
        String fileName = file.getFileName().toString();
        RunId run = new RunId(fileName.substring(0, fileName.length() - ".jsonl".length()));
        RunStatus status = new JournalStore(killed.journal()).history().find(run).orElseThrow().status();
        if (cutShort) {
            assertEquals(RunStatus.INTERRUPTED, status, "a run killed before its end");
        } else {
            assertTrue(status == RunStatus.INTERRUPTED || status == RunStatus.COMPLETED, status.toString());
            // Where a random kill landed, for the report: how many batches the killed run had finished.
            System.out.println("KilledRunnerDovecotTest: " + killed.rules().getParent().getFileName() + " left a "
                    + status + " run with " + new JournalStore(killed.journal()).read(run).doneBatches().size()
                    + " batches done");
        }

        CommandRun resumed = mailrules(killed.journal(), "resume", run.value(), "--rules", killed.rules().toString(),
                "--journal", killed.journal().toString());

        assertEquals(0, resumed.exitCode(), resumed.toString());
        assertEquals(expected, census(killed.user()), "after the resume, compared with an uninterrupted run");

        CommandRun undone = mailrules(killed.journal(), "undo", run.value(), "--rules", killed.rules().toString(),
                "--journal", killed.journal().toString());

        assertEquals(0, undone.exitCode(), undone.toString());
        assertEquals(before, census(killed.user()), "after undoing the run and its resume");
    }

    @AfterAll
    void stopCases() {
        cases.close();
    }
}
