package io.mailrules.bench.imap;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Time spent waiting on IMAP over one run: the wall time during which at least one IMAP call was in flight, so calls
 * running side by side (searches over two connections) count once. With a trace stream it also writes each call's
 * time there, to find out which call a slow phase spends its time in.
 */
final class ImapTimer {

    private final Optional<PrintStream> trace;
    private long nanos;
    private int calls;
    private int inFlight;
    private long busySince;

    interface Call<T, E extends Exception> {
        T call() throws E;
    }

    ImapTimer(Optional<PrintStream> trace) {
        this.trace = trace;
    }

    <T, E extends Exception> T time(String what, Call<T, E> call) throws E {
        long start = begin();
        try {
            return call.call();
        } finally {
            end(what, start);
        }
    }

    /** Times a call that answers later, from its start until its answer comes. */
    <T> CompletableFuture<T> timeStarted(String what, Supplier<CompletableFuture<T>> call) {
        long start = begin();
        CompletableFuture<T> started;
        try {
            started = call.get();
        } catch (RuntimeException e) {
            end(what, start);
            throw e;
        }
        return started.whenComplete((answer, failure) -> end(what, start));
    }

    private synchronized long begin() {
        long now = System.nanoTime();
        if (inFlight++ == 0) {
            busySince = now;
        }
        return now;
    }

    private synchronized void end(String what, long start) {
        long now = System.nanoTime();
        if (--inFlight == 0) {
            nanos += now - busySince;
        }
        calls++;
        trace.ifPresent(out -> out.printf(Locale.ROOT, "imap call %-40s %8.3f s%n", what, (now - start) / 1e9));
    }

    synchronized double seconds() {
        return nanos / 1e9;
    }

    synchronized int calls() {
        return calls;
    }
}
