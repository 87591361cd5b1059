package io.mailrules.core.files;

import java.io.IOException;
import java.nio.channels.FileChannel;

/** A lock {@link FileLocks} gave; closing it lets the next process or thread of this process have the file. */
public final class HeldFileLock implements AutoCloseable {

    private final FileChannel channel;
    private final Runnable nextTurn;
    private boolean closed;

    HeldFileLock(FileChannel channel, Runnable nextTurn) {
        this.channel = channel;
        this.nextTurn = nextTurn;
    }

    /** Closing the channel drops the OS lock; only then may another thread of this process open the file. */
    @Override
    public synchronized void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            channel.close();
        } finally {
            nextTurn.run();
        }
    }
}
