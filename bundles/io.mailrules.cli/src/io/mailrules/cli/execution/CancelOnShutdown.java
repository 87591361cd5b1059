package io.mailrules.cli.execution;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.mailrules.cli.log.Log;

/**
 * Ctrl-C (SIGINT) or SIGTERM while a run applies batches: instead of dying between a batch's command and its journal
 * record, the JVM's shutdown waits while the run finishes the batch in flight, sends no more and closes its journal
 * as interrupted, so that a resume can pick up the rest.
 */
public final class CancelOnShutdown implements AutoCloseable {

    // A batch is one command per server round trip; if the server hangs, the journal still says what is in doubt.
    private static final long LONGEST_WAIT_SECONDS = 120;

    private final CountDownLatch runFinished = new CountDownLatch(1);
    private final Thread hook;

    public CancelOnShutdown(ProgressReporter progress, Log log) {
        this(() -> {
            progress.cancel();
            progress.endLine();
        }, log);
    }

    /** @param stop tells the work in flight to send no more batches; called from the shutdown hook */
    public CancelOnShutdown(Runnable stop, Log log) {
        this.hook = new Thread(() -> {
            stop.run();
            log.warn("stopping", "message", "stopping after the current batch; the journal keeps the rest for a"
                    + " resume");
            try {
                runFinished.await(LONGEST_WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "mailrules-cancel");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    @Override
    public void close() {
        runFinished.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The hook is running and now returns, since the run is over.
        }
    }
}
