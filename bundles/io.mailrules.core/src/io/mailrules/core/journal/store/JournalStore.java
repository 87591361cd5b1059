package io.mailrules.core.journal.store;

import io.mailrules.core.journal.RunClosing;
import io.mailrules.core.journal.RunHeader;
import io.mailrules.core.journal.RunKind;
import io.mailrules.core.plan.Plan;
import io.mailrules.core.run.RunId;
import io.mailrules.core.run.RunStatus;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The journals of all runs: one append-only file of JSON lines per run, {@code <run id>.jsonl}, holding a header,
 * an intent before and an outcome after each batch, and a closing record.
 * <p>
 * Why files of lines rather than an embedded database: each run has exactly one writer and is never updated in
 * place, which is what an append-only file does best; crash safety needs nothing more than appending and syncing
 * each line before acting on it, and a torn last line is the only damage a crash can do, which the reader
 * recognises; a user or a support engineer can read and grep a journal with a text editor when something went wrong
 * with their mail, which is when they need it most; it costs no dependency in the core bundle and no schema
 * migration; and deleting old history is deleting files.
 * <p>
 * A new file gets its header in a temporary file that is renamed into place once synced, and the directory is synced
 * after the rename; so every journal file has a complete header. Files and directories are private to their owner.
 * Readers may read a run while it is written: they see it up to its last complete line. Use one store per directory
 * in a process: OS record locks belong to the process, and a second store's probe of a lock file would release the
 * first store's lock on it.
 */
public final class JournalStore {

    private static final String SUFFIX = ".jsonl";
    private static final int AMBIGUOUS_MATCHES_SHOWN = 5;

    private final Path directory;
    private final RunLocks locks;
    private final StoredPlans plans;
    private final ReadJournals readJournals = new ReadJournals();

    /** @param directory the journal directory, usually {@link JournalLocation#fromSystem()}; created when needed */
    public JournalStore(Path directory) {
        this.directory = directory.toAbsolutePath();
        this.locks = new RunLocks(this.directory);
        this.plans = new StoredPlans(this.directory);
    }

    public Path directory() {
        return directory;
    }

    /**
     * Starts the journal of a new run and returns once its header is durable.
     *
     * @throws RunInUseException when another writer has the run, or, for an undo or resume, when the run it works
     *         on is still being written or already being undone or resumed
     * @throws FileAlreadyExistsException when the run id already has a journal
     * @throws NoSuchFileException when an undo or resume names a run without a journal here
     */
    public RunJournalWriter open(RunHeader header) throws IOException {
        return open(header, Optional.empty());
    }

    /**
     * Like {@link #open(RunHeader)}, and stores the plan the run applies beside its journal before the header, for
     * resume and undo to read with {@link #plan(RunId)}.
     */
    public RunJournalWriter open(RunHeader header, Plan plan) throws IOException {
        return open(header, Optional.of(plan));
    }

    private RunJournalWriter open(RunHeader header, Optional<Plan> plan) throws IOException {
        PrivateFiles.createDirectories(directory);
        List<RunLock> held = claim(header);
        Path temporary = directory.resolve(header.runId().value() + SUFFIX + ".new");
        RunJournalWriter writer;
        try {
            writer = createWriter(header, temporary, held);
        } catch (IOException | RuntimeException e) {
            release(held, e);
            throw e;
        }
        try {
            if (plan.isPresent()) {
                plans.write(header.runId(), plan.get());
            }
            writer.start(header);
            Files.move(temporary, writer.file(), StandardCopyOption.ATOMIC_MOVE);
            // One sync makes both new names durable: the stored plan's and the journal's.
            PrivateFiles.syncDirectory(directory);
            return writer;
        } catch (IOException | RuntimeException e) {
            try {
                writer.close();
                Files.deleteIfExists(temporary);
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }

    private List<RunLock> claim(RunHeader header) throws IOException {
        List<RunLock> held = new ArrayList<>();
        try {
            held.add(locks.writer(header.runId()));
            if (header.refersTo().isPresent()) {
                held.add(claimPredecessor(header.kind(), header.refersTo().get()));
            }
            return held;
        } catch (IOException | RuntimeException e) {
            release(held, e);
            throw e;
        }
    }

    private RunLock claimPredecessor(RunKind kind, RunId original) throws IOException {
        String verb = kind.name().toLowerCase(Locale.ROOT);
        Path file = journalFile(original);
        if (!Files.exists(file)) {
            throw new NoSuchFileException(file.toString(), null, "run " + original + " to " + verb
                    + " has no journal");
        }
        RunLock successor = locks.successor(original);
        try {
            // Checked after taking the successor lock: a run's writer lock is taken only before its file exists, so
            // once seen free it stays free.
            if (locks.writerAlive(original)) {
                throw new RunInUseException("run " + original + " is still being written; stop it before you "
                        + verb + " it");
            }
            return successor;
        } catch (IOException | RuntimeException e) {
            release(List.of(successor), e);
            throw e;
        }
    }

    private RunJournalWriter createWriter(RunHeader header, Path temporary, List<RunLock> held) throws IOException {
        RunId run = header.runId();
        Path file = journalFile(run);
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new FileAlreadyExistsException(file.toString(), null, "run " + run + " already has a journal");
        }
        // Left by a crash while this run id was being opened; the writer lock makes it ours to remove.
        Files.deleteIfExists(temporary);
        FileChannel channel = FileChannel.open(temporary,
                Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, StandardOpenOption.APPEND),
                PrivateFiles.fileAttributes(temporary));
        return new RunJournalWriter(run, file, channel, new JournalSequence(run), held);
    }

