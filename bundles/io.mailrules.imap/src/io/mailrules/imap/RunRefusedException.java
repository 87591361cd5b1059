package io.mailrules.imap;

/**
 * An undo or resume that is not started, and why, in words the user can act on (e.g. the run is itself an undo,
 * or its plan was not stored). Nothing was sent and nothing journaled.
 */
public final class RunRefusedException extends Exception {
    private static final long serialVersionUID = 1L;

    public RunRefusedException(String message) {
        super(message);
    }
}
