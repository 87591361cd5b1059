package io.mailrules.core.journal.store;

import java.io.IOException;

/** Another writer (in this or another process) holds the run a journal writer was asked for. */
public final class RunInUseException extends IOException {
    private static final long serialVersionUID = 1L;

    public RunInUseException(String message) {
        super(message);
    }
}
