package io.mailrules.imap.testsupport;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DynamicTest;

/**
 * Runs the cases of a test factory side by side and reports each as a test of its own, in the order they were
 * added. For cases that spend most of their time waiting on a server or another process; each must use its own
 * mailbox, journal and proxy.
 */
public final class ParallelCases implements AutoCloseable {

    /** A case's body; what it throws fails its test. */
    @FunctionalInterface
    public interface Body {
        void run() throws Exception;
    }

    private final ExecutorService executor;

    public ParallelCases(int atOnce) {
        executor = Executors.newFixedThreadPool(atOnce);
    }

    /** Starts the case now; its test waits for it and fails as it failed. */
    public DynamicTest start(String name, Body body) {
        Future<?> outcome = executor.submit(() -> {
            body.run();
            return null;
        });
        return DynamicTest.dynamicTest(name, () -> {
            try {
                outcome.get(5, TimeUnit.MINUTES);
            } catch (ExecutionException e) {
                throw e.getCause();
            }
        });
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
