package io.mailrules.imap;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Caps the sessions open at once per server host, because providers throttle or lock out clients that open many
 * (Microsoft 365 allows a handful per user, Gmail 15 per account). One limiter is shared by everything that talks
 * to the same servers, e.g. all mailboxes of a fleet run; it is passed in, never global.
 */
public final class HostConnectionLimiter {

    private final int maxPerHost;
    private final Map<String, Semaphore> slots = new ConcurrentHashMap<>();

    public HostConnectionLimiter(int maxPerHost) {
        if (maxPerHost < 1) {
            throw new IllegalArgumentException("maxPerHost " + maxPerHost + " must be at least 1");
        }
        this.maxPerHost = maxPerHost;
    }

    public int maxPerHost() {
        return maxPerHost;
    }

    /** A held slot; closing it frees the slot for the next session to the host. */
    public interface Permit extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Waits up to {@code wait} for a free slot.
     *
     * @throws InterruptedException if the waiting thread was interrupted (e.g. the user cancelled)
     * @throws IllegalStateException if no slot came free in time
     */
    public Permit acquire(String host, Duration wait) throws InterruptedException {
        Semaphore semaphore = semaphore(host);
        if (!semaphore.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("all " + maxPerHost + " connections to " + host + " stayed busy for "
                    + wait.toSeconds() + " s");
        }
        return permit(semaphore);
    }

    /**
     * A slot if one is free now, for work that can do without, such as a second connection to speed up a search:
     * it never makes anyone wait.
     */
    public Optional<Permit> tryAcquire(String host) {
        Semaphore semaphore = semaphore(host);
        return semaphore.tryAcquire() ? Optional.of(permit(semaphore)) : Optional.empty();
    }

    private Semaphore semaphore(String host) {
        return slots.computeIfAbsent(host.toLowerCase(Locale.ROOT), key -> new Semaphore(maxPerHost, true));
    }

    private static Permit permit(Semaphore semaphore) {
        return new Permit() {
            private boolean released;

            @Override
            public synchronized void close() {
                if (!released) {
                    released = true;
                    semaphore.release();
                }
            }
        };
    }

    /** Slots free now for the host; for status displays and tests. */
    public int available(String host) {
        Semaphore semaphore = slots.get(host.toLowerCase(Locale.ROOT));
        return semaphore == null ? maxPerHost : semaphore.availablePermits();
    }
}
