package io.mailrules.bench.imap;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Optional;

/**
 * Time spent waiting on IMAP calls, added up over one run; one per run, used from one thread. With a trace stream it
 * also writes each call's time there, to find out which call a slow phase spends its time in.
 */
final class ImapTimer {

    private final Optional<PrintStream> trace;
    private long nanos;
    private int calls;

    interface Call<T, E extends Exception> {
        T call() throws E;
    }

    ImapTimer(Optional<PrintStream> trace) {
        this.trace = trace;
    }

    <T, E extends Exception> T time(String what, Call<T, E> call) throws E {
        long start = System.nanoTime();
        try {
            return call.call();
        } finally {
            long spent = System.nanoTime() - start;
            nanos += spent;
            calls++;
            trace.ifPresent(out -> out.printf(Locale.ROOT, "imap call %-40s %8.3f s%n", what, spent / 1e9));
        }
    }

    double seconds() {
        return nanos / 1e9;
    }

    int calls() {
        return calls;
    }
}
