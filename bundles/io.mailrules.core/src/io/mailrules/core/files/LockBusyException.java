package io.mailrules.core.files;

/** A file lock stayed held by someone else for all of the time a caller was willing to wait. */
public final class LockBusyException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String holder;

    LockBusyException(String holder) {
        super("held by " + holder);
        this.holder = holder;
    }

    /** What the holder wrote into the lock file when it took it, e.g. {@code mailrules run (pid 4242) since ...}. */
    public String holder() {
        return holder;
    }
}
