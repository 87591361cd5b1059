package io.mailrules.core.journal.store;

import java.io.IOException;
import java.nio.channels.FileChannel;

/** A held lock file; closing it releases the lock for other processes and for this store. */
final class RunLock implements AutoCloseable {

    private final FileChannel channel;
    private final Runnable forget;
    private boolean closed;

    RunLock(FileChannel channel, Runnable forget) {
        this.channel = channel;
        this.forget = forget;
    }

    @Override
    public synchronized void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            // Closing the channel releases its lock.
            channel.close();
        } finally {
            forget.run();
        }
    }
}
