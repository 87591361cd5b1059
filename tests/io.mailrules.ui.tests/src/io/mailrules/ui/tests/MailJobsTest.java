package io.mailrules.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.core.runtime.IStatus;
import org.junit.jupiter.api.Test;

import io.mailrules.core.source.AuthenticationFailedException;
import io.mailrules.imap.MailboxSettings;
import io.mailrules.ui.mail.MailJobs;
import io.mailrules.ui.mail.MailboxRule;

/** Mail jobs: one mailbox at a time, different mailboxes at once, cancellable, failures to the caller. */
class MailJobsTest {

    private static final MailboxSettings ANA = MailboxSettings.tls("ana", "imap.example.com", "ana");
    private static final MailboxSettings ANA_AGAIN = MailboxSettings.tls("sdr-ana", "IMAP.example.com", "ana");
    private static final MailboxSettings BEN = MailboxSettings.tls("ben", "imap.example.com", "ben");

    private final MailJobs jobs = new MailJobs();

    @Test
    void theRuleNamesTheAccountNotTheRulesFilesName() {
        assertTrue(MailboxRule.of(ANA).isConflicting(MailboxRule.of(ANA_AGAIN)));
        assertFalse(MailboxRule.of(ANA).isConflicting(MailboxRule.of(BEN)));
        assertTrue(MailboxRule.ofAll(java.util.List.of(ANA, BEN)).isConflicting(MailboxRule.of(BEN)));
    }

    @Test
    void jobsOnOneMailboxTakeTurnsWhileAnotherMailboxRunsAlongside() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch benStarted = new CountDownLatch(1);
        AtomicInteger anaRunning = new AtomicInteger();
        AtomicInteger anaOverlaps = new AtomicInteger();
        MailJobs.MailTask<String> anaWork = monitor -> {
            if (anaRunning.incrementAndGet() > 1) {
                anaOverlaps.incrementAndGet();
            }
            release.await(10, TimeUnit.SECONDS);
            anaRunning.decrementAndGet();
            return "done";
        };
        MailJobs.Scheduled<String> first = jobs.schedule("ana 1", MailboxRule.of(ANA), anaWork);
        MailJobs.Scheduled<String> second = jobs.schedule("ana 2", MailboxRule.of(ANA_AGAIN), anaWork);
        MailJobs.Scheduled<String> ben = jobs.schedule("ben", MailboxRule.of(BEN), monitor -> {
            benStarted.countDown();
            return "ben done";
        });
        assertEquals("ben done", ben.result().get(10, TimeUnit.SECONDS),
                "ben's job finished while ana's first job still held its mailbox");
        assertTrue(benStarted.await(0, TimeUnit.SECONDS));
        release.countDown();
        assertEquals("done", first.result().get(10, TimeUnit.SECONDS));
        assertEquals("done", second.result().get(10, TimeUnit.SECONDS));
        assertEquals(0, anaOverlaps.get());
    }

    @Test
    void cancellingInterruptsAWaitingTaskAndTheCallerLearnsIt() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        MailJobs.Scheduled<String> waiting = jobs.schedule("waits", MailboxRule.of(ANA), monitor -> {
            started.countDown();
            Thread.sleep(60_000);
            return "never";
        });
        assertTrue(started.await(10, TimeUnit.SECONDS));
        waiting.job().cancel();
        assertTrue(waiting.job().join(10_000, null));
        assertEquals(IStatus.CANCEL, waiting.job().getResult().getSeverity());
        assertThrows(CancellationException.class, () -> waiting.result().getNow(null));
    }

    @Test
    void aMailboxFailureGoesToTheCallerAsAWarningNotAnErrorDialog() throws Exception {
        MailJobs.Scheduled<String> failing = jobs.schedule("fails", MailboxRule.of(BEN), monitor -> {
            throw new AuthenticationFailedException("ben", "imap.example.com", "ben", "LOGIN failed", null);
        });
        ExecutionException failure = assertThrows(ExecutionException.class,
                () -> failing.result().get(10, TimeUnit.SECONDS));
        assertInstanceOf(AuthenticationFailedException.class, failure.getCause());
        failing.job().join();
        assertEquals(IStatus.WARNING, failing.job().getResult().getSeverity());
    }
}
