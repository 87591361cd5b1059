package io.mailrules.core.files;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Exclusive locks on files, held against other processes and against the other threads of this one, waiting a
 * bounded time for a busy lock.
 * <p>
 * Against other processes a lock is an OS record lock ({@link FileChannel#tryLock()}), which the OS drops when its
 * process dies, so a crash never leaves a file locked. Such a lock belongs to the whole process: a second channel of
 * the same process on the file gets an {@link OverlappingFileLockException}, and closing any channel on the file drops
 * every lock the process holds on it. So the threads of this process first take turns on a file here, and only the
 * thread whose turn it is opens the file at all. This table of turns is process-wide on purpose, as the OS locks it
 * guards are: a table per object would let two objects of one process open the same file. It holds nothing but whose
 * turn it is and who that is. Lock files are never deleted: deleting one while another process waits on it would let
 * two processes lock two files of the same name.
 */
public final class FileLocks {

    /** How often a busy lock held by another process is tried again while waiting. */
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private static final Map<Path, Turn> TURNS = new ConcurrentHashMap<>();

    private FileLocks() {
    }

    /** The threads of this process waiting for, or holding, one file. */
    private static final class Turn {
        private final Semaphore semaphore = new Semaphore(1, true);
        /** Who holds the file in this process; read by threads that wait for it. */
        private volatile String holder = "";
    }

    /**
     * Takes the lock on {@code file}, creating it (and its folder) readable by its owner only, and writes
     * {@code holder} into it for whoever finds it busy.
     *
     * @param wait how long to wait for a holder to let go; zero tries once
     * @throws LockBusyException when the lock stayed held for all of {@code wait}, naming the holder
     */
    public static HeldFileLock acquire(Path file, Duration wait, String holder)
            throws IOException, InterruptedException, LockBusyException {
        Path key = file.toAbsolutePath().normalize();
        Turn turn = TURNS.computeIfAbsent(key, unused -> new Turn());
        long deadline = System.nanoTime() + Math.max(0, wait.toNanos());
        if (!turn.semaphore.tryAcquire(Math.max(0, wait.toNanos()), TimeUnit.NANOSECONDS)) {
            throw new LockBusyException(describe(turn.holder, "this process"));
        }
        FileChannel channel = null;
        boolean held = false;
        try {
            Files.createDirectories(key.getParent(), attributes(key.getFileSystem(), "rwx------"));
            channel = FileChannel.open(key, Set.of(StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE), attributes(key.getFileSystem(), "rw-------"));
            while (true) {
                FileLock lock = channel.tryLock();
                if (lock != null) {
                    byte[] text = holder.getBytes(StandardCharsets.UTF_8);
                    channel.truncate(0);
                    channel.write(ByteBuffer.wrap(text), 0);
                    turn.holder = holder;
                    held = true;
                    return new HeldFileLock(channel, () -> {
                        turn.holder = "";
                        turn.semaphore.release();
                    });
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    // Read through this channel: opening the file again and closing it would be safe here, but only
                    // because no other thread of this process can hold the file while this one has the turn.
                    throw new LockBusyException(describe(read(channel), "another process"));
                }
                TimeUnit.NANOSECONDS.sleep(Math.min(POLL_NANOS, left));
            }
        } finally {
            if (!held) {
                try {
                    if (channel != null) {
                        channel.close();
                    }
                } finally {
                    turn.semaphore.release();
                }
            }
        }
    }

    private static String read(FileChannel channel) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(1024);
        channel.read(buffer, 0);
        buffer.flip();
        return StandardCharsets.UTF_8.decode(buffer).toString().strip();
    }

    private static String describe(String holder, String otherwise) {
        return holder.isBlank() ? otherwise : holder;
    }

    private static FileAttribute<?>[] attributes(FileSystem fileSystem, String permissions) {
        // Without POSIX permissions (Windows) the user profile's own access control keeps the files private.
        return fileSystem.supportedFileAttributeViews().contains("posix")
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(
                        permissions))}
                : new FileAttribute<?>[0];
    }
}