    private static void release(List<RunLock> held, Exception failure) {
        for (RunLock lock : held) {
            try {
                lock.close();
            } catch (IOException e) {
                failure.addSuppressed(e);
            }
        }
    }

    /**
     * Reads one run's journal, ignoring a torn last line (reported by {@link RunJournal#tornLine()}).
     *
     * @throws NoSuchFileException when the run has no journal here
     * @throws JournalCorruptException naming the file and line that is wrong
     */
    public RunJournal read(RunId run) throws IOException {
        return JournalFileReader.read(journalFile(run), run);
    }

    /** The plan stored with the run's journal; absent when the run was started without one. */
    public Optional<Plan> plan(RunId run) throws IOException {
        return plans.read(run);
    }

    /** Every run, newest first; a file that cannot be read is reported in the history rather than thrown. */
    public RunHistory history() throws IOException {
        List<RunJournal> journals = new ArrayList<>();
        List<JournalProblem> problems = new ArrayList<>();
        Map<RunId, RunStatus> ownStatus = new HashMap<>();
        List<Path> files = journalFiles();
        readJournals.keepOnly(files);
        for (Path file : files) {
            Optional<RunId> run = runIdOf(file);
            if (run.isEmpty()) {
                problems.add(new JournalProblem(file, file + ": not named after a run id", true));
                continue;
            }
            try {
                RunJournal journal = readJournals.read(file, run.get());
                journal.tornLine().ifPresent(torn -> problems.add(new JournalProblem(file, torn.describe(), false)));
                journals.add(journal);
                ownStatus.put(run.get(), ownStatus(journal));
            } catch (NoSuchFileException e) {
                // Deleted since the directory was listed: no longer part of the history.
            } catch (IOException e) {
                String message = e instanceof JournalCorruptException ? e.getMessage() : file + ": " + e;
                problems.add(new JournalProblem(file, message, true));
            }
        }
        return new RunHistory(RunHistoryAssembly.entries(journals, ownStatus), problems);
    }

    private RunStatus ownStatus(RunJournal journal) throws IOException {
        Optional<RunStatus> closed = journal.closing().map(RunClosing::status);
        if (closed.isPresent()) {
            return closed.get();
        }
        return locks.writerAlive(journal.runId()) ? RunStatus.RUNNING : RunStatus.INTERRUPTED;
    }

    /**
     * The run a user means by a full id or its first characters; an exact id wins over longer ids it prefixes.
     *
     * @throws RunLookupException when no run or more than one run matches
     */
    public RunId resolve(String idOrPrefix) throws IOException {
        String prefix = idOrPrefix.strip();
        if (prefix.isEmpty()) {
            throw new RunLookupException("no run id given");
        }
        List<RunId> matches = new ArrayList<>();
        for (Path file : journalFiles()) {
            Optional<RunId> run = runIdOf(file);
            if (run.isPresent() && run.get().value().equals(prefix)) {
                return run.get();
            }
            run.filter(id -> id.value().startsWith(prefix)).ifPresent(matches::add);
        }
        if (matches.isEmpty()) {
            throw new RunLookupException("no run id starts with \"" + prefix + "\" in " + directory);
        }
        if (matches.size() > 1) {
            String shown = String.join(", ", matches.stream().limit(AMBIGUOUS_MATCHES_SHOWN)
                    .map(RunId::value).toList());
            String more = matches.size() > AMBIGUOUS_MATCHES_SHOWN
                    ? " and " + (matches.size() - AMBIGUOUS_MATCHES_SHOWN) + " more"
                    : "";
            throw new RunLookupException("run id prefix \"" + prefix + "\" is ambiguous: it matches " + shown + more
                    + "; type more of the id");
        }
        return matches.get(0);
    }

    private Path journalFile(RunId run) {
        return directory.resolve(run.value() + SUFFIX);
    }

    /** Sorted by name, so ids come out in start order and messages are stable. */
    private List<Path> journalFiles() throws IOException {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory, "*" + SUFFIX)) {
            entries.forEach(files::add);
        }
        files.sort(null);
        return files;
    }

    private static Optional<RunId> runIdOf(Path file) {
        String name = file.getFileName().toString();
        try {
            return Optional.of(new RunId(name.substring(0, name.length() - SUFFIX.length())));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
