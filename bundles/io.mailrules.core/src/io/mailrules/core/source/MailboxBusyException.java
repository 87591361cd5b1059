package io.mailrules.core.source;

import java.time.Duration;

/**
 * Nobody else may work on the mailbox now: another writer (a run, plan, apply, undo or resume, in this or another
 * process of the user) has its account and kept it for all of the time this one was willing to wait, or its lock
 * could not be taken at all. Nothing of the mailbox was read or changed by this one; trying again later is the
 * remedy, so it counts with the problems of reaching a server.
 */
public final class MailboxBusyException extends MailboxException {
    private static final long serialVersionUID = 1L;

    private MailboxBusyException(String mailbox, String host, String message) {
        super(mailbox, host, message, null);
    }

    /** @param holder who has the mailbox, as it described itself when it took the lock */
    public static MailboxBusyException busy(String mailbox, String host, String holder, Duration waited) {
        return new MailboxBusyException(mailbox, host, "Mailbox " + mailbox + " on " + host + " is busy: " + holder
                + " is working on it" + (waited.isZero() ? "" : "; gave up after waiting " + waited.toSeconds()
                        + " s") + ". Nothing was changed in it; run again when the other one is done.");
    }

    /** The lock file could not be made or opened, so whether another writer is at work cannot be known. */
    public static MailboxBusyException unlockable(String mailbox, String host, String directory, String reason) {
        return new MailboxBusyException(mailbox, host, "Mailbox " + mailbox + " on " + host
                + ": cannot take its lock in " + directory + " (" + reason + "), so it was left alone. Make that"
                + " folder writable, or set XDG_STATE_HOME to a writable folder.");
    }

    /** The wait for another writer was cut short by a stop (Ctrl-C, cancel). */
    public static MailboxBusyException stopped(String mailbox, String host) {
        return new MailboxBusyException(mailbox, host, "Mailbox " + mailbox + " on " + host
                + ": stopped while waiting for another mailrules to finish with it. Nothing was changed in it.");
    }

    @Override
    public boolean isConnectionProblem() {
        return true;
    }
}
