package io.mailrules.core.journal.store;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The unterminated end of a journal file: a write cut off by a crash, or one still under way when the file was read.
 * It is ignored because the writer lets the engine act on an entry only once the whole line, newline included, is
 * on disk; so the entry it would have been was never acted on (an intent) or is re-established by reconciling
 * against the server (an outcome).
 *
 * @param offset byte offset of the line's start
 * @param length bytes of the line that reached the file
 */
public record TornLine(Path file, int lineNumber, long offset, int length) {
    public TornLine {
        Objects.requireNonNull(file, "file");
    }

    public String describe() {
        return file + ":" + lineNumber + ": incomplete last line (" + length + " bytes) ignored; the run stopped "
                + "while writing it, or is still writing it";
    }
}
