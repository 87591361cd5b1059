package io.mailrules.cli;

/**
 * The exit status of every {@code mailrules} command. Scripts and schedulers branch on these, so a value never changes
 * its meaning once released. 64 and 70 follow BSD sysexits so that they cannot be mistaken for an outcome of a run.
 */
public final class ExitCode {

    public static final int OK = 0;
    /** A rule file has errors (or could not be read), so nothing was run. */
    public static final int RULE_ERRORS = 1;
    /** A mailbox could not be reached or refused the credentials. */
    public static final int CONNECTION_OR_AUTH = 2;
    /** A run stopped part-way; its journal tells which batches are done and {@code resume} finishes it. */
    public static final int PARTIAL_RUN = 3;
    /**
     * A check made before anything was sent refused one or more mailboxes: their plan went past a change limit or
     * asked for a command the server cannot carry out safely. Nothing changed in a refused mailbox; every other
     * mailbox was done. When other mailboxes also failed, their code wins (3 when some mailboxes were done).
     */
    public static final int REFUSED = 4;
    /** The command line itself is wrong: unknown command, missing or unknown arguments. */
    public static final int USAGE = 64;
    /** A bug: an exception nobody expected. */
    public static final int INTERNAL_ERROR = 70;

    private ExitCode() {
    }
}
