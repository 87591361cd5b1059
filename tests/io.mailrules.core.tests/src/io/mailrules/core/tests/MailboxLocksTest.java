package io.mailrules.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.mailrules.core.account.MailboxAccount;
import io.mailrules.core.account.MailboxLock;
import io.mailrules.core.account.MailboxLockLocation;
import io.mailrules.core.account.MailboxLocks;
import io.mailrules.core.source.MailboxBusyException;

/**
 * The mailbox locks among the threads of one process, which share the process's OS record locks: a fleet run's
 * workers, the workbench's jobs, two commands run in one JVM. Other processes are kept out by the OS lock; the
 * command line tests run two {@code mailrules} processes on one mailbox for that.
 */
class MailboxLocksTest {

    private static final MailboxAccount ANA = new MailboxAccount("IMAP.example.com", 993, "ana@example.com");
    private static final MailboxAccount BEN = new MailboxAccount("imap.example.com", 993, "ben@example.com");

    @TempDir
    Path state;

    private MailboxLocks locks(String holder, Duration wait) {
        return new MailboxLocks(state.resolve("locks"), holder, wait);
    }

    @Test
    void aSecondWriterWaitsForTheFirstAndThenHasTheMailbox() throws Exception {
        MailboxLock first = locks("mailrules run", Duration.ZERO).lock("sdr", ANA);
        CompletableFuture<MailboxLock> second = CompletableFuture.supplyAsync(() -> {
            try {
                return locks("mailrules apply", Duration.ofSeconds(20)).lock("sdr-too", ANA);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(300);
        assertFalse(second.isDone(), "the second writer waits while the first holds the account");
        first.close();
        second.get(10, TimeUnit.SECONDS).close();
    }

    @Test
    void aMailboxHeldLongerThanTheWaitFailsNamingMailboxHostAndHolder() throws Exception {
        try (MailboxLock held = locks("mailrules run", Duration.ZERO).lock("sdr", ANA)) {
            long started = System.nanoTime();
            MailboxBusyException busy = assertThrows(MailboxBusyException.class,
                    () -> locks("mailrules plan", Duration.ofMillis(400)).lock("sdr", ANA));
            assertTrue(System.nanoTime() - started >= TimeUnit.MILLISECONDS.toNanos(400), "it waited");
            assertTrue(busy.isConnectionProblem(), "busy counts with unreachable servers (exit 2)");
            assertTrue(busy.getMessage().startsWith("Mailbox sdr on imap.example.com is busy: mailrules run (pid "
                    + ProcessHandle.current().pid() + ") since "), busy.getMessage());
            assertTrue(busy.getMessage().contains("Nothing was changed"), busy.getMessage());
        }
        locks("mailrules plan", Duration.ZERO).lock("sdr", ANA).close();
    }

    @Test
    void otherAccountsAreNotHeldUp() throws Exception {
        try (MailboxLock ana = locks("mailrules run", Duration.ZERO).lock("sdr", ANA);
                MailboxLock ben = locks("mailrules run", Duration.ZERO).lock("sdr", BEN)) {
            assertNotEquals(ana.account(), ben.account());
        }
    }

    @Test
    void aFailedTryOfOneObjectLeavesAnotherObjectsLockHeld() throws Exception {
        // Closing any channel on a lock file drops the process's OS lock on it; a refused second comer must not.
        try (MailboxLock held = locks("first", Duration.ZERO).lock("sdr", ANA)) {
            for (int i = 0; i < 3; i++) {
                assertThrows(MailboxBusyException.class, () -> locks("second", Duration.ZERO).lock("sdr", ANA));
            }
            assertTrue(Files.readString(lockFile()).startsWith("first (pid "), "the holder's line stays");
        }
    }

    @Test
    void lockFilesNameNoUserAndOnlyTheirOwnerMayOpenThem() throws Exception {
        locks("mailrules run", Duration.ZERO).lock("sdr", ANA).close();
        Path file = lockFile();
        assertEquals(ANA.key() + ".lock", file.getFileName().toString());
        assertFalse(file.toString().contains("ana"), file.toString());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())));
    }

    @Test
    void anAccountIsItsHostPortAndUserWithTheHostInAnyCase() {
        assertEquals(new MailboxAccount("imap.example.com", 993, "ana@example.com").key(), ANA.key());
        assertNotEquals(new MailboxAccount("imap.example.com", 143, "ana@example.com").key(), ANA.key());
        assertNotEquals(new MailboxAccount("imap.example.com", 993, "Ana@example.com").key(), ANA.key());
        assertTrue(MailboxAccount.isKey(ANA.key()));
    }

    @Test
    void locksLiveInTheUsersStateFolder() {
        assertEquals(Path.of("/s/mailrules/locks"), MailboxLockLocation.resolve(Map.of("XDG_STATE_HOME", "/s",
                "HOME", "/h"), "/u"));
        assertEquals(Path.of("/h/.local/state/mailrules/locks"), MailboxLockLocation.resolve(Map.of(
                "XDG_STATE_HOME", "relative", "HOME", "/h"), "/u"));
        assertEquals(Path.of("/u/.local/state/mailrules/locks"), MailboxLockLocation.resolve(Map.of(), "/u"));
    }

    private Path lockFile() throws Exception {
        try (Stream<Path> files = Files.list(state.resolve("locks"))) {
            List<Path> all = files.toList();
            assertEquals(1, all.size(), all.toString());
            return all.getFirst();
        }
    }
}
