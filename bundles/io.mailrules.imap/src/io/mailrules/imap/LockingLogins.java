package io.mailrules.imap;

import io.mailrules.core.account.MailboxLock;
import io.mailrules.core.account.MailboxLocks;
import io.mailrules.core.source.MailboxBusyException;
import io.mailrules.core.source.MailboxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Logins that take the lock of each mailbox's account before the first session to it, and hold it until closed: a
 * plan, run, apply, undo or resume that goes through these is the one writer of its mailboxes from its first command
 * to its last. A mailbox another writer keeps busy fails like one whose server cannot be reached
 * ({@link MailboxBusyException}), and the others go on. A second login to a mailbox already held (a second search
 * connection, an apply after its dry run) takes nothing more.
 */
public final class LockingLogins implements MailboxLogins, AutoCloseable {

    private final MailboxLogins logins;
    private final MailboxLocks locks;
    private final Map<String, MailboxLock> held = new ConcurrentHashMap<>();
    private final Map<String, Object> turns = new ConcurrentHashMap<>();
    private boolean closed;

    public LockingLogins(MailboxLogins logins, MailboxLocks locks) {
        this.logins = Objects.requireNonNull(logins, "logins");
        this.locks = Objects.requireNonNull(locks, "locks");
    }

    @Override
    public MailboxLogin login(String mailbox) throws MailboxException {
        MailboxLogin login = logins.login(mailbox);
        String account = login.settings().account().key();
        // One thread per account waits for the lock; logins of other accounts do not wait behind it.
        synchronized (turns.computeIfAbsent(account, unused -> new Object())) {
            if (!held.containsKey(account)) {
                MailboxLock lock;
                try {
                    lock = locks.lock(mailbox, login.settings().account());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw MailboxBusyException.stopped(mailbox, login.settings().host());
                }
                synchronized (this) {
                    if (closed) {
                        lock.close();
                        throw MailboxBusyException.stopped(mailbox, login.settings().host());
                    }
                    held.put(account, lock);
                }
            }
        }
        return login;
    }

    /** Lets the next writer of each account in. */
    @Override
    public void close() {
        List<MailboxLock> release;
        synchronized (this) {
            closed = true;
            release = new ArrayList<>(held.values());
            held.clear();
        }
        release.forEach(MailboxLock::close);
    }
}
