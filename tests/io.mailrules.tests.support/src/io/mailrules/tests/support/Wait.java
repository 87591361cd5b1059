package io.mailrules.tests.support;

import java.time.Duration;
import java.util.function.Supplier;

/** Polls a condition of the UI until it holds, failing with what was awaited. */
public final class Wait {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(20);
    private static final long POLL_MILLIS = 50;

    private Wait() {
    }

    public static void until(String what, Supplier<Boolean> condition) {
        until(what, condition, DEFAULT_TIMEOUT);
    }

    public static void until(String what, Supplier<Boolean> condition, Duration timeout) {
        forValue(what, () -> Boolean.TRUE.equals(condition.get()) ? Boolean.TRUE : null, timeout);
    }

    /** Waits until the supplier gives a non-null value and returns it. */
    public static <T> T forValue(String what, Supplier<T> supplier, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            T value = supplier.get();
            if (value != null) {
                return value;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting for " + what);
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what, e);
            }
        }
    }
}
