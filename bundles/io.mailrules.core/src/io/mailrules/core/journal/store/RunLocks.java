package io.mailrules.core.journal.store;

import io.mailrules.core.run.RunId;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Lock files under {@code locks/} that keep two writers, in any processes, off one run. A run has two: its writer's,
 * held while its journal is written, and its successor's, held by the undo or resume working on it, so that two
 * resumes of one run cannot both send its pending batches.
 * <p>
 * Locks are OS record locks ({@link FileChannel#tryLock()}), which the OS drops when the process dies, so a crash
 * never leaves a run locked. They are held per process, and closing any channel on a lock file drops every lock the
 * process holds on it; so a lock this store holds is remembered here and its file is never opened again while held.
 * For the same reason there should be one store per journal directory in a process. Lock files are never deleted:
 * deleting one while another process waits on it would let two processes lock different files of the same name.
 */
final class RunLocks {

    private final Path directory;
    private final Set<Path> heldHere = ConcurrentHashMap.newKeySet();

    RunLocks(Path journalDirectory) {
        this.directory = journalDirectory.resolve("locks");
    }

    RunLock writer(RunId run) throws IOException {
        return acquire(writerFile(run), "run " + run + " is already being written by another writer");
    }

    RunLock successor(RunId run) throws IOException {
        return acquire(directory.resolve(run.value() + ".successor.lock"),
                "run " + run + " is already being undone or resumed by another writer");
    }

    /** Whether a writer, in this or another process, still has the run's journal open. */
    boolean writerAlive(RunId run) throws IOException {
        Path file = writerFile(run);
        if (heldHere.contains(file)) {
            return true;
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        } catch (NoSuchFileException e) {
            return false;
        } catch (OverlappingFileLockException e) {
            return true;
        }
    }

    private Path writerFile(RunId run) {
        return directory.resolve(run.value() + ".writer.lock");
    }

    private RunLock acquire(Path file, String refusal) throws IOException {
        if (!heldHere.add(file)) {
            throw new RunInUseException(refusal);
        }
        FileChannel channel = null;
        try {
            PrivateFiles.createDirectories(directory);
            channel = FileChannel.open(file, Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE),
                    PrivateFiles.fileAttributes(file));
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                throw new RunInUseException(refusal);
            }
            return new RunLock(channel, () -> heldHere.remove(file));
        } catch (IOException | RuntimeException e) {
            heldHere.remove(file);
            if (channel != null) {
                try {
                    channel.close();
                } catch (IOException closing) {
                    e.addSuppressed(closing);
                }
            }
            throw e;
        }
    }
}
