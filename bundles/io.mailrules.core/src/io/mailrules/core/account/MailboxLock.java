package io.mailrules.core.account;

import io.mailrules.core.files.HeldFileLock;
import java.io.IOException;

/** A held mailbox lock; closing it lets the next writer of the account in. */
public final class MailboxLock implements AutoCloseable {

    private final MailboxAccount account;
    private final HeldFileLock held;

    MailboxLock(MailboxAccount account, HeldFileLock held) {
        this.account = account;
        this.held = held;
    }

    public MailboxAccount account() {
        return account;
    }

    @Override
    public void close() {
        try {
            held.close();
        } catch (IOException e) {
            // Closing the file drops the OS lock even when close reports an error; nothing is left held.
        }
    }
}
