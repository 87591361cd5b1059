package io.mailrules.core.account;

import io.mailrules.core.files.FileLocks;
import io.mailrules.core.files.LockBusyException;
import io.mailrules.core.source.MailboxBusyException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One writer per mailbox: a lock per account, held by whatever plans, applies, undoes or resumes on it, in every
 * process of the user (commands, {@code serve}, the workbench) and every thread of one. A lock is a file named by
 * the account's {@link MailboxAccount#key() key} in an owner-only folder (see {@link MailboxLockLocation}); it holds
 * a line saying who has it, which a second comer quotes when it gives up.
 */
public final class MailboxLocks {

    /** How long a command waits for another one on the same mailbox before it fails that mailbox. */
    public static final Duration DEFAULT_WAIT = Duration.ofSeconds(60);

    private final Path directory;
    private final String holder;
    private final Duration wait;

    /**
     * @param holder what this process is, for others who find a mailbox busy, e.g. {@code mailrules run}; the
     *        process id and the time are added
     */
    public MailboxLocks(Path directory, String holder, Duration wait) {
        this.directory = Objects.requireNonNull(directory, "directory").toAbsolutePath();
        this.holder = Objects.requireNonNull(holder, "holder");
        this.wait = Objects.requireNonNull(wait, "wait");
    }

    public Path directory() {
        return directory;
    }

    public Duration waitFor() {
        return wait;
    }

    /** The same locks, waiting {@code newWait} for a busy one. */
    public MailboxLocks waiting(Duration newWait) {
        return new MailboxLocks(directory, holder, newWait);
    }

    /**
     * Takes the lock of {@code account}, waiting up to this object's time for another holder to let go.
     *
     * @param mailbox the mailbox's name in the rules file, for the message when it is busy
     * @throws MailboxBusyException when it stayed busy, naming the mailbox and who has it
     */
    public MailboxLock lock(String mailbox, MailboxAccount account) throws MailboxBusyException, InterruptedException {
        Path file = directory.resolve(account.key() + ".lock");
        try {
            String self = holder + " (pid " + ProcessHandle.current().pid() + ") since " + Instant.now();
            return new MailboxLock(account, FileLocks.acquire(file, wait, self));
        } catch (LockBusyException e) {
            throw MailboxBusyException.busy(mailbox, account.host(), e.holder(), wait);
        } catch (IOException e) {
            // A lock that cannot be taken must not be taken for granted: the mailbox is not worked on.
            throw MailboxBusyException.unlockable(mailbox, account.host(), directory.toString(), e.toString());
        }
    }
}
