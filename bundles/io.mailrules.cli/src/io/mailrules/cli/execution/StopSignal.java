package io.mailrules.cli.execution;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A request to stop, from a signal or a shutdown hook, that every mailbox of a fleet run and the wait between
 * scheduled runs listen to: work in flight finishes its batch, nothing new starts.
 */
public final class StopSignal {

    private final CountDownLatch stopped = new CountDownLatch(1);

    public void stop() {
        stopped.countDown();
    }

    public boolean isStopped() {
        return stopped.getCount() == 0;
    }

    /**
     * Waits up to {@code timeout}, returning early when a stop is requested.
     *
     * @return whether a stop was requested
     */
    public boolean await(Duration timeout) throws InterruptedException {
        return stopped.await(Math.max(0, timeout.toMillis()), TimeUnit.MILLISECONDS);
    }
}
