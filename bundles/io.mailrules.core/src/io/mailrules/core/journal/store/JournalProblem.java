package io.mailrules.core.journal.store;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Something wrong with one journal file, found while listing runs. One bad file must not hide the history of every
 * other run, so listing reports it here instead of failing.
 *
 * @param runOmitted whether the run is missing from the listing (an unreadable file), as opposed to listed without
 *        the ignored end of its file
 */
public record JournalProblem(Path file, String message, boolean runOmitted) {
    public JournalProblem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(message, "message");
    }
}
