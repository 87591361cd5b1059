package io.mailrules.cli.fleet;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.Function;

/** Work on the mailboxes of a fleet, at most N at once, answers in the order the mailboxes were given. */
public final class Parallel {

    private Parallel() {
    }

    /**
     * @param work what to do with one mailbox; runs on a worker thread
     * @param onBug the answer for a mailbox whose work threw, so that one bug does not hide the other mailboxes
     */
    public static <T, R> List<R> map(List<T> items, int parallel, Function<T, R> work, BiFunction<T, Throwable, R> onBug)
            throws InterruptedException {
        if (items.isEmpty()) {
            return List.of();
        }
        ExecutorService workers = Executors.newFixedThreadPool(Math.min(parallel, items.size()), workerThreads());
        try {
            List<Future<R>> futures = new ArrayList<>();
            for (T item : items) {
                futures.add(workers.submit(() -> work.apply(item)));
            }
            List<R> results = new ArrayList<>();
            for (int i = 0; i < futures.size(); i++) {
                try {
                    results.add(futures.get(i).get());
                } catch (ExecutionException e) {
                    results.add(onBug.apply(items.get(i), e.getCause()));
                }
            }
            return results;
        } finally {
            workers.shutdown();
        }
    }

    private static ThreadFactory workerThreads() {
        AtomicInteger number = new AtomicInteger();
        return work -> {
            Thread thread = new Thread(work, "mailrules-mailbox-" + number.incrementAndGet());
            // A worker stuck on a server that never answers must not keep the process alive once the command ends.
            thread.setDaemon(true);
            return thread;
        };
    }
}
