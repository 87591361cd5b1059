package io.mailrules.core.journal.store;

import io.mailrules.core.journal.IntentRecord;
import io.mailrules.core.journal.JournalEntry;
import io.mailrules.core.journal.MailboxRefusal;
import io.mailrules.core.journal.OutcomeRecord;
import io.mailrules.core.journal.RunClosing;
import io.mailrules.core.journal.RunHeader;
import io.mailrules.core.json.JournalJson;
import io.mailrules.core.run.RunId;
import io.mailrules.core.run.RunStatus;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * Appends to one run's journal. The header, each intent and the closing line are on disk when their method returns,
 * so the engine sends a batch's command after {@link #intent} returns and not before; that ordering is what makes a
 * crash at any point resumable. An outcome is written at once but reaches the disk with the next synced line (the
 * next intent, the closing line, or closing the writer): a system crash that loses it leaves its batch pending, which
 * a resume reconciles against the server, as it does for a batch whose answer never came. That halves the syncs.
 * <p>
 * Closing without {@link #finish} leaves the run interrupted, as a crash would: resumable from the journal.
 */
public final class RunJournalWriter implements AutoCloseable {

    private final RunId run;
    private final Path file;
    private final FileChannel channel;
    private final JournalSequence sequence;
    private final List<RunLock> locks;
    private boolean broken;
    private boolean closed;

    RunJournalWriter(RunId run, Path file, FileChannel channel, JournalSequence sequence, List<RunLock> locks) {
        this.run = run;
        this.file = file;
        this.channel = channel;
        this.sequence = sequence;
        this.locks = List.copyOf(locks);
    }

    public RunId runId() {
        return run;
    }

    public Path file() {
        return file;
    }

    /** Writes the header; the store calls it once, before the file gets its final name. */
    synchronized void start(RunHeader header) throws IOException {
        append(header, true);
    }

    /** Call before sending the batch's command, and send it only if this returns normally. */
    public synchronized void intent(IntentRecord intent) throws IOException {
        append(intent, true);
    }

    public synchronized void outcome(OutcomeRecord outcome) throws IOException {
        append(outcome, false);
    }

    /** Records that a check refused a mailbox before anything was sent to it; on disk when this returns. */
    public synchronized void refused(MailboxRefusal refusal) throws IOException {
        append(refusal, true);
    }

    /** Writes the closing record; nothing can be appended after it. */
    public synchronized void finish(RunStatus status, Instant at) throws IOException {
        append(new RunClosing(run, at, status), true);
    }

    /**
     * @throws IllegalArgumentException when the entry cannot follow the ones written so far (an outcome without an
     *         intent, an entry of another run); nothing is written then
     */
    private void append(JournalEntry entry, boolean sync) throws IOException {
        if (closed) {
            throw new IllegalStateException("the journal writer of run " + run + " is closed");
        }
        if (broken) {
            // A failed write may have left part of a line; anything appended after it would make that part a
            // malformed line in the middle of the file instead of a torn end the reader forgives.
            throw new IllegalStateException("an earlier write to " + file + " failed; the run must stop");
        }
        sequence.accept(entry);
        ByteBuffer line = StandardCharsets.UTF_8.encode(JournalJson.toLine(entry) + "\n");
        try {
            while (line.hasRemaining()) {
                channel.write(line);
            }
            if (sync) {
                // force(false) is fdatasync: it skips timestamps but still syncs the file length an append changes.
                channel.force(false);
            }
        } catch (IOException | RuntimeException e) {
            broken = true;
            throw e;
        }
    }

    /** Releases the file and the run's locks; the run stays interrupted unless {@link #finish} was called. */
    @Override
    public synchronized void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        IOException failure = null;
        if (!broken) {
            // An outcome written since the last synced line.
            failure = attempt(failure, () -> channel.force(false));
        }
        failure = attempt(failure, channel::close);
        for (RunLock lock : locks) {
            failure = attempt(failure, lock::close);
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** A step of closing that may fail without keeping the next steps from being tried. */
    @FunctionalInterface
    private interface Step {
        void run() throws IOException;
    }

    /** @return the first failure so far, with later ones added to it as suppressed */
    private static IOException attempt(IOException failure, Step step) {
        try {
            step.run();
            return failure;
        } catch (IOException e) {
            if (failure == null) {
                return e;
            }
            failure.addSuppressed(e);
            return failure;
        }
    }
}
