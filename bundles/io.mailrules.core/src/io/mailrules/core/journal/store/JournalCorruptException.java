package io.mailrules.core.journal.store;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A journal file with a line that is neither valid nor explainable by a crash. The message starts with
 * {@code file:line:} so the user can open the file at the line, as with a compiler error.
 */
public final class JournalCorruptException extends IOException {
    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final int lineNumber;

    public JournalCorruptException(Path file, int lineNumber, String problem, Throwable cause) {
        super(file + ":" + lineNumber + ": " + problem, cause);
        this.file = file;
        this.lineNumber = lineNumber;
    }

    public Path file() {
        return file;
    }

    /** 1-based. */
    public int lineNumber() {
        return lineNumber;
    }
}
