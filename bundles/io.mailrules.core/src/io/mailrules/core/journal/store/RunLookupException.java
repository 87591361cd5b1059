package io.mailrules.core.journal.store;

/** A run id or id prefix typed by the user that names no run, or more than one. */
public final class RunLookupException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public RunLookupException(String message) {
        super(message);
    }
}
